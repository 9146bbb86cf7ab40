#pragma once
// Every setting stored in a workbook, each defined once: key, type, default and check
// (docs/analysis.md#settings). Read and written through engine/settings/Setting.h.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/settings/AnalysisSettings.h"
#include "engine/matrix/MatrixThresholds.h"
#include "engine/settings/Setting.h"

namespace cw::engine::settings {

/// "analysis.settings": the definitions of the analysis (DESIGN §3), one JSON object.
const Setting<AnalysisSettings>& analysis();

/// "segmentation.active": the saved segmentation whose labels the matrices and breakdowns use;
/// none: the customers' own segment field.
const Setting<std::optional<std::string>>& activeSegmentation();

/// Where the attribute matrix's importance comes from.
enum class ImportanceSource { Derived, Stated };
/// "matrix.importance_source": "derived" (relative weights, the default) or "stated".
const Setting<ImportanceSource>& importanceSource();

/// "matrix.<name>.thresholds": where each axis of one matrix splits (median by default).
Setting<MatrixThresholds> matrixThresholds(const std::string& matrixName);

/// "demo.planted_attribute_weights": the attribute weights a demo workbook was generated with
/// (attribute name, weight), so that tests can compare the survey analysis with the truth.
const Setting<std::vector<std::pair<std::string, double>>>& demoAttributeWeights();

}  // namespace cw::engine::settings
