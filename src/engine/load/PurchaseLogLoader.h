#pragma once
// Reading the purchase models' input from a workbook.
#include <cstdint>
#include <optional>

#include "core/Result.h"
#include "engine/models/PurchaseLog.h"

namespace cw::store {
class Workbook;
}

namespace cw::engine {

/// Sales (kind 0) of identified customers, summed per customer and day (day = ts / 86400),
/// in customer order; only days <= `lastDay` when given. Returns and anonymous sales are
/// not purchases. One SQL query over the transactions table.
Result<PurchaseLog> loadPurchaseLog(store::Workbook& workbook,
                                    std::optional<std::int32_t> lastDay = std::nullopt);

}  // namespace cw::engine
