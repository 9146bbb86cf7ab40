#include "engine/models/LogMinimizer.h"

#include <nlopt.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cw::engine::detail {
namespace {

struct Context {
    const Objective* f;
    const ProgressFn* progress;
    std::string_view phase;
    int maxEvaluations;
    int evaluations = 0;
    int improvements = 0;
    double best = std::numeric_limits<double>::infinity();
    bool cancelled = false;
    nlopt_opt opt = nullptr;
    std::vector<double> u, g;
};

double callback(unsigned n, const double* x, double* grad, void* data) {
    auto& c = *static_cast<Context*>(data);
    c.u.assign(x, x + n);
    c.g.assign(n, 0.0);
    const double v = (*c.f)(c.u, c.g);
    ++c.evaluations;
    if (v < c.best) c.best = v, ++c.improvements;
    if (grad) std::copy(c.g.begin(), c.g.end(), grad);
    if (*c.progress && !(*c.progress)({c.phase, c.evaluations, c.maxEvaluations})) {
        c.cancelled = true;
        nlopt_force_stop(c.opt);
    }
    // A non-finite value (parameters far outside the data's range) is reported as a very
    // bad point so that the line search backs off instead of the optimiser failing.
    return std::isfinite(v) ? v : std::numeric_limits<double>::max();
}

const char* describe(nlopt_result r) {
    switch (r) {
        case NLOPT_SUCCESS:
            return "converged";
        case NLOPT_FTOL_REACHED:
            return "converged (relative change of the likelihood below tolerance)";
        case NLOPT_XTOL_REACHED:
            return "converged (relative change of the parameters below tolerance)";
        case NLOPT_MAXEVAL_REACHED:
            return "evaluation limit reached before convergence";
        case NLOPT_ROUNDOFF_LIMITED:
            return "stopped by round-off";
        case NLOPT_FORCED_STOP:
            return "cancelled";
        default:
            return "optimiser failure";
    }
}

}  // namespace

MinimizeOutcome minimizeLogParameters(const Objective& f, std::vector<double> u0,
                                      int maxEvaluations, double gradientTolerance,
                                      const ProgressFn& progress, std::string_view phase) {
    const auto n = static_cast<unsigned>(u0.size());
    Context c{&f, &progress, phase, maxEvaluations};
    nlopt_opt opt = nlopt_create(NLOPT_LD_LBFGS, n);
    c.opt = opt;
    nlopt_set_min_objective(opt, callback, &c);
    nlopt_set_maxeval(opt, maxEvaluations);
    nlopt_set_ftol_rel(opt, 1e-15);
    nlopt_set_xtol_rel(opt, 1e-11);
    // Log-parameters beyond ±30 mean a parameter of 1e-13 or 1e13: the data do not identify it.
    std::vector<double> lo(n, -30.0), hi(n, 30.0);
    nlopt_set_lower_bounds(opt, lo.data());
    nlopt_set_upper_bounds(opt, hi.data());
    double value = 0.0;
    const nlopt_result r = nlopt_optimize(opt, u0.data(), &value);
    nlopt_destroy(opt);

    MinimizeOutcome out;
    out.u = u0;
    out.evaluations = c.evaluations;
    out.iterations = c.improvements;
    out.cancelled = c.cancelled;
    std::vector<double> g(n, 0.0);
    out.value = f(out.u, g);
    for (double gi : g) out.gradientInf = std::max(out.gradientInf, std::abs(gi));
    const bool small = out.gradientInf <= gradientTolerance;
    const bool atBound =
        std::any_of(out.u.begin(), out.u.end(), [](double v) { return std::abs(v) > 29.0; });
    out.message = describe(r);
    if (c.cancelled) {
        out.message = "cancelled";
    } else if (atBound) {
        out.message = "a parameter ran to 1e±13: the data do not identify the model";
    } else if (r == NLOPT_MAXEVAL_REACHED) {
        out.message = describe(r);
    } else if ((r > 0 || r == NLOPT_ROUNDOFF_LIMITED || r == NLOPT_FAILURE) && small) {
        // L-BFGS may end its line search with a generic failure or roundoff at the optimum,
        // where no step improves in floating point; a small gradient is the certificate.
        out.converged = true;
        if (r <= 0) out.message = "converged (gradient below tolerance)";
    } else if (!small) {
        out.message = std::string(describe(r)) + " but the gradient is not small";
    }
    return out;
}

}  // namespace cw::engine::detail
