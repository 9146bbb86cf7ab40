#include "app/commands/ActivateSegmentationCommand.h"

#include "app/matrices/MatrixSession.h"
#include "app/widgets/Format.h"
#include "engine/Segmentation.h"
#include "store/Workbook.h"

namespace cw::app {

ActivateSegmentationCommand::ActivateSegmentationCommand(WorkbookDocument* document, MatrixSession* session,
                                                         std::optional<std::string> before,
                                                         std::optional<std::string> after)
    : WorkbookEditCommand(CommandId::ActivateSegmentation, document,
                          after ? QObject::tr("Activate segmentation “%1”").arg(toQString(*after))
                                : QObject::tr("Use the segment imported with the customers")),
      m_session(session),
      m_before(std::move(before)),
      m_after(std::move(after)) {}

Status ActivateSegmentationCommand::apply(store::Workbook& wb) {
    return engine::setActiveSegmentation(wb.db(), m_after);
}

Status ActivateSegmentationCommand::revert(store::Workbook& wb) {
    return engine::setActiveSegmentation(wb.db(), m_before);
}

void ActivateSegmentationCommand::changed() {
    if (m_session) m_session->reload();
}

}  // namespace cw::app
