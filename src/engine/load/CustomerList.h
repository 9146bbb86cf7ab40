#pragma once
// The drill-down behind the matrices and alerts: customers with their fields, the two axis values
// and quadrant of a matrix, revenue and margin, and for exits and anorexia the evidence (last
// purchase, own rhythm, exit day, previous and recent revenue and orders). Read-only.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "engine/matrix/MatrixComputation.h"
#include "engine/matrix/MatrixInput.h"
#include "engine/matrix/MatrixSpec.h"
#include "engine/matrix/MatrixThresholds.h"

namespace cw::store {
class Workbook;
}

namespace cw::engine {

enum class CustomerFlag { All, Exits, ProfitableExits, Anorexic };

struct CustomerListQuery {
    const MatrixSpec* matrix = nullptr;   ///< a customer matrix: adds its axes and quadrant
    std::optional<std::string> quadrant;  ///< keep one quadrant by name, or "insufficient data"
    std::optional<MatrixThresholds> thresholds;  ///< default: the ones saved in the workbook
    CustomerFlag flag = CustomerFlag::All;
    /// As for matrices; with a matrix they also decide the points its thresholds come from.
    std::vector<MatrixFilter> filters;
    std::string sort;        ///< "COLUMN", "COLUMN:asc" or "COLUMN:desc"; default "margin:desc"
    std::int64_t limit = 0;  ///< 0: all

    Status validate() const;
};

struct CustomerRow {
    std::int64_t id = 0;
    std::string code, name, region, channel, manager, segment;
    std::optional<double> x, y;  ///< axis values of the matrix
    std::string quadrant;        ///< quadrant name or "insufficient data" (with a matrix)
    std::optional<double> revenue, margin;
    std::optional<std::int64_t> lastDay, exitDay;  ///< days since 1970-01-01
    std::optional<double> rhythmDays;
    std::optional<double> prevRevenue, recentRevenue;
    std::optional<std::int64_t> prevOrders, recentOrders;
};

struct CustomerList {
    const MatrixSpec* matrix = nullptr;
    CustomerFlag flag = CustomerFlag::All;
    ResolvedThreshold xThreshold, yThreshold;  ///< with a matrix
    std::vector<std::string> columns;          ///< output columns, in order
    std::vector<CustomerRow> rows;             ///< sorted, at most `limit`
    std::int64_t matched = 0;                  ///< rows before the limit
};

/// Errors: Input "not analysed yet" when customer_metrics is empty; Usage for an attribute
/// matrix, an unknown quadrant or sort column.
Result<CustomerList> listCustomers(store::Workbook& wb, const CustomerListQuery& query);

/// Output formats; missing values are null (JSON), "n/a" (text) or empty (CSV), days are dates.
std::string customersToJson(const CustomerList& list);
std::string customersToText(const CustomerList& list);
std::string customersToCsv(const CustomerList& list);

}  // namespace cw::engine
