#pragma once
// BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting your customers the easy
// way"): transactions of an active customer follow a Poisson process with rate
// λ ~ Gamma(r, α); after each transaction the customer drops out with probability
// p ~ Beta(a, b). Fitted by maximum likelihood on per-customer (x, t_x, T).
#include <Eigen/Core>

#include <cstddef>
#include <optional>
#include <string>

#include "core/Progress.h"
#include "core/Result.h"
#include "engine/models/RfmSummary.h"

namespace cw::engine {

struct BgNbdParams {
    double r = 0, alpha = 0, a = 0, b = 0;
};

struct BgNbdOptions {
    int maxEvaluations = 1000;
    /// Convergence: max |∂ mean log-likelihood / ∂ log θ| at the end.
    double gradientTolerance = 1e-7;
    /// Fewer repeat customers than this (x > 0) and the fit is refused.
    std::size_t minRepeatCustomers = 20;
    /// Starting point; a moment-based guess when empty.
    std::optional<BgNbdParams> start;

    Status validate() const;
};

struct BgNbdFit {
    BgNbdParams params;
    double logLikelihood = 0;  ///< total over customers
    int iterations = 0;        ///< evaluations that improved the likelihood
    int evaluations = 0;       ///< likelihood-and-gradient evaluations
    bool converged = false;    ///< false: do not present the parameters
    std::string message;       ///< why it stopped, or why it was refused
    double gradientInf = 0;    ///< max |gradient| of the mean log-likelihood in log-parameters
    std::size_t customers = 0, repeatCustomers = 0;
    std::size_t patterns = 0;  ///< distinct (x, t_x, T) after collapsing
};

/// Fits r, α, a, b. Errors: invalid options or data (negative x, t_x > T, …) → Input or
/// Usage; cancelled → Cancelled. A fit that did not converge or has too few repeat
/// customers is returned with converged = false and the reason in `message`.
Result<BgNbdFit> fitBgNbd(const RfmSummary& data, const BgNbdOptions& options = {},
                          const ProgressFn& progress = {});

/// Total log-likelihood of the data, and its gradient w.r.t. (r, α, a, b) when asked.
double bgNbdLogLikelihood(const BgNbdParams& params, const RfmSummary& data,
                          Eigen::Vector4d* gradient = nullptr);

/// P(alive at T | x, t_x, T) = 1 / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+t_x))^(r+x)).
Eigen::ArrayXd bgNbdProbabilityAlive(const BgNbdParams& params, const Eigen::ArrayXd& x,
                                     const Eigen::ArrayXd& tx, const Eigen::ArrayXd& T);

/// Expected transactions in (T, T + t] given (x, t_x, T) (FHL 2005 eq. 10), per customer.
Eigen::ArrayXd bgNbdExpectedTransactions(const BgNbdParams& params, double t,
                                         const Eigen::ArrayXd& x, const Eigen::ArrayXd& tx,
                                         const Eigen::ArrayXd& T);

/// E[X(t)] of a new customer over a period of length t (FHL 2005 eq. 7).
double bgNbdExpectedTransactionsNew(const BgNbdParams& params, double t);

}  // namespace cw::engine
