// ARI against hand-computed values (the examples of scikit-learn's documentation) and against
// the pair-counting form of the index computed here by brute force over all pairs.
#include "engine/segment/AdjustedRandIndex.h"

#include <gtest/gtest.h>

#include <random>

namespace {

using cw::engine::adjustedRandIndex;

Eigen::VectorXi v(std::initializer_list<int> l) {
    Eigen::VectorXi r(static_cast<Eigen::Index>(l.size()));
    int i = 0;
    for (int x : l) r(i++) = x;
    return r;
}

TEST(AdjustedRandIndex, IdenticalAndPermutedPartitionsScoreOne) {
    EXPECT_DOUBLE_EQ(adjustedRandIndex(v({0, 0, 1, 1, 2}), v({0, 0, 1, 1, 2})).value(), 1.0);
    EXPECT_DOUBLE_EQ(adjustedRandIndex(v({0, 0, 1, 1, 2}), v({7, 7, 3, 3, -1})).value(), 1.0);
    // Trivial partitions that agree (scikit-learn's convention).
    EXPECT_DOUBLE_EQ(adjustedRandIndex(v({4, 4, 4}), v({1, 1, 1})).value(), 1.0);
    EXPECT_DOUBLE_EQ(adjustedRandIndex(v({0, 1, 2}), v({2, 0, 1})).value(), 1.0);
}

TEST(AdjustedRandIndex, HandComputedExamples) {
    // Contingency {2,1,1 | 2,2}: sum C(nij,2) = 1, row pairs 1, column pairs 2, C(4,2) = 6;
    // (1 - 1*2/6) / ((1+2)/2 - 1*2/6) = 4/7 (scikit-learn documents 0.57).
    EXPECT_NEAR(adjustedRandIndex(v({0, 0, 1, 2}), v({0, 0, 1, 1})).value(), 4.0 / 7.0, 1e-15);
    // Perfectly crossed: (0 - 2*2/6) / (2 - 2/3) = -0.5 (scikit-learn: -0.5).
    EXPECT_NEAR(adjustedRandIndex(v({0, 0, 1, 1}), v({0, 1, 0, 1})).value(), -0.5, 1e-15);
    // One cluster against singletons carries no information: 0.
    EXPECT_NEAR(adjustedRandIndex(v({0, 0, 0, 0}), v({0, 1, 2, 3})).value(), 0.0, 1e-15);
    // 6 items, A = {0,0,0,1,1,1}, B = {0,0,1,1,2,2}: cells (0,0)2 (0,1)1 (1,1)1 (1,2)2 -> 2 pairs,
    // rows 3+3 = 6, columns 1+1+1 = 3, C(6,2) = 15, expected 18/15 = 1.2, max 4.5:
    // (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3.
    EXPECT_NEAR(adjustedRandIndex(v({0, 0, 0, 1, 1, 1}), v({0, 0, 1, 1, 2, 2})).value(), 0.8 / 3.3,
                1e-14);
}

TEST(AdjustedRandIndex, MatchesPairCountingOnRandomPartitions) {
    std::mt19937 eng(5);
    for (int trial = 0; trial < 20; ++trial) {
        const int n = 40 + trial * 7;
        std::uniform_int_distribution<int> la(0, 2 + trial % 4), lb(0, 3 + trial % 3);
        Eigen::VectorXi a(n), b(n);
        for (int i = 0; i < n; ++i) {
            a(i) = la(eng);
            b(i) = trial % 2 ? la(eng) : (eng() % 3 ? a(i) : lb(eng));  // half related, half not
        }
        // Pair counts: both together (p), together in A only (q), in B only (r), neither (s).
        double p = 0, q = 0, r = 0, s = 0;
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j) {
                const bool sa = a(i) == a(j), sb = b(i) == b(j);
                (sa && sb ? p : sa ? q : sb ? r : s) += 1;
            }
        // Steinley (2004) pair-counting form of the Hubert-Arabie index.
        const double expected = 2 * (p * s - q * r) / ((p + q) * (q + s) + (p + r) * (r + s));
        EXPECT_NEAR(adjustedRandIndex(a, b).value(), expected, 1e-12) << "trial " << trial;
    }
}

TEST(AdjustedRandIndex, RejectsMismatchedSizes) {
    EXPECT_FALSE(adjustedRandIndex(v({0, 1}), v({0, 1, 1})).ok());
    EXPECT_FALSE(adjustedRandIndex(Eigen::VectorXi(), Eigen::VectorXi()).ok());
}

}  // namespace
