#pragma once
// computeMatrix: every point's quadrant, and per quadrant the count and the shares of customers,
// revenue and margin, overall and per group. Pure computation over a MatrixInput (no workbook);
// linear in the points plus a selection for medians (a million points take a few milliseconds).
//
// Rules:
// - Filters apply first; thresholds and shares see only the points that pass.
// - A point with x or y missing (NaN) is "insufficient data": never plotted, never placed in a
//   quadrant, counted apart. Quadrant counts + insufficient = points that pass the filters.
// - Median and mean thresholds are computed over the plotted points (both axes known). The
//   median of an even count is the mean of the two middle values. High means value >= threshold.
// - Shares are over the plotted points: count / plotted, revenue / plotted revenue, margin /
//   plotted margin (unknown revenue or margin adds nothing). A share whose denominator is zero is
//   absent, and attribute matrices have no shares at all.
// - Groups use the global thresholds unless perGroupThresholds; a point without a value of the
//   group field falls in the group "(none)". Group counts sum to the totals.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "engine/matrix/MatrixInput.h"
#include "engine/matrix/MatrixSpec.h"
#include "engine/matrix/MatrixThresholds.h"

namespace cw::engine {

struct MatrixOptions {
    MatrixThresholds thresholds;
    std::optional<GroupField> groupBy;
    bool perGroupThresholds = false;  ///< compute median/mean within each group
    std::vector<MatrixFilter> filters;

    Status validate() const;
};

/// Per point of the input: 0..3 a Quadrant, or one of these.
inline constexpr std::int8_t kInsufficientData = -1;
inline constexpr std::int8_t kFilteredOut = -2;

/// The name used for points with x or y missing, and for points without a group value.
inline constexpr const char* kInsufficientName = "insufficient data";
inline constexpr const char* kNoGroupName = "(none)";

struct ResolvedThreshold {
    ThresholdMode mode = ThresholdMode::Median;
    std::optional<double> value;  ///< absent: median/mean of no points
};

struct QuadrantSummary {
    std::int64_t count = 0;
    double revenue = 0.0;
    double margin = 0.0;
    std::optional<double> customerShare, revenueShare, marginShare;
};

struct MatrixSummary {
    std::array<QuadrantSummary, kQuadrantCount> quadrants;
    std::int64_t insufficient = 0;
    std::int64_t plotted = 0;  ///< points in a quadrant
    double revenue = 0.0;      ///< of the plotted points
    double margin = 0.0;
    ResolvedThreshold x, y;

    std::int64_t points() const { return plotted + insufficient; }
    const QuadrantSummary& quadrant(Quadrant q) const { return quadrants[static_cast<int>(q)]; }
};

struct MatrixGroup {
    GroupField by;
    std::string name;
    MatrixSummary summary;
};

struct MatrixResult {
    const MatrixSpec* spec = nullptr;
    AxisSpec x, y;  ///< the metrics read (importance may be stated or derived)
    MatrixSummary total;
    bool perGroupThresholds = false;
    std::vector<MatrixGroup> groups;  ///< largest first (ties by name), "(none)" last; empty without groupBy
    std::vector<std::int8_t>
        assignment;  ///< per input point: quadrant, kInsufficientData or kFilteredOut
    std::int64_t filteredOut = 0;
    /// Why points have insufficient data: no x value only, no y value only, neither.
    std::int64_t missingX = 0, missingY = 0, missingBoth = 0;
    std::vector<std::string> warnings;  ///< e.g. a filter value no point has
    std::string currency = "currency";  ///< the label of money axes (the input's)
    double seconds = 0.0;
};

/// Places every point. Errors: Usage for invalid options or a filter/group field the input did
/// not load; Internal for an inconsistent input.
Result<MatrixResult> computeMatrix(const MatrixSpec& spec, const MatrixInput& input,
                                   const MatrixOptions& options);

/// The median and mean of one axis over the points a matrix plots (both axes known), as computeMatrix
/// resolves Median and Mean thresholds without filters: what the analysis keeps, so that a
/// customer's quadrant is found without reading every customer (the portfolio).
struct AxisStats {
    std::optional<double> median, mean;  ///< none: no point is plotted
    std::int64_t points = 0;
    bool operator==(const AxisStats&) const = default;
};
/// x's and y's statistics over the indexes where both are known.
std::array<AxisStats, 2> plottedAxisStats(const std::vector<double>& xs, const std::vector<double>& ys);
/// The split value of an axis: Target and Custom their value, Median and Mean from `stats`.
std::optional<double> splitValue(const AxisThreshold& t, const AxisStats& stats);
/// The quadrant of a point, or none when x or y is missing or a split is unknown (high: >= split).
std::optional<Quadrant> quadrantOf(double x, double y, std::optional<double> xSplit, std::optional<double> ySplit);

}  // namespace cw::engine
