#pragma once
// New analysis definitions (the Definitions dialog): saved as analysis.settings, then the
// analysis re-runs in the background; undo puts the previous definitions back and re-runs it.
#include "app/commands/WorkbookEditCommand.h"
#include "engine/settings/AnalysisSettings.h"

namespace cw::app {

class AnalysisWorkspace;

class ChangeDefinitionsCommand : public WorkbookEditCommand {
public:
    ChangeDefinitionsCommand(WorkbookDocument* document, AnalysisWorkspace* workspace,
                             engine::AnalysisSettings before, engine::AnalysisSettings after);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;
    void changed() override;

private:
    AnalysisWorkspace* m_workspace;
    engine::AnalysisSettings m_before, m_after;
};

}  // namespace cw::app
