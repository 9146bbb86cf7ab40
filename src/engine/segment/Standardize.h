#pragma once
// Z-scores per column, with the means and standard deviations kept so that the same
// transformation can be applied to new rows (re-applying a saved segmentation).
#include <Eigen/Core>

namespace cw::engine {

/// Column means and population standard deviations (divisor n, as scikit-learn's
/// StandardScaler). A column with no spread has sd 0.
struct Standardization {
    Eigen::VectorXd mean;
    Eigen::VectorXd sd;

    /// (x - mean) / sd per column; a column with sd 0 becomes 0; NaN stays NaN.
    Eigen::MatrixXd apply(const Eigen::MatrixXd& data) const;
};

struct Standardized {
    Eigen::MatrixXd data;  ///< the z-scores, same shape as the input
    Standardization transform;
};

/// Standardises every column. NaN entries are left out of that column's mean and sd and stay
/// NaN in the output (the caller decides what missing means); a column with no finite value
/// gets mean NaN, sd 0 and an all-NaN output.
Standardized standardize(const Eigen::MatrixXd& data);

}  // namespace cw::engine
