#include "app/commands/SaveSegmentCommand.h"

#include "app/widgets/Format.h"
#include "engine/Segmentation.h"
#include "store/Workbook.h"

namespace cw::app {

SaveSegmentCommand::SaveSegmentCommand(WorkbookDocument* document, std::string name, std::string definitionJson)
    : WorkbookEditCommand(CommandId::SaveSelectionAsSegment, document,
                          QObject::tr("Save selection as segment “%1”").arg(toQString(name))),
      m_name(std::move(name)),
      m_definition(std::move(definitionJson)) {}

Status SaveSegmentCommand::apply(store::Workbook& wb) {
    if (auto r = engine::runSegmentation(wb.db(), m_name, m_definition); !r) return r.takeError();
    return {};
}

Status SaveSegmentCommand::revert(store::Workbook& wb) { return engine::deleteSegmentation(wb.db(), m_name); }

}  // namespace cw::app
