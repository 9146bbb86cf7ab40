#pragma once
// The weighted "goodness" score (DESIGN §5): the user weighs variables (margin, potential,
// loyalty, satisfaction…); each is standardised, the score is their weighted mean, and
// customers are banded by score quantiles (A = the best share, then B, C, D).
#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

#include "core/Result.h"
#include "engine/segment/Standardize.h"

namespace cw::engine {

struct GoodnessOptions {
    /// One weight per column of the data; a negative weight makes a high value worse.
    std::vector<double> weights;
    /// Share of the scored customers in each band, best band first; they must sum to 1.
    std::vector<double> bandShares{0.2, 0.3, 0.3, 0.2};
    std::vector<std::string> bandNames{"A", "B", "C", "D"};
    /// Missing values (NaN). true: a missing variable counts as average (z = 0), which pulls
    /// the score towards 0 by its weight; a customer missing every weighted variable has no
    /// score. false: any missing weighted variable -> no score. Means and sds of each variable
    /// are taken over the customers who have it.
    bool missingAsAverage = true;

    Status validate(Eigen::Index columns) const;
};

struct GoodnessResult {
    /// Per customer: sum_j w_j z_ij / sum_j |w_j| (NaN: no score).
    Eigen::VectorXd score;
    std::vector<int> band;            ///< index into `labels`; the last one is "no data"
    std::vector<std::string> labels;  ///< bandNames then "no data"
    std::vector<std::int64_t> counts;
    std::vector<double> cutValues;  ///< lowest score of each band but the last (descending)
    Standardization transform;      ///< to score new customers the same way
};

/// Scores and bands every row (customer) of `data` (customers x variables). A score equal to
/// a cut value belongs to the better band. Errors: Usage for invalid options.
Result<GoodnessResult> goodnessScore(const Eigen::MatrixXd& data, const GoodnessOptions& options);

}  // namespace cw::engine
