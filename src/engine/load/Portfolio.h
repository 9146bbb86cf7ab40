#pragma once
// A commercial manager's portfolio as the dashboard and `clienting portfolio` show it: every
// customer of the manager (and of the managers below, for a manager with a team) with what the
// last analysis knows of them, their quadrant in each customer matrix (the company's thresholds,
// as the matrices draw them), their account plans and last contact, and the portfolio's alerts
// ranked by value at risk (engine/kpi/Alerts.h, docs/alerts.md) with the acknowledgements and
// snoozes stored in the workbook.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "engine/kpi/Alerts.h"
#include "engine/matrix/MatrixSpec.h"

namespace cw::store {
class Workbook;
class WriteTransaction;
}  // namespace cw::store

namespace cw::engine {

/// The customer matrices (the importance-satisfaction matrix plots attributes), in matrixSpecs() order.
inline constexpr std::array<MatrixKind, 4> kCustomerMatrices = {
    MatrixKind::ProfitabilityPotential, MatrixKind::ProfitabilitySatisfaction, MatrixKind::ProfitabilityLoyalty,
    MatrixKind::SatisfactionLoyalty};

struct PortfolioCustomer {
    kpi::AlertCustomer base;  ///< id, code, name, margin, P(alive), satisfaction answers, last note…
    std::string segment;      ///< of the active segmentation (or the customers' own field)
    std::string managerCode;  ///< the customer's own manager (one of the team for a manager with one)
    double revenue = kpi::AlertCustomer::kNaN;
    double potential = kpi::AlertCustomer::kNaN, satisfaction = kpi::AlertCustomer::kNaN,
           loyalty = kpi::AlertCustomer::kNaN, clv = kpi::AlertCustomer::kNaN;
    /// Recent against earlier window's revenue, minus 1 (−0.25: a quarter less); none without both.
    std::optional<double> trend;
    bool exited = false;
    /// Quadrant in each of kCustomerMatrices; none: a metric is missing.
    std::array<std::optional<Quadrant>, kCustomerMatrices.size()> quadrants;
    /// The open account plans the customer is in ("title (n pending actions)"), "; "-joined.
    std::string plans;
    std::int64_t pendingActions = 0;  ///< open or in progress, of the customer or their whole plan
};

/// An alert with the state stored for it.
struct PortfolioAlert {
    kpi::Alert alert;
    std::string customerCode, customerName;
    std::string state;  ///< "" (shown), "acknowledged" or "snoozed"
    std::optional<std::int32_t> snoozedUntil;
    std::string stateAt, stateBy;
};

struct Portfolio {
    std::int64_t managerId = 0;
    std::string managerCode, managerName;
    bool team = false;             ///< the manager has managers below: their customers are included
    std::int32_t analysisDay = 0;  ///< the data's "now": contact ages count from it
    std::int32_t today = 0;        ///< overdue actions and snoozes count from it
    std::string currency;
    kpi::AlertSettings settings;
    std::vector<PortfolioCustomer> customers;  ///< by customer code
    /// Alerts to act on (neither acknowledged nor snoozed), highest value at risk first.
    std::vector<PortfolioAlert> alerts;
    /// Alerts acknowledged (until a newer situation) or snoozed (until their day), same order.
    std::vector<PortfolioAlert> hidden;
    std::int64_t customersUnderPlan = 0, overdueActions = 0;
    double revenue = 0, margin = 0;  ///< sums over the customers, in the analysis window
};

/// The portfolio of the manager with `managerCode` as of `today` (days since 1970-01-01).
/// Errors: Usage for an unknown code (with the nearest codes), Input when the workbook was not
/// analysed.
Result<Portfolio> loadPortfolio(store::Workbook& wb, const std::string& managerCode, std::int32_t today);

/// Acknowledges (until = none) or snoozes (until the day) the alert of `kind` about a customer,
/// by `by`, now. Overdue-action alerts are not acknowledged: the action is done, rescheduled or
/// cancelled instead (a Usage error says so).
Status setAlertState(store::WriteTransaction& tx, kpi::AlertKind kind, std::int64_t customerId,
                     std::optional<std::int32_t> snoozeUntil, const std::string& by);
/// Shows the alert again (removes its acknowledgement or snooze); false when it had none.
Result<bool> clearAlertState(store::WriteTransaction& tx, kpi::AlertKind kind, std::int64_t customerId);

}  // namespace cw::engine
