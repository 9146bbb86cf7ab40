#include "engine/segment/KMeans.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>

#include "core/Log.h"
#include "engine/segment/BlockPool.h"

namespace cw::engine {
namespace {

// Points per assignment block: the block's features (features x 1024 doubles) and its
// distances (k x 1024) stay in the L2 cache while the block is reduced.
constexpr Eigen::Index kBlock = 1024;

std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t index) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (index + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Own uniform draws: std:: distributions differ between standard libraries, and the same seed
// must give the same clustering everywhere.
class Random {
public:
    explicit Random(std::uint64_t seed) : m_eng(seed) {}
    double uniform() { return static_cast<double>(m_eng() >> 11) * 0x1.0p-53; }
    Eigen::Index below(Eigen::Index n) {
        const auto i = static_cast<Eigen::Index>(uniform() * static_cast<double>(n));
        return std::min(i, n - 1);
    }

private:
    std::mt19937_64 m_eng;
};

Eigen::Index blockCount(Eigen::Index n) {
    return (n + kBlock - 1) / kBlock;
}

// Data laid out one point per column (features x n), so that a point's features and a block
// of points are contiguous for the product and the centroid sums.
struct Points {
    Eigen::MatrixXd xt;
    Eigen::VectorXd norm2;  // squared norm of each point
    double meanVariance = 0;

    explicit Points(const Eigen::MatrixXd& data) : xt(data.transpose()) {
        norm2 = xt.colwise().squaredNorm().transpose();
        const Eigen::VectorXd mean = data.colwise().mean().transpose();
        double v = 0;
        for (Eigen::Index j = 0; j < data.cols(); ++j)
            v += (data.col(j).array() - mean(j)).square().mean();
        meanVariance = data.cols() ? v / double(data.cols()) : 0;
    }
    Eigen::Index n() const { return xt.cols(); }
    Eigen::Index d() const { return xt.rows(); }
};

Eigen::MatrixXd plusPlus(const Points& p, int k, std::uint64_t seed, BlockPool& pool) {
    Random rng(seed);
    const Eigen::Index n = p.n(), nb = blockCount(n);
    Eigen::MatrixXd centers(k, p.d());
    Eigen::VectorXd closest(n);
    Eigen::Index chosen = rng.below(n);
    centers.row(0) = p.xt.col(chosen).transpose();
    auto distTo = [&](Eigen::Index i, Eigen::Index c) {
        return (p.xt.col(i) - p.xt.col(c)).squaredNorm();
    };
    for (Eigen::Index i = 0; i < n; ++i) closest(i) = distTo(i, chosen);
    const int trials = 2 + static_cast<int>(std::log(double(k)));
    std::vector<double> cumulative(n);
    std::vector<Eigen::Index> candidates(trials);
    Eigen::MatrixXd blockPot(trials, nb);
    for (int c = 1; c < k; ++c) {
        std::partial_sum(closest.data(), closest.data() + n, cumulative.begin());
        const double pot = cumulative.back();
        for (int t = 0; t < trials; ++t) {
            const double r = rng.uniform() * pot;
            const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), r);
            candidates[t] = std::min<Eigen::Index>(it - cumulative.begin(), n - 1);
        }
        // The candidate that lowers the potential most wins; sums per block keep the choice
        // independent of the thread count.
        pool.run(nb, [&](std::int64_t b, int) {
            const Eigen::Index s = b * kBlock, e = std::min(n, s + kBlock);
            for (int t = 0; t < trials; ++t) {
                double sum = 0;
                for (Eigen::Index i = s; i < e; ++i)
                    sum += std::min(closest(i), distTo(i, candidates[t]));
                blockPot(t, b) = sum;
            }
        });
        Eigen::Index best = 0;
        blockPot.rowwise().sum().minCoeff(&best);
        chosen = candidates[best];
        centers.row(c) = p.xt.col(chosen).transpose();
        pool.run(nb, [&](std::int64_t b, int) {
            const Eigen::Index s = b * kBlock, e = std::min(n, s + kBlock);
            for (Eigen::Index i = s; i < e; ++i)
                closest(i) = std::min(closest(i), distTo(i, chosen));
        });
    }
    return centers;
}

struct PassTotals {
    double inertia = 0;
    std::int64_t changed = 0;
};

// Lloyd's iterations over one set of points; the buffers live as long as the fit.
class Lloyd {
public:
    Lloyd(const Points& p, int k, BlockPool& pool)
        : m_p(p), m_k(k), m_pool(pool), m_labels(Eigen::VectorXi::Constant(p.n(), -1)) {
        const Eigen::Index nb = blockCount(p.n());
        m_sums.assign(nb, Eigen::MatrixXd::Zero(p.d(), k));
        m_counts.assign(nb, Eigen::VectorXd::Zero(k));
        m_inertia.assign(nb, 0.0);
        m_changed.assign(nb, 0);
        m_scratch.assign(pool.threads(), Eigen::MatrixXd(k, kBlock));
    }

    // Assigns every point to its nearest centroid with one product per block,
    // ||x||^2 - 2 C x + ||c||^2, and (when `accumulate`) sums the points per cluster.
    PassTotals assign(const Eigen::MatrixXd& centers, bool accumulate) {
        const Eigen::MatrixXd minus2c = -2.0 * centers;
        const Eigen::VectorXd cNorm = centers.rowwise().squaredNorm();
        const Eigen::Index n = m_p.n();
        m_pool.run(static_cast<std::int64_t>(m_sums.size()), [&](std::int64_t b, int worker) {
            const Eigen::Index s = b * kBlock, len = std::min(kBlock, n - s);
            auto dist = m_scratch[worker].leftCols(len);
            dist.noalias() = minus2c * m_p.xt.middleCols(s, len);
            Eigen::MatrixXd& sums = m_sums[b];
            Eigen::VectorXd& counts = m_counts[b];
            if (accumulate) sums.setZero(), counts.setZero();
            double inertia = 0;
            std::int64_t changed = 0;
            for (Eigen::Index j = 0; j < len; ++j) {
                int best = 0;
                double bestValue = cNorm(0) + dist(0, j);
                for (int c = 1; c < m_k; ++c) {
                    const double v = cNorm(c) + dist(c, j);
                    if (v < bestValue) bestValue = v, best = c;
                }
                inertia += std::max(0.0, m_p.norm2(s + j) + bestValue);
                int& label = m_labels(s + j);
                changed += label != best;
                label = best;
                if (accumulate) {
                    sums.col(best) += m_p.xt.col(s + j);
                    counts(best) += 1;
                }
            }
            m_inertia[b] = inertia;
            m_changed[b] = changed;
        });
        PassTotals t;
        for (std::size_t b = 0; b < m_sums.size(); ++b)
            t.inertia += m_inertia[b], t.changed += m_changed[b];
        return t;
    }

    // Centroids from the sums of the last accumulating pass; `old` are the centroids that pass
    // assigned to (needed to restart empty clusters).
    Eigen::MatrixXd update(const Eigen::MatrixXd& old) {
        Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(m_p.d(), m_k);
        Eigen::VectorXd counts = Eigen::VectorXd::Zero(m_k);
        for (std::size_t b = 0; b < m_sums.size(); ++b) sums += m_sums[b], counts += m_counts[b];
        if ((counts.array() == 0).any()) relocateEmpty(old, sums, counts);
        Eigen::MatrixXd centers(m_k, m_p.d());
        for (int c = 0; c < m_k; ++c) {
            if (counts(c) > 0)
                centers.row(c) = (sums.col(c) / counts(c)).transpose();
            else
                centers.row(c) = old.row(c);  // only when fewer distinct points than clusters
        }
        return centers;
    }

    const Eigen::VectorXi& labels() const { return m_labels; }

private:
    // As scikit-learn: the points farthest from their centroid each start an empty cluster.
    void relocateEmpty(const Eigen::MatrixXd& old, Eigen::MatrixXd& sums, Eigen::VectorXd& counts) {
        std::vector<int> empty;
        for (int c = 0; c < m_k; ++c)
            if (counts(c) == 0) empty.push_back(c);
        const Eigen::Index n = m_p.n();
        std::vector<double> far(n);
        for (Eigen::Index i = 0; i < n; ++i)
            far[i] = (m_p.xt.col(i) - old.row(m_labels(i)).transpose()).squaredNorm();
        std::vector<Eigen::Index> order(n);
        std::iota(order.begin(), order.end(), Eigen::Index{0});
        const auto m = std::min<Eigen::Index>(static_cast<Eigen::Index>(empty.size()), n);
        std::partial_sort(order.begin(), order.begin() + m, order.end(),
                          [&](Eigen::Index a, Eigen::Index b) {
                              return far[a] > far[b] || (far[a] == far[b] && a < b);
                          });
        for (Eigen::Index e = 0; e < m; ++e) {
            const Eigen::Index i = order[e];
            const int from = m_labels(i), to = empty[e];
            if (counts(from) <= 1) continue;  // would only move the emptiness elsewhere
            sums.col(from) -= m_p.xt.col(i);
            counts(from) -= 1;
            sums.col(to) = m_p.xt.col(i);
            counts(to) = 1;
        }
        cw::log::get("engine")->debug("k-means: restarted {} empty cluster(s)", empty.size());
    }

    const Points& m_p;
    const int m_k;
    BlockPool& m_pool;
    Eigen::VectorXi m_labels;
    std::vector<Eigen::MatrixXd> m_sums;    // per block: features x k
    std::vector<Eigen::VectorXd> m_counts;  // per block: points per cluster
    std::vector<double> m_inertia;
    std::vector<std::int64_t> m_changed;
    std::vector<Eigen::MatrixXd> m_scratch;  // per worker: k x kBlock distances
};

// One Lloyd run with scikit-learn's stopping rule; nullopt-like error on cancel.
Result<KMeansResult> runLloyd(const Points& p, Eigen::MatrixXd centers, const KMeansOptions& o,
                              BlockPool& pool, const std::function<bool()>& keepGoing) {
    const int k = static_cast<int>(centers.rows());
    Lloyd lloyd(p, k, pool);
    const double tol = o.tolerance * p.meanVariance;
    KMeansResult r;
    bool strict = false, byTolerance = false;
    double lastShift = -1;
    for (int it = 0; it < o.maxIterations; ++it) {
        const PassTotals t = lloyd.assign(centers, true);
        r.inertiaTrace.push_back(t.inertia);
        Eigen::MatrixXd next = lloyd.update(centers);
        lastShift = (next - centers).squaredNorm();
        centers = std::move(next);
        r.iterations = it + 1;
        if (t.changed == 0) {
            strict = true;
            break;
        }
        if (lastShift <= tol) {
            byTolerance = true;
            break;
        }
        if (!keepGoing()) return makeError(ErrorKind::Cancelled, "k-means was cancelled");
    }
    // Unless the labels were stable (then the centroids did not move), the labels belong to
    // the centroids before the last update: assign once more so that both agree.
    if (strict && lastShift == 0)
        r.inertia = r.inertiaTrace.back();
    else
        r.inertia = lloyd.assign(centers, false).inertia;
    r.labels = lloyd.labels();
    r.centroids = std::move(centers);
    r.converged = strict || byTolerance;
    char buf[160];
    if (strict)
        std::snprintf(buf, sizeof buf, "converged: labels stable after %d iterations",
                      r.iterations);
    else if (byTolerance)
        std::snprintf(buf, sizeof buf,
                      "converged: centroid shift %.3g <= tolerance %.3g after %d iterations",
                      lastShift, tol, r.iterations);
    else
        std::snprintf(buf, sizeof buf,
                      "not converged: %d iterations reached (centroid shift %.3g > %.3g)",
                      r.iterations, lastShift, tol);
    r.message = buf;
    return r;
}

Status checkData(const Eigen::MatrixXd& data, int k) {
    if (data.cols() < 1) return makeError(ErrorKind::Input, "k-means needs at least one feature");
    if (data.rows() < k)
        return makeError(ErrorKind::Input,
                         "k-means needs at least k rows (" + std::to_string(data.rows()) +
                             " rows for k = " + std::to_string(k) + ")",
                         "choose fewer clusters");
    if (!data.allFinite())
        return makeError(ErrorKind::Input, "k-means input has missing or infinite values",
                         "fill or drop customers with missing features before clustering");
    return {};
}

Result<KMeansResult> fit(const Eigen::MatrixXd& data, const Eigen::MatrixXd* initial,
                         const KMeansOptions& o, const ProgressFn& progress) {
    const Points p(data);
    BlockPool pool(o.threads);
    const int restarts = initial ? 1 : o.restarts;
    std::optional<KMeansResult> best;
    std::vector<double> all;
    for (int r = 0; r < restarts; ++r) {
        Eigen::MatrixXd start = initial ? *initial : plusPlus(p, o.k, mixSeed(o.seed, r), pool);
        auto keepGoing = [&] { return !progress || progress({"k-means", r, restarts}); };
        auto run = runLloyd(p, std::move(start), o, pool, keepGoing);
        if (!run) return run.takeError();
        all.push_back(run->inertia);
        if (!best || run->inertia < best->inertia) {
            best = std::move(run).value();
            best->bestRestart = r;
        }
    }
    best->restartInertia = std::move(all);
    cw::log::get("engine")->debug("k-means k={} n={}: inertia {:.6g}, restart {} of {}, {}", o.k,
                                  data.rows(), best->inertia, best->bestRestart + 1, restarts,
                                  best->message);
    return std::move(*best);
}

}  // namespace

Status KMeansOptions::validate() const {
    if (k < 1) return makeError(ErrorKind::Usage, "k-means needs k >= 1");
    if (restarts < 1) return makeError(ErrorKind::Usage, "k-means needs at least one restart");
    if (maxIterations < 1) return makeError(ErrorKind::Usage, "k-means needs maxIterations >= 1");
    if (!(tolerance >= 0)) return makeError(ErrorKind::Usage, "k-means tolerance must be >= 0");
    if (threads < 1 || threads > 64)
        return makeError(ErrorKind::Usage, "k-means threads must be in 1..64");
    return {};
}

Result<KMeansResult> kMeans(const Eigen::MatrixXd& data, const KMeansOptions& options,
                            const ProgressFn& progress) {
    if (auto s = options.validate(); !s) return s.takeError();
    if (auto s = checkData(data, options.k); !s) return s.takeError();
    return fit(data, nullptr, options, progress);
}

Result<KMeansResult> kMeansFrom(const Eigen::MatrixXd& data, const Eigen::MatrixXd& initial,
                                const KMeansOptions& options, const ProgressFn& progress) {
    KMeansOptions o = options;
    o.k = static_cast<int>(initial.rows());
    o.restarts = 1;
    if (auto s = o.validate(); !s) return s.takeError();
    if (initial.cols() != data.cols() || !initial.allFinite())
        return makeError(ErrorKind::Usage,
                         "initial centroids must be finite, one column per feature");
    if (auto s = checkData(data, o.k); !s) return s.takeError();
    return fit(data, &initial, o, progress);
}

Eigen::MatrixXd kMeansPlusPlus(const Eigen::MatrixXd& data, int k, std::uint64_t seed) {
    const Points p(data);
    BlockPool pool(1);
    return plusPlus(p, k, mixSeed(seed, 0), pool);
}

Eigen::VectorXi assignToCentroids(const Eigen::MatrixXd& data, const Eigen::MatrixXd& centroids) {
    Eigen::VectorXi labels(data.rows());
    for (Eigen::Index i = 0; i < data.rows(); ++i)
        (centroids.rowwise() - data.row(i)).rowwise().squaredNorm().minCoeff(&labels(i));
    return labels;
}

}  // namespace cw::engine
