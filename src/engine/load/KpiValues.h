#pragma once
// The stored indicators read back for the dashboards and `clienting kpi`: the hierarchy of the
// workbook's managers, series of one node, its children side by side, and the conversion between
// the engine's KpiParts and the stored columns.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "engine/kpi/Hierarchy.h"
#include "engine/kpi/KpiCompute.h"
#include "engine/kpi/KpiReport.h"
#include "store/Kpi.h"

namespace cw::store {
class Database;
}

namespace cw::engine {

using KpiColumns = std::array<double, store::kKpiPartColumns.size()>;
/// KpiParts ↔ the stored columns (store::kKpiPartColumns' order).
KpiColumns toColumns(const kpi::KpiParts& p);
kpi::KpiParts fromColumns(const KpiColumns& c);

/// The workbook's managers and the hierarchy built from them (node i is managers[i]).
struct ManagerTree {
    std::vector<store::ManagerRow> managers;
    kpi::Hierarchy hierarchy{{}};

    /// The node of a manager code, or none.
    std::optional<std::size_t> findCode(const std::string& code) const;
    /// The node of a manager code; otherwise a Usage error that names the code and the codes
    /// nearest to it (same letters in another case, or sharing its start), or says the workbook
    /// has no managers.
    Result<std::size_t> node(const std::string& code) const;
};
/// Whether ManagerRow::customers is counted (a scan of the customers' manager index, some 150 ms
/// at a million customers): the window's tree shows the counts, lookups need none.
enum class CustomerCounts : bool { No, Yes };
Result<ManagerTree> loadManagerTree(store::Database& db, CustomerCounts counts = CustomerCounts::Yes);

/// One stored row, read back.
struct KpiPoint {
    kpi::Period period;
    std::int64_t nodeId = 0;     ///< 0: the company
    std::int64_t segmentId = 0;  ///< 0: every customer
    kpi::KpiParts parts;

    std::optional<double> value(kpi::IndicatorId id) const { return kpi::value(id, parts); }
};
/// Stored values (see store::KpiQuery), in (node, segment, period kind, start) order.
Result<std::vector<KpiPoint>> readKpiPoints(store::Database& db, const store::KpiQuery& q);

/// One node's (0: the company) series of one period kind for a segment (0: every customer), with
/// its targets.
Result<kpi::KpiSeries> loadKpiSeries(store::Database& db, std::int64_t nodeId, std::int64_t segmentId,
                                     kpi::PeriodKind kind);

/// The account-plan indicators of a node (0: the company, every plan) as the plans stand now, as
/// the latest period's values of `series` (docs/indicators.md): customers in an open plan of the
/// node's managers, and their open or in-progress actions due before `today`.
Status addPlanIndicators(store::Database& db, const ManagerTree& tree, std::int64_t nodeId, std::int32_t today,
                         kpi::KpiSeries& series);
/// Today (UTC) as days since 1970-01-01.
std::int32_t todayDay();

/// "Company" for node 0, else "CODE (name)".
std::string nodeLabel(const ManagerTree& tree, std::int64_t nodeId);

}  // namespace cw::engine
