#include "app/commands/DeleteSegmentationCommand.h"

#include "app/matrices/MatrixSession.h"
#include "app/widgets/Format.h"
#include "store/Workbook.h"

namespace cw::app {

DeleteSegmentationCommand::DeleteSegmentationCommand(WorkbookDocument* document, MatrixSession* session,
                                                     engine::StoredSegmentation stored)
    : WorkbookEditCommand(CommandId::DeleteSegmentation, document,
                          QObject::tr("Delete segmentation “%1”").arg(toQString(stored.name))),
      m_session(session),
      m_stored(std::move(stored)) {}

Status DeleteSegmentationCommand::apply(store::Workbook& wb) {
    return engine::deleteSegmentation(wb.db(), m_stored.name);
}

Status DeleteSegmentationCommand::revert(store::Workbook& wb) {
    return engine::restoreSegmentation(wb.db(), m_stored);
}

void DeleteSegmentationCommand::changed() {
    // The breakdowns use its segments only while it is the active segmentation.
    if (m_session && m_stored.active) m_session->reload();
}

}  // namespace cw::app
