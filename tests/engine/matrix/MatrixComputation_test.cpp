// computeMatrix on in-memory inputs: the spec table, threshold parsing, quadrant rules, ties,
// missing values, filters, groups, and a million points (medians checked against a full sort;
// the speed of that case is timed by bench/matrix_bench.cpp, not here).
#include "engine/matrix/MatrixComputation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "MillionPoints.h"
#include "engine/matrix/MatrixFormat.h"
#include "engine/matrix/MatrixSpec.h"

using namespace cw;
using namespace cw::engine;

namespace {

constexpr double kNaN = MatrixInput::kMissing;

MatrixInput input(std::vector<double> xs, std::vector<double> ys) {
    MatrixInput in;
    in.x = {"x", "X", ""};
    in.y = {"y", "Y", ""};
    in.xs = std::move(xs);
    in.ys = std::move(ys);
    for (std::size_t i = 0; i < in.xs.size(); ++i)
        in.ids.push_back(static_cast<std::int64_t>(i + 1));
    in.revenue.assign(in.xs.size(), 1.0);
    in.margin.assign(in.xs.size(), 1.0);
    return in;
}

const MatrixSpec& loyaltySpec() {
    return matrixSpec(MatrixKind::ProfitabilityLoyalty);
}

TEST(MatrixSpec, TheFiveMatricesAndTheirQuadrants) {
    ASSERT_EQ(matrixSpecs().size(), 5u);
    // The quadrant names of the brief, in the order HH, HL (high x, low y), LH, LL.
    const std::vector<std::pair<std::string, std::array<std::string, 4>>> expected = {
        {"importance-satisfaction",
         {"keep up the good work", "concentrate here", "possible overkill", "low priority"}},
        {"profitability-potential",
         {"develop", "maintain", "grow share", "rationalise cost to serve"}},
        {"profitability-satisfaction",
         {"secure", "at risk", "reprice or re-serve", "fix or let go"}},
        {"profitability-loyalty", {"true friends", "butterflies", "barnacles", "strangers"}},
        {"satisfaction-loyalty", {"loyalists", "mercenaries", "hostages", "defectors"}},
    };
    for (const auto& [name, quadrants] : expected) {
        auto spec = findMatrixSpec(name);
        ASSERT_TRUE(spec.ok()) << name;
        for (int q = 0; q < 4; ++q) {
            EXPECT_EQ((*spec)->quadrants[q].name, quadrants[q]) << name;
            EXPECT_FALSE((*spec)->quadrants[q].meaning.empty());
        }
    }
    EXPECT_EQ(findMatrixSpec("Profitability-Loyalty").value()->x.metric, "margin");
    EXPECT_EQ(findMatrixSpec("satisfaction-loyalty").value()->x.metric, "satisfaction");
    EXPECT_EQ(findMatrixSpec("importance-satisfaction").value()->points, PointKind::Attribute);
    auto bad = findMatrixSpec("loyalty");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, ErrorKind::Usage);
    EXPECT_NE(bad.error().hint.find("profitability-potential"), std::string::npos);
    EXPECT_EQ(findQuadrant(loyaltySpec(), "Barnacles").value(), Quadrant::LowHigh);
    EXPECT_FALSE(findQuadrant(loyaltySpec(), "hostages").ok());
}

TEST(MatrixThresholds, ParseAndJson) {
    EXPECT_EQ(AxisThreshold::parse("median").value().mode, ThresholdMode::Median);
    EXPECT_EQ(AxisThreshold::parse("mean").value().mode, ThresholdMode::Mean);
    auto c = AxisThreshold::parse("-12.5");
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->mode, ThresholdMode::Custom);
    EXPECT_EQ(c->value, -12.5);
    auto t = AxisThreshold::parse("target:80");
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->mode, ThresholdMode::Target);
    EXPECT_EQ(t->value, 80.0);
    EXPECT_EQ(AxisThreshold::parse("middle").error().kind, ErrorKind::Usage);
    EXPECT_FALSE(AxisThreshold::parse("12abc").ok());
    EXPECT_FALSE(AxisThreshold::parse("nan").ok());

    auto j = MatrixThresholds::fromJson(
        R"({"x": {"mode": "median"}, "y": {"mode": "custom", "value": 50}})");
    ASSERT_TRUE(j.ok());
    EXPECT_EQ(j->x.mode, ThresholdMode::Median);
    EXPECT_EQ(j->y.mode, ThresholdMode::Custom);
    EXPECT_EQ(j->y.value, 50.0);
    EXPECT_EQ(MatrixThresholds::fromJson(j->toJson()).value(), *j);
    EXPECT_EQ(MatrixThresholds::fromJson("{}").value(), MatrixThresholds{});
    EXPECT_EQ(MatrixThresholds::fromJson(R"({"y": {"mode": "custom"}})").error().kind,
              ErrorKind::Input);
    EXPECT_FALSE(MatrixThresholds::fromJson(R"({"x": {"mode": "mode"}})").ok());
    EXPECT_FALSE(MatrixThresholds::fromJson("not json").ok());
}

TEST(MatrixComputation, QuadrantsTiesAndMissingValues) {
    // x: 1 2 3 4 | 3 NaN   y: 10 20 30 40 | NaN 5. Plotted: first four; median x = 2.5, y = 25.
    auto in = input({1, 2, 3, 4, 3, kNaN}, {10, 40, 20, 30, kNaN, 5});
    auto r = computeMatrix(loyaltySpec(), in, {});
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_DOUBLE_EQ(*r->total.x.value, 2.5);
    EXPECT_DOUBLE_EQ(*r->total.y.value, 25.0);
    const std::vector<std::int8_t> expected = {3, 2, 1, 0, kInsufficientData, kInsufficientData};
    EXPECT_EQ(r->assignment, expected);
    EXPECT_EQ(r->total.insufficient, 2);
    EXPECT_EQ(r->total.plotted, 4);
    for (const auto& q : r->total.quadrants) EXPECT_DOUBLE_EQ(*q.customerShare, 0.25);

    // A value equal to the threshold is high: odd count, the median is a data point.
    auto odd = computeMatrix(loyaltySpec(), input({1, 2, 3}, {5, 5, 5}), {});
    ASSERT_TRUE(odd.ok());
    EXPECT_EQ(odd->assignment, (std::vector<std::int8_t>{2, 0, 0}));
    // Ties: all equal, all high.
    auto ties = computeMatrix(loyaltySpec(), input({7, 7, 7, 7}, {1, 1, 1, 1}), {});
    ASSERT_TRUE(ties.ok());
    EXPECT_EQ(ties->total.quadrant(Quadrant::HighHigh).count, 4);
}

TEST(MatrixComputation, MeanCustomAndTargetThresholds) {
    auto in = input({0, 0, 0, 10}, {1, 2, 3, 4});
    MatrixOptions o;
    o.thresholds.x = {ThresholdMode::Mean, 0};  // mean 2.5: only the 10 is high
    o.thresholds.y = {ThresholdMode::Custom, 3};
    auto r = computeMatrix(loyaltySpec(), in, o);
    ASSERT_TRUE(r.ok());
    EXPECT_DOUBLE_EQ(*r->total.x.value, 2.5);
    EXPECT_DOUBLE_EQ(*r->total.y.value, 3.0);
    EXPECT_EQ(r->assignment, (std::vector<std::int8_t>{3, 3, 2, 0}));
    o.thresholds.y = {ThresholdMode::Target, 4.5};
    r = computeMatrix(loyaltySpec(), in, o);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->assignment, (std::vector<std::int8_t>{3, 3, 3, 1}));
    EXPECT_EQ(r->total.y.mode, ThresholdMode::Target);
}

TEST(MatrixComputation, SharesOverPlottedPointsAndNoSharesForAttributes) {
    auto in = input({1, 2, 3, 4, kNaN}, {1, 2, 3, 4, 9});
    in.revenue = {100, 0, 300, kNaN, 1000};  // the insufficient point's revenue must not count
    in.margin = {-10, 20, 30, 60, 500};
    auto r = computeMatrix(loyaltySpec(), in, {});
    ASSERT_TRUE(r.ok());
    // Medians 2.5/2.5: points 1,2 are LL, 3,4 are HH.
    EXPECT_DOUBLE_EQ(*r->total.quadrant(Quadrant::HighHigh).revenueShare, 300.0 / 400.0);
    EXPECT_DOUBLE_EQ(*r->total.quadrant(Quadrant::LowLow).marginShare, 10.0 / 100.0);
    EXPECT_DOUBLE_EQ(r->total.quadrant(Quadrant::HighLow).customerShare.value(), 0.0);

    in.points = PointKind::Attribute;
    in.revenue.clear();
    in.margin.clear();
    r = computeMatrix(matrixSpec(MatrixKind::ImportanceSatisfaction), in, {});
    ASSERT_TRUE(r.ok());
    for (const auto& q : r->total.quadrants) {
        EXPECT_FALSE(q.customerShare || q.revenueShare || q.marginShare);
    }
    const auto json = matrixToJson(*r);
    EXPECT_EQ(json.find("nan"), std::string::npos);
    EXPECT_NE(json.find("\"revenue_share\":null"), std::string::npos);
}

TEST(MatrixComputation, NoPlottedPointsNeverPrintsNaN) {
    auto in = input({kNaN, 1}, {1, kNaN});
    auto r = computeMatrix(loyaltySpec(), in, {});
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->total.x.value.has_value());
    EXPECT_EQ(r->total.insufficient, 2);
    for (const auto& s : {matrixToJson(*r), matrixToText(*r), matrixToCsv(*r)}) {
        std::string lower = s;
        std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
        EXPECT_EQ(lower.find("nan"), std::string::npos) << s;
        EXPECT_EQ(lower.find("inf"), std::string::npos) << s;
    }
    EXPECT_NE(matrixToText(*r).find("n/a"), std::string::npos);
}

TEST(MatrixComputation, GroupsAndFilters) {
    auto in = input({1, 2, 3, 4, 5, 6, kNaN}, {6, 5, 4, 3, 2, 1, 1});
    auto& region = in.field(GroupField::Region);
    const auto n = region.intern("North"), s = region.intern("South");
    region.codes = {n, n, s, s, Category::kNone, n, s};
    auto& channel = in.field(GroupField::Channel);
    const auto web = channel.intern("web"), shop = channel.intern("store");
    channel.codes = {web, shop, web, web, web, web, web};

    MatrixOptions o;
    o.groupBy = GroupField::Region;
    auto r = computeMatrix(loyaltySpec(), in, o);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->groups.size(), 3u);
    EXPECT_EQ(r->groups[0].name, "North");
    EXPECT_EQ(r->groups[1].name, "South");
    EXPECT_EQ(r->groups[2].name, kNoGroupName);
    std::array<std::int64_t, 4> sum{};
    std::int64_t insufficient = 0;
    for (const auto& g : r->groups) {
        for (int q = 0; q < 4; ++q) sum[q] += g.summary.quadrants[q].count;
        insufficient += g.summary.insufficient;
    }
    for (int q = 0; q < 4; ++q) EXPECT_EQ(sum[q], r->total.quadrants[q].count);
    EXPECT_EQ(insufficient, r->total.insufficient);

    // region = North AND channel = web: points 1 and 6; thresholds from them only (3.5, 3.5).
    o.groupBy.reset();
    o.filters = {{GroupField::Region, "North"}, {GroupField::Channel, "web"}};
    r = computeMatrix(loyaltySpec(), in, o);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->total.points(), 2);
    EXPECT_EQ(r->filteredOut, 5);
    EXPECT_DOUBLE_EQ(*r->total.x.value, 3.5);
    EXPECT_EQ(r->assignment[0], static_cast<std::int8_t>(Quadrant::LowHigh));
    EXPECT_EQ(r->assignment[5], static_cast<std::int8_t>(Quadrant::HighLow));
    // Two values of one field: either. An unknown value: nothing, with a warning.
    o.filters = {{GroupField::Region, "North"}, {GroupField::Region, "South"}};
    EXPECT_EQ(computeMatrix(loyaltySpec(), in, o)->total.points(), 6);
    o.filters = {{GroupField::Region, "West"}};
    r = computeMatrix(loyaltySpec(), in, o);
    EXPECT_EQ(r->total.points(), 0);
    EXPECT_EQ(r->warnings.size(), 1u);
    // A field the input did not load.
    o.filters = {{GroupField::Manager, "x"}};
    EXPECT_EQ(computeMatrix(loyaltySpec(), in, o).error().kind, ErrorKind::Usage);
}

TEST(MatrixComputation, PerGroupThresholds) {
    auto in = input({1, 2, 10, 20}, {1, 2, 10, 20});
    auto& region = in.field(GroupField::Region);
    const auto a = region.intern("A"), b = region.intern("B");
    region.codes = {a, a, b, b};
    MatrixOptions o;
    o.groupBy = GroupField::Region;
    o.perGroupThresholds = true;
    auto r = computeMatrix(loyaltySpec(), in, o);
    ASSERT_TRUE(r.ok());
    EXPECT_DOUBLE_EQ(*r->groups[0].summary.x.value, 1.5);
    EXPECT_DOUBLE_EQ(*r->groups[1].summary.x.value, 15.0);
    EXPECT_EQ(r->assignment, (std::vector<std::int8_t>{3, 0, 3, 0}));
    EXPECT_FALSE(r->total.x.value.has_value());
    // With the global thresholds (6, 6) group A is all low, B all high.
    o.perGroupThresholds = false;
    EXPECT_EQ(computeMatrix(loyaltySpec(), in, o)->assignment,
              (std::vector<std::int8_t>{3, 3, 0, 0}));
}

TEST(MatrixComputation, MillionPointsMediansExact) {
    const std::size_t n = 1'000'000;
    const MatrixInput in = test::millionPoints(n);
    MatrixOptions o;
    o.groupBy = GroupField::Region;
    auto r = computeMatrix(loyaltySpec(), in, o);
    ASSERT_TRUE(r.ok());

    // Median by full sort.
    std::vector<double> xs, ys;
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isnan(in.xs[i])) {
            xs.push_back(in.xs[i]);
            ys.push_back(in.ys[i]);
        }
    std::sort(xs.begin(), xs.end());
    std::sort(ys.begin(), ys.end());
    const auto m = xs.size() / 2;
    EXPECT_DOUBLE_EQ(*r->total.x.value, xs.size() % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2);
    EXPECT_DOUBLE_EQ(*r->total.y.value, ys.size() % 2 ? ys[m] : (ys[m - 1] + ys[m]) / 2);
    EXPECT_EQ(r->total.insufficient, static_cast<std::int64_t>(n / 50));
    EXPECT_EQ(r->total.plotted + r->total.insufficient, static_cast<std::int64_t>(n));
}

}  // namespace

namespace {

bool warns(const MatrixResult& r, const std::string& text) {
    for (const auto& w : r.warnings)
        if (w.find(text) != std::string::npos) return true;
    return false;
}

TEST(MatrixComputation, ASplitWhereMostPointsEqualTheMedianIsReportedAsNotDividing) {
    // 797 of 842 deals with revenue 0: the median is 0 and, ties counting high, everyone is high.
    std::vector<double> xs(842, 0.0), ys(842);
    for (std::size_t i = 797; i < xs.size(); ++i) xs[i] = double(i);
    for (std::size_t i = 0; i < ys.size(); ++i) ys[i] = double(i % 100);
    auto in = input(xs, ys);
    auto r = computeMatrix(loyaltySpec(), in, {});
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(warns(*r, "797 of 842 points equal the threshold 0")) << (r->warnings.empty() ? "" : r->warnings[0]);
    EXPECT_FALSE(warns(*r, "y (Y) split"));
    // A custom threshold below every point: every point is high.
    MatrixOptions o;
    o.thresholds.y = AxisThreshold::parse("-5").value();
    r = computeMatrix(loyaltySpec(), in, o);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(warns(*r, "y (Y) split does not divide: every point is high"));
    // A split that divides says nothing.
    auto fine = computeMatrix(loyaltySpec(), input({1, 2, 3, 4}, {4, 3, 2, 1}), {});
    ASSERT_TRUE(fine.ok());
    EXPECT_TRUE(fine->warnings.empty());
}

TEST(MatrixComputation, TheInputsNotesComeWithTheResult) {
    auto in = input({1, 2, 3, 4}, {4, 3, 2, 1});
    in.notes.push_back("profitability assumes a gross margin");
    auto r = computeMatrix(loyaltySpec(), in, {});
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(warns(*r, "profitability assumes"));
    EXPECT_NE(matrixToText(*r).find("warning: profitability assumes"), std::string::npos);
}

}  // namespace

namespace {

TEST(MatrixComputation, InsufficientDataIsCountedByTheValueMissing) {
    auto in = input({1, kNaN, 3, kNaN, 5, 6}, {kNaN, 2, 3, kNaN, kNaN, 6});
    auto r = computeMatrix(loyaltySpec(), in, {});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->total.insufficient, 4);
    EXPECT_EQ(r->missingX, 1);
    EXPECT_EQ(r->missingY, 2);
    EXPECT_EQ(r->missingBoth, 1);
    EXPECT_NE(matrixToText(*r).find("insufficient data: 1 without x, 2 without y, 1 without either"), std::string::npos)
        << matrixToText(*r);
    EXPECT_NE(matrixToJson(*r).find(R"("insufficient_reasons":{"no_x":1,"no_y":2,"neither":1})"), std::string::npos);
}

}  // namespace

namespace {

TEST(MatrixComputation, GroupsComeLargestFirstWithNoValueLast) {
    // "United Kingdom" holds most customers; alphabetically it would come last.
    auto in = input({1, 2, 3, 4, 5, 6, 7, 8}, {8, 7, 6, 5, 4, 3, 2, 1});
    auto& region = in.field(GroupField::Region);
    const auto uk = region.intern("United Kingdom"), at = region.intern("Austria"), be = region.intern("Belgium");
    region.codes = {uk, uk, uk, uk, at, be, Category::kNone, Category::kNone};
    MatrixOptions o;
    o.groupBy = GroupField::Region;
    auto r = computeMatrix(loyaltySpec(), in, o);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->groups.size(), 4u);
    EXPECT_EQ(r->groups[0].name, "United Kingdom");
    EXPECT_EQ(r->groups[1].name, "Austria");  // a tie in size: by name
    EXPECT_EQ(r->groups[2].name, "Belgium");
    EXPECT_EQ(r->groups[3].name, kNoGroupName);  // bigger than Austria, still last
}

}  // namespace
