#pragma once
// Per-customer metrics (DESIGN §3) as columns over the customers of a workbook, index i being
// the customer of CustomerRows::customerId[i]. NaN (or -1 for days, 0 for flags) means
// "no data": such customers appear in no matrix and are reported as insufficient data.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/Result.h"
#include "engine/settings/AnalysisSettings.h"
#include "engine/TransactionScan.h"
#include "engine/models/PurchaseLog.h"
#include "store/AnalysisResults.h"
#include "store/CustomerColumns.h"

namespace cw::store {
class Database;
}

namespace cw::engine {

/// Descriptive columns of the customers table, in customers.id order.
using CustomerInfo = store::CustomerColumns;

/// Loads the customers; `walletField` names the numeric custom field used as the wallet estimate.
Result<CustomerInfo> loadCustomers(store::Database& db, const std::string& walletField);

/// Cost to serve by channel; an empty channel is the default for channels not listed.
struct CostToServe {
    struct Rate {
        double perOrder = 0;
        double perCustomerYear = 0;
    };
    std::map<std::string, Rate> byChannel;
    Rate rateFor(const std::string& channel) const;
};
Result<CostToServe> loadCostToServe(store::Database& db);

/// The calendar of one analysis: all days inclusive, as days since 1970-01-01.
struct AnalysisCalendar {
    std::int32_t analysisDay = 0;   ///< last day of the window
    std::int32_t windowStart = 0;   ///< first day of the profitability window
    std::int32_t recentStart = 0;   ///< first day of the recent anorexia window
    std::int32_t previousStart = 0; ///< first day of the window before it
    int windowMonths = 12;

    static AnalysisCalendar make(std::int32_t analysisDay, const AnalysisSettings& s);
};

using MetricsTable = store::CustomerMetricsTable;

/// Financial and behavioural metrics from the transactions; fills `log` with the purchase days
/// (sales, summed per day) up to the analysis day of the customers who bought, for the purchase
/// models, and `logIndex` with the metrics index of each of them.
MetricsTable computeBaseMetrics(const CustomerRows& rows, const CustomerInfo& customers, const CostToServe& cts,
                                const AnalysisSettings& settings, const AnalysisCalendar& cal, PurchaseLog& log,
                                std::vector<std::int32_t>& logIndex);

/// RFM quintiles, profitability tiers, potential, loyalty, exits and anorexia, once the model
/// and survey columns are filled (NaN where not available).
void finishMetrics(MetricsTable& m, const CustomerInfo& customers, const AnalysisSettings& settings,
                   const AnalysisCalendar& cal);

/// Quintile scores 1..5 of `values` (NaN → 0); `higherIsBetter` false gives 5 to the smallest.
std::vector<std::int8_t> quintileScores(const std::vector<double>& values, bool higherIsBetter);

}  // namespace cw::engine
