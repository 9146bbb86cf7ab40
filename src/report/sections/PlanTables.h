#pragma once
// The account plans as the Clienting report and the portfolio packs print them: a table of the
// plans (manager, title, customers, objectives, actions open / done / overdue, status), then per
// plan its objectives and actions as compact tables, overdue actions in bold and marked.
#include <QString>

#include <cstdint>
#include <vector>

#include "core/Result.h"
#include "report/ReportDocument.h"
#include "store/AccountPlans.h"

namespace cw::report {

class ReportContext;

struct PlanTablesOptions {
    int detailHeadingLevel = 2;  ///< each plan's title: 2 in the report (contents), 3 in a pack
    bool managerColumn = true;   ///< the plans' table names each plan's manager
    QString sheetPrefix;         ///< XLSX sheet names start with it ("" or the manager's code)
    QString scope;               ///< first sentence of the plans' table note (whose plans); may be empty
};

/// Writes the plans (read by the caller, in id order); reads the customers' codes once. Store
/// errors become a workbook Error.
Status writePlanTables(ReportContext& ctx, ReportDocument& doc, const std::vector<store::AccountPlan>& plans,
                       const PlanTablesOptions& options, const QString& detailsHeading);

/// The plans' definitions for the appendix (overdue, pending).
void definePlanTerms(ReportContext& ctx);

}  // namespace cw::report
