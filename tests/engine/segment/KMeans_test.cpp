// k-means: recovery of separated clusters, inertia and labels checked against independent
// computations here (brute-force nearest centroid, a plain Lloyd loop), determinism, restarts.
#include "engine/segment/KMeans.h"

#include <gtest/gtest.h>

#include <random>

#include "engine/segment/AdjustedRandIndex.h"

namespace {

using namespace cw::engine;

// `perCluster` points around each of `centers` (rows) with standard deviation `sd`.
struct Blobs {
    Eigen::MatrixXd x;
    Eigen::VectorXi truth;
};
Blobs makeBlobs(const Eigen::MatrixXd& centers, int perCluster, double sd, unsigned seed) {
    std::mt19937_64 eng(seed);
    std::normal_distribution<double> noise(0.0, sd);
    const Eigen::Index k = centers.rows(), d = centers.cols();
    Blobs b;
    b.x.resize(k * perCluster, d);
    b.truth.resize(k * perCluster);
    // Interleaved, so that cluster membership is not the row order.
    for (int i = 0; i < perCluster; ++i)
        for (Eigen::Index c = 0; c < k; ++c) {
            const Eigen::Index r = i * k + c;
            for (Eigen::Index j = 0; j < d; ++j) b.x(r, j) = centers(c, j) + noise(eng);
            b.truth(r) = static_cast<int>(c);
        }
    return b;
}

Eigen::MatrixXd fiveCenters() {
    Eigen::MatrixXd c(5, 3);
    c << 0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0, 10, 10, 10, 10;
    return c;
}

double inertiaOf(const Eigen::MatrixXd& x, const Eigen::VectorXi& labels,
                 const Eigen::MatrixXd& c) {
    double s = 0;
    for (Eigen::Index i = 0; i < x.rows(); ++i) s += (x.row(i) - c.row(labels(i))).squaredNorm();
    return s;
}

TEST(KMeans, ScikitLearnDocumentationExample) {
    // scikit-learn KMeans docstring: these six points give centres (10, 2) and (1, 2).
    Eigen::MatrixXd x(6, 2);
    x << 1, 2, 1, 4, 1, 0, 10, 2, 10, 4, 10, 0;
    KMeansOptions o;
    o.k = 2;
    o.restarts = 3;
    auto r = kMeans(x, o);
    ASSERT_TRUE(r.ok());
    const int left = r->labels(0);
    EXPECT_EQ(r->labels(1), left);
    EXPECT_EQ(r->labels(2), left);
    EXPECT_NE(r->labels(3), left);
    EXPECT_NEAR(r->centroids(left, 0), 1.0, 1e-12);
    EXPECT_NEAR(r->centroids(left, 1), 2.0, 1e-12);
    EXPECT_NEAR(r->centroids(1 - left, 0), 10.0, 1e-12);
    EXPECT_NEAR(r->centroids(1 - left, 1), 2.0, 1e-12);
    EXPECT_NEAR(r->inertia, 16.0, 1e-9);  // (0 + 4 + 4) per cluster
    EXPECT_TRUE(r->converged);
}

TEST(KMeans, RecoversSeparatedGaussianClusters) {
    const Blobs b = makeBlobs(fiveCenters(), 400, 1.0, 7);
    KMeansOptions o;
    o.k = 5;
    o.restarts = 4;
    o.seed = 3;
    auto r = kMeans(b.x, o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_DOUBLE_EQ(adjustedRandIndex(r->labels, b.truth).value(), 1.0);
    EXPECT_TRUE(r->converged) << r->message;
    // Inertia recomputed from labels and centroids; labels are the nearest centroids; each
    // centroid is the mean of its members.
    EXPECT_NEAR(r->inertia, inertiaOf(b.x, r->labels, r->centroids), 1e-9 * r->inertia);
    EXPECT_EQ(assignToCentroids(b.x, r->centroids), r->labels);
    for (int c = 0; c < 5; ++c) {
        Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(3);
        int n = 0;
        for (Eigen::Index i = 0; i < b.x.rows(); ++i)
            if (r->labels(i) == c) sum += b.x.row(i), ++n;
        ASSERT_EQ(n, 400);
        EXPECT_LT((sum / n - r->centroids.row(c)).norm(), 1e-9);
    }
}

TEST(KMeans, MatchesPlainLloydFromTheSameStart) {
    // Overlapping clusters, so that Lloyd needs many iterations.
    const Blobs b = makeBlobs(fiveCenters(), 300, 4.0, 11);
    const Eigen::MatrixXd init = kMeansPlusPlus(b.x, 5, 9);
    KMeansOptions o;
    o.tolerance = 0;  // run until the labels are stable
    auto r = kMeansFrom(b.x, init, o);
    ASSERT_TRUE(r.ok());
    // Textbook Lloyd with direct distances.
    Eigen::MatrixXd c = init;
    Eigen::VectorXi labels = Eigen::VectorXi::Constant(b.x.rows(), -1);
    for (int it = 0; it < 300; ++it) {
        const Eigen::VectorXi next = assignToCentroids(b.x, c);
        if (next == labels) break;
        labels = next;
        for (int k = 0; k < 5; ++k) {
            Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(3);
            int n = 0;
            for (Eigen::Index i = 0; i < b.x.rows(); ++i)
                if (labels(i) == k) sum += b.x.row(i), ++n;
            ASSERT_GT(n, 0);
            c.row(k) = sum / n;
        }
    }
    EXPECT_EQ(r->labels, labels);
    EXPECT_NEAR(r->inertia, inertiaOf(b.x, labels, c), 1e-9 * r->inertia);
    EXPECT_GT(r->iterations, 3);
}

TEST(KMeans, InertiaNeverIncreases) {
    const Blobs b = makeBlobs(fiveCenters(), 300, 5.0, 5);
    for (std::uint64_t seed = 0; seed < 5; ++seed) {
        KMeansOptions o;
        o.k = 7;
        o.seed = seed;
        o.tolerance = 0;
        auto r = kMeans(b.x, o);
        ASSERT_TRUE(r.ok());
        ASSERT_GE(r->inertiaTrace.size(), 2u);
        for (std::size_t i = 1; i < r->inertiaTrace.size(); ++i)
            EXPECT_LE(r->inertiaTrace[i], r->inertiaTrace[i - 1] * (1 + 1e-12))
                << "seed " << seed << " step " << i;
        EXPECT_LE(r->inertia, r->inertiaTrace.back() * (1 + 1e-12));
    }
}

TEST(KMeans, RestartsKeepTheBest) {
    const Blobs b = makeBlobs(fiveCenters(), 200, 3.5, 21);
    KMeansOptions o;
    o.k = 8;
    o.seed = 17;
    o.restarts = 10;
    auto many = kMeans(b.x, o);
    ASSERT_TRUE(many.ok());
    ASSERT_EQ(many->restartInertia.size(), 10u);
    const auto best = std::min_element(many->restartInertia.begin(), many->restartInertia.end());
    EXPECT_EQ(many->inertia, *best);
    EXPECT_EQ(many->bestRestart, best - many->restartInertia.begin());
    // The restarts differ (otherwise "best of" would mean nothing) …
    EXPECT_LT(*best, *std::max_element(many->restartInertia.begin(), many->restartInertia.end()));
    // … and the first restart is the single run with the same seed.
    o.restarts = 1;
    auto one = kMeans(b.x, o);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(one->inertia, many->restartInertia[0]);
    EXPECT_LE(many->inertia, one->inertia);
}

TEST(KMeans, SameSeedSameResultWhateverTheThreads) {
    // More rows than one block, so that both threads have work.
    const Blobs b = makeBlobs(fiveCenters(), 1000, 4.0, 3);
    KMeansOptions o;
    o.k = 6;
    o.restarts = 2;
    o.seed = 99;
    o.threads = 1;
    auto a = kMeans(b.x, o);
    o.threads = 2;
    auto c = kMeans(b.x, o);
    auto d = kMeans(b.x, o);
    ASSERT_TRUE(a.ok() && c.ok() && d.ok());
    EXPECT_EQ(a->labels, c->labels);
    EXPECT_EQ(a->centroids, c->centroids);  // bitwise: block sums are combined in block order
    EXPECT_EQ(a->inertia, c->inertia);
    EXPECT_EQ(c->labels, d->labels);
    EXPECT_EQ(c->iterations, d->iterations);
    o.seed = 100;
    auto e = kMeans(b.x, o);
    ASSERT_TRUE(e.ok());
    EXPECT_NE(kMeansPlusPlus(b.x, 6, 99), kMeansPlusPlus(b.x, 6, 100));
}

TEST(KMeans, EmptyClusterIsRestartedAtTheFarthestPoint) {
    Eigen::MatrixXd x(6, 1);
    x << 0, 1, 2, 10, 11, 30;
    Eigen::MatrixXd init(3, 1);
    init << 1, 11, 1000;  // the third centroid attracts nothing
    KMeansOptions o;
    auto r = kMeansFrom(x, init, o);
    ASSERT_TRUE(r.ok());
    // After the first pass {0,1,2} and {10,11,30}; 30 is farthest from its centroid (17)
    // and starts the empty cluster.
    EXPECT_EQ(r->labels(5), 2);
    EXPECT_NEAR(r->centroids(2, 0), 30.0, 1e-12);
    EXPECT_NEAR(r->centroids(1, 0), 10.5, 1e-12);
    EXPECT_NEAR(r->inertia, 2.0 + 0.5, 1e-12);
}

TEST(KMeans, RejectsBadInput) {
    Eigen::MatrixXd x = Eigen::MatrixXd::Random(5, 2);
    KMeansOptions o;
    o.k = 6;
    EXPECT_EQ(kMeans(x, o).error().kind, cw::ErrorKind::Input);
    o.k = 0;
    EXPECT_EQ(kMeans(x, o).error().kind, cw::ErrorKind::Usage);
    o.k = 2;
    o.threads = 0;
    EXPECT_EQ(kMeans(x, o).error().kind, cw::ErrorKind::Usage);
    o.threads = 1;
    x(3, 1) = std::nan("");
    EXPECT_EQ(kMeans(x, o).error().kind, cw::ErrorKind::Input);
}

TEST(KMeans, CancelStops) {
    const Blobs b = makeBlobs(fiveCenters(), 200, 5.0, 1);
    KMeansOptions o;
    o.k = 5;
    o.tolerance = 0;
    int calls = 0;
    auto r = kMeans(b.x, o, [&](const cw::ProgressInfo&) { return ++calls < 2; });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, cw::ErrorKind::Cancelled);
    EXPECT_EQ(calls, 2);
}

}  // namespace
