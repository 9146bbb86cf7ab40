#pragma once
// A selection pinned as an insight (title, note, source matrix and thresholds, customer ids);
// undo deletes it, redo puts it back with the same id.
#include "app/commands/WorkbookEditCommand.h"
#include "store/Insights.h"

namespace cw::app {

class PinInsightCommand : public WorkbookEditCommand {
public:
    PinInsightCommand(WorkbookDocument* document, store::Insight insight);
    /// The stored insight's id once applied (0 before).
    std::int64_t insightId() const { return m_insight.id; }

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;

private:
    store::Insight m_insight;
};

}  // namespace cw::app
