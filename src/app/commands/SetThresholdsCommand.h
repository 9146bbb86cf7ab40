#pragma once
// New thresholds of one matrix (a dropped threshold line or an edit of the threshold controls),
// saved as the setting matrix.<name>.thresholds; on a read-only workbook they are only shown.
// No merging: a drag reaches the session once, on release, so every drop is its own undo step.
#include "app/commands/WorkbookEditCommand.h"
#include "engine/matrix/MatrixSpec.h"
#include "engine/matrix/MatrixThresholds.h"

namespace cw::app {

class MatrixSession;

class SetThresholdsCommand : public WorkbookEditCommand {
public:
    SetThresholdsCommand(WorkbookDocument* document, MatrixSession* session, engine::MatrixKind kind,
                         engine::MatrixThresholds before, engine::MatrixThresholds after, const QString& text);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;
    void changed() override;

private:
    Status show(store::Workbook& wb, const engine::MatrixThresholds& t);

    MatrixSession* m_session;
    engine::MatrixKind m_kind;
    engine::MatrixThresholds m_before, m_after, m_shown;
};

}  // namespace cw::app
