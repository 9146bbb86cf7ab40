#pragma once
// Internal: the NLopt L-BFGS driver shared by the purchase models. Parameters are
// optimised as logarithms (all model parameters are positive), the objective is the
// negative mean log-likelihood so tolerances do not depend on the number of customers.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Progress.h"

namespace cw::engine::detail {

/// Value and gradient of the objective at log-parameters `u` (gradient written to `g`).
using Objective = std::function<double(const std::vector<double>& u, std::vector<double>& g)>;

struct MinimizeOutcome {
    std::vector<double> u;   ///< log-parameters at the end
    double value = 0.0;      ///< objective there
    double gradientInf = 0;  ///< max |gradient| there
    int evaluations = 0;
    int iterations = 0;  ///< evaluations that improved on the best value so far
    bool cancelled = false;
    bool converged = false;
    std::string message;
};

MinimizeOutcome minimizeLogParameters(const Objective& f, std::vector<double> u0,
                                      int maxEvaluations, double gradientTolerance,
                                      const ProgressFn& progress, std::string_view phase);

}  // namespace cw::engine::detail
