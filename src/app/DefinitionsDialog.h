#pragma once
// Analysis › Definitions: the analysis settings of the workbook (window, margin rate, potential,
// exits, anorexia, loyalty weights) in one form. Accepting it is an undoable edit that saves the
// definitions and re-runs the analysis in the background.
#include <QDialog>

#include <map>

#include "engine/AnalysisSettings.h"

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace cw::app {

class DefinitionsDialog : public QDialog {
    Q_OBJECT

public:
    explicit DefinitionsDialog(const engine::AnalysisSettings& settings, QWidget* parent = nullptr);
    engine::AnalysisSettings settings() const;

private:
    QDoubleSpinBox* real(double value, double min, double max, double step, int decimals);
    QSpinBox* integer(int value, int min, int max);

    engine::AnalysisSettings m_base;
    QSpinBox *m_window, *m_horizon, *m_exitDays, *m_anorexiaMonths, *m_anorexiaOrders;
    QDoubleSpinBox *m_margin, *m_discount, *m_pAlive, *m_rhythm, *m_topShare, *m_drop;
    QComboBox* m_potential;
    std::map<std::string, QDoubleSpinBox*> m_weights;
};

}  // namespace cw::app
