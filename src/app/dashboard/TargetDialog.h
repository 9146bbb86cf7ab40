#pragma once
// "Set target…" on a dashboard tile: the target of one indicator for the node and period shown,
// with the current value beside it; "Remove target" when one is set. The caller stores what it
// returns (DashboardSession::setTarget, an undoable command).
#include <QDialog>

#include <optional>

#include "engine/kpi/Indicators.h"

class QDoubleSpinBox;

namespace cw::app {

class TargetDialog : public QDialog {
    Q_OBJECT

public:
    /// `context` says for which node and period; `current` the target set now (none: none).
    TargetDialog(engine::kpi::IndicatorId id, const QString& context, const QString& valueNow,
                 std::optional<double> current, QWidget* parent = nullptr);

    /// The target to store: a value, or none when the user removes it.
    std::optional<double> target() const;
    void setTargetValue(double v);
    /// Accepts the dialog asking to remove the target.
    void removeTarget();

private:
    QDoubleSpinBox* m_value;
    bool m_remove = false;
};

}  // namespace cw::app
