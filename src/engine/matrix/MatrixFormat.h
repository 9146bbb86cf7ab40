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
//        "groups": [{"by", "name", "quadrants": […], "insufficient_data": N}, …]}
// Quadrants in the order high/high, high x/low y, low x/high y, low/low. Shares are null for
// attribute points. With per-group thresholds the top-level threshold values are null, the
// thresholds carry "per_group": true, and each group has its own "thresholds".
#include <string>

#include "engine/matrix/MatrixComputation.h"

namespace cw::engine {

std::string matrixToJson(const MatrixResult& r);
std::string matrixToText(const MatrixResult& r);
/// Columns: by, group, quadrant, position, count, customer_share, revenue_share, margin_share,
/// x_threshold, y_threshold; the overall rows have by = "all" and an empty group.
std::string matrixToCsv(const MatrixResult& r);

}  // namespace cw::engine
