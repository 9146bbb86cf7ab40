#pragma once
// Reads matrix points and thresholds from a workbook analysed by the pipeline (customer_metrics,
// attribute_metrics; DESIGN §4). Read-only except saveMatrixThresholds.
//
// Customer matrices have one point per row of `customers` (a customer without a metrics row, or
// with a NULL axis metric, is "insufficient data"). The importance-satisfaction matrix has one
// point per service attribute; its x axis is derived_share, or stated_importance when the setting
// "matrix.importance_source" is "stated".
//
// Categorical fields: region and channel from customers; manager = the manager's name (its code
// when unnamed; filters match either); segment = the label in the segmentation named by setting
// "segmentation.active", or the customers' own `segment` column when that is unset. Empty text
// counts as no value.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "engine/matrix/AttributeStats.h"
#include "engine/matrix/MatrixInput.h"
#include "engine/matrix/MatrixSpec.h"
#include "engine/matrix/MatrixThresholds.h"

namespace cw::store {
class Workbook;
}

namespace cw::engine {

/// Loads the points of `kind` with the fields named by `groupBy` and `filters` (the filters
/// themselves are applied by computeMatrix). Errors: Input "not analysed yet" (hint: run
/// clienting analyze first) when customer_metrics is empty; Input when an attribute matrix has
/// no attribute results or the active segmentation does not exist; Usage for breakdowns or
/// filters of an attribute matrix.
Result<MatrixInput> loadMatrixInput(store::Workbook& wb, MatrixKind kind,
                                    std::optional<GroupField> groupBy = std::nullopt,
                                    const std::vector<MatrixFilter>& filters = {});

/// The inputs of several matrices at once, in the order of `kinds`, each its own result (an
/// attribute matrix may fail while the customer matrices load). The customer matrices share
/// one read of the customers (what a window opening all five needs); `filters` name the
/// breakdown fields to load (their values are ignored here).
std::vector<Result<MatrixInput>> loadMatrixInputs(store::Workbook& wb, const std::vector<MatrixKind>& kinds,
                                                  const std::vector<MatrixFilter>& filters);

/// The JSON summary of the last finished analysis (AnalysisSummary::toJson), or none.
Result<std::optional<std::string>> lastAnalysisSummary(store::Workbook& wb);

/// Succeeds when the analysis has written customer metrics; the Input error otherwise.
Status checkAnalysed(store::Workbook& wb);

/// The id of the segmentation named by the setting settings::activeSegmentation(), or none when unset (use the
/// customers' own segment column). Input error when it names no segmentation.
Result<std::optional<std::int64_t>> activeSegmentation(store::Workbook& wb);

/// Every service attribute with its stored results, in id order (results empty before an analysis).
Result<std::vector<AttributeStats>> loadAttributeStats(store::Workbook& wb);

/// Thresholds saved for the matrix, median/median when none are.
Result<MatrixThresholds> loadMatrixThresholds(store::Workbook& wb, const MatrixSpec& spec);
Status saveMatrixThresholds(store::Workbook& wb, const MatrixSpec& spec, const MatrixThresholds& t);

}  // namespace cw::engine
