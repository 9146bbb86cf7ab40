// Goodness score: weighted z-scores computed by hand here, bands by score quantiles, NaN rules.
#include "engine/segment/GoodnessScore.h"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/segment/Standardize.h"

namespace {

using namespace cw::engine;
const double kNaN = std::nan("");

TEST(Standardize, ZScoresConstantColumnsAndNaN) {
    Eigen::MatrixXd x(4, 3);
    x << 1, 5, 2, 2, 5, kNaN, 3, 5, 4, 6, 5, 6;
    const Standardized s = standardize(x);
    // Column 0: mean 3, population sd sqrt((4 + 1 + 0 + 9) / 4) = sqrt(3.5).
    EXPECT_DOUBLE_EQ(s.transform.mean(0), 3.0);
    EXPECT_NEAR(s.transform.sd(0), std::sqrt(3.5), 1e-15);
    EXPECT_NEAR(s.data(3, 0), 3.0 / std::sqrt(3.5), 1e-15);
    EXPECT_EQ(s.transform.sd(1), 0.0);  // constant -> 0
    EXPECT_EQ(s.data.col(1), Eigen::VectorXd::Zero(4));
    // Column 2 without the NaN: {2, 4, 6}, mean 4, sd sqrt(8/3).
    EXPECT_DOUBLE_EQ(s.transform.mean(2), 4.0);
    EXPECT_NEAR(s.transform.sd(2), std::sqrt(8.0 / 3.0), 1e-15);
    EXPECT_TRUE(std::isnan(s.data(1, 2)));
    // Re-applying the transformation to the same rows gives the same z-scores.
    EXPECT_TRUE(s.transform.apply(x).row(0).isApprox(s.data.row(0)));
}

TEST(GoodnessScore, WeightedZScoresAndBands) {
    // Two variables: margin 1..10 (weight 3), complaints 10..1 reversed in meaning (weight -1).
    Eigen::MatrixXd x(10, 2);
    for (int i = 0; i < 10; ++i) x(i, 0) = i + 1, x(i, 1) = (i * 7) % 10;
    GoodnessOptions o;
    o.weights = {3, -1};
    auto r = goodnessScore(x, o);
    ASSERT_TRUE(r.ok());
    const Eigen::VectorXd m = x.colwise().mean();
    for (int i = 0; i < 10; ++i) {
        const double sd0 = std::sqrt((x.col(0).array() - m(0)).square().mean());
        const double sd1 = std::sqrt((x.col(1).array() - m(1)).square().mean());
        const double expected = (3 * (x(i, 0) - m(0)) / sd0 - (x(i, 1) - m(1)) / sd1) / 4;
        EXPECT_NEAR(r->score(i), expected, 1e-12);
    }
    // Shares 20/30/30/20 of 10 customers: 2 A, 3 B, 3 C, 2 D; A holds the two best scores.
    EXPECT_EQ(r->counts, (std::vector<std::int64_t>{2, 3, 3, 2, 0}));
    Eigen::Index top;
    r->score.maxCoeff(&top);
    EXPECT_EQ(r->band[top], 0);
    for (int i = 0; i < 10; ++i)
        for (int j = 0; j < 10; ++j)
            if (r->score(i) > r->score(j)) {
                EXPECT_LE(r->band[i], r->band[j]);
            }
    EXPECT_EQ(r->labels.back(), "no data");
}

TEST(GoodnessScore, MissingValues) {
    Eigen::MatrixXd x(5, 2);
    x << 1, 10, 2, kNaN, 3, 30, 4, 40, kNaN, kNaN;
    GoodnessOptions o;
    o.weights = {1, 1};
    o.bandShares = {0.5, 0.5};
    o.bandNames = {"top", "bottom"};
    auto r = goodnessScore(x, o);
    ASSERT_TRUE(r.ok());
    // Column means/sds over known values: {1,2,3,4} mean 2.5 sd sqrt(1.25); {10,30,40}.
    const double z0 = (2 - 2.5) / std::sqrt(1.25);
    EXPECT_NEAR(r->score(1), z0 / 2, 1e-12);  // missing counts as z = 0
    EXPECT_TRUE(std::isnan(r->score(4)));
    EXPECT_EQ(r->band[4], 2);
    EXPECT_EQ(r->counts[2], 1);
    o.missingAsAverage = false;
    auto strict = goodnessScore(x, o);
    ASSERT_TRUE(strict.ok());
    EXPECT_TRUE(std::isnan(strict->score(1)));
    EXPECT_EQ(strict->counts[2], 2);
    o.weights = {1};
    EXPECT_EQ(goodnessScore(x, o).error().kind, cw::ErrorKind::Usage);
    o.weights = {1, 1};
    o.bandShares = {0.5, 0.6};
    EXPECT_EQ(goodnessScore(x, o).error().kind, cw::ErrorKind::Usage);
}

}  // namespace
