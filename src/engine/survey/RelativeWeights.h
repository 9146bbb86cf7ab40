#pragma once
// Derived importance of predictors: Johnson's relative weights (Johnson 2000, "A heuristic
// method for estimating the relative weight of predictor variables in multiple regression",
// Multivariate Behavioral Research 35(1)) beside the standardised OLS coefficients.
//
// With the predictors' correlation matrix Rxx = V Λ Vᵀ and their correlations with the
// criterion rxy: Λ* = V Λ^½ Vᵀ (the correlations of the predictors with their closest
// orthogonal counterparts Z), β* = Λ*⁻¹ rxy (the criterion regressed on Z), and the raw
// relative weight of predictor j is ε_j = Σ_k (λ*_jk)² (β*_k)². The weights are never
// negative and sum to R² of the ordinary least-squares fit (with intercept), so each one is the
// share of explained variance that predictor accounts for, even when predictors correlate.
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "core/Result.h"

namespace cw::engine {

struct RelativeWeightsOptions {
    /// Rxx is refused as (near-)singular when its smallest eigenvalue is below this fraction
    /// of the largest: the weights of collinear predictors are then not identified.
    double minEigenvalueRatio = 1e-8;
    /// Loadings (absolute) in an eigenvector of a tiny eigenvalue from which a predictor is named
    /// as part of the collinear set, as a fraction of the largest loading in that eigenvector.
    double collinearLoading = 0.2;

    Status validate() const;
};

/// What a relative-weight analysis found; all vectors are in predictor order.
struct RelativeWeights {
    std::vector<double> weights;       ///< raw relative weights ε_j, summing to r2
    std::vector<double> shares;        ///< weights / r2 (sum to 1; all 0 when r2 is 0)
    std::vector<double> beta;          ///< standardised OLS coefficients Rxx⁻¹ rxy
    std::vector<double> correlations;  ///< rxy: each predictor's correlation with the criterion
    double r2 = 0;                     ///< R² of the OLS fit with intercept
    std::int64_t n = 0;                ///< observations behind the correlations
    // Diagnostics.
    double minEigenvalue = 0;    ///< smallest eigenvalue of Rxx
    double conditionNumber = 0;  ///< largest / smallest eigenvalue of Rxx
    std::string message;         ///< one line for logs and reports
};

/// Relative weights of the columns of `x` (n × p) in explaining `y` (n). Errors (ErrorKind::Input):
/// sizes differ, fewer than p + 2 rows, a non-finite value, a constant predictor or criterion, or a
/// (near-)singular Rxx, naming the collinear predictors. `names` (optional, p entries) are used
/// in messages; columns are called "predictor 1"… without them.
Result<RelativeWeights> relativeWeights(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                        const RelativeWeightsOptions& options = {},
                                        const std::vector<std::string>& names = {});

/// The same from a correlation matrix `rxx` (p × p, symmetric, unit diagonal) and the
/// predictor-criterion correlations `rxy`, e.g. pairwise-complete correlations; `n` is only
/// reported. Errors as above (constant predictors cannot be seen here).
Result<RelativeWeights> relativeWeightsFromCorrelations(const Eigen::MatrixXd& rxx,
                                                        const Eigen::VectorXd& rxy, std::int64_t n,
                                                        const RelativeWeightsOptions& options = {},
                                                        const std::vector<std::string>& names = {});

}  // namespace cw::engine
