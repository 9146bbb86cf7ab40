#pragma once
// Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma model of monetary
// value"): the values of a customer's transactions are Gamma(p, ν) with ν ~ Gamma(q, γ)
// across customers. Fitted on repeat customers' (x, m_x); assumes spend and frequency are
// independent, which the fit checks with their correlation.
#include <Eigen/Core>

#include <cstddef>
#include <optional>
#include <string>

#include "core/Progress.h"
#include "core/Result.h"
#include "engine/models/RfmSummary.h"

namespace cw::engine {

struct GammaGammaParams {
    double p = 0, q = 0, gamma = 0;
};

struct GammaGammaOptions {
    int maxEvaluations = 1000;
    /// Convergence: max |∂ mean log-likelihood / ∂ log θ| at the end.
    double gradientTolerance = 1e-7;
    /// Fewer usable repeat customers (x > 0, m_x > 0) than this and the fit is refused.
    std::size_t minRepeatCustomers = 20;
    /// |Pearson ρ(x, m_x)| above this gives a warning: the independence assumption is doubtful.
    double correlationWarning = 0.3;
    std::optional<GammaGammaParams> start;

    Status validate() const;
};

struct GammaGammaFit {
    GammaGammaParams params;
    double logLikelihood = 0;
    int iterations = 0, evaluations = 0;
    bool converged = false;
    std::string message;
    double gradientInf = 0;
    std::size_t customers = 0;    ///< repeat customers used (x > 0, m_x > 0)
    std::size_t nonPositive = 0;  ///< repeat customers left out: mean repeat value <= 0
    double correlation = 0;       ///< Pearson ρ between x and m_x of the customers used
    std::string warning;          ///< non-empty when |ρ| exceeds the threshold
};

/// Fits p, q, γ. Errors: invalid options or data → Usage/Input; cancelled → Cancelled.
/// A fit that did not converge or has too few customers has converged = false.
Result<GammaGammaFit> fitGammaGamma(const RfmSummary& data, const GammaGammaOptions& options = {},
                                    const ProgressFn& progress = {});

/// Log-likelihood over customers with x > 0 and m_x > 0 (others are skipped), and its
/// gradient w.r.t. (p, q, γ) when asked.
double gammaGammaLogLikelihood(const GammaGammaParams& params, const Eigen::ArrayXd& x,
                               const Eigen::ArrayXd& mx, Eigen::Vector3d* gradient = nullptr);

/// E[spend per transaction | x, m_x] = p(γ + x m_x) / (p x + q − 1); the population mean
/// p γ / (q − 1) for customers without repeat purchases (or m_x <= 0). Needs q > 1.
Eigen::ArrayXd gammaGammaExpectedSpend(const GammaGammaParams& params, const Eigen::ArrayXd& x,
                                       const Eigen::ArrayXd& mx);

}  // namespace cw::engine
