#include "app/commands/SetThresholdsCommand.h"

#include "app/matrices/MatrixSession.h"
#include "engine/load/MatrixLoader.h"
#include "store/Workbook.h"

namespace cw::app {

SetThresholdsCommand::SetThresholdsCommand(WorkbookDocument* document, MatrixSession* session,
                                           engine::MatrixKind kind, engine::MatrixThresholds before,
                                           engine::MatrixThresholds after, const QString& text)
    : WorkbookEditCommand(CommandId::SetThresholds, document, text),
      m_session(session),
      m_kind(kind),
      m_before(before),
      m_after(after) {}

Status SetThresholdsCommand::show(store::Workbook& wb, const engine::MatrixThresholds& t) {
    if (!wb.readOnly())
        if (auto st = engine::saveMatrixThresholds(wb, engine::matrixSpec(m_kind), t); !st) return st;
    m_shown = t;
    return {};
}

Status SetThresholdsCommand::apply(store::Workbook& wb) { return show(wb, m_after); }
Status SetThresholdsCommand::revert(store::Workbook& wb) { return show(wb, m_before); }
void SetThresholdsCommand::changed() { m_session->applyThresholds(m_kind, m_shown); }

}  // namespace cw::app
