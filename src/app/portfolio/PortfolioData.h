#pragma once
// What the Portfolio dock shows, read in one go on a worker: the managers to choose from, the
// chosen manager's portfolio (engine::loadPortfolio: customers, alerts, figures) and the account
// plans of the manager and of the managers below, with the codes of their customers.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/Error.h"
#include "core/Result.h"
#include "engine/load/Portfolio.h"
#include "store/AccountPlans.h"
#include "store/Kpi.h"

namespace cw::store {
class Workbook;
}

namespace cw::app {

struct PortfolioData {
    std::vector<store::ManagerRow> managers;  ///< every manager, in id order
    bool analysed = false;                    ///< the workbook holds customer metrics
    std::string managerCode;                  ///< asked for ("" : none chosen)
    std::int32_t today = 0;                   ///< days since 1970-01-01
    std::optional<engine::Portfolio> portfolio;
    std::optional<Error> portfolioError;    ///< why the portfolio could not be read
    std::vector<store::AccountPlan> plans;  ///< of the manager and the managers below, by id
    /// Code and name of every customer of a plan.
    std::map<std::int64_t, std::pair<std::string, std::string>> planCustomers;
};

/// Reads the managers and, when `managerCode` is not empty, its portfolio and plans as of
/// `today`. An unknown code or a workbook not analysed is `portfolioError`, not an error: the
/// dock says what to do. Throws SqlError (the job turns it into an error).
Result<PortfolioData> loadPortfolioData(store::Workbook& wb, const std::string& managerCode,
                                        std::int32_t today);

}  // namespace cw::app
