#pragma once
// The per-customer input of the purchase models (BG/NBD, Gamma-Gamma), built from a
// PurchaseLog with the semantics of lifetimes' summary_data_from_transaction_data:
// purchases on one day count once, times are in a chosen unit (weeks = days / 7).
#include <Eigen/Core>

#include <cstdint>
#include <optional>
#include <vector>

#include "core/Result.h"
#include "engine/models/PurchaseLog.h"

namespace cw::engine {

enum class TimeUnit { Days, Weeks, Months };

/// Length of the unit in days (a month is 30.4375 days, the mean Gregorian month).
double unitDays(TimeUnit unit);
/// "days", "weeks", "months".
const char* unitName(TimeUnit unit);

struct CalibrationOptions {
    TimeUnit unit = TimeUnit::Weeks;
    /// Last day (days since 1970-01-01, inclusive) of the calibration period; the last
    /// purchase day in the log when empty.
    std::optional<std::int32_t> calibrationEnd;

    Status validate() const;
};

/// One row per customer whose first purchase is on or before the calibration end.
struct RfmSummary {
    std::vector<std::int64_t> customerId;
    Eigen::ArrayXd x;   ///< repeat purchase days (purchase days − 1) up to the calibration end
    Eigen::ArrayXd tx;  ///< time of the last purchase since the first, in `unit`
    Eigen::ArrayXd T;   ///< time from the first purchase to the calibration end, in `unit`
    Eigen::ArrayXd mx;  ///< mean value of the repeat purchase days (0 when x = 0)
    TimeUnit unit = TimeUnit::Weeks;
    std::int32_t calibrationEnd = 0;  ///< the day actually used
    std::size_t excluded = 0;         ///< customers whose first purchase is after the end

    std::size_t customers() const { return customerId.size(); }
};

/// Builds the summary; an empty log gives an empty summary.
RfmSummary summarizePurchases(const PurchaseLog& log, const CalibrationOptions& options);

}  // namespace cw::engine
