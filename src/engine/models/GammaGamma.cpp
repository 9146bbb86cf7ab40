#include "engine/models/GammaGamma.h"

#include <spdlog/spdlog.h>

#include <boost/math/special_functions/digamma.hpp>

#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "core/Log.h"
#include "engine/models/LogMinimizer.h"

namespace cw::engine {
namespace {

using boost::math::digamma;

// Customers with x > 0 and m_x > 0, with the sums that do not depend on the parameters.
class GammaGammaLikelihood {
public:
    GammaGammaLikelihood(const Eigen::ArrayXd& x, const Eigen::ArrayXd& mx) {
        std::vector<double> xs, ms;
        for (Eigen::Index i = 0; i < x.size(); ++i) {
            if (!(x[i] > 0)) continue;
            if (!(mx[i] > 0)) {
                ++m_nonPositive;
                continue;
            }
            xs.push_back(x[i]), ms.push_back(mx[i]);
        }
        m_x = Eigen::Map<Eigen::ArrayXd>(xs.data(), Eigen::Index(xs.size()));
        m_xm = m_x * Eigen::Map<Eigen::ArrayXd>(ms.data(), Eigen::Index(ms.size()));
        const Eigen::ArrayXd logm =
            Eigen::Map<Eigen::ArrayXd>(ms.data(), Eigen::Index(ms.size())).log();
        m_sumLogM = logm.sum();
        m_sumXLogXM = (m_x * (logm + m_x.log())).sum();
        // x is a whole number: a table of counts per distinct x.
        const auto maxX = m_x.size() ? std::size_t(m_x.maxCoeff()) : 0;
        std::vector<double> count(maxX + 1, 0.0);
        for (double v : m_x) count[std::size_t(v)] += 1.0;
        for (std::size_t v = 1; v <= maxX; ++v)
            if (count[v] > 0) m_xValue.push_back(double(v)), m_xWeight.push_back(count[v]);
    }

    std::size_t customers() const { return std::size_t(m_x.size()); }
    std::size_t nonPositive() const { return m_nonPositive; }

    // ln f(m_x | x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m_x + px ln x
    //                − (px+q) ln(γ + x m_x)   (Fader & Hardie 2013, eq. 4).
    double evaluate(const GammaGammaParams& g, double* grad) const {
        const double p = g.p, q = g.q, gm = g.gamma, n = double(m_x.size());
        const double lgq = std::lgamma(q), lgm = std::log(gm);
        double ll = 0, gp = 0, gq = 0;
        for (std::size_t k = 0; k < m_xValue.size(); ++k) {
            const double px = p * m_xValue[k], w = m_xWeight[k];
            ll += w * (std::lgamma(px + q) - std::lgamma(px) - lgq + q * lgm);
            if (grad) {
                const double dpq = digamma(px + q);
                gp += w * m_xValue[k] * (dpq - digamma(px));
                gq += w * (dpq - digamma(q) + lgm);
            }
        }
        const Eigen::ArrayXd logS = (gm + m_xm).log();
        ll += p * m_sumXLogXM - m_sumLogM - (p * m_x + q).cwiseProduct(logS).sum();
        if (grad) {
            grad[0] = gp + m_sumXLogXM - m_x.cwiseProduct(logS).sum();
            grad[1] = gq - logS.sum();
            grad[2] = n * q / gm - ((p * m_x + q) / (gm + m_xm)).sum();
        }
        return ll;
    }

    Eigen::ArrayXd m_x, m_xm;

private:
    std::vector<double> m_xValue, m_xWeight;
    double m_sumLogM = 0, m_sumXLogXM = 0;
    std::size_t m_nonPositive = 0;
};

double pearson(const Eigen::ArrayXd& a, const Eigen::ArrayXd& b) {
    if (a.size() < 2) return 0.0;
    const Eigen::ArrayXd da = a - a.mean(), db = b - b.mean();
    const double den = std::sqrt(da.square().sum() * db.square().sum());
    return den > 0 ? (da * db).sum() / den : 0.0;
}

}  // namespace

Status GammaGammaOptions::validate() const {
    if (maxEvaluations < 1) return makeError(ErrorKind::Usage, "maxEvaluations must be >= 1");
    if (!(gradientTolerance > 0))
        return makeError(ErrorKind::Usage, "gradientTolerance must be > 0");
    if (!(correlationWarning >= 0))
        return makeError(ErrorKind::Usage, "correlationWarning must be >= 0");
    if (start && !(start->p > 0 && start->q > 0 && start->gamma > 0))
        return makeError(ErrorKind::Usage, "start parameters must be positive");
    return {};
}

Result<GammaGammaFit> fitGammaGamma(const RfmSummary& data, const GammaGammaOptions& options,
                                    const ProgressFn& progress) {
    if (auto s = options.validate(); !s) return s.takeError();
    if (data.x.size() != data.mx.size())
        return makeError(ErrorKind::Internal, "x and m_x differ in length");
    if (!data.x.isFinite().all() || !data.mx.isFinite().all() || (data.x < 0).any())
        return makeError(ErrorKind::Input, "x and m_x must be finite and x >= 0");
    const GammaGammaLikelihood lik(data.x, data.mx);
    GammaGammaFit fit;
    fit.customers = lik.customers();
    fit.nonPositive = lik.nonPositive();
    fit.correlation = pearson(lik.m_x, lik.m_xm / lik.m_x);
    if (std::abs(fit.correlation) > options.correlationWarning) {
        char rho[32];
        std::snprintf(rho, sizeof rho, "%.3f", fit.correlation);
        fit.warning =
            std::string("frequency and mean spend of repeat customers are correlated (rho = ") +
            rho + "): the Gamma-Gamma independence assumption is doubtful";
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (fit.customers < options.minRepeatCustomers) {
        fit.params = {nan, nan, nan};
        fit.logLikelihood = nan;
        fit.message = "too few repeat customers with a positive mean spend: " +
                      std::to_string(fit.customers) + " (at least " +
                      std::to_string(options.minRepeatCustomers) + " needed)";
        return fit;
    }
    const double n = double(fit.customers);
    detail::Objective objective = [&](const std::vector<double>& u, std::vector<double>& g) {
        const GammaGammaParams p{std::exp(u[0]), std::exp(u[1]), std::exp(u[2])};
        double grad[3];
        const double ll = lik.evaluate(p, grad);
        g[0] = -p.p * grad[0] / n, g[1] = -p.q * grad[1] / n, g[2] = -p.gamma * grad[2] / n;
        return -ll / n;
    };
    // Start: p = 1, q = 3 and γ matching the mean spend p γ / (q − 1).
    const double meanSpend = (lik.m_xm / lik.m_x).mean();
    const GammaGammaParams s = options.start.value_or(GammaGammaParams{1.0, 3.0, 2.0 * meanSpend});
    auto out = detail::minimizeLogParameters(
        objective, {std::log(s.p), std::log(s.q), std::log(s.gamma)}, options.maxEvaluations,
        options.gradientTolerance, progress, "fitting Gamma-Gamma");
    if (out.cancelled) return makeError(ErrorKind::Cancelled, "Gamma-Gamma fit cancelled");
    fit.params = {std::exp(out.u[0]), std::exp(out.u[1]), std::exp(out.u[2])};
    fit.logLikelihood = -out.value * n;
    fit.evaluations = out.evaluations;
    fit.iterations = out.iterations;
    fit.converged = out.converged;
    fit.message = out.message;
    fit.gradientInf = out.gradientInf;
    if (fit.converged && !(fit.params.q > 1)) {
        fit.converged = false;
        fit.message = "q <= 1: the model has no finite mean spend for these data";
    }
    cw::log::get("engine")->debug("Gamma-Gamma: {} customers, {} evaluations, {}", fit.customers,
                                  fit.evaluations, fit.message);
    return fit;
}

double gammaGammaLogLikelihood(const GammaGammaParams& params, const Eigen::ArrayXd& x,
                               const Eigen::ArrayXd& mx, Eigen::Vector3d* gradient) {
    const GammaGammaLikelihood lik(x, mx);
    double g[3];
    const double ll = lik.evaluate(params, gradient ? g : nullptr);
    if (gradient) *gradient << g[0], g[1], g[2];
    return ll;
}

Eigen::ArrayXd gammaGammaExpectedSpend(const GammaGammaParams& g, const Eigen::ArrayXd& x,
                                       const Eigen::ArrayXd& mx) {
    const double population = g.p * g.gamma / (g.q - 1);
    const Eigen::ArrayXd individual = g.p * (g.gamma + x * mx) / (g.p * x + g.q - 1);
    return (x > 0 && mx > 0).select(individual, population);
}

}  // namespace cw::engine
