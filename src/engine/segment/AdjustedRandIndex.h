#pragma once
// Agreement of two partitions of the same items, corrected for chance.
#include <Eigen/Core>

#include "core/Result.h"

namespace cw::engine {

/// Adjusted Rand index (Hubert & Arabie 1985): 1 for identical partitions (whatever the label
/// values), about 0 for independent ones, negative when worse than chance. Labels are any
/// integers. As scikit-learn, two trivial partitions that agree (both one cluster, or both all
/// singletons) score 1. Error (Input) when the sizes differ or there are no items.
Result<double> adjustedRandIndex(const Eigen::VectorXi& a, const Eigen::VectorXi& b);

}  // namespace cw::engine
