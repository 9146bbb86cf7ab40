#include "engine/load/Portfolio.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "core/CivilTime.h"
#include "engine/load/KpiValues.h"
#include "engine/load/MatrixLoader.h"
#include "engine/matrix/MatrixComputation.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/AccountPlans.h"
#include "store/AnalysisResults.h"
#include "store/CustomerQuery.h"
#include "store/Database.h"
#include "store/Portfolio.h"
#include "store/Workbook.h"

namespace cw::engine {
namespace {

using kpi::AlertCustomer;
constexpr double kNaN = AlertCustomer::kNaN;

// The customer_metrics columns the portfolio reads, in this order.
enum Metric {
    kRevenue, kMargin, kPrevRevenue, kRecentRevenue, kPrevOrders, kRecentOrders, kPAlive, kProfitTier, kActive,
    kExited, kAnorexic, kLastDay, kFirstDay, kPotential, kSatisfaction, kLoyalty, kClv, kMetricCount
};
const std::vector<std::string>& metricColumns() {
    static const std::vector<std::string> names = {
        "revenue", "margin", "prev_revenue", "recent_revenue", "prev_orders", "recent_orders", "p_alive",
        "profit_tier", "active", "exited", "anorexic", "last_day", "first_day", "potential", "satisfaction",
        "loyalty", "clv"};
    return names;
}

std::int32_t dayOfSeconds(std::int64_t ts) {
    return static_cast<std::int32_t>(ts / 86400 - (ts % 86400 < 0));
}

// "YYYY-MM-DD HH:MM:SS" (or a day alone) → the day; none when it is not one.
std::optional<std::int32_t> dayOfStamp(const std::string& at) {
    const auto d = parseIsoDay(at.substr(0, 10));
    if (d < 0) return std::nullopt;
    return static_cast<std::int32_t>(d);
}

double metricOf(const std::array<double, kMetricCount>& v, Metric m) {
    return v[static_cast<std::size_t>(m)];
}

double axisValue(const PortfolioCustomer& c, const std::string& metric) {
    if (metric == "margin") return c.base.margin;
    if (metric == "potential") return c.potential;
    if (metric == "satisfaction") return c.satisfaction;
    if (metric == "loyalty") return c.loyalty;
    return kNaN;
}

// The split values of each customer matrix: the saved thresholds over the statistics the last
// analysis kept (matrix_splits), or, for an analysis made before it kept them, over the points read
// again.
Result<std::array<std::array<std::optional<double>, 2>, kCustomerMatrices.size()>> matrixSplits(
    store::Workbook& wb, const nlohmann::json& summary) {
    std::array<std::array<std::optional<double>, 2>, kCustomerMatrices.size()> out{};
    const auto* splits = summary.contains("matrix_splits") ? &summary["matrix_splits"] : nullptr;
    auto stats = [](const nlohmann::json& j) {
        AxisStats a;
        if (j.contains("median") && j["median"].is_number()) a.median = j["median"].get<double>();
        if (j.contains("mean") && j["mean"].is_number()) a.mean = j["mean"].get<double>();
        if (j.contains("points") && j["points"].is_number()) a.points = j["points"].get<std::int64_t>();
        return a;
    };
    for (std::size_t k = 0; k < kCustomerMatrices.size(); ++k) {
        const auto& spec = matrixSpec(kCustomerMatrices[k]);
        auto t = loadMatrixThresholds(wb, spec);
        if (!t) return t.takeError();
        std::array<AxisStats, 2> s;
        if (splits && splits->contains(spec.name)) {
            s = {stats((*splits)[spec.name]["x"]), stats((*splits)[spec.name]["y"])};
        } else {
            auto in = loadMatrixInput(wb, spec.kind);
            if (!in) return in.takeError();
            s = plottedAxisStats(in->xs, in->ys);
        }
        out[k] = {splitValue(t->x, s[0]), splitValue(t->y, s[1])};
    }
    return out;
}

}  // namespace

Result<Portfolio> loadPortfolio(store::Workbook& wb, const std::string& managerCode, std::int32_t today) {
    auto& db = wb.db();
    try {
        auto tree = loadManagerTree(db, CustomerCounts::No);
        if (!tree) return tree.takeError();
        auto node = tree->node(managerCode);
        if (!node) return node.takeError();
        if (auto st = checkAnalysed(wb); !st) return st.takeError();
        const auto summaryText = store::readLastRunSummary(db);
        const auto summary = summaryText ? nlohmann::json::parse(*summaryText, nullptr, false) : nlohmann::json();
        if (!summary.is_object() || !summary.contains("settings"))
            return makeError(ErrorKind::Input, "the workbook's last analysis left no summary",
                             "run clienting analyze again");
        auto settings = AnalysisSettings::fromJson(summary["settings"].dump());
        if (!settings) return settings.takeError();

        Portfolio p;
        const auto& manager = tree->managers[*node];
        p.managerId = manager.id;
        p.managerCode = manager.code;
        p.managerName = manager.name;
        p.team = !tree->hierarchy.children(*node).empty();
        p.today = today;
        p.analysisDay = static_cast<std::int32_t>(parseIsoDay(summary.value("analysis_date", std::string())));
        p.currency = settings->currency;
        p.settings = settings::readOr(db, settings::alerts());
        std::vector<std::int64_t> managerIds;
        for (auto n : tree->hierarchy.subtree(*node)) managerIds.push_back(tree->managers[n].id);

        // The customers with their metrics and segment.
        store::CustomerQuery q;
        auto segmentation = activeSegmentation(wb);
        if (!segmentation) return segmentation.takeError();
        q.segmentation = *segmentation;
        q.metrics = metricColumns();
        q.managerSubtree = manager.id;
        auto cursor = store::readCustomers(db, q);
        if (!cursor) return cursor.takeError();
        std::vector<std::int64_t> ids;
        while (cursor->next()) {
            PortfolioCustomer c;
            c.base.id = cursor->id();
            c.base.code = cursor->code();
            c.base.name = cursor->name();
            c.segment = cursor->segment();
            c.managerCode = cursor->managerCode();
            std::array<double, kMetricCount> v;
            for (std::size_t i = 0; i < v.size(); ++i) v[i] = cursor->metric(i).value_or(kNaN);
            c.revenue = metricOf(v, kRevenue);
            c.base.margin = metricOf(v, kMargin);
            c.base.prevRevenue = metricOf(v, kPrevRevenue);
            c.base.recentRevenue = metricOf(v, kRecentRevenue);
            c.base.prevOrders = std::isnan(v[kPrevOrders]) ? 0 : static_cast<std::int64_t>(v[kPrevOrders]);
            c.base.recentOrders = std::isnan(v[kRecentOrders]) ? 0 : static_cast<std::int64_t>(v[kRecentOrders]);
            c.base.pAlive = metricOf(v, kPAlive);
            c.base.profitTier = std::isnan(v[kProfitTier]) ? 0 : static_cast<int>(v[kProfitTier]);
            c.base.active = v[kActive] == 1;
            c.exited = v[kExited] == 1;
            c.base.anorexic = v[kAnorexic] == 1;
            if (!std::isnan(v[kLastDay])) c.base.lastPurchaseDay = static_cast<std::int32_t>(v[kLastDay]);
            if (!std::isnan(v[kFirstDay])) c.base.firstDay = static_cast<std::int32_t>(v[kFirstDay]);
            c.potential = metricOf(v, kPotential);
            c.satisfaction = metricOf(v, kSatisfaction);
            c.loyalty = metricOf(v, kLoyalty);
            c.clv = metricOf(v, kClv);
            if (c.base.prevRevenue > 0 && !std::isnan(c.base.recentRevenue))
                c.trend = c.base.recentRevenue / c.base.prevRevenue - 1.0;
            ids.push_back(c.base.id);
            p.customers.push_back(std::move(c));
        }
        if (auto st = cursor->status(); !st) return st.takeError();
        std::unordered_map<std::int64_t, std::size_t> at;
        at.reserve(ids.size());
        for (std::size_t i = 0; i < p.customers.size(); ++i) at.emplace(p.customers[i].base.id, i);

        // Last contact and the latest two answers.
        for (const auto& n : store::readLatestNotes(db, ids)) {
            auto& c = p.customers[at.at(n.customerId)].base;
            c.lastContactDay = dayOfSeconds(*n.ts);
            c.lastContactBy = n.author;
            c.lastContactText = n.text;
        }
        for (const auto& a : store::readLatestSatisfaction(db, ids)) {
            auto& c = p.customers[at.at(a.customerId)].base;
            if (!c.satisfaction) {
                c.satisfaction = a.satisfaction;
                c.satisfactionDay = dayOfSeconds(a.ts);
            } else if (!c.prevSatisfaction) {
                c.prevSatisfaction = a.satisfaction;
                c.prevSatisfactionDay = dayOfSeconds(a.ts);
            }
        }

        // Quadrants, with the company's splits (as the matrices draw them unfiltered).
        auto splits = matrixSplits(wb, summary);
        if (!splits) return splits.takeError();
        for (auto& c : p.customers)
            for (std::size_t k = 0; k < kCustomerMatrices.size(); ++k) {
                const auto& spec = matrixSpec(kCustomerMatrices[k]);
                c.quadrants[k] = quadrantOf(axisValue(c, spec.x.metric), axisValue(c, spec.y.metric),
                                            (*splits)[k][0], (*splits)[k][1]);
            }

        // Account plans of the portfolio's managers: what each customer is in, and the overdue actions.
        const auto plans = store::readPlansOfManagers(db, managerIds);
        std::map<std::int64_t, const store::AccountPlan*> planById;
        for (const auto& plan : plans) {
            planById[plan.id] = &plan;
            if (plan.status != "open") continue;
            for (auto id : plan.customerIds) {
                auto it = at.find(id);
                if (it == at.end()) continue;
                auto& c = p.customers[it->second];
                std::int64_t pending = 0;
                for (const auto& a : plan.actions)
                    if (store::isPendingStatus(a.status) && (!a.customerId || *a.customerId == id)) ++pending;
                c.pendingActions += pending;
                c.plans += (c.plans.empty() ? "" : "; ") + plan.title + " (" + std::to_string(pending) + " pending)";
            }
        }
        kpi::AlertInput in;
        for (const auto& o : store::overdueActions(db, today, managerIds)) {
            kpi::AlertAction a;
            a.actionId = o.action.id;
            a.what = o.action.what;
            a.owner = o.action.owner;
            a.planTitle = o.planTitle;
            a.dueDay = o.action.dueDay;
            a.daysOverdue = o.daysOverdue;
            if (o.action.customerId)
                a.customerIds = {*o.action.customerId};
            else if (auto it = planById.find(o.action.planId); it != planById.end())
                a.customerIds = it->second->customerIds;
            in.overdue.push_back(std::move(a));
        }
        p.overdueActions = static_cast<std::int64_t>(in.overdue.size());
        p.customersUnderPlan = store::countCustomersUnderOpenPlans(db, managerIds);

        // Alerts, then their stored states.
        in.settings = p.settings;
        in.asOfDay = p.analysisDay;
        in.annualise = 12.0 / double(settings->windowMonths);
        in.currency = p.currency;
        in.customers.reserve(p.customers.size());
        for (const auto& c : p.customers) {
            in.customers.push_back(c.base);
            if (!std::isnan(c.revenue)) p.revenue += c.revenue;
            if (!std::isnan(c.base.margin)) p.margin += c.base.margin;
        }
        std::map<std::pair<std::string, std::int64_t>, store::AlertStateRow> states;
        for (auto& s : store::readAlertStates(db, ids)) states[{s.kind, s.customerId}] = std::move(s);
        for (auto& alert : kpi::computeAlerts(in)) {
            PortfolioAlert pa;
            if (auto it = at.find(alert.customerId); it != at.end()) {
                pa.customerCode = p.customers[it->second].base.code;
                pa.customerName = p.customers[it->second].base.name;
            }
            bool hide = false;
            if (alert.kind != kpi::AlertKind::OverdueAction) {
                if (auto it = states.find({std::string(kpi::alertKey(alert.kind)), alert.customerId});
                    it != states.end()) {
                    const auto& s = it->second;
                    const auto atDay = dayOfStamp(s.at);
                    // An acknowledgement holds until a newer situation; a snooze until its day.
                    hide = s.state == "snoozed" ? (s.untilDay && today <= *s.untilDay)
                                                : (atDay && alert.sinceDay <= *atDay);
                    pa.state = s.state;
                    pa.snoozedUntil = s.untilDay;
                    pa.stateAt = s.at;
                    pa.stateBy = s.by;
                    if (!hide) pa.state.clear();  // lapsed: shown as new
                }
            }
            pa.alert = std::move(alert);
            (hide ? p.hidden : p.alerts).push_back(std::move(pa));
        }
        std::sort(p.customers.begin(), p.customers.end(),
                  [](const PortfolioCustomer& l, const PortfolioCustomer& r) { return l.base.code < r.base.code; });
        return p;
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
}

Status setAlertState(store::WriteTransaction& tx, kpi::AlertKind kind, std::int64_t customerId,
                     std::optional<std::int32_t> snoozeUntil, const std::string& by) {
    if (kind == kpi::AlertKind::OverdueAction)
        return makeError(ErrorKind::Usage, "an overdue action's alert is not acknowledged or snoozed",
                         "mark the action done or cancelled, or give it a new due day, in its account plan");
    try {
        store::writeAlertState(tx, {std::string(kpi::alertKey(kind)), customerId,
                                    snoozeUntil ? "snoozed" : "acknowledged", snoozeUntil, "", by});
        return {};
    } catch (const store::SqlError& e) {
        return store::sqliteError(tx.db(), e);
    }
}

Result<bool> clearAlertState(store::WriteTransaction& tx, kpi::AlertKind kind, std::int64_t customerId) {
    try {
        return store::removeAlertState(tx, std::string(kpi::alertKey(kind)), customerId);
    } catch (const store::SqlError& e) {
        return store::sqliteError(tx.db(), e);
    }
}

}  // namespace cw::engine
