// Account plans (Clienting report): every plan of every manager — a table of the plans, then
// each plan's objectives and actions, the overdue ones marked (`clienting accounts list` and
// `show`, as of the report's day).
#include <QCoreApplication>

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

Status writePlans(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    auto& db = ctx.workbook().db();
    std::vector<store::AccountPlan> plans;
    try {
        plans = store::readPlans(db);
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
    doc.heading(1, self.title());
    definePlanTerms(ctx);
    if (plans.empty()) {
        doc.paragraph(tr("The workbook has no account plans. A commercial manager creates one for chosen customers in "
                         "the window's Portfolio dock, or with `clienting accounts create -w WORKBOOK --manager CODE "
                         "--title TITLE --customers CODES`, then adds objectives and actions to it."),
                      TextStyle::Missing);
        return {};
    }
    std::int64_t open = 0;
    for (const auto& p : plans) open += p.status == "open";
    doc.paragraph(tr("%1 account plans of the commercial managers, %2 of them open; actions counted as of %3.")
                      .arg(fmt::count(std::ssize(plans)), fmt::count(open), fmt::day(ctx.today())),
                  TextStyle::Lead);
    PlanTablesOptions options;
    options.detailHeadingLevel = 3;
    options.managerColumn = true;
    return writePlanTables(ctx, doc, plans, options, tr("Each plan"));
}

}  // namespace

std::unique_ptr<ReportSection> makePlansSection() {
    return makeSection("plans", QCoreApplication::translate("Report", "Account plans"), ReportKind::Clienting,
                       writePlans);
}

}  // namespace cw::report
