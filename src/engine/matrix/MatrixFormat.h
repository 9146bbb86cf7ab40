#pragma once
// A matrix result as JSON (the contract other tools parse, docs/cli.md), as an aligned text table
// and as CSV. Nothing prints NaN: a missing value is null in JSON, "n/a" in text and an empty
// field in CSV.
//
// JSON: {"matrix": NAME,
//        "x": {"metric", "label", "unit"}, "y": {…},
//        "thresholds": {"x": {"mode", "value"}, "y": {…}},
//        "quadrants": [{"name", "count", "customer_share", "revenue_share", "margin_share"}, …],
//        "insufficient_data": N,
//        "insufficient_reasons": {"no_x": N, "no_y": N, "neither": N},
//        "groups": [{"by", "name", "quadrants": […], "insufficient_data": N}, …],
//        "warnings": [TEXT, …]}
// Quadrants in the order high/high, high x/low y, low x/high y, low/low. Shares are null for
// attribute points. With per-group thresholds the top-level threshold values are null, the
// thresholds carry "per_group": true, and each group has its own "thresholds".
//
// With points (matrixPoints): the importance-satisfaction matrix adds "attributes": [{"id",
// "name", "relative_weight", "share_of_r2", "stated_importance", "satisfaction", "responses",
// "quadrant", "position"}, …] and a customer matrix (--points) adds "points": [{"id", "code",
// "x", "y", "quadrant", "position"}, …]; filtered-out points are left out, a point without data
// has quadrant "insufficient data" and position null. The text output adds the same as a table;
// the CSV output becomes one row per point instead of the quadrant summary.
#include <optional>
#include <string>
#include <vector>

#include "engine/matrix/MatrixComputation.h"
#include "engine/matrix/AttributeStats.h"

namespace cw::engine {

/// One point of a matrix as listed: an attribute with its survey results, or a customer.
struct MatrixPointRow {
    std::int64_t id = 0;
    std::string code;            ///< the customer's code or the attribute's name
    std::optional<double> x, y;  ///< none: no data
    std::int8_t assignment = kInsufficientData;  ///< quadrant or kInsufficientData
    std::optional<AttributeStats> attribute;     ///< attribute matrices
};

/// The points of `in` as placed in `r` (filtered-out points left out); `stats` adds each
/// attribute's results by id.
std::vector<MatrixPointRow> matrixPoints(const MatrixInput& in, const MatrixResult& r,
                                         const std::vector<AttributeStats>& stats = {});

std::string matrixToJson(const MatrixResult& r, const std::vector<MatrixPointRow>& points = {});
std::string matrixToText(const MatrixResult& r, const std::vector<MatrixPointRow>& points = {});
/// Columns: by, group, quadrant, position, count, customer_share, revenue_share, margin_share,
/// x_threshold, y_threshold; the overall rows have by = "all" and an empty group. With points:
/// attribute_id, name, relative_weight, share_of_r2, stated_importance, satisfaction, responses,
/// quadrant, position (attributes) or customer_id, code, x, y, quadrant, position (customers).
std::string matrixToCsv(const MatrixResult& r, const std::vector<MatrixPointRow>& points = {});

/// Where a pinned insight came from, for people: the matrix's title and the quadrant when its
/// source JSON names one ("Profitability vs loyalty · true friends"); empty when it says neither.
std::string insightSourceText(const std::string& sourceJson);

}  // namespace cw::engine
