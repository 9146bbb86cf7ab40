#include "app/commands/SetKpiTargetCommand.h"

#include "app/dashboard/DashboardSession.h"
#include "engine/load/KpiTargets.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::app {

SetKpiTargetCommand::SetKpiTargetCommand(WorkbookDocument* document, DashboardSession* session,
                                         store::KpiTarget target, std::optional<double> before,
                                         std::optional<double> after, const QString& text)
    : WorkbookEditCommand(CommandId::SetKpiTarget, document, text),
      m_session(session),
      m_target(std::move(target)),
      m_before(before),
      m_after(after) {}

Status SetKpiTargetCommand::apply(store::Workbook& wb) { return store(wb, m_after); }

Status SetKpiTargetCommand::revert(store::Workbook& wb) { return store(wb, m_before); }

Status SetKpiTargetCommand::store(store::Workbook& wb, std::optional<double> value) {
    if (value) {
        auto t = m_target;
        t.target = *value;
        t.setAt.clear();  // now
        auto stored = engine::storeTargets(wb, {t});
        if (!stored) return stored.takeError();
        return {};
    }
    return store::inOwnTransaction(wb.db(), [&](store::WriteTransaction& tx) -> Status {
        store::deleteTarget(tx, m_target.indicator, m_target.nodeId, m_target.period, m_target.startDay);
        return {};
    });
}

void SetKpiTargetCommand::changed() {
    if (m_session) m_session->reloadTargets();
}

}  // namespace cw::app
