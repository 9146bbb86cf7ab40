#include "app/commands/RenameSegmentationCommand.h"

#include "app/widgets/Format.h"
#include "engine/Segmentation.h"
#include "store/Workbook.h"

namespace cw::app {

RenameSegmentationCommand::RenameSegmentationCommand(WorkbookDocument* document, std::string from, std::string to)
    : WorkbookEditCommand(CommandId::RenameSegmentation, document,
                          QObject::tr("Rename segmentation “%1” to “%2”").arg(toQString(from), toQString(to))),
      m_from(std::move(from)),
      m_to(std::move(to)) {}

Status RenameSegmentationCommand::apply(store::Workbook& wb) {
    return engine::renameSegmentation(wb.db(), m_from, m_to);
}

Status RenameSegmentationCommand::revert(store::Workbook& wb) {
    return engine::renameSegmentation(wb.db(), m_to, m_from);
}

}  // namespace cw::app
