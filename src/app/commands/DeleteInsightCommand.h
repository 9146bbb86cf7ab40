#pragma once
// A pinned insight deleted; undo puts it back as it was, with its id.
#include "app/commands/WorkbookEditCommand.h"
#include "store/Insights.h"

namespace cw::app {

class DeleteInsightCommand : public WorkbookEditCommand {
public:
    DeleteInsightCommand(WorkbookDocument* document, store::Insight insight);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;

private:
    store::Insight m_insight;
};

}  // namespace cw::app
