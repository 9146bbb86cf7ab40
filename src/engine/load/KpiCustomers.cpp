#include "engine/load/KpiCustomers.h"

#include <optional>

#include "store/CustomerQuery.h"
#include "store/Database.h"

namespace cw::engine {

using kpi::IndicatorId;

CustomerTrace customerTrace(IndicatorId id) {
    switch (id) {
    case IndicatorId::Customers:
    case IndicatorId::New:
    case IndicatorId::Exits:
    case IndicatorId::ProfitableExits: return CustomerTrace::Exact;
    case IndicatorId::Active:
    case IndicatorId::Anorexic: return CustomerTrace::LatestOnly;
    default: return CustomerTrace::None;
    }
}

std::string_view traceNote(IndicatorId id) {
    switch (id) {
    case IndicatorId::Active:
        return "before the latest period: the customers whose first purchase is on or before its end and whose "
               "last purchase is on or after its start (a purchase in between is not stored per period)";
    case IndicatorId::Anorexic:
        return "before the latest period: the customers buying less as of the analysis date (anorexia is stored "
               "for the analysis date only)";
    default: return "";
    }
}

Result<std::vector<std::int64_t>> customersBehind(store::Database& db, std::int64_t nodeId, IndicatorId id,
                                                  const kpi::Period& period, bool latest) {
    if (customerTrace(id) == CustomerTrace::None)
        return makeError(ErrorKind::Usage, "this indicator is not a count of customers");
    store::CustomerQuery q;
    q.metrics = {"first_day", "last_day", "exit_day"};
    if (nodeId != 0) q.managerSubtree = nodeId;
    if (id == IndicatorId::Exits) q.flag = store::CustomerQuery::Flag::Exited;
    else if (id == IndicatorId::ProfitableExits) q.flag = store::CustomerQuery::Flag::ProfitableExit;
    else if (id == IndicatorId::Anorexic) q.flag = store::CustomerQuery::Flag::Anorexic;
    auto rows = store::readCustomers(db, q);
    if (!rows) return rows.takeError();
    const double start = period.start, end = period.end;
    std::vector<std::int64_t> out;
    while (rows->next()) {
        const auto first = rows->metric(0), last = rows->metric(1), exit = rows->metric(2);
        bool keep = false;
        switch (id) {
        case IndicatorId::Customers: keep = first && *first <= end && (!exit || *exit > end); break;
        case IndicatorId::New: keep = first && *first >= start && *first <= end; break;
        case IndicatorId::Exits:
        case IndicatorId::ProfitableExits: keep = exit && *exit >= start && *exit <= end; break;
        case IndicatorId::Active: keep = first && last && *first <= end && *last >= start; break;
        case IndicatorId::Anorexic:
            // As of the analysis date: counted in the base at the period's end.
            keep = latest ? true : (first && *first <= end && (!exit || *exit > end));
            break;
        default: break;
        }
        if (keep) out.push_back(rows->id());
    }
    if (auto st = rows->status(); !st) return st.error();
    return out;
}

}  // namespace cw::engine
