#pragma once
// Targets per indicator × node × period: read from a CSV file (all or nothing, each bad cell
// named by file, line and column) or given one at a time, checked against the indicators, the
// managers and the calendar, then stored.
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "engine/kpi/Periods.h"
#include "engine/load/KpiValues.h"
#include "store/Kpi.h"

namespace cw::store {
class Workbook;
}

namespace cw::engine {

/// One target as a person writes it: indicator key, manager code ("" the company), period kind,
/// period (label such as 2025-Q4, or any day in it) and the target value.
struct TargetSpec {
    std::string indicator, node, period, when;
    double target = 0;
};

/// Checks a target against the workbook's managers and the indicators; the stored form.
Result<store::KpiTarget> resolveTarget(const TargetSpec& spec, const ManagerTree& tree);

/// Reads a targets file: a header with the columns indicator, node, period, start, target (any
/// order, other columns ignored), then one target per line. Every problem is an error with the
/// file, line and column; nothing is returned unless every line is good.
Result<std::vector<store::KpiTarget>> readTargetsFile(const std::string& path, const ManagerTree& tree);

/// Stores the targets in one transaction (a target already set for the same indicator, node and
/// period is replaced); returns how many were stored.
Result<std::size_t> storeTargets(store::Workbook& wb, const std::vector<store::KpiTarget>& targets);

}  // namespace cw::engine
