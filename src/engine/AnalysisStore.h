#pragma once
// Writes the results of an analysis into the workbook (customer_metrics, attribute_metrics,
// model_fits, analysis_runs), inside the caller's write transaction.
#include <cstdint>
#include <string>

#include "engine/CustomerMetrics.h"

namespace cw::store {
class Database;
class WriteTransaction;
}

namespace cw::engine {

struct SurveyAnalysis;

/// Replaces every row of customer_metrics. Throws store::SqlError on failure.
void storeCustomerMetrics(store::WriteTransaction& tx, const CustomerInfo& customers, const MetricsTable& m);
/// Replaces attribute_metrics with the survey's per-attribute results.
void storeAttributeMetrics(store::WriteTransaction& tx, const SurveyAnalysis& survey);
/// Removes every stored model fit (a new analysis stores its own).
void clearModelFits(store::WriteTransaction& tx);
void storeModelFit(store::WriteTransaction& tx, const std::string& name, std::int64_t runId, const std::string& json);

/// Labels of the active segmentation (setting "segmentation.active"), else the customers' own
/// segment column; "" where a customer has none.
std::vector<std::string> segmentLabels(store::Database& db, const CustomerInfo& customers);

}  // namespace cw::engine
