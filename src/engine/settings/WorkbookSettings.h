#pragma once
// Every setting stored in a workbook, each defined once: key, type, default and check
// (docs/analysis.md#settings). Read and written through engine/settings/Setting.h.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/kpi/Alerts.h"
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

/// "alerts": when a portfolio's situations raise alerts (docs/alerts.md), one JSON object
/// {"satisfaction_fall": 15, "p_alive_below": 0.7, "no_contact_days": 90}; missing keys keep
/// their default.
const Setting<kpi::AlertSettings>& alerts();

/// One alert situation a demo workbook planted: the alert's key, the customer's and the
/// manager's codes.
struct PlantedAlert {
    std::string kind, customer, manager;
    bool operator==(const PlantedAlert&) const = default;
};
/// "demo.planted_alerts": the alert situations a demo workbook was generated with, so that tests
/// can measure the alerts' precision and recall against them.
const Setting<std::vector<PlantedAlert>>& demoPlantedAlerts();

}  // namespace cw::engine::settings
