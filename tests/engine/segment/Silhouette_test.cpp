// Silhouette against a brute-force computation written here from the definition
// (Rousseeuw 1987), a hand-computed case, sampling, and the choice of k.
#include "engine/segment/Silhouette.h"

#include <gtest/gtest.h>

#include <random>

namespace {

using namespace cw::engine;

Eigen::VectorXd bruteForce(const Eigen::MatrixXd& x, const Eigen::VectorXi& labels) {
    const Eigen::Index n = x.rows();
    const int k = labels.maxCoeff() + 1;
    Eigen::VectorXd s(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        std::vector<double> sum(k, 0.0), count(k, 0.0);
        for (Eigen::Index j = 0; j < n; ++j) {
            if (j == i) continue;
            sum[labels(j)] += (x.row(i) - x.row(j)).norm();
            count[labels(j)] += 1;
        }
        if (count[labels(i)] == 0) {
            s(i) = 0;
            continue;
        }
        const double a = sum[labels(i)] / count[labels(i)];
        double b = 1e300;
        for (int c = 0; c < k; ++c)
            if (c != labels(i) && count[c] > 0) b = std::min(b, sum[c] / count[c]);
        s(i) = (b - a) / std::max(a, b);
    }
    return s;
}

struct Data {
    Eigen::MatrixXd x;
    Eigen::VectorXi labels;
};
Data blobs(int k, int per, double sd, unsigned seed, int d = 3) {
    std::mt19937_64 eng(seed);
    std::normal_distribution<double> noise(0.0, sd);
    std::uniform_real_distribution<double> centre(-20, 20);
    Eigen::MatrixXd c(k, d);
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < d; ++j) c(i, j) = centre(eng);
    Data r;
    r.x.resize(k * per, d);
    r.labels.resize(k * per);
    for (int i = 0; i < k * per; ++i) {
        r.labels(i) = i % k;
        for (int j = 0; j < d; ++j) r.x(i, j) = c(i % k, j) + noise(eng);
    }
    return r;
}

TEST(Silhouette, HandComputedCase) {
    // 1-D: {0, 1} and {4}. s(0) = (4 - 1)/4, s(1) = (3 - 1)/3, s(4) = 0 (a cluster of one).
    Eigen::MatrixXd x(3, 1);
    x << 0, 1, 4;
    Eigen::VectorXi l(3);
    l << 5, 5, 2;
    auto s = silhouetteSamples(x, l);
    ASSERT_TRUE(s.ok());
    EXPECT_NEAR((*s)(0), 0.75, 1e-15);
    EXPECT_NEAR((*s)(1), 2.0 / 3.0, 1e-15);
    EXPECT_EQ((*s)(2), 0.0);
    EXPECT_NEAR(silhouetteScore(x, l).value(), (0.75 + 2.0 / 3.0) / 3.0, 1e-15);
}

TEST(Silhouette, MatchesBruteForce) {
    Data d = blobs(4, 60, 6.0, 3);  // overlapping, so that some s(i) are negative
    d.labels(7) = 3;                // and a few points sit in the wrong cluster
    d.labels(11) = 0;
    const Eigen::VectorXd expected = bruteForce(d.x, d.labels);
    auto s = silhouetteSamples(d.x, d.labels);
    ASSERT_TRUE(s.ok());
    EXPECT_LT((*s - expected).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_LT(expected.minCoeff(), 0.0);
    EXPECT_NEAR(silhouetteScore(d.x, d.labels).value(), expected.mean(), 1e-12);
}

TEST(Silhouette, SampleIsCloseToExact) {
    const Data d = blobs(3, 1000, 5.0, 8);
    SilhouetteOptions exact;
    exact.maxSample = 3000;
    SilhouetteOptions sampled;
    sampled.maxSample = 600;
    sampled.seed = 4;
    const double e = silhouetteScore(d.x, d.labels, exact).value();
    const double s = silhouetteScore(d.x, d.labels, sampled).value();
    EXPECT_NE(e, s);
    EXPECT_NEAR(s, e, 0.03);
    EXPECT_EQ(s, silhouetteScore(d.x, d.labels, sampled).value());  // seeded
}

TEST(Silhouette, RejectsDegenerateLabels) {
    Eigen::MatrixXd x = Eigen::MatrixXd::Random(4, 2);
    EXPECT_FALSE(silhouetteScore(x, Eigen::VectorXi::Zero(4)).ok());
    Eigen::VectorXi all(4);
    all << 0, 1, 2, 3;
    EXPECT_FALSE(silhouetteScore(x, all).ok());
}

TEST(Silhouette, SuggestKFindsTheTrueK) {
    for (int trueK : {3, 5}) {
        // Fixed, separated centres (random ones may fall close together).
        Eigen::MatrixXd centres(5, 3);
        centres << 0, 0, 0, 12, 0, 0, 0, 12, 0, 0, 0, 12, 12, 12, 12;
        std::mt19937_64 eng(40 + trueK);
        std::normal_distribution<double> noise(0.0, 1.5);
        Data d;
        d.x.resize(trueK * 150, 3);
        for (int i = 0; i < trueK * 150; ++i)
            for (int j = 0; j < 3; ++j) d.x(i, j) = centres(i % trueK, j) + noise(eng);
        KMeansOptions o;
        o.restarts = 3;
        auto r = suggestK(d.x, 2, 8, o);
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->suggestedK, trueK);
        ASSERT_EQ(r->k.size(), 7u);
        for (std::size_t i = 1; i < r->inertia.size(); ++i)
            EXPECT_LT(r->inertia[i], r->inertia[i - 1] * 1.0001);
    }
}

}  // namespace
