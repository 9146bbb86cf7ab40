#include "app/portfolio/PortfolioData.h"

#include <algorithm>

#include "engine/load/KpiValues.h"
#include "store/Workbook.h"

namespace cw::app {

Result<PortfolioData> loadPortfolioData(store::Workbook& wb, const std::string& managerCode,
                                        std::int32_t today) {
    PortfolioData out;
    out.managerCode = managerCode;
    out.today = today;
    auto& db = wb.db();
    auto tree = engine::loadManagerTree(db, engine::CustomerCounts::No);
    if (tree) out.managers = tree->managers;
    out.analysed = store::hasCustomerMetrics(db);
    if (managerCode.empty() || !tree) return out;

    auto portfolio = engine::loadPortfolio(wb, managerCode, today);
    if (!portfolio) {
        out.portfolioError = portfolio.error();
        return out;
    }
    out.portfolio = std::move(*portfolio);

    std::vector<std::int64_t> managerIds;
    if (auto node = tree->findCode(out.portfolio->managerCode))
        for (auto n : tree->hierarchy.subtree(*node)) managerIds.push_back(tree->managers[n].id);
    else
        managerIds.push_back(out.portfolio->managerId);
    out.plans = store::readPlansOfManagers(db, managerIds);
    std::vector<std::int64_t> ids;
    for (const auto& p : out.plans)
        ids.insert(ids.end(), p.customerIds.begin(), p.customerIds.end());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    out.planCustomers = store::readCustomerCodes(db, ids);
    return out;
}

}  // namespace cw::app
