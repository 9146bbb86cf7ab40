#pragma once
// Customer lifetime value over a finite horizon: expected transactions of each month
// (BG/NBD), discounted monthly, times the expected margin per transaction (Gamma-Gamma
// expected spend × margin rate).
#include <Eigen/Core>

#include "core/Progress.h"
#include "core/Result.h"
#include "engine/models/BgNbd.h"
#include "engine/models/GammaGamma.h"
#include "engine/models/RfmSummary.h"

namespace cw::engine {

struct ClvOptions {
    int horizonMonths = 12;           ///< months of 30.4375 days after the calibration end
    double annualDiscountRate = 0.1;  ///< applied monthly: (1 + rate)^(1/12) − 1 per month
    double marginRate = 1.0;          ///< margin share of spend (1 = revenue value)
    /// Per-customer margin share (same order as the summary); overrides marginRate when set.
    Eigen::ArrayXd marginRatio;

    Status validate() const;
};

/// CLV_i = Σ_{k=1..H} (E[Y_i(k)] − E[Y_i(k−1)]) / (1 + d)^k × E[spend_i] × margin_i,
/// Y_i(k) = expected transactions in the first k months after the calibration end.
Result<Eigen::ArrayXd> customerLifetimeValue(const BgNbdParams& purchases,
                                             const GammaGammaParams& spend, const RfmSummary& data,
                                             const ClvOptions& options = {},
                                             const ProgressFn& progress = {});

}  // namespace cw::engine
