#pragma once
// What the last analysis stored of a service attribute (attribute_metrics), as the attribute
// matrix's text, JSON and window show it. Read by engine/load/MatrixLoader.
#include <cstdint>
#include <optional>
#include <string>

namespace cw::engine {

/// What the last analysis stored of a service attribute (attribute_metrics).
struct AttributeStats {
    std::int64_t id = 0;
    std::string name;
    std::int64_t responses = 0;               ///< answered scores
    std::optional<double> satisfaction;       ///< mean score, 0–100
    std::optional<double> statedImportance;   ///< mean stated importance (survey scale), when asked
    std::optional<double> relativeWeight;     ///< Johnson's relative weight (the weights sum to R²)
    std::optional<double> shareOfR2;          ///< relative weight / R²
};

}  // namespace cw::engine
