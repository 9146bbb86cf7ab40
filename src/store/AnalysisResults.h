#pragma once
// The results of an analysis as the workbook keeps them: per-customer metrics, per-attribute
// survey results, model fits and the record of each run. Writes go inside the caller's write
// transaction; the engine computes, this file is the only place that knows the tables.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"

namespace cw::store {

class Database;
class WriteTransaction;

/// Per-customer metrics (DESIGN §3) as columns, index i being the i-th customer of the analysis.
/// NaN (or -1 for days, 0 for flags and scores) means "no data".
struct CustomerMetricsTable {
    std::vector<std::int32_t> firstDay, lastDay;  ///< -1: never bought (up to the analysis day)
    std::vector<std::int32_t> purchaseDays, orders, prevOrders, recentOrders;
    std::vector<std::int32_t> monthsActive;  ///< months of the window with a purchase
    std::vector<double> revenue, cost, costToServe, margin, prevRevenue, recentRevenue;
    std::vector<double> marginBeforeLast;  ///< margin over the window that ends at the last purchase (not stored)
    std::vector<double> recencyDays, tenureDays, rhythmDays;
    std::vector<std::int8_t> rScore, fScore, mScore;  ///< 1..5, 0 no data
    std::vector<double> pAlive, expectedPurchases, expectedSpend, clv, potential;
    std::vector<double> loyalty, satisfaction, recommend, repurchase;
    std::vector<std::int32_t> surveyDay;  ///< -1: no answer
    std::vector<std::int8_t> active, exited, profitableExit, anorexic, profitTier;
    std::vector<std::int32_t> exitDay;  ///< -1: not exited
    /// Window revenue (absolute) whose cost the transactions gave, and whose cost was assumed
    /// from gross_margin_rate: how far profitability rests on the assumption (not stored).
    double revenueWithCost = 0, revenueAssumedCost = 0;

    std::size_t size() const { return revenue.size(); }
    /// n customers, every value "no data".
    void resize(std::size_t n);
};

/// Replaces every row of customer_metrics; `customerIds[i]` is the customer of row i.
/// Throws SqlError on failure.
void writeCustomerMetrics(WriteTransaction& tx, const std::vector<std::int64_t>& customerIds,
                          const CustomerMetricsTable& m);

/// One service attribute's survey results; values absent when the survey could not give them.
struct AttributeMetricRow {
    std::int64_t attributeId = 0;
    std::string name;  ///< read only
    std::int64_t responses = 0;
    std::optional<double> satisfaction, statedImportance, derivedImportance, derivedShare, olsBeta;

    /// The value of the attribute_metrics column `column`; none for an unknown column.
    std::optional<std::optional<double>> column(const std::string& column) const;
};

/// Replaces attribute_metrics. Throws SqlError on failure.
void writeAttributeMetrics(WriteTransaction& tx, const std::vector<AttributeMetricRow>& rows);
/// Every service attribute in id order with its stored results (none before an analysis).
Result<std::vector<AttributeMetricRow>> readAttributeMetrics(Database& db);

/// Removes every stored model fit (a new analysis stores its own). Throws SqlError.
void clearModelFits(WriteTransaction& tx);
void writeModelFit(WriteTransaction& tx, const std::string& name, std::int64_t runId, const std::string& json);

struct AnalysisRunStart {
    std::string startedAt;  ///< ISO date-time
    std::int64_t analysisDay = 0, windowStart = 0;  ///< days since 1970-01-01
    std::string settingsJson;
};
/// Records the start of a run and returns its id. Throws SqlError.
std::int64_t startAnalysisRun(WriteTransaction& tx, const AnalysisRunStart& run);
/// Marks the run finished with its summary (JSON). Throws SqlError.
void finishAnalysisRun(WriteTransaction& tx, std::int64_t runId, const std::string& finishedAt,
                       const std::string& summaryJson);

/// The summary (JSON text) of the last finished run; none before the first. Throws SqlError.
std::optional<std::string> readLastRunSummary(Database& db);

/// Whether the workbook holds results of that kind (false in a workbook older than the table).
enum class ResultTable { AnalysisRuns, CustomerMetrics, AttributeMetrics };
bool hasResults(Database& db, ResultTable table);

}  // namespace cw::store
