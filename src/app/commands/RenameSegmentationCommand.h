#pragma once
// A saved segmentation renamed. The matrices know segments by label, not by segmentation name:
// nothing of them reloads.
#include <string>

#include "app/commands/WorkbookEditCommand.h"

namespace cw::app {

class RenameSegmentationCommand : public WorkbookEditCommand {
public:
    RenameSegmentationCommand(WorkbookDocument* document, std::string from, std::string to);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;

private:
    std::string m_from, m_to;
};

}  // namespace cw::app
