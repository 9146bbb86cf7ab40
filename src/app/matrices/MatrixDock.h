#pragma once
// The analyst's matrix view: the battery of the five matrices (thumbnails) and one of them large,
// with its quadrant table, thresholds, breakdown, colouring and export. Several can be open side
// by side; they share the MatrixSession (thresholds, breakdown, selection) of the workbook.
#include <QDockWidget>

#include <array>

#include "app/matrices/MatrixCanvas.h"
#include "app/matrices/MatrixSession.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QStackedWidget;
class QTableWidget;
class QTabWidget;

namespace cw::app {

class MatrixCanvas;

class MatrixDock : public QDockWidget {
    Q_OBJECT

public:
    MatrixDock(MatrixSession* session, const QString& objectName, QWidget* parent = nullptr);

    engine::MatrixKind current() const { return m_current; }
    void showMatrix(engine::MatrixKind kind);
    MatrixCanvas* largeCanvas() const { return m_large; }
    MatrixCanvas* thumbnail(engine::MatrixKind kind) const { return m_thumbs[MatrixSession::index(kind)]; }
    QTableWidget* quadrantTable() const { return m_quadrants; }

    /// Chooses the breakdown (as the Breakdown box does); nullopt for none.
    void setBreakdown(std::optional<engine::GroupField> field);
    /// Filters as "region=North, channel=web" (the same field twice admits either value).
    bool setFilterText(const QString& text);

    /// Exports the large matrix; the format follows the suffix (.png or .svg).
    /// Writes the large matrix with its caption (PNG, SVG or PDF by the suffix); the reason it
    /// could not, or empty.
    QString exportCurrent(const QString& path);
    /// The page shown in place of the matrices while no workbook is open (the welcome page:
    /// where the user looks first, and the largest area of the window).
    void setWelcome(QWidget* welcome);
    /// The title and caption lines an export carries.
    MatrixCanvas::ExportCaption exportCaption() const;

private:
    QWidget* buildSidePanel();
    void refreshAll();
    void refresh(engine::MatrixKind kind);
    void fillCanvas(MatrixCanvas* canvas, engine::MatrixKind kind, bool large);
    /// Filter values that match no point, with their near matches, under the filter.
    void showFilterWarnings();
    /// The scales a matrix is drawn with: the user's choice for the large one, else automatic.
    std::pair<charts::AxisScale, charts::AxisScale> scalesOf(engine::MatrixKind kind, bool large) const;
    struct AutomaticScales {
        const engine::MatrixInput* input = nullptr;  ///< the input they were chosen for
        std::array<charts::AxisScale, 2> scale{};
    };
    mutable std::array<AutomaticScales, kMatrixCount> m_automaticScales{};
    void updateTitle();
    double thresholdScale(int axis) const;
    void fillQuadrantTable();
    void fillSmallMultiples();
    void fillThresholdControls();
    void commitThresholdControls();
    /// Shows why the workbook refused a threshold change (nothing changed then).
    void warnIfRefused(const Status& st);
    void applySelection(QObject* origin);

    MatrixSession* m_session;
    engine::MatrixKind m_current = engine::MatrixKind::ProfitabilityLoyalty;
    std::array<MatrixCanvas*, kMatrixCount> m_thumbs{};
    std::array<QLabel*, kMatrixCount> m_thumbTitles{};
    MatrixCanvas* m_large = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_message = nullptr;
    QProgressBar* m_opening = nullptr;  ///< busy while a workbook opens
    QWidget* m_welcome = nullptr;
    void showWelcomeIfIdle();
    QStackedWidget* m_stack = nullptr;
    QTableWidget* m_quadrants = nullptr;
    QTabWidget* m_tabs = nullptr;
    QWidget* m_multiples = nullptr;  ///< small multiples of the breakdown
    std::array<QComboBox*, 2> m_mode{};
    std::array<QDoubleSpinBox*, 2> m_value{};
    QComboBox* m_groupBy = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_filterError = nullptr;
    bool m_filterInvalid = false;  ///< the label shows why the filter text cannot be read
    QComboBox* m_colorBy = nullptr;
    QCheckBox* m_sizeByRevenue = nullptr;
    std::array<QComboBox*, 2> m_scale{};  ///< automatic, linear, log, symmetric log
    bool m_updatingControls = false;
};

}  // namespace cw::app
