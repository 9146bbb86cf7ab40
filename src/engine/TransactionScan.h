#pragma once
// One pass over the transactions table, read by up to two threads with their own read-only
// connections (rowid ranges), giving every customer's rows sorted by day. The engine works on
// these per-customer rows and on customer summaries, never with SQL per customer.
#include <cstdint>
#include <string>
#include <vector>

#include "core/Progress.h"
#include "core/Result.h"
#include "engine/models/PurchaseLog.h"

namespace cw::engine {

/// Transactions grouped by customer (compressed rows): customer i's rows are
/// [offset[i], offset[i+1]), ascending by day. Anonymous sales are only counted.
struct CustomerRows {
    std::vector<std::int64_t> customerId;  ///< customers.id of index i, ascending
    std::vector<std::int64_t> offset{0};
    std::vector<std::int32_t> day;   ///< days since 1970-01-01
    std::vector<std::int8_t> kind;   ///< 0 sale, 1 return
    std::vector<double> revenue;     ///< signed
    std::vector<double> cost;        ///< NaN when unknown
    std::int32_t firstDay = 0;       ///< over all rows (0 when there are none)
    std::int32_t lastDay = 0;
    std::int64_t anonymousRows = 0;
    double anonymousRevenue = 0;

    std::size_t customers() const { return customerId.size(); }
    std::size_t rows() const { return day.size(); }
};

struct ScanOptions {
    int threads = 2;
};

/// Reads every transaction of the workbook at `path` for the customers `customerIds` (ascending
/// workbook ids; rows of other customers are an error: the workbook is inconsistent).
Result<CustomerRows> scanTransactions(const std::string& path, const std::vector<std::int64_t>& customerIds,
                                      const ScanOptions& options = {}, const ProgressFn& progress = {});

/// The purchase models' input from scanned rows: each customer's sales (kind 0) summed per day,
/// days up to `lastDay` (inclusive) only; customers without such a sale are left out. The same
/// log the analysis builds, so that `clienting model` fits exactly what `analyze` fits.
PurchaseLog purchaseLogOf(const CustomerRows& rows, std::int32_t lastDay);

}  // namespace cw::engine
