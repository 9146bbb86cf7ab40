#pragma once
// What the dashboard reads once per workbook (loadDashboardBase, on a worker): the managers'
// tree with each node's customers, the periods of each kind, the currency, or why there is
// nothing to show. Plain values, no Qt.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/Result.h"
#include "engine/kpi/Periods.h"
#include "engine/load/KpiValues.h"

namespace cw::store {
class Workbook;
}

namespace cw::app {

struct DashboardBase {
    /// Empty when the workbook has stored indicators; else what to do about it.
    std::string unavailable;
    engine::ManagerTree tree;
    /// Customers of node i and of every node below it (tree.managers' order).
    std::vector<std::int64_t> subtreeCustomers;
    std::int64_t companyCustomers = 0;
    /// The company's periods of each kind (the grid every node's series lies on), by PeriodKind.
    std::array<std::vector<engine::kpi::Period>, 3> periods;
    std::string currency = "currency";
};

Result<DashboardBase> loadDashboardBase(store::Workbook& wb);

}  // namespace cw::app
