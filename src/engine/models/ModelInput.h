#pragma once
// Internal: checks of the per-customer arrays shared by the purchase models.
#include <Eigen/Core>

#include "core/Result.h"

namespace cw::engine::detail {

/// x integer in [0, 65536), 0 <= t_x <= T, all finite and of one length (the pattern keys
/// of the BG/NBD likelihood pack x into 16 bits).
Status checkFrequencyData(const Eigen::ArrayXd& x, const Eigen::ArrayXd& tx,
                          const Eigen::ArrayXd& T);

}  // namespace cw::engine::detail
