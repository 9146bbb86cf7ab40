#pragma once
// The interactive matrix: a scatter of the points of one matrix (charts::ScatterPainter) with threshold
// lines the user drags, rubber-band selection, zoom (wheel) and pan (right or middle drag), and
// tooltips. It computes nothing about the matrix itself: it shows the engine's MatrixInput and
// reports what the user did through signals; whoever owns the thresholds and the selection
// decides and calls back setThresholds() / setSelection().
//
// The points layer is cached in an image (a million points repaint in tens of milliseconds), the
// selection in a second one; lines, quadrant texts and the rubber band are drawn over them on
// every paint, so dragging a line never repaints the points.
#include <QImage>
#include <QStringList>
#include <QWidget>

#include <functional>

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "charts/MatrixExport.h"
#include "charts/ScatterPainter.h"
#include "engine/matrix/MatrixInput.h"

namespace cw::app {

class MatrixCanvas : public QWidget {
    Q_OBJECT

public:
    explicit MatrixCanvas(QWidget* parent = nullptr);
    ~MatrixCanvas() override;

    /// xs, ys of the input are plotted; NaN is not drawn (nor values <= 0 on a log axis).
    void setPoints(std::shared_ptr<const cw::engine::MatrixInput> input);
    void setAxisTitles(const QString& x, const QString& y);
    /// NaN hides a line.
    void setThresholds(double x, double y);
    /// HH, HL, LH, LL (engine Quadrant order).
    void setQuadrantTexts(const std::array<QString, 4>& text);
    /// One code per point indexing `names` (-1 = no value); empty = one colour.
    void setColorCodes(std::vector<std::int32_t> codes, QStringList names);
    /// The legend's names, one per colour (tests).
    const QStringList& colorNames() const { return m_names; }
    void setSizeByRevenue(bool on);
    void setLogScale(bool x, bool y);
    /// The scale of each axis; the view is reset when either changes.
    void setScales(charts::AxisScale x, charts::AxisScale y);
    /// One flag per point, empty = none.
    void setSelection(std::vector<std::uint8_t> selected);
    /// Battery thumbnail: no ticks, no dragging, zooming or selecting; a click emits activated().
    void setCompact(bool compact);
    /// Attribute matrices: names beside the points and percent ticks on share axes.
    void setPointLabels(QStringList labels);
    /// Why the matrix cannot be drawn (no survey, no transactions): shown instead of an empty frame.
    void setMessage(const QString& message);
    const QString& message() const { return m_message; }
    void setPercentAxes(bool x, bool y);
    /// Back to the whole data (and thresholds) in view.
    void resetView();
    /// More lines for a point's tooltip (e.g. the customer's name and figures), or empty. Plain
    /// text, one line per '\n': the canvas escapes it.
    void setTooltipExtra(std::function<QString(int)> extra) { m_tooltipExtra = std::move(extra); }

    double thresholdX() const { return m_painter.thresholdX(); }
    double thresholdY() const { return m_painter.thresholdY(); }
    /// The data rectangle shown and the mapping the widget uses (for tests and callers that
    /// place things over the canvas).
    const charts::ScatterViewport& viewport() const { return m_painter.viewport(); }
    QPointF toPixel(double x, double y) const;
    QPointF toData(const QPointF& pixel) const;

    /// A PNG-quality image of the plot (vector path for moderate counts).
    QImage renderImage(const QSize& size) const;
    /// Writes an SVG (points rasterised into it above charts::ScatterPainter::kVectorLimit).
    bool renderSvg(const QString& path, const QSize& size) const;

    /// What an exported matrix says above the plot: its title and caption lines (workbook,
    /// thresholds, counts, breakdown, date), so a picture pasted into a report explains itself.
    using ExportCaption = charts::ExportCaption;
    /// Writes the plot with its caption as PNG, SVG or PDF (by the file's suffix), whole or not
    /// at all (a temporary file renamed at the end). SVG and PDF keep the points as vectors up
    /// to charts::ScatterPainter::kVectorLimit points and embed them as an image above. Returns an
    /// error message, empty on success.
    QString exportTo(const QString& path, const QSize& plotSize, const ExportCaption& caption) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// Live, while a line is dragged.
    void thresholdDragged(double x, double y);
    /// On release after dragging a line.
    void thresholdDropped(double oldX, double oldY, double x, double y);
    /// Points inside a rubber band, or the point clicked (empty: a click on empty space).
    void selectionRequested(std::vector<std::int32_t> pointIndexes,
                            Qt::KeyboardModifiers modifiers);
    /// The point under the mouse; -1 when none.
    void pointHovered(int index);
    /// A click on a compact canvas.
    void activated();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct PointGrid;
    enum class Drag { None, LineX, LineY, LineXY, Band, Pan, Click };

    void applyStyle();
    void updatePointStyle();
    void updateRadii();
    void rebuildGrid();
    void invalidatePoints();
    void invalidateSelection();
    void ensureLayers();
    Drag lineAt(const QPointF& pos) const;
    int pointAt(const QPointF& pos) const;
    std::vector<std::int32_t> pointsIn(const QRectF& pixels) const;
    void hover(const QPointF& pos, const QPointF& globalPos);
    void updateCursor(const QPointF& pos);
    void zoom(const QPointF& pos, double factor);
    charts::ScatterViewport homeViewport() const;

    charts::ScatterPainter m_painter;
    std::shared_ptr<const cw::engine::MatrixInput> m_input;
    std::vector<std::int32_t> m_codes;
    QStringList m_names;
    std::vector<float> m_radii;
    std::vector<std::uint8_t> m_selected;
    std::unique_ptr<PointGrid> m_grid;
    bool m_sizeByRevenue = false;
    bool m_compact = false;
    bool m_atHome = true;
    QString m_message;  ///< the view is the home view (not zoomed or panned by the user)
    QMarginsF m_fullMargins;

    QImage m_pointsLayer;     // frame, grid, points, axes
    QImage m_selectionLayer;  // selected points on transparent
    bool m_pointsValid = false;
    bool m_selectionValid = false;

    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    charts::ScatterViewport m_pressViewport;
    double m_pressThresholdX = 0, m_pressThresholdY = 0;
    QRectF m_band;
    int m_hovered = -1;
    std::function<QString(int)> m_tooltipExtra;
};

}  // namespace cw::app
