// A manager's account plans (portfolio pack): the plans of the manager (and of the managers below
// for a manager with a team, as the portfolio counts their customers) with their objectives and
// actions, the overdue ones marked.
#include <QCoreApplication>

#include "engine/load/KpiValues.h"
#include "engine/load/Portfolio.h"
#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/PlanTables.h"
#include "report/sections/Sections.h"
#include "store/AccountPlans.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

Status writePackPlans(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    const auto* portfolio = ctx.portfolio();
    if (!portfolio)
        return makeError(ErrorKind::Input, "no manager's portfolio is loaded", "write the account plans in a portfolio pack");
    auto tree = ctx.managers();
    if (!tree) return tree.error();
    std::vector<std::int64_t> managers{portfolio->managerId};
    if (portfolio->team)
        if (auto n = (*tree)->hierarchy.node(portfolio->managerId)) {
            managers.clear();
            for (auto v : (*tree)->hierarchy.subtree(*n)) managers.push_back((*tree)->hierarchy.id(v));
        }
    auto& db = ctx.workbook().db();
    std::vector<store::AccountPlan> plans;
    try {
        plans = store::readPlansOfManagers(db, managers);
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
    doc.heading(2, self.title());
    definePlanTerms(ctx);
    if (plans.empty()) {
        doc.paragraph(tr("No account plan yet. Create one for chosen customers in the window's Portfolio dock, or with "
                         "`clienting accounts create -w WORKBOOK --manager %1 --title TITLE --customers CODES`.")
                          .arg(fmt::text(portfolio->managerCode)),
                      TextStyle::Missing);
        return {};
    }
    // No paragraph between the heading and the table: the heading keeps with the table.
    PlanTablesOptions options;
    if (portfolio->team) options.scope = tr("The plans of the manager and of the managers below.");
    options.detailHeadingLevel = 3;
    options.managerColumn = portfolio->team;
    options.sheetPrefix = fmt::text(portfolio->managerCode);
    return writePlanTables(ctx, doc, plans, options, QString());
}

}  // namespace

std::unique_ptr<ReportSection> makePackPlansSection() {
    return makeSection("account-plans", QCoreApplication::translate("Report", "Account plans"),
                       ReportKind::PortfolioPack, writePackPlans);
}

}  // namespace cw::report
