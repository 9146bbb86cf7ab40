#pragma once
// A saved segmentation deleted with its segments and memberships (and the active setting when it
// was the active one); undo puts it back exactly as it was, ids and dates included.
#include "app/commands/WorkbookEditCommand.h"
#include "engine/Segmentation.h"

namespace cw::app {

class MatrixSession;

class DeleteSegmentationCommand : public WorkbookEditCommand {
public:
    DeleteSegmentationCommand(WorkbookDocument* document, MatrixSession* session,
                              engine::StoredSegmentation stored);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;
    void changed() override;

private:
    QPointer<MatrixSession> m_session;
    engine::StoredSegmentation m_stored;
};

}  // namespace cw::app
