#pragma once
// The commercial managers' account plans as the workbook keeps them (schema 5): a plan of a
// manager over chosen customers, with objectives (an indicator, a target, a due day), actions
// (what, owner, due day, status, optionally about one customer of the plan) and the history of
// every status an action was given. Days are days since 1970-01-01 (core/CivilTime.h).
//
// Every edit has an exact inverse, for the window's undo: a plan, objective or action can be
// inserted again with its old id (and a plan or action with its whole history), an update is
// undone by the same update with the old values, a status change by removeLastStatusChange.
// The history is otherwise append-only.
//
// Writes go inside the caller's transaction. Bad input (an empty title, an unknown status, id or
// customer) is a returned Error, checked before anything is written: the transaction may still be
// committed and nothing of the refused edit is stored. Failures of SQL throw SqlError, as do reads.
// Indicator keys are checked by the caller (engine::kpi::findIndicator): the store does not link
// the engine.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"

namespace cw::store {

class Database;
class WriteTransaction;

inline constexpr std::array<std::string_view, 2> kPlanStatuses = {"open", "closed"};
inline constexpr std::array<std::string_view, 4> kActionStatuses = {"open", "in_progress", "done", "cancelled"};
bool isPlanStatus(std::string_view s);
bool isActionStatus(std::string_view s);
/// Whether an action in this status can be overdue (open or in_progress).
bool isPendingStatus(std::string_view s);

struct PlanObjective {
    std::int64_t id = 0;  ///< 0 on insert: SQLite chooses
    std::int64_t planId = 0;
    std::string indicator;  ///< key of engine/kpi/Indicators.h
    double target = 0;
    std::int32_t dueDay = 0;
    bool operator==(const PlanObjective&) const = default;
};

struct PlanAction {
    std::int64_t id = 0;  ///< 0 on insert: SQLite chooses
    std::int64_t planId = 0;
    std::optional<std::int64_t> customerId;  ///< one customer of the plan; none: the whole plan
    std::string what, owner;
    std::int32_t dueDay = 0;
    std::string status = "open";  ///< open | in_progress | done | cancelled
    bool operator==(const PlanAction&) const = default;
};

/// One status an action was given: when ("YYYY-MM-DD HH:MM:SS") and by whom.
struct ActionStatusChange {
    std::int64_t actionId = 0;
    std::string at, status, by;
    bool operator==(const ActionStatusChange&) const = default;
};

struct AccountPlan {
    std::int64_t id = 0;  ///< 0 on insert: SQLite chooses
    std::optional<std::int64_t> managerId;  ///< managers.id; none: no manager (or the manager was removed)
    std::string title, notes;
    std::string status = "open";  ///< open | closed
    std::string createdAt;        ///< "YYYY-MM-DD HH:MM:SS"; empty on insert: now
    std::string createdBy;
    std::vector<std::int64_t> customerIds;  ///< ascending
    std::vector<PlanObjective> objectives;  ///< by id
    std::vector<PlanAction> actions;        ///< by id
    /// The status changes of its actions, by action id, each action's in the order given.
    std::vector<ActionStatusChange> history;
    bool operator==(const AccountPlan&) const = default;
};

// ---- writes --------------------------------------------------------------------------------

/// Inserts a plan with its customers, objectives, actions and history, each keeping its id when
/// it has one (> 0): an undo of deletePlan gives back the plan readPlan read before. An action
/// with no row in `history` gets its status recorded at createdAt by createdBy. Returns the id.
Result<std::int64_t> insertPlan(WriteTransaction& tx, const AccountPlan& plan);
/// Deletes a plan and everything of it (customers, objectives, actions, their history).
Status deletePlan(WriteTransaction& tx, std::int64_t planId);
/// Sets the title, notes and status of plan `plan.id` (its other fields are ignored).
Status updatePlan(WriteTransaction& tx, const AccountPlan& plan);
/// Replaces the customers of a plan. Refused while an action of the plan names a customer left out.
Status setPlanCustomers(WriteTransaction& tx, std::int64_t planId, std::vector<std::int64_t> customerIds);

/// Inserts an objective (with its id when > 0) and returns its id.
Result<std::int64_t> insertObjective(WriteTransaction& tx, const PlanObjective& objective);
/// Sets the indicator, target and due day of objective `objective.id`.
Status updateObjective(WriteTransaction& tx, const PlanObjective& objective);
Status deleteObjective(WriteTransaction& tx, std::int64_t objectiveId);

/// Inserts an action (with its id when > 0), records its status as the first of its history (now,
/// by `by`) and returns its id.
Result<std::int64_t> insertAction(WriteTransaction& tx, const PlanAction& action, const std::string& by);
/// Inserts an action deleted by deleteAction again, with its id and exactly `history` (undo).
Status restoreAction(WriteTransaction& tx, const PlanAction& action, const std::vector<ActionStatusChange>& history);
/// Sets what, owner, due day and customer of action `action.id` (its status: setActionStatus).
Status updateAction(WriteTransaction& tx, const PlanAction& action);
/// Deletes an action with its history.
Status deleteAction(WriteTransaction& tx, std::int64_t actionId);

/// Gives an action a new status and appends it, now and by `by`, to its history. False (nothing
/// written) when the action already has that status.
Result<bool> setActionStatus(WriteTransaction& tx, std::int64_t actionId, const std::string& status,
                             const std::string& by);
/// Undoes the last setActionStatus: removes the action's last history row and gives it back the
/// status of the row before. Refused when the history holds only the first status.
Status removeLastStatusChange(WriteTransaction& tx, std::int64_t actionId);

// ---- reads ---------------------------------------------------------------------------------

/// The whole plan, or none.
std::optional<AccountPlan> readPlan(Database& db, std::int64_t planId);
/// Every plan (none: of every manager and of none), or the plans of one manager (its own, not
/// those of the managers below it), in id order.
std::vector<AccountPlan> readPlans(Database& db, std::optional<std::int64_t> managerId = std::nullopt);
/// The plans whose manager is one of `managerIds`, in id order.
std::vector<AccountPlan> readPlansOfManagers(Database& db, const std::vector<std::int64_t>& managerIds);
std::optional<PlanAction> readAction(Database& db, std::int64_t actionId);
/// The statuses an action was given, oldest first.
std::vector<ActionStatusChange> readActionHistory(Database& db, std::int64_t actionId);

/// An action open or in progress whose due day has passed, with where it belongs.
struct OverdueAction {
    PlanAction action;
    std::string planTitle;
    std::optional<std::int64_t> managerId;
    std::string managerCode;   ///< empty: the plan has no manager
    std::string customerCode;  ///< empty: the whole plan
    std::int32_t daysOverdue = 0;
};
/// Actions open or in_progress due before `today`, of the plans of `managerIds` (none: every
/// plan), by due day then id. A closed plan's pending actions count too.
std::vector<OverdueAction> overdueActions(Database& db, std::int32_t today,
                                          const std::optional<std::vector<std::int64_t>>& managerIds = std::nullopt);

/// The indicator "under an account plan": distinct customers in an open plan whose manager is
/// one of `managerIds` (none: every open plan).
std::int64_t countCustomersUnderOpenPlans(Database& db,
                                          const std::optional<std::vector<std::int64_t>>& managerIds = std::nullopt);
/// The indicator "overdue actions": overdueActions(…).size() without reading them.
std::int64_t countOverdueActions(Database& db, std::int32_t today,
                                 const std::optional<std::vector<std::int64_t>>& managerIds = std::nullopt);

// Choosing a plan's customers (reads; throw SqlError).
/// The id of the customer with this code, or none.
std::optional<std::int64_t> findCustomerId(Database& db, const std::string& code);
/// Code and name ("" when none) of each of these customers that exists.
std::map<std::int64_t, std::pair<std::string, std::string>> readCustomerCodes(Database& db,
                                                                               const std::vector<std::int64_t>& ids);
/// The customers whose manager is `managerId`, ascending.
std::vector<std::int64_t> customersOfManager(Database& db, std::int64_t managerId);
/// Whether the workbook holds customer metrics (it was analysed).
bool hasCustomerMetrics(Database& db);
/// The customers with a lifetime value, highest first (ties by code).
std::vector<std::int64_t> customersByLifetimeValue(Database& db);

}  // namespace cw::store
