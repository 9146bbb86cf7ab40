#include "app/dashboard/DashboardBase.h"

#include "engine/settings/AnalysisSettings.h"
#include "store/AnalysisResults.h"
#include "store/CustomerQuery.h"
#include "store/Database.h"
#include "store/Kpi.h"
#include "store/Workbook.h"

namespace cw::app {

Result<DashboardBase> loadDashboardBase(store::Workbook& wb) {
    auto& db = wb.db();
    DashboardBase base;
    try {
        if (!store::hasKpiValues(db)) {
            // Analysed since the indicators exist, yet none: nothing to count them on (as `clienting kpi` says).
            const auto summary = store::readLastRunSummary(db);
            if (summary && summary->find("\"indicator_rows\"") != std::string::npos)
                base.unavailable =
                    "The last analysis found no customer to count the indicators on: no transaction or dated "
                    "survey answer of a known customer. Import transactions with a customer id, then run "
                    "Analysis ▸ Analyze.";
            else
                base.unavailable =
                    "This workbook has no key management indicators yet: it has not been analysed, or was "
                    "analysed before the indicators existed. Run Analysis ▸ Analyze (Ctrl+R) to compute them.";
            return base;
        }
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
    auto tree = engine::loadManagerTree(db);
    if (!tree) return tree.takeError();
    base.tree = std::move(*tree);
    std::vector<std::int64_t> own;
    own.reserve(base.tree.managers.size());
    for (const auto& m : base.tree.managers) own.push_back(m.customers);
    base.subtreeCustomers = base.tree.hierarchy.rollUp(own);
    try {
        base.companyCustomers = store::customerCount(db);
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
    for (auto kind : engine::kpi::kPeriodKinds) {
        auto series = engine::loadKpiSeries(db, 0, 0, kind);
        if (!series) return series.takeError();
        base.periods[static_cast<std::size_t>(kind)] = std::move(series->periods);
    }
    auto settings = engine::AnalysisSettings::load(wb);
    if (!settings) return settings.takeError();
    base.currency = settings->currencyLabel();
    return base;
}

}  // namespace cw::app
