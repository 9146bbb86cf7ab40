#include "app/commands/PinInsightCommand.h"

#include "app/widgets/Format.h"
#include "store/Workbook.h"

namespace cw::app {

PinInsightCommand::PinInsightCommand(WorkbookDocument* document, store::Insight insight)
    : WorkbookEditCommand(CommandId::PinInsight, document,
                          QObject::tr("Pin insight “%1”").arg(toQString(insight.title))),
      m_insight(std::move(insight)) {}

Status PinInsightCommand::apply(store::Workbook& wb) {
    auto id = store::pinInsight(wb.db(), m_insight);
    if (!id) return id.takeError();
    m_insight.id = *id;
    return {};
}

Status PinInsightCommand::revert(store::Workbook& wb) { return store::deleteInsight(wb.db(), m_insight.id); }

}  // namespace cw::app
