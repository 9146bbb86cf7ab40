#pragma once
// The account-plan edits of the Portfolio dock, each an undo command whose undo is the store's
// exact inverse (store/AccountPlans.h): a plan or action is put back with its ids and its whole
// status history, a status change is undone by removeLastStatusChange, and a redo writes back
// what the first apply stored (same ids, same times), not a new edit.
#include <optional>
#include <string>
#include <vector>

#include "app/commands/WorkbookEditCommand.h"
#include "store/AccountPlans.h"

namespace cw::app {

/// A new plan with its customers; undo deletes it, redo inserts it again under the same id.
class CreatePlanCommand : public WorkbookEditCommand {
public:
    CreatePlanCommand(WorkbookDocument* document, store::AccountPlan plan);
    std::int64_t planId() const { return m_plan.id; }

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;

private:
    store::AccountPlan m_plan;  ///< once applied: the plan as stored (id, time)
    bool m_stored = false;
};

/// A plan deleted with everything of it; undo inserts what readPlan read before.
class DeletePlanCommand : public WorkbookEditCommand {
public:
    DeletePlanCommand(WorkbookDocument* document, std::int64_t planId, const QString& title);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;

private:
    std::int64_t m_planId;
    std::optional<store::AccountPlan> m_plan;
};

/// An objective added to a plan; undo deletes it, redo inserts it again under its id.
class AddObjectiveCommand : public WorkbookEditCommand {
public:
    AddObjectiveCommand(WorkbookDocument* document, store::PlanObjective objective);
    std::int64_t objectiveId() const { return m_objective.id; }

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;

private:
    store::PlanObjective m_objective;
};

/// An action added to a plan; undo deletes it, redo restores it with its id and first status.
class AddActionCommand : public WorkbookEditCommand {
public:
    AddActionCommand(WorkbookDocument* document, store::PlanAction action, std::string by);
    std::int64_t actionId() const { return m_action.id; }

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;

private:
    store::PlanAction m_action;
    std::string m_by;
    std::vector<store::ActionStatusChange> m_history;  ///< once applied: as stored
    bool m_stored = false;
};

/// An action given a new status (started, done, cancelled); undo removes that status change.
class SetActionStatusCommand : public WorkbookEditCommand {
public:
    SetActionStatusCommand(WorkbookDocument* document, std::int64_t actionId, std::string status,
                           std::string by, const QString& what);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;

private:
    std::int64_t m_actionId;
    std::string m_status, m_by;
    std::optional<store::ActionStatusChange> m_change;  ///< once applied: the row stored
};

/// An action deleted with its history; undo restores both.
class DeleteActionCommand : public WorkbookEditCommand {
public:
    DeleteActionCommand(WorkbookDocument* document, std::int64_t actionId, const QString& what);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;

private:
    std::int64_t m_actionId;
    std::optional<store::PlanAction> m_action;
    std::vector<store::ActionStatusChange> m_history;
};

/// An action's what, owner, due day and customer changed (store::updateAction; its status and
/// history stay); undo writes back the values readAction read before the first apply.
class EditActionCommand : public WorkbookEditCommand {
public:
    /// `action.id` names the action; its what, owner, dueDay and customerId are the new values.
    EditActionCommand(WorkbookDocument* document, store::PlanAction action, const QString& what);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;

private:
    store::PlanAction m_new;
    std::optional<store::PlanAction> m_old;  ///< once applied: the action as it was
};

}  // namespace cw::app
