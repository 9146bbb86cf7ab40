#include "engine/load/KpiValues.h"

#include <cctype>
#include <chrono>

#include "core/Text.h"
#include "store/AccountPlans.h"
#include "store/Database.h"

namespace cw::engine {

KpiColumns toColumns(const kpi::KpiParts& p) {
    return {p.customers,       p.active,         p.newCustomers, p.exits,      p.profitableExits,
            p.retained,        p.prevActive,     p.revenue,      p.margin,     p.costToServe,
            p.topMargin,       p.satisfactionSum, p.satisfactionN, p.npsNet,   p.npsN,
            p.loyaltySum,      p.loyaltyN,       p.potentialMargin, p.potentialOpen, p.anorexic};
}

kpi::KpiParts fromColumns(const KpiColumns& c) {
    kpi::KpiParts p;
    p.customers = c[0], p.active = c[1], p.newCustomers = c[2], p.exits = c[3], p.profitableExits = c[4];
    p.retained = c[5], p.prevActive = c[6], p.revenue = c[7], p.margin = c[8], p.costToServe = c[9];
    p.topMargin = c[10], p.satisfactionSum = c[11], p.satisfactionN = c[12], p.npsNet = c[13], p.npsN = c[14];
    p.loyaltySum = c[15], p.loyaltyN = c[16], p.potentialMargin = c[17], p.potentialOpen = c[18], p.anorexic = c[19];
    return p;
}

std::optional<std::size_t> ManagerTree::findCode(const std::string& code) const {
    for (std::size_t i = 0; i < managers.size(); ++i)
        if (managers[i].code == code) return i;
    return std::nullopt;
}

Result<std::size_t> ManagerTree::node(const std::string& code) const {
    if (auto n = findCode(code)) return *n;
    if (managers.empty())
        return makeError(ErrorKind::Usage, "no manager has the code '" + text::printable(code) + "'",
                         "the workbook has no managers: import a managers file");
    auto lower = [](std::string s) {
        for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return s;
    };
    const std::string want = lower(code);
    std::vector<std::string> near;
    for (std::size_t len = want.size(); near.empty() && len > 0; --len)
        for (const auto& m : managers)
            if (lower(m.code).compare(0, len, want, 0, len) == 0 && near.size() < 5) near.push_back(m.code);
    std::string list;
    const bool guessed = !near.empty();
    for (std::size_t i = 0; i < managers.size() && near.size() < 5 && !guessed; ++i) near.push_back(managers[i].code);
    for (const auto& c : near) list += (list.empty() ? "" : ", ") + text::printable(c);
    return makeError(ErrorKind::Usage, "no manager has the code '" + text::printable(code) + "'",
                     guessed ? "did you mean " + list + "? (codes are compared exactly)"
                             : "give a code of the managers table (" + list + ", …)");
}

Result<ManagerTree> loadManagerTree(store::Database& db, CustomerCounts counts) {
    try {
        ManagerTree t;
        t.managers = store::readManagers(db, counts == CustomerCounts::Yes);
        std::vector<kpi::ManagerRef> refs;
        refs.reserve(t.managers.size());
        for (const auto& m : t.managers) refs.push_back({m.id, m.parentId});
        t.hierarchy = kpi::Hierarchy(refs);
        return t;
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
}

Result<std::vector<KpiPoint>> readKpiPoints(store::Database& db, const store::KpiQuery& q) {
    try {
        std::vector<KpiPoint> out;
        for (const auto& r : store::readKpiValues(db, q)) {
            KpiPoint p;
            const auto kind = kpi::parsePeriodKind(r.period).value_or(kpi::PeriodKind::Month);
            p.period = {kind, r.startDay, r.endDay, kpi::monthOf(r.startDay)};
            p.nodeId = r.nodeId;
            p.segmentId = r.segmentId;
            p.parts = fromColumns(r.parts);
            out.push_back(p);
        }
        return out;
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
}

Result<kpi::KpiSeries> loadKpiSeries(store::Database& db, std::int64_t nodeId, std::int64_t segmentId,
                                     kpi::PeriodKind kind) {
    store::KpiQuery q;
    q.nodeId = nodeId;
    q.segmentId = segmentId;
    q.period = std::string(kpi::toString(kind));
    auto points = readKpiPoints(db, q);
    if (!points) return points.takeError();
    kpi::KpiSeries s;
    for (const auto& p : *points) {
        s.periods.push_back(p.period);
        s.parts.push_back(p.parts);
    }
    try {
        for (const auto& t : store::readTargets(db, nodeId)) {
            if (t.period != kpi::toString(kind)) continue;
            if (auto id = kpi::findIndicator(t.indicator)) s.targets[{*id, t.startDay}] = t.target;
        }
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
    return s;
}

Status addPlanIndicators(store::Database& db, const ManagerTree& tree, std::int64_t nodeId, std::int32_t today,
                         kpi::KpiSeries& series) {
    std::optional<std::vector<std::int64_t>> managers;
    if (nodeId != 0) {
        managers.emplace();
        if (auto n = tree.hierarchy.node(nodeId))
            for (auto v : tree.hierarchy.subtree(*n)) managers->push_back(tree.hierarchy.id(v));
    }
    try {
        series.latestLive[kpi::IndicatorId::UnderAccountPlan] =
            static_cast<double>(store::countCustomersUnderOpenPlans(db, managers));
        series.latestLive[kpi::IndicatorId::OverdueActions] =
            static_cast<double>(store::countOverdueActions(db, today, managers));
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
    return {};
}

std::int32_t todayDay() {
    using namespace std::chrono;
    return static_cast<std::int32_t>(floor<days>(system_clock::now()).time_since_epoch().count());
}

std::string nodeLabel(const ManagerTree& tree, std::int64_t nodeId) {
    if (nodeId == 0) return "Company";
    if (auto n = tree.hierarchy.node(nodeId)) {
        const auto& m = tree.managers[*n];
        return m.name.empty() ? m.code : m.code + " (" + m.name + ")";
    }
    return "manager " + std::to_string(nodeId);
}

}  // namespace cw::engine
