#include "app/commands/DeleteInsightCommand.h"

#include "app/widgets/Format.h"
#include "store/Workbook.h"

namespace cw::app {

DeleteInsightCommand::DeleteInsightCommand(WorkbookDocument* document, store::Insight insight)
    : WorkbookEditCommand(CommandId::DeleteInsight, document,
                          QObject::tr("Delete insight “%1”").arg(toQString(insight.title))),
      m_insight(std::move(insight)) {}

Status DeleteInsightCommand::apply(store::Workbook& wb) { return store::deleteInsight(wb.db(), m_insight.id); }

Status DeleteInsightCommand::revert(store::Workbook& wb) {
    if (auto back = store::pinInsight(wb.db(), m_insight); !back) return back.takeError();
    return {};
}

}  // namespace cw::app
