#pragma once
// The silhouette coefficient (Rousseeuw 1987) of a clustering, and the choice of k by it.
// Distances are Euclidean, as in scikit-learn's silhouette_score.
#include <Eigen/Core>

#include <cstdint>
#include <vector>

#include "core/Progress.h"
#include "core/Result.h"
#include "engine/segment/KMeans.h"

namespace cw::engine {

struct SilhouetteOptions {
    /// Above this many rows the mean is taken over a random sample of this size (drawn without
    /// replacement; both the points and their neighbours are the sample, as scikit-learn's
    /// sample_size does). The exact computation is O(n^2).
    std::int64_t maxSample = 5000;
    std::uint64_t seed = 0;
};

/// s(i) = (b - a) / max(a, b) for every row: a is the mean distance to the other members of
/// its cluster, b the smallest mean distance to another cluster; 0 for a cluster of one.
/// Labels are any non-negative integers. Errors (Input): fewer than 2 or as many clusters as
/// rows, mismatched sizes, negative labels.
Result<Eigen::VectorXd> silhouetteSamples(const Eigen::MatrixXd& data,
                                          const Eigen::VectorXi& labels);

/// Mean silhouette, exact up to options.maxSample rows, sampled above.
Result<double> silhouetteScore(const Eigen::MatrixXd& data, const Eigen::VectorXi& labels,
                               const SilhouetteOptions& options = {});

struct KSuggestion {
    int suggestedK = 0;              ///< the k of the highest mean silhouette
    std::vector<int> k;              ///< kMin..kMax
    std::vector<double> silhouette;  ///< mean silhouette per k
    std::vector<double> inertia;     ///< k-means inertia per k (for an elbow plot)
};

/// Runs k-means (options, with k replaced) for every k in [kMin, kMax] (2 <= kMin <= kMax) and
/// suggests the k with the highest mean silhouette (the smaller k on a tie).
Result<KSuggestion> suggestK(const Eigen::MatrixXd& data, int kMin, int kMax,
                             const KMeansOptions& options, const SilhouetteOptions& silhouette = {},
                             const ProgressFn& progress = {});

}  // namespace cw::engine
