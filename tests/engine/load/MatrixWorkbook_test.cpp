// The matrices of a fixture workbook against an independent SQL computation: counts, shares,
// thresholds and insufficient data, overall and per region, for every threshold mode, filters and
// breakdowns; loading (segments, managers, importance source), saved thresholds and the JSON
// contract.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "MatrixFixture.h"
#include "MatrixSql.h"
#include "engine/settings/WorkbookSettings.h"
#include "engine/matrix/MatrixComputation.h"
#include "engine/matrix/MatrixFormat.h"
#include "engine/load/MatrixLoader.h"

using namespace cw;
using namespace cw::engine;
using cw::test::kFixtureCustomers;
using cw::test::MatrixFixture;
using cw::test::SqlMatrix;
using cw::test::sqlMatrix;
using cw::test::SqlThreshold;

namespace {

const std::vector<MatrixKind> kCustomerMatrices = {
    MatrixKind::ProfitabilityPotential, MatrixKind::ProfitabilitySatisfaction,
    MatrixKind::ProfitabilityLoyalty, MatrixKind::SatisfactionLoyalty};

void expectSame(const MatrixSummary& ours, const SqlMatrix& sql, const std::string& what) {
    SCOPED_TRACE(what);
    ASSERT_EQ(ours.x.value.has_value(), sql.tx.has_value());
    if (sql.tx) {
        EXPECT_NEAR(*ours.x.value, *sql.tx, 1e-9);
    }
    if (sql.ty) {
        EXPECT_NEAR(*ours.y.value, *sql.ty, 1e-9);
    }
    EXPECT_EQ(ours.insufficient, sql.insufficient);
    EXPECT_EQ(ours.plotted, sql.plotted);
    double revenue = 0, margin = 0;
    for (int q = 0; q < 4; ++q) {
        revenue += sql.revenue[q];
        margin += sql.margin[q];
    }
    for (int q = 0; q < 4; ++q) {
        const auto& o = ours.quadrants[q];
        EXPECT_EQ(o.count, sql.count[q]) << "quadrant " << q;
        if (sql.plotted == 0) continue;
        EXPECT_NEAR(o.customerShare.value(), static_cast<double>(sql.count[q]) / sql.plotted,
                    1e-12);
        if (revenue != 0) {
            EXPECT_NEAR(o.revenueShare.value(), sql.revenue[q] / revenue, 1e-12);
        }
        if (margin != 0) {
            EXPECT_NEAR(o.marginShare.value(), sql.margin[q] / margin, 1e-12);
        }
    }
}

MatrixResult compute(store::Workbook& wb, MatrixKind kind, const MatrixOptions& o) {
    auto in = loadMatrixInput(wb, kind, o.groupBy, o.filters);
    EXPECT_TRUE(in.ok()) << (in.ok() ? "" : in.error().describe());
    auto r = computeMatrix(matrixSpec(kind), *in, o);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
    return std::move(*r);
}

std::vector<std::string> regions(store::Database& db) {
    std::vector<std::string> out;
    auto st = db.prepareOrThrow(
        "SELECT DISTINCT region FROM customers WHERE region IS NOT NULL ORDER BY region");
    while (st.step()) out.push_back(st.text(0));
    return out;
}

TEST(MatrixWorkbook, EveryCustomerMatrixMatchesSqlOverallAndPerRegion) {
    MatrixFixture f;
    const auto regionNames = regions(f.db());
    ASSERT_EQ(regionNames.size(), 3u);
    bool sawTie = false;
    for (auto kind : kCustomerMatrices) {
        const auto& spec = matrixSpec(kind);
        MatrixOptions o;
        o.groupBy = GroupField::Region;
        const auto r = compute(f.wb(), kind, o);
        const auto sql = sqlMatrix(f.db(), spec.x.metric, spec.y.metric);
        expectSame(r.total, sql, spec.name);
        // No customer lost.
        EXPECT_EQ(r.total.plotted + r.total.insufficient, kFixtureCustomers);
        // Ties at the median: points exactly on the threshold exist and count as high.
        const auto ties = f.db().queryInt("SELECT count(*) FROM customer_metrics WHERE " +
                                          spec.x.metric + " = " + std::to_string(*r.total.x.value) +
                                          " AND " + spec.y.metric + " IS NOT NULL");
        sawTie = sawTie || ties.value_or(0) > 0;

        // Per region, with the global thresholds.
        ASSERT_EQ(r.groups.size(), 4u);
        const SqlThreshold tx{"custom", *sql.tx}, ty{"custom", *sql.ty};
        for (const auto& g : r.groups) {
            const auto gs = g.name == kNoGroupName ? sqlMatrix(f.db(), spec.x.metric, spec.y.metric,
                                                               "c.region IS NULL", {}, tx, ty)
                                                   : sqlMatrix(f.db(), spec.x.metric, spec.y.metric,
                                                               "c.region = ?1", {g.name}, tx, ty);
            auto expected = gs;
            expected.tx = sql.tx;
            expected.ty = sql.ty;
            expectSame(g.summary, expected, spec.name + " / " + g.name);
        }
    }
    EXPECT_TRUE(sawTie) << "the fixture should put points on a median threshold";
}

TEST(MatrixWorkbook, MeanAndCustomThresholdsMatchSql) {
    MatrixFixture f;
    for (auto kind : kCustomerMatrices) {
        const auto& spec = matrixSpec(kind);
        MatrixOptions o;
        o.thresholds.x = {ThresholdMode::Mean, 0};
        o.thresholds.y = {ThresholdMode::Custom, 50};
        expectSame(
            compute(f.wb(), kind, o).total,
            sqlMatrix(f.db(), spec.x.metric, spec.y.metric, "1", {}, {"mean"}, {"custom", 50}),
            spec.name + " mean/custom");
        o.thresholds.x = {ThresholdMode::Target, 20};
        o.thresholds.y = {ThresholdMode::Mean, 0};
        expectSame(
            compute(f.wb(), kind, o).total,
            sqlMatrix(f.db(), spec.x.metric, spec.y.metric, "1", {}, {"custom", 20}, {"mean"}),
            spec.name + " target/mean");
    }
}

TEST(MatrixWorkbook, FiltersComposeBeforeThresholds) {
    MatrixFixture f;
    const auto& spec = matrixSpec(MatrixKind::ProfitabilityLoyalty);
    MatrixOptions o;
    o.filters = {{GroupField::Region, "North"}, {GroupField::Channel, "web"}};
    auto r = compute(f.wb(), spec.kind, o);
    auto sql = sqlMatrix(f.db(), "margin", "loyalty", "c.region = ?1 AND c.channel = ?2",
                         {"North", "web"});
    ASSERT_GT(sql.plotted, 5);
    expectSame(r.total, sql, "North and web");
    EXPECT_EQ(r.filteredOut + r.total.points(), kFixtureCustomers);

    // Two regions (OR) and a manager by code, then the same manager by name.
    o.filters = {
        {GroupField::Region, "North"}, {GroupField::Region, "East"}, {GroupField::Manager, "M02"}};
    sql = sqlMatrix(f.db(), "margin", "loyalty", "c.region IN (?1, ?2) AND mg.code = ?3",
                    {"North", "East", "M02"});
    expectSame(compute(f.wb(), spec.kind, o).total, sql, "North or East, manager M02");
    o.filters.back().value = "Bo Chen";
    expectSame(compute(f.wb(), spec.kind, o).total, sql, "manager by name");
    // A manager without a name is shown and matched by code.
    o.filters = {{GroupField::Manager, "M03"}};
    expectSame(compute(f.wb(), spec.kind, o).total,
               sqlMatrix(f.db(), "margin", "loyalty", "mg.code = ?1", {"M03"}), "manager M03");
}

TEST(MatrixWorkbook, PerGroupThresholdsMatchSqlPerRegion) {
    MatrixFixture f;
    const auto& spec = matrixSpec(MatrixKind::SatisfactionLoyalty);
    MatrixOptions o;
    o.groupBy = GroupField::Region;
    o.perGroupThresholds = true;
    auto r = compute(f.wb(), spec.kind, o);
    std::int64_t sum = 0;
    for (const auto& g : r.groups) {
        const auto sql =
            g.name == kNoGroupName
                ? sqlMatrix(f.db(), "satisfaction", "loyalty", "c.region IS NULL")
                : sqlMatrix(f.db(), "satisfaction", "loyalty", "c.region = ?1", {g.name});
        expectSame(g.summary, sql, g.name);
        sum += g.summary.points();
    }
    EXPECT_EQ(sum, kFixtureCustomers);
}

TEST(MatrixWorkbook, EveryBreakdownSumsToTheTotal) {
    MatrixFixture f;
    for (int field = 0; field < kGroupFieldCount; ++field) {
        MatrixOptions o;
        o.groupBy = static_cast<GroupField>(field);
        auto r = compute(f.wb(), MatrixKind::ProfitabilityPotential, o);
        std::array<std::int64_t, 4> counts{};
        std::int64_t insufficient = 0;
        double revenueShare = 0;
        for (const auto& g : r.groups) {
            for (int q = 0; q < 4; ++q) counts[q] += g.summary.quadrants[q].count;
            insufficient += g.summary.insufficient;
            // Within a group, the shares of customers add to one.
            double share = 0;
            for (const auto& q : g.summary.quadrants) share += q.customerShare.value_or(0);
            if (g.summary.plotted > 0) {
                EXPECT_NEAR(share, 1.0, 1e-12);
            }
        }
        for (const auto& q : r.total.quadrants) revenueShare += q.revenueShare.value();
        EXPECT_NEAR(revenueShare, 1.0, 1e-12);
        for (int q = 0; q < 4; ++q) EXPECT_EQ(counts[q], r.total.quadrants[q].count) << field;
        EXPECT_EQ(insufficient, r.total.insufficient);
    }
}

TEST(MatrixWorkbook, SegmentsComeFromTheActiveSegmentation) {
    MatrixFixture f;
    auto countsBySegment = [&] {
        MatrixOptions o;
        o.groupBy = GroupField::Segment;
        std::map<std::string, std::int64_t> out;
        for (const auto& g : compute(f.wb(), MatrixKind::ProfitabilityLoyalty, o).groups)
            out[g.name] = g.summary.points();
        return out;
    };
    auto sqlCounts = [&](const std::string& sql) {
        std::map<std::string, std::int64_t> out;
        auto st = f.db().prepareOrThrow(sql);
        while (st.step()) out[st.text(0)] = st.int64(1);
        return out;
    };
    // Unset: the customers' own column (empty text is no segment).
    EXPECT_EQ(
        countsBySegment(),
        sqlCounts(
            "SELECT coalesce(nullif(segment, ''), '(none)'), count(*) FROM customers GROUP BY 1"));
    ASSERT_TRUE(f.wb().setSetting("segmentation.active", "\"kmeans-3\"").ok());
    EXPECT_EQ(
        countsBySegment(),
        sqlCounts(
            "SELECT coalesce(s.label, '(none)'), count(*) FROM customers c LEFT JOIN "
            "customer_segments cs "
            "ON cs.customer_id = c.id LEFT JOIN segments s ON s.id = cs.segment_id GROUP BY 1"));
    ASSERT_TRUE(f.wb().setSetting("segmentation.active", "\"gone\"").ok());
    auto in = loadMatrixInput(f.wb(), MatrixKind::ProfitabilityLoyalty, GroupField::Segment);
    ASSERT_FALSE(in.ok());
    EXPECT_EQ(in.error().kind, ErrorKind::Input);
    // Not needed, not read: a matrix without segments still loads.
    EXPECT_TRUE(loadMatrixInput(f.wb(), MatrixKind::ProfitabilityLoyalty, GroupField::Region).ok());
}

TEST(MatrixWorkbook, ImportanceSatisfactionOverAttributes) {
    MatrixFixture f;
    const auto& spec = matrixSpec(MatrixKind::ImportanceSatisfaction);
    auto in = loadMatrixInput(f.wb(), spec.kind);
    ASSERT_TRUE(in.ok()) << in.error().describe();
    EXPECT_EQ(in->size(), 7u);
    auto r = computeMatrix(spec, *in, {});
    ASSERT_TRUE(r.ok());
    // Plotted (derived_share, satisfaction): delivery .40/80, price .20/40, advice .10/70,
    // invoicing .12/60, returns .08/30. Medians: x = 0.12, y = 60.
    EXPECT_DOUBLE_EQ(*r->total.x.value, 0.12);
    EXPECT_DOUBLE_EQ(*r->total.y.value, 60.0);
    EXPECT_EQ(r->total.insufficient, 2);  // website (no satisfaction), hotline (no row)
    // delivery, invoicing: keep up; price: concentrate here; advice: overkill; returns: low
    // priority.
    EXPECT_EQ(r->total.quadrant(Quadrant::HighHigh).count, 2);
    EXPECT_EQ(r->total.quadrant(Quadrant::HighLow).count, 1);
    EXPECT_EQ(r->total.quadrant(Quadrant::LowHigh).count, 1);
    EXPECT_EQ(r->total.quadrant(Quadrant::LowLow).count, 1);
    const auto j = nlohmann::json::parse(matrixToJson(*r));
    EXPECT_EQ(j["x"]["metric"], "derived_share");
    for (const auto& q : j["quadrants"]) {
        EXPECT_TRUE(q["customer_share"].is_null());
        EXPECT_TRUE(q["revenue_share"].is_null());
        EXPECT_TRUE(q["margin_share"].is_null());
    }
    // Stated importance: delivery 4.5, price 4.8, advice 3.0, invoicing 2.0, returns 3.5 ->
    // median 3.5.
    ASSERT_TRUE(f.wb().setSetting("matrix.importance_source", "\"stated\"").ok());
    in = loadMatrixInput(f.wb(), spec.kind);
    ASSERT_TRUE(in.ok());
    EXPECT_EQ(in->x.metric, "stated_importance");
    r = computeMatrix(spec, *in, {});
    EXPECT_DOUBLE_EQ(*r->total.x.value, 3.5);
    EXPECT_EQ(r->total.insufficient, 2);  // website has stated importance but no satisfaction
    EXPECT_EQ(r->total.quadrant(Quadrant::HighHigh).count, 1);  // delivery
    EXPECT_EQ(r->total.quadrant(Quadrant::HighLow).count, 2);   // price, returns
    EXPECT_EQ(nlohmann::json::parse(matrixToJson(*r))["x"]["metric"], "stated_importance");
    // No customer breakdowns of attributes.
    EXPECT_EQ(loadMatrixInput(f.wb(), spec.kind, GroupField::Region).error().kind,
              ErrorKind::Usage);
}

TEST(MatrixWorkbook, NotAnalysedIsAnInputErrorWithAHint) {
    MatrixFixture f(false);
    for (const auto& spec : matrixSpecs()) {
        auto in = loadMatrixInput(f.wb(), spec.kind);
        ASSERT_FALSE(in.ok()) << spec.name;
        EXPECT_EQ(in.error().kind, ErrorKind::Input);
        EXPECT_EQ(in.error().exitCode(), 2);
        EXPECT_NE(in.error().hint.find("run clienting analyze first"), std::string::npos);
    }
    EXPECT_FALSE(checkAnalysed(f.wb()).ok());
}

TEST(MatrixWorkbook, ThresholdsAreSavedPerMatrix) {
    MatrixFixture f;
    const auto& spec = matrixSpec(MatrixKind::ProfitabilitySatisfaction);
    EXPECT_EQ(loadMatrixThresholds(f.wb(), spec).value(), MatrixThresholds{});
    ASSERT_TRUE(
        f.wb()
            .setSetting(settings::matrixThresholds(spec.name).key,
                        R"({"x": {"mode": "median"}, "y": {"mode": "custom", "value": 50}})")
            .ok());
    auto t = loadMatrixThresholds(f.wb(), spec);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->y.mode, ThresholdMode::Custom);
    EXPECT_EQ(t->y.value, 50.0);
    MatrixThresholds saved{{ThresholdMode::Mean, 0}, {ThresholdMode::Target, 75}};
    ASSERT_TRUE(
        saveMatrixThresholds(f.wb(), matrixSpec(MatrixKind::SatisfactionLoyalty), saved).ok());
    EXPECT_EQ(loadMatrixThresholds(f.wb(), matrixSpec(MatrixKind::SatisfactionLoyalty)).value(),
              saved);
    EXPECT_EQ(loadMatrixThresholds(f.wb(), spec).value(), *t);  // the other matrix is untouched
    ASSERT_TRUE(f.wb().setSetting(settings::matrixThresholds(spec.name).key, R"({"x": {"mode": "sometimes"}})").ok());
    auto bad = loadMatrixThresholds(f.wb(), spec);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find(settings::matrixThresholds(spec.name).key), std::string::npos);
}

TEST(MatrixWorkbook, JsonFollowsTheContract) {
    MatrixFixture f;
    const auto& spec = matrixSpec(MatrixKind::ProfitabilityLoyalty);
    MatrixOptions o;
    o.groupBy = GroupField::Region;
    o.thresholds.y = {ThresholdMode::Custom, 50};
    const auto r = compute(f.wb(), spec.kind, o);
    const auto sql = sqlMatrix(f.db(), "margin", "loyalty", "1", {}, {}, {"custom", 50});
    const auto j = nlohmann::json::parse(matrixToJson(r));
    std::set<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.insert(k);
    EXPECT_EQ(keys, (std::set<std::string>{"matrix", "x", "y", "thresholds", "quadrants", "insufficient_data",
                                           "insufficient_reasons", "groups", "warnings", "currency"}));
    EXPECT_EQ(j["matrix"], "profitability-loyalty");
    EXPECT_EQ(j["x"]["metric"], "margin");
    EXPECT_EQ(j["y"]["metric"], "loyalty");
    EXPECT_TRUE(j["x"]["label"].is_string() && j["x"]["unit"].is_string());
    EXPECT_EQ(j["thresholds"]["x"]["mode"], "median");
    EXPECT_NEAR(j["thresholds"]["x"]["value"].get<double>(), *sql.tx, 1e-9);
    EXPECT_EQ(j["thresholds"]["y"]["mode"], "custom");
    EXPECT_EQ(j["thresholds"]["y"]["value"].get<double>(), 50.0);
    ASSERT_EQ(j["quadrants"].size(), 4u);
    double revenue = 0;
    for (int q = 0; q < 4; ++q) revenue += sql.revenue[q];
    for (int q = 0; q < 4; ++q) {
        const auto& jq = j["quadrants"][q];
        EXPECT_EQ(jq["name"], spec.quadrants[q].name);
        EXPECT_EQ(jq["count"].get<std::int64_t>(), sql.count[q]);
        EXPECT_NEAR(jq["customer_share"].get<double>(),
                    static_cast<double>(sql.count[q]) / sql.plotted, 1e-12);
        EXPECT_NEAR(jq["revenue_share"].get<double>(), sql.revenue[q] / revenue, 1e-12);
        EXPECT_TRUE(jq["margin_share"].is_number());
    }
    EXPECT_EQ(j["insufficient_data"].get<std::int64_t>(), sql.insufficient);
    ASSERT_EQ(j["groups"].size(), 4u);
    std::int64_t total = 0;
    for (const auto& g : j["groups"]) {
        EXPECT_EQ(g["by"], "region");
        EXPECT_TRUE(g["name"].is_string());
        ASSERT_EQ(g["quadrants"].size(), 4u);
        for (const auto& q : g["quadrants"]) total += q["count"].get<std::int64_t>();
        total += g["insufficient_data"].get<std::int64_t>();
    }
    EXPECT_EQ(total, kFixtureCustomers);
    EXPECT_EQ(j["groups"][0]["name"], "East");
    EXPECT_EQ(j["groups"][3]["name"], kNoGroupName);

    // Text and CSV carry the same counts and never NaN.
    const auto csv = matrixToCsv(r);
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 5 * 5);
    EXPECT_NE(
        csv.find("all,," + spec.quadrants[0].name + ",HH," + std::to_string(sql.count[0]) + ","),
        std::string::npos);
    const auto text = matrixToText(r);
    EXPECT_NE(text.find("true friends"), std::string::npos);
    EXPECT_EQ(text.find("nan"), std::string::npos);
}

}  // namespace

namespace {

// Every matrix loaded at once (one read of the customers for the four customer matrices, as the
// window does) equals each matrix loaded on its own: points, axes, labels, money, breakdowns.
TEST(MatrixWorkbook, LoadingAllMatricesAtOnceEqualsLoadingEachAlone) {
    MatrixFixture f;
    ASSERT_TRUE(f.wb().setSetting("segmentation.active", "\"kmeans-3\"").ok());
    std::vector<MatrixKind> kinds;
    for (const auto& spec : matrixSpecs()) kinds.push_back(spec.kind);
    std::vector<MatrixFilter> fields;
    for (auto g : {GroupField::Segment, GroupField::Channel, GroupField::Region, GroupField::Manager})
        fields.push_back({g, {}});
    auto all = loadMatrixInputs(f.wb(), kinds, fields);
    ASSERT_EQ(all.size(), kinds.size());
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const auto& spec = matrixSpec(kinds[i]);
        SCOPED_TRACE(spec.name);
        auto alone = spec.points == PointKind::Customer ? loadMatrixInput(f.wb(), kinds[i], std::nullopt, fields)
                                                        : loadMatrixInput(f.wb(), kinds[i]);
        ASSERT_EQ(all[i].ok(), alone.ok());
        if (!alone.ok()) {
            EXPECT_EQ(all[i].error().message, alone.error().message);
            continue;
        }
        const auto &a = *all[i], &b = *alone;
        EXPECT_EQ(a.x.metric, b.x.metric);
        EXPECT_EQ(a.y.metric, b.y.metric);
        EXPECT_EQ(a.x.label, b.x.label);
        EXPECT_EQ(a.y.label, b.y.label);
        EXPECT_EQ(a.notes, b.notes);
        EXPECT_EQ(a.ids, b.ids);
        EXPECT_EQ(a.labels, b.labels);
        EXPECT_EQ(a.codes, b.codes);
        ASSERT_EQ(a.xs.size(), b.xs.size());
        for (std::size_t k = 0; k < a.xs.size(); ++k) {
            EXPECT_TRUE(a.xs[k] == b.xs[k] || (std::isnan(a.xs[k]) && std::isnan(b.xs[k]))) << k;
            EXPECT_TRUE(a.ys[k] == b.ys[k] || (std::isnan(a.ys[k]) && std::isnan(b.ys[k]))) << k;
        }
        EXPECT_EQ(a.revenue.size(), b.revenue.size());
        for (int g = 0; g < kGroupFieldCount; ++g) {
            EXPECT_EQ(a.fields[g].codes, b.fields[g].codes) << "field " << g;
            EXPECT_EQ(a.fields[g].names, b.fields[g].names) << "field " << g;
        }
    }
    // The customer matrices differ in their axes, not in their customers.
    EXPECT_NE(all[static_cast<int>(MatrixKind::ProfitabilityPotential)]->y.metric,
              all[static_cast<int>(MatrixKind::ProfitabilityLoyalty)]->y.metric);
}

}  // namespace

namespace {

// A filter value no point has empties the matrix and says so, offering the nearest values
// (case, a typo, part of a name; managers by name or code), or some values when none is near.
TEST(MatrixWorkbook, AFilterValueThatMatchesNothingNamesTheNearMatches) {
    MatrixFixture f;
    auto warningFor = [&](GroupField field, const std::string& value) {
        MatrixOptions o;
        o.filters = {{field, value}};
        const auto r = compute(f.wb(), MatrixKind::ProfitabilityLoyalty, o);
        EXPECT_EQ(r.total.points(), 0) << value;
        for (const auto& w : r.warnings)
            if (w.rfind("no point has", 0) == 0) return w;
        return std::string();
    };
    EXPECT_EQ(warningFor(GroupField::Region, "nort"), "no point has region 'nort'; did you mean 'North'?");
    EXPECT_EQ(warningFor(GroupField::Region, "NORTH "), "no point has region 'NORTH '; did you mean 'North'?");
    EXPECT_NE(warningFor(GroupField::Manager, "chen").find("did you mean 'Bo Chen'"), std::string::npos);
    EXPECT_NE(warningFor(GroupField::Manager, "M3").find("'M03'"), std::string::npos);
    const auto far = warningFor(GroupField::Channel, "xyzzy");
    EXPECT_EQ(far.rfind("no point has channel 'xyzzy'; the values are '", 0), 0u) << far;
    EXPECT_NE(far.find("'web'"), std::string::npos) << far;
}

}  // namespace
