#include "report/sections/PlanTables.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

#include "engine/kpi/Indicators.h"
#include "engine/load/KpiValues.h"
#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/KpiFormat.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

struct ActionCounts {
    std::int64_t open = 0, done = 0, cancelled = 0, overdue = 0;
};

ActionCounts countActions(const store::AccountPlan& p, std::int32_t today) {
    ActionCounts c;
    for (const auto& a : p.actions) {
        if (store::isPendingStatus(a.status)) {
            ++c.open;
            if (a.dueDay < today) ++c.overdue;
        } else if (a.status == "done") {
            ++c.done;
        } else {
            ++c.cancelled;
        }
    }
    return c;
}

QString managerOf(const engine::ManagerTree* tree, const std::optional<std::int64_t>& id) {
    if (!id) return tr("(none)");
    if (tree)
        if (auto n = tree->hierarchy.node(*id)) {
            const auto& m = tree->managers[*n];
            return m.name.empty() ? fmt::text(m.code) : fmt::text(m.code) + QStringLiteral(" — ") + fmt::text(m.name);
        }
    return fmt::count(*id);
}

QString statusText(const std::string& status) {
    if (status == "in_progress") return tr("in progress");
    return fmt::text(status);
}

QString indicatorName(const std::string& key) {
    if (auto id = engine::kpi::findIndicator(key)) return kpifmt::name(*id);
    return fmt::text(key);
}

Cell targetCell(const store::PlanObjective& o) {
    if (auto id = engine::kpi::findIndicator(o.indicator)) return kpifmt::valueCell(*id, o.target);
    return fmt::numberCell(o.target, 2);
}

QString sheetName(const PlanTablesOptions& o, const QString& name) {
    return o.sheetPrefix.isEmpty() ? name : o.sheetPrefix + QStringLiteral(" ") + name;
}

}  // namespace

Status writePlanTables(ReportContext& ctx, ReportDocument& doc, const std::vector<store::AccountPlan>& plans,
                       const PlanTablesOptions& options, const QString& detailsHeading) {
    auto& db = ctx.workbook().db();
    const std::int32_t today = ctx.today();
    auto tree = ctx.managers();
    const engine::ManagerTree* managers = tree ? *tree : nullptr;

    // Every customer an action names, read at once.
    std::vector<std::int64_t> ids;
    for (const auto& p : plans)
        for (const auto& a : p.actions)
            if (a.customerId) ids.push_back(*a.customerId);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::map<std::int64_t, std::pair<std::string, std::string>> names;
    try {
        if (!ids.empty()) names = store::readCustomerCodes(db, ids);
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }

    Table t;
    t.title = tr("The plans, actions as of %1").arg(fmt::day(today));
    t.sheet = sheetName(options, tr("Account plans"));
    t.header = {QStringLiteral("#")};
    t.align = {Align::Right};
    if (options.managerColumn) {
        t.header.push_back(tr("Manager"));
        t.align.push_back(Align::Left);
    }
    for (const char* h : {"Title", "Customers", "Objectives", "Actions open", "Done", "Overdue", "Status"}) {
        t.header.push_back(tr(h));
        t.align.push_back(Align::Right);
    }
    t.align[options.managerColumn ? 2 : 1] = Align::Left;
    t.align.back() = Align::Left;
    ActionCounts total;
    for (const auto& p : plans) {
        const auto c = countActions(p, today);
        total.open += c.open;
        total.done += c.done;
        total.overdue += c.overdue;
        std::vector<Cell> row = {fmt::countCell(p.id)};
        if (options.managerColumn) row.push_back(managerOf(managers, p.managerId));
        row.insert(row.end(), {fmt::text(p.title), fmt::countCell(std::ssize(p.customerIds)),
                               fmt::countCell(std::ssize(p.objectives)), fmt::countCell(c.open),
                               fmt::countCell(c.done), fmt::countCell(c.overdue), statusText(p.status)});
        t.rows.push_back(std::move(row));
        t.bold.push_back(c.overdue > 0);
    }
    t.note = tr("%1 plans; %2 actions open or in progress, %3 of them overdue on %4; %5 done. Actions open: open or in "
                "progress; plans with an overdue action in bold.")
                 .arg(fmt::count(std::ssize(plans)), fmt::count(total.open), fmt::count(total.overdue), fmt::day(today),
                      fmt::count(total.done));
    if (!options.scope.isEmpty()) t.note = options.scope + QStringLiteral(" ") + t.note;
    doc.table(std::move(t));

    if (!detailsHeading.isEmpty()) doc.heading(2, detailsHeading);
    for (const auto& p : plans) {
        if (ctx.cancelled("plans")) return makeError(ErrorKind::Cancelled, "report cancelled");
        QString heading = tr("Plan %1: %2").arg(fmt::count(p.id), fmt::text(p.title));
        if (options.managerColumn) heading += QStringLiteral(" · ") + managerOf(managers, p.managerId);
        doc.heading(options.detailHeadingLevel, heading);
        QString about = tr("%1; customers: %2; created %3").arg(statusText(p.status), fmt::count(std::ssize(p.customerIds)),
                                                               fmt::text(p.createdAt.substr(0, 10)));
        if (!p.createdBy.empty()) about += tr(" by %1").arg(fmt::text(p.createdBy));
        about += QStringLiteral(".");
        const QString notes = p.notes.empty() ? QString() : QStringLiteral(" ") + tr("Notes: %1").arg(fmt::text(p.notes));
        // The plan's particulars go below its tables: the heading keeps with what follows it.
        if (p.objectives.empty() && p.actions.empty()) {
            doc.paragraph(about + QStringLiteral(" ") + tr("No objectives or actions yet.") + notes, TextStyle::Small);
            continue;
        }
        if (!p.objectives.empty()) {
            Table o;
            o.title = tr("Objectives of plan %1").arg(fmt::count(p.id));
            o.sheet = sheetName(options, tr("Plan %1 objectives").arg(p.id));
            o.header = {tr("Indicator"), tr("Target"), tr("Due")};
            o.align = {Align::Left, Align::Right, Align::Left};
            for (const auto& x : p.objectives) {
                QString due = fmt::day(x.dueDay);
                if (x.dueDay < today) due += tr(" (passed)");
                o.rows.push_back({indicatorName(x.indicator), targetCell(x), due});
            }
            if (p.actions.empty()) o.note = about + QStringLiteral(" ") + tr("No actions yet.") + notes;
            doc.table(std::move(o));
        }
        if (p.actions.empty()) continue;
        Table a;
        a.title = tr("Actions of plan %1").arg(fmt::count(p.id));
        a.sheet = sheetName(options, tr("Plan %1 actions").arg(p.id));
        a.header = {tr("What"), tr("Customer"), tr("Owner"), tr("Due"), tr("Status")};
        a.align = {Align::Left, Align::Left, Align::Left, Align::Left, Align::Left};
        for (const auto& x : p.actions) {
            QString customer = tr("whole plan");
            if (x.customerId) {
                if (auto it = names.find(*x.customerId); it != names.end()) {
                    customer = fmt::text(it->second.first);
                    if (!it->second.second.empty()) customer += QStringLiteral(" ") + fmt::text(it->second.second);
                } else {
                    customer = fmt::count(*x.customerId);
                }
            }
            const bool overdue = store::isPendingStatus(x.status) && x.dueDay < today;
            QString status = statusText(x.status);
            if (overdue) status = tr("OVERDUE %1 days (%2)").arg(fmt::count(today - x.dueDay), status);
            a.rows.push_back({fmt::text(x.what), customer, fmt::text(x.owner), fmt::day(x.dueDay), status});
            a.bold.push_back(overdue);
        }
        a.note = about + QStringLiteral(" ") + tr("Overdue: open or in progress after the due day (in bold).") + notes;
        doc.table(std::move(a));
    }
    return {};
}

void definePlanTerms(ReportContext& ctx) {
    ctx.define(tr("Overdue action"), tr("An account-plan action open or in progress whose due day is before the day "
                                        "the report counts from (%1).")
                                         .arg(fmt::day(ctx.today())));
    ctx.define(tr("Account plan"), tr("A commercial manager's plan for chosen customers, with objectives (an "
                                      "indicator, a target, a due day) and actions (what, owner, due day, status)."));
}

}  // namespace cw::report
