#pragma once
// Purchases per customer in compressed-row form, the input of the purchase models.
// Customer i (0-based) is customerId[i]; its purchase days are day[offset[i] .. offset[i+1]),
// ascending, one entry per day (purchases on the same day are summed into one), and
// value[k] is the sales revenue of that day. Returns are not purchases.
#include <cstdint>
#include <vector>

namespace cw::engine {

struct PurchaseLog {
    std::vector<std::int64_t> customerId;  ///< workbook customers.id, size n
    std::vector<std::int64_t> offset{0};   ///< size n + 1
    std::vector<std::int32_t> day;         ///< days since 1970-01-01
    std::vector<double> value;             ///< sales revenue of the day

    std::size_t customers() const { return customerId.size(); }
};

}  // namespace cw::engine
