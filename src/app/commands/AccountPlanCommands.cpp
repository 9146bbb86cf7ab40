#include "app/commands/AccountPlanCommands.h"

#include "app/widgets/Format.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::app {

namespace {

template <class F>
Status inTransaction(store::Workbook& wb, F&& work) {
    return store::inOwnTransaction(wb.db(), std::forward<F>(work));
}

Error gone(const std::string& what) {
    return makeError(ErrorKind::Usage, what + " is no longer in the workbook",
                     "reload the portfolio");
}

}  // namespace

// ---- CreatePlanCommand ----------------------------------------------------------------------

CreatePlanCommand::CreatePlanCommand(WorkbookDocument* document, store::AccountPlan plan)
    : WorkbookEditCommand(CommandId::CreateAccountPlan, document,
                          QObject::tr("New account plan “%1”").arg(toQString(plan.title))),
      m_plan(std::move(plan)) {}

Status CreatePlanCommand::apply(store::Workbook& wb) {
    return inTransaction(wb, [&](store::WriteTransaction& tx) -> Status {
        auto id = store::insertPlan(tx, m_plan);
        if (!id) return id.takeError();
        if (!m_stored) {  // keep what was stored (id, time, first statuses) for an exact redo
            auto stored = store::readPlan(tx.db(), *id);
            if (!stored) return gone("the new plan");
            m_plan = std::move(*stored);
            m_stored = true;
        }
        return {};
    });
}

Status CreatePlanCommand::revert(store::Workbook& wb) {
    return inTransaction(
        wb, [&](store::WriteTransaction& tx) { return store::deletePlan(tx, m_plan.id); });
}

// ---- DeletePlanCommand ----------------------------------------------------------------------

DeletePlanCommand::DeletePlanCommand(WorkbookDocument* document, std::int64_t planId,
                                     const QString& title)
    : WorkbookEditCommand(CommandId::DeleteAccountPlan, document,
                          QObject::tr("Delete account plan “%1”").arg(title)),
      m_planId(planId) {}

Status DeletePlanCommand::apply(store::Workbook& wb) {
    return inTransaction(wb, [&](store::WriteTransaction& tx) -> Status {
        m_plan = store::readPlan(tx.db(), m_planId);
        if (!m_plan) return gone("the plan");
        return store::deletePlan(tx, m_planId);
    });
}

Status DeletePlanCommand::revert(store::Workbook& wb) {
    return inTransaction(wb, [&](store::WriteTransaction& tx) -> Status {
        auto id = store::insertPlan(tx, *m_plan);
        if (!id) return id.takeError();
        return {};
    });
}

// ---- AddObjectiveCommand --------------------------------------------------------------------

AddObjectiveCommand::AddObjectiveCommand(WorkbookDocument* document, store::PlanObjective objective)
    : WorkbookEditCommand(CommandId::AddPlanObjective, document,
                          QObject::tr("Add objective “%1”").arg(toQString(objective.indicator))),
      m_objective(std::move(objective)) {}

Status AddObjectiveCommand::apply(store::Workbook& wb) {
    return inTransaction(wb, [&](store::WriteTransaction& tx) -> Status {
        auto id = store::insertObjective(tx, m_objective);  // with its id from the second time on
        if (!id) return id.takeError();
        m_objective.id = *id;
        return {};
    });
}

Status AddObjectiveCommand::revert(store::Workbook& wb) {
    return inTransaction(wb, [&](store::WriteTransaction& tx) {
        return store::deleteObjective(tx, m_objective.id);
    });
}

// ---- AddActionCommand -----------------------------------------------------------------------

AddActionCommand::AddActionCommand(WorkbookDocument* document, store::PlanAction action,
                                   std::string by)
    : WorkbookEditCommand(CommandId::AddPlanAction, document,
                          QObject::tr("Add action “%1”").arg(toQString(action.what))),
      m_action(std::move(action)),
      m_by(std::move(by)) {}

Status AddActionCommand::apply(store::Workbook& wb) {
    return inTransaction(wb, [&](store::WriteTransaction& tx) -> Status {
        if (m_stored) return store::restoreAction(tx, m_action, m_history);
        auto id = store::insertAction(tx, m_action, m_by);
        if (!id) return id.takeError();
        m_action.id = *id;
        m_history = store::readActionHistory(tx.db(), *id);
        m_stored = true;
        return {};
    });
}

Status AddActionCommand::revert(store::Workbook& wb) {
    return inTransaction(
        wb, [&](store::WriteTransaction& tx) { return store::deleteAction(tx, m_action.id); });
}

// ---- SetActionStatusCommand -----------------------------------------------------------------

SetActionStatusCommand::SetActionStatusCommand(WorkbookDocument* document, std::int64_t actionId,
                                               std::string status, std::string by,
                                               const QString& what)
    : WorkbookEditCommand(
          CommandId::SetPlanActionStatus, document,
          QObject::tr("Mark “%1” %2")
              .arg(what, toQString(status == "in_progress" ? "in progress" : status))),
      m_actionId(actionId),
      m_status(std::move(status)),
      m_by(std::move(by)) {}

Status SetActionStatusCommand::apply(store::Workbook& wb) {
    return inTransaction(wb, [&](store::WriteTransaction& tx) -> Status {
        if (m_change) {
            // Redo: the same history row again (its time and author), through the exact inverse
            // of deleteAction: the action is put back with its history plus that row.
            auto action = store::readAction(tx.db(), m_actionId);
            if (!action) return gone("the action");
            auto history = store::readActionHistory(tx.db(), m_actionId);
            history.push_back(*m_change);
            action->status = m_change->status;
            if (auto st = store::deleteAction(tx, m_actionId); !st) return st;
            return store::restoreAction(tx, *action, history);
        }
        auto changed = store::setActionStatus(tx, m_actionId, m_status, m_by);
        if (!changed) return changed.takeError();
        if (!*changed)
            return makeError(ErrorKind::Usage, "the action is already " + m_status,
                             "choose another status");
        auto history = store::readActionHistory(tx.db(), m_actionId);
        if (history.empty()) return gone("the action");
        m_change = history.back();
        return {};
    });
}

Status SetActionStatusCommand::revert(store::Workbook& wb) {
    return inTransaction(wb, [&](store::WriteTransaction& tx) {
        return store::removeLastStatusChange(tx, m_actionId);
    });
}

// ---- DeleteActionCommand --------------------------------------------------------------------

DeleteActionCommand::DeleteActionCommand(WorkbookDocument* document, std::int64_t actionId,
                                         const QString& what)
    : WorkbookEditCommand(CommandId::DeletePlanAction, document,
                          QObject::tr("Delete action “%1”").arg(what)),
      m_actionId(actionId) {}

Status DeleteActionCommand::apply(store::Workbook& wb) {
    return inTransaction(wb, [&](store::WriteTransaction& tx) -> Status {
        m_action = store::readAction(tx.db(), m_actionId);
        if (!m_action) return gone("the action");
        m_history = store::readActionHistory(tx.db(), m_actionId);
        return store::deleteAction(tx, m_actionId);
    });
}

Status DeleteActionCommand::revert(store::Workbook& wb) {
    return inTransaction(wb, [&](store::WriteTransaction& tx) {
        return store::restoreAction(tx, *m_action, m_history);
    });
}

// ---- EditActionCommand ----------------------------------------------------------------------

EditActionCommand::EditActionCommand(WorkbookDocument* document, store::PlanAction action,
                                     const QString& what)
    : WorkbookEditCommand(CommandId::EditPlanAction, document,
                          QObject::tr("Edit action “%1”").arg(what)),
      m_new(std::move(action)) {}

Status EditActionCommand::apply(store::Workbook& wb) {
    return inTransaction(wb, [&](store::WriteTransaction& tx) -> Status {
        if (!m_old) {
            m_old = store::readAction(tx.db(), m_new.id);
            if (!m_old) return gone("the action");
            m_new.planId = m_old->planId;
            m_new.status = m_old->status;
        }
        return store::updateAction(tx, m_new);
    });
}

Status EditActionCommand::revert(store::Workbook& wb) {
    return inTransaction(
        wb, [&](store::WriteTransaction& tx) { return store::updateAction(tx, *m_old); });
}

}  // namespace cw::app
