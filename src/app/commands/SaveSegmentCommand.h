#pragma once
// A selection saved as a segmentation (method "selection": the chosen customers against the
// others, re-run by every analysis); undo deletes it again.
#include <string>

#include "app/commands/WorkbookEditCommand.h"

namespace cw::app {

class SaveSegmentCommand : public WorkbookEditCommand {
public:
    SaveSegmentCommand(WorkbookDocument* document, std::string name, std::string definitionJson);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;

private:
    std::string m_name, m_definition;
};

}  // namespace cw::app
