#pragma once
// An indicator's target for one node and period, set in the dashboard (or removed): stored in
// kpi_targets through engine::storeTargets; undo puts back the target it replaced, or removes it.
#include <QPointer>

#include <optional>

#include "app/commands/WorkbookEditCommand.h"
#include "store/Kpi.h"

namespace cw::app {

class DashboardSession;

class SetKpiTargetCommand : public WorkbookEditCommand {
public:
    /// `target` names the indicator, node, period kind and start (its value is ignored); `before`
    /// and `after` are the target's values (none: no target).
    SetKpiTargetCommand(WorkbookDocument* document, DashboardSession* session, store::KpiTarget target,
                        std::optional<double> before, std::optional<double> after, const QString& text);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;
    void changed() override;

private:
    Status store(store::Workbook& wb, std::optional<double> value);

    QPointer<DashboardSession> m_session;
    store::KpiTarget m_target;
    std::optional<double> m_before, m_after;
};

}  // namespace cw::app
