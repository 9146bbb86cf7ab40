#include "store/AccountPlans.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include "core/CivilTime.h"
#include "store/Database.h"

namespace cw::store {
namespace {

// ---- SQL helpers ------------------------------------------------------------------------------

void execOrThrow(Statement& st, const std::string& what) {
    if (!st.exec()) throw SqlError{what + ": " + st.lastError()};
}

/// Runs `sql` with one id bound to its first parameter.
void execWithId(Database& db, std::string_view sql, std::int64_t id, const std::string& what) {
    auto st = db.prepareOrThrow(sql);
    st.bind(1, id);
    execOrThrow(st, what);
}

/// Every row of `st` through `rowOf`.
template <class F>
auto readRows(Statement& st, const char* what, F&& rowOf) {
    std::vector<decltype(rowOf(st))> out;
    while (st.step()) out.push_back(rowOf(st));
    if (!st.lastError().empty()) throw SqlError{std::string(what) + ": " + st.lastError()};
    return out;
}

/// Whether `sql` (one id parameter) returns a row.
bool hasRow(Database& db, std::string_view sql, std::int64_t id) {
    auto st = db.prepareOrThrow(sql);
    st.bind(1, id);
    if (st.step()) return true;
    if (!st.lastError().empty()) throw SqlError{"reading the account plans: " + st.lastError()};
    return false;
}

bool planExists(Database& db, std::int64_t id) { return hasRow(db, "SELECT 1 FROM account_plans WHERE id = ?", id); }
bool objectiveExists(Database& db, std::int64_t id) {
    return hasRow(db, "SELECT 1 FROM plan_objectives WHERE id = ?", id);
}
bool actionExists(Database& db, std::int64_t id) { return hasRow(db, "SELECT 1 FROM plan_actions WHERE id = ?", id); }

std::string nowText() {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    return formatDateTime(static_cast<std::int64_t>(t), false);
}

std::optional<std::int64_t> idOrNull(std::int64_t id) { return id > 0 ? std::optional<std::int64_t>(id) : std::nullopt; }

constexpr std::string_view kActionColumns = "SELECT id, plan_id, customer_id, what, owner, due_day, status FROM plan_actions ";

PlanAction actionOf(const Statement& st) {
    return {st.int64(0), st.int64(1), st.optInt64(2), st.text(3), st.text(4), static_cast<std::int32_t>(st.int64(5)),
            st.text(6)};
}

// ---- checks -----------------------------------------------------------------------------------

Error usage(std::string message, std::string hint = {}) {
    return makeError(ErrorKind::Usage, std::move(message), std::move(hint));
}

Error noSuch(const char* what, std::int64_t id) {
    return usage(std::string("no ") + what + " has the id " + std::to_string(id),
                 "it may have been deleted: list the account plans to see the ids");
}

Error taken(const char* what, std::int64_t id) {
    return usage(std::string("an ") + what + " with the id " + std::to_string(id) + " already exists",
                 "insert it without an id (0) to get a new one");
}

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

template <std::size_t N>
std::string listed(const std::array<std::string_view, N>& values) {
    std::string out;
    for (auto v : values) out += (out.empty() ? "" : ", ") + std::string(v);
    return out;
}

std::optional<Error> badActionStatus(const std::string& status) {
    if (isActionStatus(status)) return std::nullopt;
    return usage("'" + status + "' is not an action status", "use one of " + listed(kActionStatuses));
}

std::optional<Error> badDueDay(std::int32_t day) {
    static const auto first = daysFromCivil(1900, 1, 1), last = daysFromCivil(2999, 12, 31);
    if (day >= first && day <= last) return std::nullopt;
    return usage("the due day " + std::to_string(day) + " is not a date between 1900-01-01 and 2999-12-31",
                 "give the due date as YYYY-MM-DD");
}

std::optional<Error> badPlanFields(const AccountPlan& p) {
    if (blank(p.title)) return usage("an account plan needs a title", "say in a few words what the plan is for");
    if (!isPlanStatus(p.status))
        return usage("'" + p.status + "' is not an account plan status", "use one of " + listed(kPlanStatuses));
    return std::nullopt;
}

std::optional<Error> badObjectiveFields(const PlanObjective& o) {
    const bool keyLike = !o.indicator.empty() && std::all_of(o.indicator.begin(), o.indicator.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!keyLike)
        return usage("'" + o.indicator + "' is not an indicator key", "use a key of docs/indicators.md, e.g. margin");
    if (!std::isfinite(o.target)) return usage("an objective's target must be a number");
    return badDueDay(o.dueDay);
}

std::optional<Error> badActionFields(const PlanAction& a) {
    if (blank(a.what)) return usage("an action needs a text saying what to do", "for example: call to renew the contract");
    if (auto e = badActionStatus(a.status)) return e;
    return badDueDay(a.dueDay);
}

/// "customer CODE" (the id when the customer is unknown).
std::string customerLabel(Database& db, std::int64_t id) {
    auto st = db.prepareOrThrow("SELECT code FROM customers WHERE id = ?");
    st.bind(1, id);
    if (st.step()) return "customer " + st.text(0);
    if (!st.lastError().empty()) throw SqlError{"reading the customers: " + st.lastError()};
    return "customer " + std::to_string(id);
}

Error notInPlan(Database& db, std::int64_t customerId, std::int64_t planId) {
    return usage(customerLabel(db, customerId) + " is not a customer of " +
                     (planId > 0 ? "account plan " + std::to_string(planId) : std::string("the account plan")),
                 "add the customer to the plan first, or leave the action for the whole plan");
}

/// The action's customer, when it has one, must be a customer of its plan.
std::optional<Error> badActionCustomer(Database& db, const PlanAction& a) {
    if (!a.customerId) return std::nullopt;
    auto st = db.prepareOrThrow("SELECT 1 FROM account_plan_customers WHERE plan_id = ? AND customer_id = ?");
    st.bind(1, a.planId).bind(2, *a.customerId);
    if (st.step()) return std::nullopt;
    if (!st.lastError().empty()) throw SqlError{"reading the account plans: " + st.lastError()};
    return notInPlan(db, *a.customerId, a.planId);
}

/// Sorted, without repeats; an error naming the first id that is not a customer.
Result<std::vector<std::int64_t>> knownCustomers(Database& db, std::vector<std::int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (auto id : ids)
        if (!hasRow(db, "SELECT 1 FROM customers WHERE id = ?", id))
            return usage("no customer has the id " + std::to_string(id), "choose customers of the workbook");
    return ids;
}

/// `history` as the complete history of `action`: every row its own and of a known status, the
/// last one the action's status.
std::optional<Error> badHistory(const PlanAction& action, const std::vector<ActionStatusChange>& history) {
    const ActionStatusChange* last = nullptr;
    for (const auto& h : history) {
        if (h.actionId != action.id) continue;
        if (auto e = badActionStatus(h.status)) return e;
        last = &h;
    }
    if (last && last->status != action.status)
        return usage("the history of action " + std::to_string(action.id) + " ends with '" + last->status +
                     "' but the action is '" + action.status + "'");
    return std::nullopt;
}

// ---- rows -------------------------------------------------------------------------------------

void insertCustomers(Database& db, std::int64_t planId, const std::vector<std::int64_t>& ids) {
    auto st = db.prepareOrThrow("INSERT INTO account_plan_customers(plan_id, customer_id) VALUES(?,?)");
    for (auto id : ids) {
        st.bind(1, planId).bind(2, id);
        execOrThrow(st, "storing the customers of the account plan");
        st.reset();
    }
}

std::int64_t insertObjectiveRow(Database& db, const PlanObjective& o) {
    auto st = db.prepareOrThrow("INSERT INTO plan_objectives(id, plan_id, indicator, target, due_day) VALUES(?,?,?,?,?)");
    st.bind(1, idOrNull(o.id)).bind(2, o.planId).bind(3, o.indicator).bind(4, o.target).bind(5, o.dueDay);
    execOrThrow(st, "storing the objective");
    return db.lastInsertRowId();
}

std::int64_t insertActionRow(Database& db, const PlanAction& a) {
    auto st = db.prepareOrThrow(
        "INSERT INTO plan_actions(id, plan_id, customer_id, what, owner, due_day, status) VALUES(?,?,?,?,?,?,?)");
    st.bind(1, idOrNull(a.id)).bind(2, a.planId).bind(3, a.customerId).bind(4, a.what).bind(5, a.owner);
    st.bind(6, a.dueDay).bind(7, a.status);
    execOrThrow(st, "storing the action");
    return db.lastInsertRowId();
}

void appendHistory(Database& db, const ActionStatusChange& h) {
    auto st = db.prepareOrThrow("INSERT INTO plan_action_history(action_id, at, status, \"by\") VALUES(?,?,?,?)");
    st.bind(1, h.actionId).bind(2, h.at).bind(3, h.status).bind(4, h.by);
    execOrThrow(st, "storing the action's status");
}

/// The plans (by id) whose manager passes `keep`.
template <class Keep>
std::vector<AccountPlan> readPlansWhere(Database& db, Keep&& keep) {
    auto st = db.prepareOrThrow("SELECT id, manager_id FROM account_plans ORDER BY id");
    const auto rows = readRows(st, "reading the account plans",
                               [](const Statement& s) { return std::pair{s.int64(0), s.optInt64(1)}; });
    std::vector<AccountPlan> out;
    for (const auto& [id, manager] : rows)
        if (keep(manager))
            if (auto p = readPlan(db, id)) out.push_back(std::move(*p));
    return out;
}

/// Whether a plan of manager `id` is counted for `managerIds` (none: every plan).
class ManagerFilter {
public:
    explicit ManagerFilter(const std::optional<std::vector<std::int64_t>>& ids) : m_all(!ids) {
        if (ids) m_ids.insert(ids->begin(), ids->end());
    }
    bool operator()(const std::optional<std::int64_t>& id) const { return m_all || (id && m_ids.count(*id)); }

private:
    bool m_all;
    std::set<std::int64_t> m_ids;
};

constexpr std::string_view kPendingDue = "a.status IN ('open', 'in_progress') AND a.due_day < ?1";

}  // namespace

bool isPlanStatus(std::string_view s) {
    return std::find(kPlanStatuses.begin(), kPlanStatuses.end(), s) != kPlanStatuses.end();
}
bool isActionStatus(std::string_view s) {
    return std::find(kActionStatuses.begin(), kActionStatuses.end(), s) != kActionStatuses.end();
}
bool isPendingStatus(std::string_view s) { return s == "open" || s == "in_progress"; }

// ---- plans ------------------------------------------------------------------------------------

Result<std::int64_t> insertPlan(WriteTransaction& tx, const AccountPlan& plan) {
    auto& db = tx.db();
    if (auto e = badPlanFields(plan)) return *e;
    if (plan.id > 0 && planExists(db, plan.id)) return taken("account plan", plan.id);
    if (plan.managerId && !hasRow(db, "SELECT 1 FROM managers WHERE id = ?", *plan.managerId))
        return usage("no manager has the id " + std::to_string(*plan.managerId), "choose a manager of the workbook");
    auto customers = knownCustomers(db, plan.customerIds);
    if (!customers) return customers.takeError();
    std::set<std::int64_t> objectiveIds, actionIds;
    for (const auto& o : plan.objectives) {
        if (auto e = badObjectiveFields(o)) return *e;
        if (o.id > 0 && (!objectiveIds.insert(o.id).second || objectiveExists(db, o.id))) return taken("objective", o.id);
    }
    for (const auto& a : plan.actions) {
        if (auto e = badActionFields(a)) return *e;
        if (a.id > 0 && (!actionIds.insert(a.id).second || actionExists(db, a.id))) return taken("action", a.id);
        if (a.customerId && !std::binary_search(customers->begin(), customers->end(), *a.customerId))
            return notInPlan(db, *a.customerId, plan.id);
        if (auto e = badHistory(a, plan.history)) return *e;
    }
    for (const auto& h : plan.history)
        if (!actionIds.count(h.actionId))
            return usage("the history names action " + std::to_string(h.actionId) + ", which is not an action of the plan");

    const auto createdAt = plan.createdAt.empty() ? nowText() : plan.createdAt;
    auto st = db.prepareOrThrow(
        "INSERT INTO account_plans(id, manager_id, title, notes, status, created_at, created_by) VALUES(?,?,?,?,?,?,?)");
    st.bind(1, idOrNull(plan.id)).bind(2, plan.managerId).bind(3, plan.title).bind(4, plan.notes);
    st.bind(5, plan.status).bind(6, createdAt).bind(7, plan.createdBy);
    execOrThrow(st, "storing the account plan");
    const auto planId = db.lastInsertRowId();
    insertCustomers(db, planId, *customers);
    for (auto o : plan.objectives) {
        o.planId = planId;
        insertObjectiveRow(db, o);
    }
    for (auto a : plan.actions) {
        a.planId = planId;
        const auto actionId = insertActionRow(db, a);
        if (a.id == 0 || std::none_of(plan.history.begin(), plan.history.end(),
                                      [&](const ActionStatusChange& h) { return h.actionId == a.id; }))
            appendHistory(db, {actionId, createdAt, a.status, plan.createdBy});
    }
    for (const auto& h : plan.history) appendHistory(db, h);
    return planId;
}

Status deletePlan(WriteTransaction& tx, std::int64_t planId) {
    auto& db = tx.db();
    if (!planExists(db, planId)) return noSuch("account plan", planId);
    // Explicitly, child rows first: the same with foreign keys off.
    for (std::string_view sql :
         {"DELETE FROM plan_action_history WHERE action_id IN (SELECT id FROM plan_actions WHERE plan_id = ?)",
          "DELETE FROM plan_actions WHERE plan_id = ?", "DELETE FROM plan_objectives WHERE plan_id = ?",
          "DELETE FROM account_plan_customers WHERE plan_id = ?", "DELETE FROM account_plans WHERE id = ?"})
        execWithId(db, sql, planId, "deleting the account plan");
    return {};
}

namespace {

/// Runs `sql` (an UPDATE of row `id`, its values bound by `bind`) when the new values are good
/// (`bad` none) and the row exists.
template <class Bind>
Status updateRow(Database& db, const char* what, std::int64_t id, bool (*exists)(Database&, std::int64_t),
                 std::optional<Error> bad, std::string_view sql, Bind&& bind) {
    if (bad) return std::move(*bad);
    if (!exists(db, id)) return noSuch(what, id);
    auto st = db.prepareOrThrow(sql);
    bind(st);
    execOrThrow(st, std::string("changing the ") + what);
    return {};
}

}  // namespace

Status updatePlan(WriteTransaction& tx, const AccountPlan& plan) {
    return updateRow(tx.db(), "account plan", plan.id, planExists, badPlanFields(plan),
                     "UPDATE account_plans SET title = ?, notes = ?, status = ? WHERE id = ?", [&](Statement& st) {
                         st.bind(1, plan.title).bind(2, plan.notes).bind(3, plan.status).bind(4, plan.id);
                     });
}

Status setPlanCustomers(WriteTransaction& tx, std::int64_t planId, std::vector<std::int64_t> customerIds) {
    auto& db = tx.db();
    if (!planExists(db, planId)) return noSuch("account plan", planId);
    auto customers = knownCustomers(db, std::move(customerIds));
    if (!customers) return customers.takeError();
    auto named = db.prepareOrThrow("SELECT DISTINCT customer_id FROM plan_actions WHERE plan_id = ? AND customer_id IS NOT NULL");
    named.bind(1, planId);
    for (auto id : readRows(named, "reading the actions", [](const Statement& s) { return s.int64(0); }))
        if (!std::binary_search(customers->begin(), customers->end(), id))
            return usage("an action of account plan " + std::to_string(planId) + " is about " + customerLabel(db, id) +
                             ", who would leave the plan",
                         "change or delete that action first");
    execWithId(db, "DELETE FROM account_plan_customers WHERE plan_id = ?", planId, "changing the plan's customers");
    insertCustomers(db, planId, *customers);
    return {};
}

// ---- objectives -------------------------------------------------------------------------------

Result<std::int64_t> insertObjective(WriteTransaction& tx, const PlanObjective& objective) {
    auto& db = tx.db();
    if (auto e = badObjectiveFields(objective)) return *e;
    if (!planExists(db, objective.planId)) return noSuch("account plan", objective.planId);
    if (objective.id > 0 && objectiveExists(db, objective.id)) return taken("objective", objective.id);
    return insertObjectiveRow(db, objective);
}

Status updateObjective(WriteTransaction& tx, const PlanObjective& o) {
    return updateRow(tx.db(), "objective", o.id, objectiveExists, badObjectiveFields(o),
                     "UPDATE plan_objectives SET indicator = ?, target = ?, due_day = ? WHERE id = ?",
                     [&](Statement& st) { st.bind(1, o.indicator).bind(2, o.target).bind(3, o.dueDay).bind(4, o.id); });
}

Status deleteObjective(WriteTransaction& tx, std::int64_t objectiveId) {
    if (!objectiveExists(tx.db(), objectiveId)) return noSuch("objective", objectiveId);
    execWithId(tx.db(), "DELETE FROM plan_objectives WHERE id = ?", objectiveId, "deleting the objective");
    return {};
}

// ---- actions ----------------------------------------------------------------------------------

namespace {

/// What insertAction and restoreAction both check.
std::optional<Error> badNewAction(Database& db, const PlanAction& a) {
    if (auto e = badActionFields(a)) return e;
    if (!planExists(db, a.planId)) return noSuch("account plan", a.planId);
    if (a.id > 0 && actionExists(db, a.id)) return taken("action", a.id);
    return badActionCustomer(db, a);
}

}  // namespace

Result<std::int64_t> insertAction(WriteTransaction& tx, const PlanAction& action, const std::string& by) {
    auto& db = tx.db();
    if (auto e = badNewAction(db, action)) return *e;
    const auto id = insertActionRow(db, action);
    appendHistory(db, {id, nowText(), action.status, by});
    return id;
}

Status restoreAction(WriteTransaction& tx, const PlanAction& action, const std::vector<ActionStatusChange>& history) {
    auto& db = tx.db();
    if (action.id <= 0) return usage("only an action with its id can be restored");
    if (auto e = badNewAction(db, action)) return *e;
    if (auto e = badHistory(action, history)) return *e;
    insertActionRow(db, action);
    for (const auto& h : history)
        if (h.actionId == action.id) appendHistory(db, h);
    return {};
}

Status updateAction(WriteTransaction& tx, const PlanAction& action) {
    auto& db = tx.db();
    const auto old = readAction(db, action.id);
    if (!old) return noSuch("action", action.id);
    auto changed = action;
    changed.planId = old->planId;
    changed.status = old->status;
    if (auto e = badActionFields(changed)) return *e;
    if (auto e = badActionCustomer(db, changed)) return *e;
    auto st = db.prepareOrThrow("UPDATE plan_actions SET what = ?, owner = ?, due_day = ?, customer_id = ? WHERE id = ?");
    st.bind(1, changed.what).bind(2, changed.owner).bind(3, changed.dueDay).bind(4, changed.customerId);
    st.bind(5, changed.id);
    execOrThrow(st, "changing the action");
    return {};
}

Status deleteAction(WriteTransaction& tx, std::int64_t actionId) {
    auto& db = tx.db();
    if (!actionExists(db, actionId)) return noSuch("action", actionId);
    execWithId(db, "DELETE FROM plan_action_history WHERE action_id = ?", actionId, "deleting the action");
    execWithId(db, "DELETE FROM plan_actions WHERE id = ?", actionId, "deleting the action");
    return {};
}

namespace {

void setStatusColumn(Database& db, std::int64_t actionId, const std::string& status) {
    auto st = db.prepareOrThrow("UPDATE plan_actions SET status = ? WHERE id = ?");
    st.bind(1, status).bind(2, actionId);
    execOrThrow(st, "changing the action's status");
}

}  // namespace

Result<bool> setActionStatus(WriteTransaction& tx, std::int64_t actionId, const std::string& status,
                             const std::string& by) {
    auto& db = tx.db();
    if (auto e = badActionStatus(status)) return *e;
    const auto old = readAction(db, actionId);
    if (!old) return noSuch("action", actionId);
    if (old->status == status) return false;
    setStatusColumn(db, actionId, status);
    appendHistory(db, {actionId, nowText(), status, by});
    return true;
}

Status removeLastStatusChange(WriteTransaction& tx, std::int64_t actionId) {
    auto& db = tx.db();
    if (!actionExists(db, actionId)) return noSuch("action", actionId);
    auto st = db.prepareOrThrow(
        "SELECT rowid, status FROM plan_action_history WHERE action_id = ? ORDER BY rowid DESC LIMIT 2");
    st.bind(1, actionId);
    const auto last = readRows(st, "reading the action's history",
                               [](const Statement& s) { return std::pair{s.int64(0), s.text(1)}; });
    if (last.size() < 2)
        return usage("action " + std::to_string(actionId) + " has no status change to undo",
                     "its history holds only the status it was created with");
    execWithId(db, "DELETE FROM plan_action_history WHERE rowid = ?", last[0].first, "undoing the status change");
    setStatusColumn(db, actionId, last[1].second);
    return {};
}

// ---- reads ------------------------------------------------------------------------------------

std::optional<AccountPlan> readPlan(Database& db, std::int64_t planId) {
    auto st = db.prepareOrThrow(
        "SELECT id, manager_id, title, notes, status, created_at, created_by FROM account_plans WHERE id = ?");
    st.bind(1, planId);
    auto plans = readRows(st, "reading the account plan", [](const Statement& s) {
        return AccountPlan{.id = s.int64(0), .managerId = s.optInt64(1), .title = s.text(2), .notes = s.text(3),
                           .status = s.text(4), .createdAt = s.text(5), .createdBy = s.text(6)};
    });
    if (plans.empty()) return std::nullopt;
    auto& p = plans.front();

    auto customers = db.prepareOrThrow("SELECT customer_id FROM account_plan_customers WHERE plan_id = ? ORDER BY customer_id");
    customers.bind(1, planId);
    p.customerIds = readRows(customers, "reading the plan's customers", [](const Statement& s) { return s.int64(0); });

    auto objectives = db.prepareOrThrow(
        "SELECT id, plan_id, indicator, target, due_day FROM plan_objectives WHERE plan_id = ? ORDER BY id");
    objectives.bind(1, planId);
    p.objectives = readRows(objectives, "reading the plan's objectives", [](const Statement& s) {
        return PlanObjective{s.int64(0), s.int64(1), s.text(2), s.real(3), static_cast<std::int32_t>(s.int64(4))};
    });

    auto actions = db.prepareOrThrow(std::string(kActionColumns) + "WHERE plan_id = ? ORDER BY id");
    actions.bind(1, planId);
    p.actions = readRows(actions, "reading the plan's actions", actionOf);

    auto history = db.prepareOrThrow(
        "SELECT h.action_id, h.at, h.status, h.\"by\" FROM plan_action_history h JOIN plan_actions a ON a.id = h.action_id "
        "WHERE a.plan_id = ? ORDER BY h.action_id, h.rowid");
    history.bind(1, planId);
    p.history = readRows(history, "reading the actions' history", [](const Statement& s) {
        return ActionStatusChange{s.int64(0), s.text(1), s.text(2), s.text(3)};
    });
    return std::move(p);
}

std::vector<AccountPlan> readPlans(Database& db, std::optional<std::int64_t> managerId) {
    return readPlansWhere(db, [&](const std::optional<std::int64_t>& m) { return !managerId || m == managerId; });
}

std::vector<AccountPlan> readPlansOfManagers(Database& db, const std::vector<std::int64_t>& managerIds) {
    return readPlansWhere(db, ManagerFilter(managerIds));
}

std::optional<PlanAction> readAction(Database& db, std::int64_t actionId) {
    auto st = db.prepareOrThrow(std::string(kActionColumns) + "WHERE id = ?");
    st.bind(1, actionId);
    auto rows = readRows(st, "reading the action", actionOf);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<ActionStatusChange> readActionHistory(Database& db, std::int64_t actionId) {
    auto st = db.prepareOrThrow(
        "SELECT action_id, at, status, \"by\" FROM plan_action_history WHERE action_id = ? ORDER BY rowid");
    st.bind(1, actionId);
    return readRows(st, "reading the action's history", [](const Statement& s) {
        return ActionStatusChange{s.int64(0), s.text(1), s.text(2), s.text(3)};
    });
}

std::vector<OverdueAction> overdueActions(Database& db, std::int32_t today,
                                          const std::optional<std::vector<std::int64_t>>& managerIds) {
    auto st = db.prepareOrThrow(
        "SELECT a.id, a.plan_id, a.customer_id, a.what, a.owner, a.due_day, a.status, p.title, p.manager_id, "
        "coalesce(m.code, ''), coalesce(c.code, '') FROM plan_actions a JOIN account_plans p ON p.id = a.plan_id "
        "LEFT JOIN managers m ON m.id = p.manager_id LEFT JOIN customers c ON c.id = a.customer_id WHERE " +
        std::string(kPendingDue) + " ORDER BY a.due_day, a.id");
    st.bind(1, today);
    auto rows = readRows(st, "reading the overdue actions", [&](const Statement& s) {
        OverdueAction o{actionOf(s), s.text(7), s.optInt64(8), s.text(9), s.text(10), 0};
        o.daysOverdue = today - o.action.dueDay;
        return o;
    });
    const ManagerFilter keep(managerIds);
    std::erase_if(rows, [&](const OverdueAction& o) { return !keep(o.managerId); });
    return rows;
}

std::int64_t countCustomersUnderOpenPlans(Database& db, const std::optional<std::vector<std::int64_t>>& managerIds) {
    auto st = db.prepareOrThrow(
        "SELECT DISTINCT pc.customer_id, p.manager_id FROM account_plan_customers pc "
        "JOIN account_plans p ON p.id = pc.plan_id WHERE p.status = 'open'");
    const ManagerFilter keep(managerIds);
    std::set<std::int64_t> customers;
    for (const auto& [customer, manager] : readRows(st, "counting the customers under an account plan", [](const Statement& s) {
             return std::pair{s.int64(0), s.optInt64(1)};
         }))
        if (keep(manager)) customers.insert(customer);
    return static_cast<std::int64_t>(customers.size());
}

std::int64_t countOverdueActions(Database& db, std::int32_t today,
                                 const std::optional<std::vector<std::int64_t>>& managerIds) {
    auto st = db.prepareOrThrow("SELECT p.manager_id, count(*) FROM plan_actions a JOIN account_plans p ON p.id = a.plan_id "
                                "WHERE " + std::string(kPendingDue) + " GROUP BY p.manager_id");
    st.bind(1, today);
    const ManagerFilter keep(managerIds);
    std::int64_t n = 0;
    for (const auto& [manager, count] : readRows(st, "counting the overdue actions", [](const Statement& s) {
             return std::pair{s.optInt64(0), s.int64(1)};
         }))
        if (keep(manager)) n += count;
    return n;
}

namespace {

std::vector<std::int64_t> idsOf(Statement& st, const char* what) {
    std::vector<std::int64_t> out;
    while (st.step()) out.push_back(st.int64(0));
    if (!st.lastError().empty()) throw SqlError{std::string(what) + ": " + st.lastError()};
    return out;
}

}  // namespace

std::optional<std::int64_t> findCustomerId(Database& db, const std::string& code) {
    auto st = db.prepareOrThrow("SELECT id FROM customers WHERE code = ?");
    st.bind(1, code);
    if (st.step()) return st.int64(0);
    if (!st.lastError().empty()) throw SqlError{"reading the customers: " + st.lastError()};
    return std::nullopt;
}

std::map<std::int64_t, std::pair<std::string, std::string>> readCustomerCodes(Database& db,
                                                                               const std::vector<std::int64_t>& ids) {
    auto st = db.prepareOrThrow("SELECT code, coalesce(name, '') FROM customers WHERE id = ?");
    std::map<std::int64_t, std::pair<std::string, std::string>> out;
    for (auto id : ids) {
        st.bind(1, id);
        if (st.step()) out[id] = {st.text(0), st.text(1)};
        if (!st.lastError().empty()) throw SqlError{"reading the customers: " + st.lastError()};
        st.reset();
    }
    return out;
}

std::vector<std::int64_t> customersOfManager(Database& db, std::int64_t managerId) {
    auto st = db.prepareOrThrow("SELECT id FROM customers WHERE manager_id = ? ORDER BY id");
    st.bind(1, managerId);
    return idsOf(st, "reading the customers");
}

bool hasCustomerMetrics(Database& db) {
    return db.queryInt("SELECT EXISTS (SELECT 1 FROM customer_metrics)").value_or(0) != 0;
}

std::vector<std::int64_t> customersByLifetimeValue(Database& db) {
    auto st = db.prepareOrThrow(
        "SELECT m.customer_id FROM customer_metrics m JOIN customers c ON c.id = m.customer_id "
        "WHERE m.clv IS NOT NULL ORDER BY m.clv DESC, c.code");
    return idsOf(st, "reading the lifetime values");
}

}  // namespace cw::store
