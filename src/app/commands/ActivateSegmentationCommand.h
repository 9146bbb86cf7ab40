#pragma once
// Which saved segmentation the breakdowns, filters and lists by segment use (none: the segment
// imported with the customers), stored as segmentation.active; the matrices reload.
#include <optional>
#include <string>

#include "app/commands/WorkbookEditCommand.h"

namespace cw::app {

class MatrixSession;

class ActivateSegmentationCommand : public WorkbookEditCommand {
public:
    ActivateSegmentationCommand(WorkbookDocument* document, MatrixSession* session,
                                std::optional<std::string> before, std::optional<std::string> after);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;
    void changed() override;

private:
    QPointer<MatrixSession> m_session;
    std::optional<std::string> m_before, m_after;
};

}  // namespace cw::app
