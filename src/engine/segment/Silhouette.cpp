#include "engine/segment/Silhouette.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <random>

namespace cw::engine {
namespace {

// Labels mapped to 0..m-1 in order of first appearance; returns m, or -1 on a negative label.
int compact(const Eigen::VectorXi& labels, std::vector<int>& out) {
    std::map<int, int> map;
    out.resize(labels.size());
    for (Eigen::Index i = 0; i < labels.size(); ++i) {
        if (labels(i) < 0) return -1;
        const auto it = map.try_emplace(labels(i), static_cast<int>(map.size())).first;
        out[i] = it->second;
    }
    return static_cast<int>(map.size());
}

}  // namespace

Result<Eigen::VectorXd> silhouetteSamples(const Eigen::MatrixXd& data,
                                          const Eigen::VectorXi& labels) {
    const Eigen::Index n = data.rows();
    if (labels.size() != n)
        return makeError(ErrorKind::Input, "silhouette: one label per row is needed");
    std::vector<int> lab;
    const int m = compact(labels, lab);
    if (m < 0) return makeError(ErrorKind::Input, "silhouette: labels must be non-negative");
    if (m < 2 || m >= n)
        return makeError(ErrorKind::Input, "silhouette needs between 2 and n - 1 clusters");
    if (!data.allFinite())
        return makeError(ErrorKind::Input, "silhouette: data has missing values");
    std::vector<double> size(m, 0.0);
    for (int l : lab) size[l] += 1;
    // Sum of distances from each point to each cluster, each pair computed once.
    const Eigen::MatrixXd xt = data.transpose();
    Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(m, n);
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = i + 1; j < n; ++j) {
            const double d = (xt.col(i) - xt.col(j)).norm();
            sums(lab[j], i) += d;
            sums(lab[i], j) += d;
        }
    Eigen::VectorXd s(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const int own = lab[i];
        if (size[own] <= 1) {
            s(i) = 0;
            continue;
        }
        const double a = sums(own, i) / (size[own] - 1);
        double b = std::numeric_limits<double>::infinity();
        for (int c = 0; c < m; ++c)
            if (c != own) b = std::min(b, sums(c, i) / size[c]);
        const double denom = std::max(a, b);
        s(i) = denom > 0 ? (b - a) / denom : 0.0;
    }
    return s;
}

Result<double> silhouetteScore(const Eigen::MatrixXd& data, const Eigen::VectorXi& labels,
                               const SilhouetteOptions& options) {
    const Eigen::Index n = data.rows();
    if (options.maxSample < 2)
        return makeError(ErrorKind::Usage, "silhouette: maxSample must be >= 2");
    if (labels.size() != n)
        return makeError(ErrorKind::Input, "silhouette: one label per row is needed");
    if (n <= options.maxSample) {
        auto s = silhouetteSamples(data, labels);
        if (!s) return s.takeError();
        return s->mean();
    }
    // Partial Fisher-Yates with own uniform draws, so a seed gives the same sample everywhere.
    std::mt19937_64 eng(options.seed);
    std::vector<Eigen::Index> idx(n);
    std::iota(idx.begin(), idx.end(), Eigen::Index{0});
    const Eigen::Index m = options.maxSample;
    for (Eigen::Index i = 0; i < m; ++i) {
        const double u = static_cast<double>(eng() >> 11) * 0x1.0p-53;
        const Eigen::Index j = std::min(n - 1, i + static_cast<Eigen::Index>(u * double(n - i)));
        std::swap(idx[i], idx[j]);
    }
    Eigen::MatrixXd sample(m, data.cols());
    Eigen::VectorXi sampleLabels(m);
    for (Eigen::Index i = 0; i < m; ++i) {
        sample.row(i) = data.row(idx[i]);
        sampleLabels(i) = labels(idx[i]);
    }
    auto s = silhouetteSamples(sample, sampleLabels);
    if (!s) return s.takeError();
    return s->mean();
}

Result<KSuggestion> suggestK(const Eigen::MatrixXd& data, int kMin, int kMax,
                             const KMeansOptions& options, const SilhouetteOptions& silhouette,
                             const ProgressFn& progress) {
    if (kMin < 2 || kMax < kMin)
        return makeError(ErrorKind::Usage, "suggestK needs 2 <= kMin <= kMax");
    KSuggestion r;
    double best = -std::numeric_limits<double>::infinity();
    for (int k = kMin; k <= kMax; ++k) {
        if (progress && !progress({"choosing k", k - kMin, kMax - kMin + 1}))
            return makeError(ErrorKind::Cancelled, "choosing k was cancelled");
        KMeansOptions o = options;
        o.k = k;
        auto fit = kMeans(data, o);
        if (!fit) return fit.takeError();
        auto s = silhouetteScore(data, fit->labels, silhouette);
        if (!s) return s.takeError();
        r.k.push_back(k);
        r.silhouette.push_back(*s);
        r.inertia.push_back(fit->inertia);
        if (*s > best) best = *s, r.suggestedK = k;
    }
    return r;
}

}  // namespace cw::engine
