#pragma once
// The indicators' part of the analysis: their input gathered from what the analysis has just
// read and computed (transaction rows, metrics, the hierarchy, the active segmentation, dated
// answers), their computation (engine/kpi), and the rows the workbook stores.
#include <vector>

#include "engine/CustomerMetrics.h"
#include "engine/TransactionScan.h"
#include "engine/kpi/KpiCompute.h"
#include "store/Kpi.h"

namespace cw::store {
class Database;
}

namespace cw::engine {

/// The monthly activity of every customer (index i of `rows`), up to the analysis day; the
/// product cost takes the gross margin rate where a transaction has none.
kpi::KpiInput kpiActivityOf(const CustomerRows& rows, const AnalysisSettings& settings, const AnalysisCalendar& cal);

/// Completes the input with the customers' metrics, managers, segments and answers, computes
/// every indicator and returns the rows to store. `firstDay` of the input is kept when it has
/// activity, else taken from the answers. Throws store::SqlError.
std::vector<store::KpiValueRow> computeIndicators(store::Database& db, kpi::KpiInput input, const CustomerInfo& customers,
                                                  const MetricsTable& m, const CostToServe& cts,
                                                  const AnalysisSettings& settings, const AnalysisCalendar& cal);

}  // namespace cw::engine
