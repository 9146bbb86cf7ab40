#include "engine/models/BgNbd.h"

#include <spdlog/spdlog.h>

#include <cmath>
#include <limits>

#include "core/Log.h"
#include "engine/models/BgNbdLikelihood.h"
#include "engine/models/Hypergeometric.h"
#include "engine/models/LogMinimizer.h"
#include "engine/models/ModelInput.h"

namespace cw::engine {
namespace {

BgNbdParams fromLog(const std::vector<double>& u) {
    return {std::exp(u[0]), std::exp(u[1]), std::exp(u[2]), std::exp(u[3])};
}

// A start near the usual optimum region: r = 1 with α matching the mean purchase rate of
// the data (repeat purchases per unit time), and a = 1, b = 3 (a mean dropout probability
// of a quarter per purchase). L-BFGS then needs a few dozen evaluations.
BgNbdParams defaultStart(const RfmSummary& d) {
    const double sx = d.x.sum(), sT = d.T.sum();
    const double rate = sx > 0 && sT > 0 ? sx / sT : 1.0;
    return {1.0, 1.0 / rate, 1.0, 3.0};
}

}  // namespace

Status BgNbdOptions::validate() const {
    if (maxEvaluations < 1) return makeError(ErrorKind::Usage, "maxEvaluations must be >= 1");
    if (!(gradientTolerance > 0))
        return makeError(ErrorKind::Usage, "gradientTolerance must be > 0");
    if (start && !(start->r > 0 && start->alpha > 0 && start->a > 0 && start->b > 0))
        return makeError(ErrorKind::Usage, "start parameters must be positive");
    return {};
}

Result<BgNbdFit> fitBgNbd(const RfmSummary& data, const BgNbdOptions& options,
                          const ProgressFn& progress) {
    if (auto s = options.validate(); !s) return s.takeError();
    if (auto s = detail::checkFrequencyData(data.x, data.tx, data.T); !s) return s.takeError();
    BgNbdFit fit;
    fit.customers = data.customers() ? data.customers() : std::size_t(data.x.size());
    fit.repeatCustomers = std::size_t((data.x > 0).count());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (fit.repeatCustomers < options.minRepeatCustomers) {
        fit.params = {nan, nan, nan, nan};
        fit.logLikelihood = nan;
        fit.message = "too few repeat customers: " + std::to_string(fit.repeatCustomers) + " of " +
                      std::to_string(fit.customers) + " (at least " +
                      std::to_string(options.minRepeatCustomers) + " needed)";
        return fit;
    }
    const detail::BgNbdLikelihood lik(data.x, data.tx, data.T);
    fit.patterns = lik.patterns();
    const double n = double(lik.customers());
    detail::Objective objective = [&](const std::vector<double>& u, std::vector<double>& g) {
        const BgNbdParams p = fromLog(u);
        double grad[4];
        const double ll = lik.evaluate(p, grad);
        // d(−LL/n)/d ln θ = −θ ∂LL/∂θ / n.
        g[0] = -p.r * grad[0] / n, g[1] = -p.alpha * grad[1] / n;
        g[2] = -p.a * grad[2] / n, g[3] = -p.b * grad[3] / n;
        return -ll / n;
    };
    const BgNbdParams s = options.start.value_or(defaultStart(data));
    auto out = detail::minimizeLogParameters(
        objective, {std::log(s.r), std::log(s.alpha), std::log(s.a), std::log(s.b)},
        options.maxEvaluations, options.gradientTolerance, progress, "fitting BG/NBD");
    if (out.cancelled) return makeError(ErrorKind::Cancelled, "BG/NBD fit cancelled");
    fit.params = fromLog(out.u);
    fit.logLikelihood = -out.value * n;
    fit.evaluations = out.evaluations;
    fit.iterations = out.iterations;
    fit.converged = out.converged;
    fit.message = out.message;
    fit.gradientInf = out.gradientInf;
    cw::log::get("engine")->debug("BG/NBD: {} customers, {} patterns, {} evaluations, {}",
                                  fit.customers, fit.patterns, fit.evaluations, fit.message);
    return fit;
}

double bgNbdLogLikelihood(const BgNbdParams& params, const RfmSummary& data,
                          Eigen::Vector4d* gradient) {
    const detail::BgNbdLikelihood lik(data.x, data.tx, data.T);
    double g[4];
    const double ll = lik.evaluate(params, gradient ? g : nullptr);
    if (gradient) *gradient << g[0], g[1], g[2], g[3];
    return ll;
}

Eigen::ArrayXd bgNbdProbabilityAlive(const BgNbdParams& p, const Eigen::ArrayXd& x,
                                     const Eigen::ArrayXd& tx, const Eigen::ArrayXd& T) {
    // 1 / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+t_x))^(r+x)), the power taken in logs.
    const Eigen::ArrayXd ratio = (std::log(p.a) - (p.b + x - 1).max(1e-300).log() +
                                  (p.r + x) * ((p.alpha + T).log() - (p.alpha + tx).log()))
                                     .exp();
    return (x > 0).select(1.0 / (1.0 + ratio), Eigen::ArrayXd::Ones(x.size()));
}

// FHL 2005 eq. 10 contains ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; z), z = t/(α+T+t).
// Euler's transformation 2F1(A, B; C; z) = (1−z)^(C−A−B) 2F1(C−A, C−B; C; z) turns it into
// (1−z)^(a−1) 2F1(a+b−1−r, a−1; a+b+x−1; z): the upper parameters no longer grow with x,
// so the series needs a few terms where the original one needs about z·x more.
Eigen::ArrayXd bgNbdExpectedTransactions(const BgNbdParams& p, double t, const Eigen::ArrayXd& x,
                                         const Eigen::ArrayXd& tx, const Eigen::ArrayXd& T) {
    Eigen::ArrayXd out(x.size());
    const double upper1 = p.a + p.b - 1 - p.r, upper2 = p.a - 1;
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        const double xi = x[i], rx = p.r + xi, aT = p.alpha + T[i], z = t / (aT + t);
        const double c = p.a + p.b + xi - 1;
        const double second = 1.0 - std::pow(1.0 - z, upper2) * hyp2f1(upper1, upper2, c, z);
        const double mix =
            xi > 0 ? p.a / (p.b + xi - 1) * std::exp(rx * std::log(aT / (p.alpha + tx[i]))) : 0.0;
        out[i] = c / (p.a - 1) * second / (1.0 + mix);
    }
    return out;
}

double bgNbdExpectedTransactionsNew(const BgNbdParams& p, double t) {
    const double z = t / (p.alpha + t), c = p.a + p.b - 1;
    return c / (p.a - 1) * (1.0 - std::pow(1.0 - z, p.a - 1) * hyp2f1(c - p.r, p.a - 1, c, z));
}

}  // namespace cw::engine
