#pragma once
// The customers behind an indicator's figure (the dashboard's "Show customers"): those of a node
// of the managers' hierarchy (0: the company) that the indicator counts in a period, read from the
// stored customer metrics (first and last purchase day, exit day, flags). Read-only.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/Result.h"
#include "engine/kpi/Indicators.h"
#include "engine/kpi/Periods.h"

namespace cw::store {
class Database;
}

namespace cw::engine {

/// How exactly the stored metrics give the customers an indicator counts in a period.
enum class CustomerTrace {
    None,         ///< not a count of customers (an amount, a ratio): nothing to list
    Exact,        ///< exactly the customers counted
    LatestOnly,   ///< exact for the latest period; for an earlier one, an approximation (see traceNote)
};
/// Customers, new customers, exits, profitable exits: exact for every period; active customers and
/// anorexia: exact for the latest period (the stored metrics keep the last purchase and today's
/// anorexia flag, not every period's).
CustomerTrace customerTrace(kpi::IndicatorId id);
/// What an approximate list holds, for people ("" when exact).
std::string_view traceNote(kpi::IndicatorId id);

/// The ids (ascending) of the node's customers (with everyone below it) that `id` counts in
/// `period`; `latest` says whether it is the last stored period (see CustomerTrace). A Usage error
/// for an indicator that does not count customers.
Result<std::vector<std::int64_t>> customersBehind(store::Database& db, std::int64_t nodeId, kpi::IndicatorId id,
                                                  const kpi::Period& period, bool latest);

}  // namespace cw::engine
