#pragma once
// Analysis › Definitions: the analysis settings of the workbook (window, margin rate, currency,
// potential, exits, customers buying less, loyalty weights) in one form; rates in percent. Accepting it is an undoable edit that saves the
// definitions and re-runs the analysis in the background.
#include <QDialog>

#include <map>

#include "engine/settings/AnalysisSettings.h"

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace cw::app {

class DefinitionsDialog : public QDialog {
    Q_OBJECT

public:
    explicit DefinitionsDialog(const engine::AnalysisSettings& settings, QWidget* parent = nullptr);
    engine::AnalysisSettings settings() const;

private:
    QDoubleSpinBox* real(double value, double min, double max, double step, int decimals);
    /// A rate 0..1 shown and typed in percent ("30 %"); read back with rate().
    QDoubleSpinBox* percent(double rate, double min, double max, double stepPercent, int decimals);
    static double rate(const QDoubleSpinBox* box);
    QSpinBox* integer(int value, int min, int max);

    engine::AnalysisSettings m_base;
    QSpinBox *m_window, *m_horizon, *m_exitDays, *m_anorexiaMonths, *m_anorexiaOrders;
    QDoubleSpinBox *m_margin, *m_discount, *m_pAlive, *m_rhythm, *m_topShare, *m_drop;
    QComboBox* m_potential;
    QLineEdit* m_currency;
    std::map<std::string, QDoubleSpinBox*> m_weights;
};

}  // namespace cw::app
