#pragma once
// k-means clustering (Lloyd's algorithm with greedy k-means++ seeding and restarts), the
// algorithm of scikit-learn's KMeans(algorithm="lloyd") so that its results can be compared:
// same seeding (2 + ln k local trials), same stopping rule (tolerance relative to the mean
// variance of the features, or labels unchanged), same handling of empty clusters (the points
// farthest from their centroid start the empty ones). Rows are observations, columns features
// (standardise them first: k-means is not scale-invariant).
#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

#include "core/Progress.h"
#include "core/Result.h"

namespace cw::engine {

struct KMeansOptions {
    int k = 8;                ///< number of clusters
    int restarts = 1;         ///< independent seedings (scikit-learn n_init); the best inertia wins
    int maxIterations = 300;  ///< Lloyd iterations per restart
    double tolerance = 1e-4;  ///< stop when the squared centroid shift summed over clusters is
                              ///< at most tolerance x the mean variance of the features
    std::uint64_t seed = 0;   ///< same seed and data -> same result, whatever `threads` is
    int threads = 2;          ///< worker threads (the calling thread included)

    Status validate() const;
};

struct KMeansResult {
    Eigen::VectorXi labels;     ///< cluster of each row, in [0, k)
    Eigen::MatrixXd centroids;  ///< k x features
    double inertia = 0;         ///< sum of squared distances of rows to their centroid
    int iterations = 0;         ///< Lloyd iterations of the best restart
    bool converged = false;     ///< the best restart stopped by the tolerance or stable labels
    std::string message;        ///< how the best restart ended, for logs and the GUI
    int bestRestart = 0;
    std::vector<double> restartInertia;  ///< final inertia of every restart
    /// Inertia of every assignment step of the best restart (labels against the centroids
    /// they were assigned to); Lloyd's algorithm makes it non-increasing.
    std::vector<double> inertiaTrace;
};

/// Clusters the rows of `data`. Errors: Usage for invalid options, Input when the data has
/// fewer rows than k or a non-finite value, Cancelled when `progress` returns false (called
/// once per iteration, done/total counting restarts).
Result<KMeansResult> kMeans(const Eigen::MatrixXd& data, const KMeansOptions& options,
                            const ProgressFn& progress = {});

/// One Lloyd run from the given initial centroids (k x features; options.k and restarts are
/// taken from it), e.g. to compare with another implementation from the same start.
Result<KMeansResult> kMeansFrom(const Eigen::MatrixXd& data, const Eigen::MatrixXd& initial,
                                const KMeansOptions& options, const ProgressFn& progress = {});

/// Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with scikit-learn's 2 + ln k
/// candidates per step): k x features initial centroids, deterministic for a seed.
Eigen::MatrixXd kMeansPlusPlus(const Eigen::MatrixXd& data, int k, std::uint64_t seed);

/// Nearest centroid of each row (re-applies a segmentation to new, equally scaled rows).
Eigen::VectorXi assignToCentroids(const Eigen::MatrixXd& data, const Eigen::MatrixXd& centroids);

}  // namespace cw::engine
