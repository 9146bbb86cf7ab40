#pragma once
// The key management indicators as the workbook keeps them (schema 5): the managers' hierarchy,
// dated survey answers, the values `analyze` stores per period × node × segment (as additive
// parts, see engine/kpi/KpiCompute.h) and the targets. Reads throw SqlError on failure; writes
// go inside the caller's transaction and throw SqlError.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"

namespace cw::store {

class Database;
class WriteTransaction;

struct ManagerRow {
    std::int64_t id = 0;
    std::string code, name, level, region;
    std::optional<std::int64_t> parentId;
    std::int64_t customers = 0;  ///< customers whose manager it is (not counting the descendants')
};
/// Every manager, in id order; with `customerCounts`, each one's own customers counted (a scan of
/// the customers' manager index: some 150 ms at a million customers), else `customers` is 0.
std::vector<ManagerRow> readManagers(Database& db, bool customerCounts = true);

/// A survey answer of a known customer with a date (answers without either are left out).
struct DatedAnswer {
    std::int64_t responseId = 0, customerId = 0;
    std::int64_t ts = 0;    ///< seconds since 1970-01-01 (orders the answers of one day)
    std::int32_t day = 0;
    std::optional<double> satisfaction, recommend;
};
std::vector<DatedAnswer> readDatedAnswers(Database& db);

/// The additive parts of kpi_values, in this order.
inline constexpr std::array<std::string_view, 20> kKpiPartColumns = {
    "customers",        "active",         "new",         "exits",          "profitable_exits",
    "retained",         "prev_active",    "revenue",     "margin",         "cost_to_serve",
    "top_margin",       "satisfaction_sum", "satisfaction_n", "nps_net",   "nps_n",
    "loyalty_sum",      "loyalty_n",      "potential_margin", "potential_open", "anorexic"};

struct KpiValueRow {
    std::string period;  ///< month | quarter | year
    std::int32_t startDay = 0, endDay = 0;
    std::int64_t nodeId = 0;     ///< managers.id; 0: the company
    std::int64_t segmentId = 0;  ///< segments.id; 0: every customer
    std::array<double, kKpiPartColumns.size()> parts{};  ///< NaN: NULL (top_margin only)
};

/// Replaces every stored value.
void writeKpiValues(WriteTransaction& tx, const std::vector<KpiValueRow>& rows);

struct KpiQuery {
    std::optional<std::int64_t> nodeId;    ///< none: every node
    std::int64_t segmentId = 0;            ///< 0: every customer; -1: every segment as well
    std::optional<std::string> period;     ///< none: every kind
    std::optional<std::int32_t> from, to;  ///< periods starting on or after `from`, ending on or before `to`
};
/// Stored values in (node, segment, period, start) order.
std::vector<KpiValueRow> readKpiValues(Database& db, const KpiQuery& q);
/// Whether the workbook has stored indicator values (false before schema 5 or an analysis).
bool hasKpiValues(Database& db);

struct KpiTarget {
    std::string indicator;   ///< key (docs/indicators.md)
    std::int64_t nodeId = 0;
    std::string period;
    std::int32_t startDay = 0;
    double target = 0;
    std::string setAt, setBy;
};
/// Sets (or replaces) targets; an empty `setAt` is now.
void writeTargets(WriteTransaction& tx, const std::vector<KpiTarget>& targets);
/// Removes a target; false when there was none.
bool deleteTarget(WriteTransaction& tx, const std::string& indicator, std::int64_t nodeId, const std::string& period,
                  std::int32_t startDay);
/// The targets of a node (none: every node) in (indicator, node, period, start) order.
std::vector<KpiTarget> readTargets(Database& db, std::optional<std::int64_t> nodeId = std::nullopt);

}  // namespace cw::store
