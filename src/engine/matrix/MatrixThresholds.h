#pragma once
// Where a matrix axis splits into low and high: the median or mean of the plotted points, a
// business target, or a custom value. Stored per matrix in the workbook setting
// "matrix.<name>.thresholds" as {"x": {"mode": "median"}, "y": {"mode": "custom", "value": 50}}.
#include <optional>
#include <string>
#include <string_view>

#include "core/Result.h"

namespace cw::engine {

enum class ThresholdMode { Median, Mean, Target, Custom };

const char* toString(ThresholdMode m);

/// How one axis is split. Target and Custom carry their value; Median and Mean are computed
/// from the points.
struct AxisThreshold {
    ThresholdMode mode = ThresholdMode::Median;
    double value = 0.0;  ///< used by Target and Custom only

    bool needsValue() const {
        return mode == ThresholdMode::Target || mode == ThresholdMode::Custom;
    }
    Status validate() const;
    bool operator==(const AxisThreshold&) const = default;

    /// Parses a command-line value: "median", "mean", "target:NUMBER" or a plain NUMBER (custom).
    static Result<AxisThreshold> parse(std::string_view text);
};

struct MatrixThresholds {
    AxisThreshold x, y;

    Status validate() const;
    bool operator==(const MatrixThresholds&) const = default;

    /// {"x": {"mode": "median"}, "y": {"mode": "custom", "value": 50}}
    std::string toJson() const;
    /// Missing axes keep the default (median); an unknown mode or a missing value is an Input
    /// error that names the key.
    static Result<MatrixThresholds> fromJson(std::string_view json);
};

}  // namespace cw::engine
