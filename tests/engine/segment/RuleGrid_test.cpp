// Rule grid: tiers cut at quantiles (type 7, as numpy.quantile; values worked out by hand).
#include "engine/segment/RuleGrid.h"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/segment/Quantile.h"

namespace {

using namespace cw::engine;
const double kNaN = std::nan("");

TEST(Quantile, Type7) {
    const std::vector<double> s{1, 2, 3, 4, 10};
    // h = p (n - 1): p 0.25 -> 2; p 0.5 -> 3; p 0.9 -> 4 + 0.6 * 6 = 7.6; p 1/3 -> 2 + 1/3.
    EXPECT_DOUBLE_EQ(quantileSorted(s, 0.25), 2.0);
    EXPECT_DOUBLE_EQ(quantileSorted(s, 0.5), 3.0);
    EXPECT_NEAR(quantileSorted(s, 0.9), 7.6, 1e-12);
    EXPECT_NEAR(quantileSorted(s, 1.0 / 3.0), 2.0 + 1.0 / 3.0, 1e-12);
    EXPECT_TRUE(std::isnan(quantileSorted({}, 0.5)));
    EXPECT_EQ(sortedFinite({3, kNaN, 1, INFINITY}), (std::vector<double>{1, 3}));
}

TEST(RuleGrid, ThreeByThree) {
    // Profit 1..9: terciles at 1 + 8/3 = 3.667 and 1 + 16/3 = 6.333 -> tiers {1,2,3} {4,5,6}
    // {7,8,9}. Potential is the reverse order, so profit tier t meets potential tier 2 - t.
    std::vector<double> profit, potential;
    for (int i = 1; i <= 9; ++i) profit.push_back(i), potential.push_back(10 - i);
    profit.push_back(kNaN);  // nothing known
    potential.push_back(kNaN);
    auto r = ruleGrid(profit, potential);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->labels.size(), 10u);
    EXPECT_EQ(r->labels[0], "high profit / high potential");
    EXPECT_EQ(r->labels[2], "high profit / low potential");
    EXPECT_EQ(r->labels[6], "low profit / high potential");
    EXPECT_EQ(r->labels[9], "no data");
    EXPECT_NEAR(r->profitCutValues[0], 1 + 8.0 / 3.0, 1e-12);
    EXPECT_NEAR(r->profitCutValues[1], 1 + 16.0 / 3.0, 1e-12);
    EXPECT_EQ(r->label[0], 6);  // profit 1 (low), potential 9 (high)
    EXPECT_EQ(r->label[4], 4);  // mid / mid
    EXPECT_EQ(r->label[8], 2);  // profit 9 (high), potential 1 (low)
    EXPECT_EQ(r->label[9], 9);
    EXPECT_EQ(r->counts, (std::vector<std::int64_t>{0, 0, 3, 0, 3, 0, 3, 0, 0, 1}));
    EXPECT_EQ(r->cell(2, 0), 2);
}

TEST(RuleGrid, ValueOnACutStaysBelowAndCustomTiers) {
    // Median cut of {0, 0, 0, 5, 9} is 0: the three zeros are "small", 5 and 9 "big"; the
    // potential median is 3, so 3 is "low". Cells: big/high 0, big/low 1, small/high 2,
    // small/low 3.
    RuleGridOptions o;
    o.profitCuts = {0.5};
    o.potentialCuts = {0.5};
    o.profitTierNames = {"small", "big"};
    auto r = ruleGrid({0, 0, 0, 5, 9}, {1, 2, 3, 4, 5}, o);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->labels[0], "big profit / high potential");
    EXPECT_EQ(r->label, (std::vector<int>{3, 3, 3, 0, 0}));
    o.profitCuts = {0.6, 0.5};
    EXPECT_EQ(ruleGrid({1}, {1}, o).error().kind, cw::ErrorKind::Usage);
    EXPECT_EQ(ruleGrid({1, 2}, {1}).error().kind, cw::ErrorKind::Input);
}

TEST(RuleGrid, CutsUseEveryKnownValueOfTheirMeasure) {
    // The fourth customer has no potential, yet its profit 100 counts for the profit cut:
    // median of {1, 2, 3, 100} = 2.5 (of {1, 2, 3} alone it would be 2).
    RuleGridOptions o;
    o.profitCuts = {0.5};
    o.potentialCuts = {0.5};
    auto r = ruleGrid({1, 2, 3, 100}, {1, 2, 3, kNaN}, o);
    ASSERT_TRUE(r.ok());
    EXPECT_DOUBLE_EQ(r->profitCutValues[0], 2.5);
    EXPECT_DOUBLE_EQ(r->potentialCutValues[0], 2.0);
    EXPECT_EQ(r->label, (std::vector<int>{3, 3, 0, 4}));
}

}  // namespace
