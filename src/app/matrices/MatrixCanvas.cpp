#include "app/matrices/MatrixCanvas.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QFileInfo>
#include <QFontMetrics>
#include <QPageSize>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "app/workbook/OpenStopwatch.h"

namespace cw::app {

namespace {

constexpr double kLineGrab = 5.0;   // pixels: how near a threshold line the cursor grabs it
constexpr double kPointGrab = 5.0;  // pixels: how near a point hover and click find it
constexpr double kBandMin = 3.0;    // pixels: a smaller drag is a click

QString formatValue(double v) {
    if (!std::isfinite(v)) return QStringLiteral("n/a");
    return QLocale().toString(v, 'f', std::abs(v) >= 1000 ? 0 : 2);
}

}  // namespace

// A uniform grid over the points in axis space (log10 on a log axis), cells as ranges of one
// index array (counting sort), so that hover, click and rubber band look at the few cells they
// cover instead of a million points. Also knows the extent of the drawable points.
struct MatrixCanvas::PointGrid {
    charts::AxisScale xScale = charts::AxisScale::Linear, yScale = charts::AxisScale::Linear;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // extent of the points, axis space
    double cellW = 1, cellH = 1;
    int cols = 0, rows = 0;
    std::vector<std::uint32_t> start;  // cols * rows + 1
    std::vector<std::uint32_t> index;

    bool empty() const { return index.empty(); }

    int cellX(double ax) const { return std::clamp(int((ax - x0) / cellW), 0, cols - 1); }
    int cellY(double ay) const { return std::clamp(int((ay - y0) / cellH), 0, rows - 1); }

    void build(const engine::MatrixInput& in, charts::AxisScale sx, charts::AxisScale sy) {
        xScale = sx;
        yScale = sy;
        const std::size_t n = in.size();
        std::vector<std::uint8_t> valid(n, 0);
        std::size_t count = 0;
        x0 = y0 = std::numeric_limits<double>::infinity();
        x1 = y1 = -std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < n; ++i) {
            const double ax = charts::ScatterPainter::toAxis(in.xs[i], sx);
            const double ay = charts::ScatterPainter::toAxis(in.ys[i], sy);
            if (!std::isfinite(ax) || !std::isfinite(ay)) continue;
            valid[i] = 1;
            ++count;
            x0 = std::min(x0, ax);
            x1 = std::max(x1, ax);
            y0 = std::min(y0, ay);
            y1 = std::max(y1, ay);
        }
        index.clear();
        start.clear();
        if (count == 0) return;
        cols = rows = std::clamp(int(std::sqrt(double(count) / 8.0)), 1, 1024);
        cellW = std::max((x1 - x0) / cols, 1e-300);
        cellH = std::max((y1 - y0) / rows, 1e-300);
        start.assign(std::size_t(cols) * rows + 1, 0);
        std::vector<std::uint32_t> cellOf(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            if (!valid[i]) continue;
            const auto c = std::uint32_t(cellY(charts::ScatterPainter::toAxis(in.ys[i], sy)) * cols +
                                         cellX(charts::ScatterPainter::toAxis(in.xs[i], sx)));
            cellOf[i] = c;
            ++start[c + 1];
        }
        for (std::size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
        index.resize(count);
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < n; ++i)
            if (valid[i]) index[fill[cellOf[i]]++] = std::uint32_t(i);
    }

    /// Calls f(i) for every point in the cells that the axis-space rectangle touches.
    template <typename F>
    void visit(double ax0, double ax1, double ay0, double ay1, F&& f) const {
        if (empty() || ax1 < x0 || ax0 > x1 || ay1 < y0 || ay0 > y1) return;
        const int c0 = cellX(ax0), c1 = cellX(ax1), r0 = cellY(ay0), r1 = cellY(ay1);
        for (int r = r0; r <= r1; ++r)
            for (std::uint32_t k = start[std::size_t(r) * cols + c0];
                 k < start[std::size_t(r) * cols + c1 + 1]; ++k)
                f(index[k]);
    }
};

MatrixCanvas::MatrixCanvas(QWidget* parent)
    : QWidget(parent), m_grid(std::make_unique<PointGrid>()) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    applyStyle();
    m_painter.setViewport(homeViewport());
}

MatrixCanvas::~MatrixCanvas() = default;

QSize MatrixCanvas::sizeHint() const {
    return m_compact ? QSize(200, 150) : QSize(640, 480);
}

QSize MatrixCanvas::minimumSizeHint() const {
    return m_compact ? QSize(60, 45) : QSize(200, 150);
}

// --- content ------------------------------------------------------------------------------------

void MatrixCanvas::setPoints(std::shared_ptr<const engine::MatrixInput> input) {
    m_input = std::move(input);
    if (m_input)
        m_painter.setPoints(std::span<const double>(m_input->xs),
                            std::span<const double>(m_input->ys));
    else
        m_painter.setPoints(std::span<const double>(), std::span<const double>());
    m_hovered = -1;
    // The previous matrix's thresholds must not stretch this one's range until its own arrive.
    m_painter.setThresholds(std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN());
    updatePointStyle();
    updateRadii();
    rebuildGrid();
    resetView();
}

void MatrixCanvas::setAxisTitles(const QString& x, const QString& y) {
    m_painter.setAxisTitles(x, y);
    invalidatePoints();
}

void MatrixCanvas::setThresholds(double x, double y) {
    m_painter.setThresholds(x, y);
    // The home view spans the points and the thresholds: follow new thresholds (of a new matrix
    // shown, or typed) unless the user zoomed or panned away.
    if (m_atHome) resetView();
    else update();
}

void MatrixCanvas::setQuadrantTexts(const std::array<QString, 4>& text) {
    m_painter.setQuadrantTexts(text);
    update();
}

void MatrixCanvas::setColorCodes(std::vector<std::int32_t> codes, QStringList names) {
    m_codes = std::move(codes);
    m_names = std::move(names);
    applyStyle();
}

void MatrixCanvas::setMessage(const QString& message) {
    m_message = message;
    update();
}

void MatrixCanvas::setPointLabels(QStringList labels) {
    m_painter.setPointLabels(std::move(labels));
    update();
}

void MatrixCanvas::setPercentAxes(bool x, bool y) {
    m_painter.setPercentAxes(x, y);
    invalidatePoints();
}

void MatrixCanvas::setSizeByRevenue(bool on) {
    m_sizeByRevenue = on;
    updateRadii();
}

void MatrixCanvas::setLogScale(bool x, bool y) {
    setScales(x ? charts::AxisScale::Log10 : charts::AxisScale::Linear, y ? charts::AxisScale::Log10 : charts::AxisScale::Linear);
}

void MatrixCanvas::setScales(charts::AxisScale x, charts::AxisScale y) {
    auto v = m_painter.viewport();
    if (v.xScale == x && v.yScale == y) return;
    v.xScale = x;
    v.yScale = y;
    m_painter.setViewport(v);
    rebuildGrid();
    resetView();
}

void MatrixCanvas::setSelection(std::vector<std::uint8_t> selected) {
    m_selected = std::move(selected);
    m_painter.setSelection(m_selected);
    invalidateSelection();
}

void MatrixCanvas::setCompact(bool compact) {
    m_compact = compact;
    m_painter.setShowAxes(!compact);
    updatePointStyle();
    applyStyle();
    updateRadii();
    resetView();
    updateGeometry();
}

void MatrixCanvas::resetView() {
    m_painter.setViewport(homeViewport());
    m_atHome = true;
    invalidatePoints();
}

QPointF MatrixCanvas::toPixel(double x, double y) const {
    return m_painter.toPixel(x, y, QSizeF(size()));
}

QPointF MatrixCanvas::toData(const QPointF& pixel) const {
    return m_painter.toData(pixel, QSizeF(size()));
}

// --- state --------------------------------------------------------------------------------------

void MatrixCanvas::applyStyle() {
    auto colors = charts::ScatterColors::fromPalette(palette());
    colors.pointOpacity = m_painter.colors().pointOpacity;
    m_painter.setColors(colors);
    const bool dark = colors.background.lightness() < 128;
    const bool coded = m_input && m_codes.size() == m_input->size();
    m_painter.setColorCodes(
        coded ? std::span<const std::int32_t>(m_codes) : std::span<const std::int32_t>(),
        charts::ScatterPainter::categoryPalette(int(m_names.size()), dark),
        coded ? m_names : QStringList());
    const QFontMetricsF fm(font());
    auto v = m_painter.viewport();
    if (m_compact)
        v.margins = QMarginsF(3, 3, 3, 3);
    else
        v.margins = QMarginsF(fm.horizontalAdvance(QStringLiteral("-000.00M")) + fm.height() + 10,
                              10, 16, 2 * fm.height() + 14);
    m_painter.setViewport(v);
    invalidatePoints();
    invalidateSelection();
}

void MatrixCanvas::updatePointStyle() {
    // Dense plots get smaller, fainter points so that overlap reads as density.
    const std::size_t n = m_painter.pointCount();
    auto colors = m_painter.colors();
    colors.pointOpacity = n > 50000 ? 0.45 : n > 5000 ? 0.6 : 0.8;
    m_painter.setColors(colors);
    m_painter.setPointRadius(m_compact ? 1.2f : n > 100000 ? 1.5f : n > 10000 ? 2.0f : 3.0f);
}

void MatrixCanvas::updateRadii() {
    m_radii.clear();
    if (m_sizeByRevenue && m_input)
        m_radii = charts::ScatterPainter::radiiFor(m_input->revenue, m_compact ? 0.8f : 1.5f,
                                           m_compact ? 4.0f : 10.0f);
    m_painter.setRadii(m_radii);
    invalidatePoints();
    invalidateSelection();
}

void MatrixCanvas::rebuildGrid() {
    m_grid = std::make_unique<PointGrid>();
    if (m_input) m_grid->build(*m_input, m_painter.viewport().xScale, m_painter.viewport().yScale);
}

void MatrixCanvas::invalidatePoints() {
    m_pointsValid = false;
    m_selectionValid = false;  // both layers follow the view
    update();
}

void MatrixCanvas::invalidateSelection() {
    m_selectionValid = false;
    update();
}

charts::ScatterViewport MatrixCanvas::homeViewport() const {
    charts::ScatterViewport v = m_painter.viewport();
    auto fit = [](double lo, double hi, double threshold, charts::AxisScale scale, double& outLo,
                  double& outHi) {
        const double t = charts::ScatterPainter::toAxis(threshold, scale);
        if (std::isfinite(t)) {
            lo = std::min(lo, t);
            hi = std::max(hi, t);
        }
        if (!(lo <= hi)) {  // no points: a unit range
            lo = 0.0;
            hi = 1.0;
        }
        const double pad = hi > lo ? (hi - lo) * 0.05 : 0.5;
        outLo = charts::ScatterPainter::fromAxis(lo - pad, scale);
        outHi = charts::ScatterPainter::fromAxis(hi + pad, scale);
    };
    const bool any = !m_grid->empty();
    const double inf = std::numeric_limits<double>::infinity();
    fit(any ? m_grid->x0 : inf, any ? m_grid->x1 : -inf, m_painter.thresholdX(), v.xScale, v.xMin,
        v.xMax);
    fit(any ? m_grid->y0 : inf, any ? m_grid->y1 : -inf, m_painter.thresholdY(), v.yScale, v.yMin,
        v.yMax);
    return v;
}

// --- painting -----------------------------------------------------------------------------------

void MatrixCanvas::ensureLayers() {
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * dpr).toSize();
    const QSizeF logical(size());
    if (!m_pointsValid || m_pointsLayer.size() != pixels) {
        m_pointsLayer = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_pointsLayer.setDevicePixelRatio(dpr);
        {
            QPainter p(&m_pointsLayer);
            p.setFont(font());
            m_painter.paintFrame(p, logical);
        }
        m_painter.paintPoints(m_pointsLayer, charts::ScatterPainter::PointLayer::All);
        {
            QPainter p(&m_pointsLayer);
            p.setFont(font());
            m_painter.paintAxes(p, logical);
        }
        m_pointsValid = true;
        m_selectionValid = false;
    }
    if (!m_selectionValid) {
        m_selectionLayer = QImage();
        if (!m_selected.empty() && m_input && m_selected.size() >= m_input->size()) {
            m_selectionLayer = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
            m_selectionLayer.setDevicePixelRatio(dpr);
            m_selectionLayer.fill(Qt::transparent);
            m_painter.paintPoints(m_selectionLayer, charts::ScatterPainter::PointLayer::SelectedOnly);
        }
        m_selectionValid = true;
    }
}

void MatrixCanvas::paintEvent(QPaintEvent*) {
    if (!m_message.isEmpty()) {  // nothing to draw: say why, not an empty frame with stale axes
        QPainter p(this);
        p.fillRect(rect(), palette().color(QPalette::Base));
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    ensureLayers();
    QPainter p(this);
    p.setFont(font());
    p.drawImage(QPointF(0, 0), m_pointsLayer);
    if (!m_compact && m_painter.pointCount() > 0) OpenStopwatch::instance().matrixDrawn();
    if (!m_selectionLayer.isNull()) p.drawImage(QPointF(0, 0), m_selectionLayer);
    const QSizeF logical(size());
    m_painter.paintThresholds(p, logical);
    m_painter.paintQuadrantTexts(p, logical);
    if (!m_compact) m_painter.paintPointLabels(p, logical);
    if (m_drag == Drag::Band && !m_band.isEmpty()) {
        QColor fill = palette().color(QPalette::Highlight);
        p.setPen(QPen(fill, 0));
        fill.setAlpha(40);
        p.setBrush(fill);
        p.drawRect(m_band);
    }
}

void MatrixCanvas::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    invalidatePoints();
}

void MatrixCanvas::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::StyleChange)
        applyStyle();
}

// --- hit tests ----------------------------------------------------------------------------------

MatrixCanvas::Drag MatrixCanvas::lineAt(const QPointF& pos) const {
    const QSizeF s(size());
    if (!m_painter.plotRect(s).adjusted(-kLineGrab, -kLineGrab, kLineGrab, kLineGrab).contains(pos))
        return Drag::None;
    const double lx = m_painter.xToPixel(thresholdX(), s);
    const double ly = m_painter.yToPixel(thresholdY(), s);
    const bool nearX = std::isfinite(lx) && std::abs(pos.x() - (std::floor(lx) + 0.5)) <= kLineGrab;
    const bool nearY = std::isfinite(ly) && std::abs(pos.y() - (std::floor(ly) + 0.5)) <= kLineGrab;
    if (nearX && nearY) return Drag::LineXY;
    if (nearX) return Drag::LineX;
    if (nearY) return Drag::LineY;
    return Drag::None;
}

std::vector<std::int32_t> MatrixCanvas::pointsIn(const QRectF& pixels) const {
    std::vector<std::int32_t> out;
    if (!m_input) return out;
    const QSizeF s(size());
    const auto& v = m_painter.viewport();
    const QPointF a = m_painter.toData(pixels.topLeft(), s);
    const QPointF b = m_painter.toData(pixels.bottomRight(), s);
    const double ax0 = charts::ScatterPainter::toAxis(std::min(a.x(), b.x()), v.xScale);
    const double ax1 = charts::ScatterPainter::toAxis(std::max(a.x(), b.x()), v.xScale);
    const double ay0 = charts::ScatterPainter::toAxis(std::min(a.y(), b.y()), v.yScale);
    const double ay1 = charts::ScatterPainter::toAxis(std::max(a.y(), b.y()), v.yScale);
    const auto& xs = m_input->xs;
    const auto& ys = m_input->ys;
    m_grid->visit(ax0, ax1, ay0, ay1, [&](std::uint32_t i) {
        const double ax = charts::ScatterPainter::toAxis(xs[i], v.xScale);
        const double ay = charts::ScatterPainter::toAxis(ys[i], v.yScale);
        if (ax >= ax0 && ax <= ax1 && ay >= ay0 && ay <= ay1) out.push_back(std::int32_t(i));
    });
    std::sort(out.begin(), out.end());
    return out;
}

int MatrixCanvas::pointAt(const QPointF& pos) const {
    if (!m_input || !m_painter.plotRect(QSizeF(size())).contains(pos)) return -1;
    const QRectF near(pos.x() - kPointGrab, pos.y() - kPointGrab, 2 * kPointGrab, 2 * kPointGrab);
    int best = -1;
    double bestDistance = kPointGrab * kPointGrab;
    for (std::int32_t i : pointsIn(near)) {
        const QPointF p = toPixel(m_input->xs[i], m_input->ys[i]);
        const double d =
            (p.x() - pos.x()) * (p.x() - pos.x()) + (p.y() - pos.y()) * (p.y() - pos.y());
        if (d <= bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

void MatrixCanvas::hover(const QPointF& pos, const QPointF& globalPos) {
    const int index = pointAt(pos);
    if (index == m_hovered) return;
    m_hovered = index;
    emit pointHovered(index);
    if (index < 0) {
        QToolTip::hideText();
        return;
    }
    const auto& in = *m_input;
    // Labels and field values are data (a customer may be called "<b>x</b>&"): every piece is
    // escaped and the tooltip is rich text, so Qt never guesses the format from the data.
    QStringList lines;
    if (std::size_t(index) < in.labels.size() && !in.labels[std::size_t(index)].empty())
        lines << QStringLiteral("<b>%1</b>").arg(QString::fromStdString(in.labels[std::size_t(index)]).toHtmlEscaped());
    auto title = [](const QString& set, const std::string& spec, const char* fallback) {
        if (!set.isEmpty()) return set;
        return spec.empty() ? QString::fromLatin1(fallback) : QString::fromStdString(spec);
    };
    const QString xTitle = title(m_painter.xTitle(), in.x.label, "x");
    const QString yTitle = title(m_painter.yTitle(), in.y.label, "y");
    lines << (xTitle + QStringLiteral(": ") + formatValue(in.xs[index])).toHtmlEscaped()
          << (yTitle + QStringLiteral(": ") + formatValue(in.ys[index])).toHtmlEscaped();
    if (m_tooltipExtra) {
        const QString extra = m_tooltipExtra(index);
        if (!extra.isEmpty())
            for (const auto& line : extra.split(QLatin1Char('\n'))) lines << line.toHtmlEscaped();
    }
    QToolTip::showText(globalPos.toPoint(), QStringLiteral("<qt>%1</qt>").arg(lines.join(QStringLiteral("<br>"))), this);
}

void MatrixCanvas::updateCursor(const QPointF& pos) {
    switch (m_compact ? Drag::None : lineAt(pos)) {
        case Drag::LineX:
            setCursor(Qt::SplitHCursor);
            break;
        case Drag::LineY:
            setCursor(Qt::SplitVCursor);
            break;
        case Drag::LineXY:
            setCursor(Qt::SizeAllCursor);
            break;
        default:
            m_compact ? setCursor(Qt::PointingHandCursor) : unsetCursor();
            break;
    }
}

// --- interaction --------------------------------------------------------------------------------

void MatrixCanvas::zoom(const QPointF& pos, double factor) {
    auto v = m_painter.viewport();
    const QPointF centre = toData(pos);
    auto scaleAxis = [factor](double lo, double hi, double c, charts::AxisScale s, double& outLo,
                              double& outHi) {
        const double a0 = charts::ScatterPainter::toAxis(lo, s), a1 = charts::ScatterPainter::toAxis(hi, s);
        const double ac = charts::ScatterPainter::toAxis(c, s);
        outLo = charts::ScatterPainter::fromAxis(ac + (a0 - ac) / factor, s);
        outHi = charts::ScatterPainter::fromAxis(ac + (a1 - ac) / factor, s);
    };
    scaleAxis(v.xMin, v.xMax, centre.x(), v.xScale, v.xMin, v.xMax);
    scaleAxis(v.yMin, v.yMax, centre.y(), v.yScale, v.yMin, v.yMax);
    if (!(v.xMax > v.xMin && v.yMax > v.yMin)) return;  // zoomed past double precision
    m_painter.setViewport(v);
    m_atHome = false;
    invalidatePoints();
}

void MatrixCanvas::mousePressEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    m_pressPos = pos;
    m_pressViewport = m_painter.viewport();
    m_pressThresholdX = thresholdX();
    m_pressThresholdY = thresholdY();
    m_band = QRectF();
    if (m_compact) {
        m_drag = event->button() == Qt::LeftButton ? Drag::Click : Drag::None;
    } else if (event->button() == Qt::LeftButton) {
        const Drag line = lineAt(pos);
        m_drag = line != Drag::None ? line : Drag::Band;
    } else if (event->button() == Qt::RightButton || event->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void MatrixCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    const QPointF value = toData(pos);
    switch (m_drag) {
        case Drag::LineX:
        case Drag::LineY:
        case Drag::LineXY: {
            const double x = m_drag == Drag::LineY ? m_pressThresholdX : value.x();
            const double y = m_drag == Drag::LineX ? m_pressThresholdY : value.y();
            m_painter.setThresholds(x, y);
            update();
            emit thresholdDragged(x, y);
            break;
        }
        case Drag::Band:
            m_band = QRectF(m_pressPos, pos).normalized();
            update();
            break;
        case Drag::Pan: {
            auto v = m_pressViewport;
            const QRectF plot = m_painter.plotRect(QSizeF(size()));
            auto shift = [](double& lo, double& hi, charts::AxisScale s, double pixels, double span) {
                const double a0 = charts::ScatterPainter::toAxis(lo, s), a1 = charts::ScatterPainter::toAxis(hi, s);
                const double d = pixels / span * (a1 - a0);
                lo = charts::ScatterPainter::fromAxis(a0 + d, s);
                hi = charts::ScatterPainter::fromAxis(a1 + d, s);
            };
            shift(v.xMin, v.xMax, v.xScale, m_pressPos.x() - pos.x(), plot.width());
            shift(v.yMin, v.yMax, v.yScale, pos.y() - m_pressPos.y(), plot.height());
            m_painter.setViewport(v);
            m_atHome = false;
            invalidatePoints();
            break;
        }
        case Drag::None:
        case Drag::Click:
            updateCursor(pos);
            hover(pos, event->globalPosition());
            break;
    }
}

void MatrixCanvas::mouseReleaseEvent(QMouseEvent* event) {
    const Drag drag = m_drag;
    m_drag = Drag::None;
    const QPointF pos = event->position();
    switch (drag) {
        case Drag::LineX:
        case Drag::LineY:
        case Drag::LineXY:
            if (thresholdX() != m_pressThresholdX || thresholdY() != m_pressThresholdY ||
                (std::isnan(thresholdX()) != std::isnan(m_pressThresholdX)))
                emit thresholdDropped(m_pressThresholdX, m_pressThresholdY, thresholdX(),
                                      thresholdY());
            break;
        case Drag::Band: {
            const QRectF band = QRectF(m_pressPos, pos).normalized();
            m_band = QRectF();
            update();
            if (band.width() >= kBandMin || band.height() >= kBandMin) {
                emit selectionRequested(pointsIn(band), event->modifiers());
            } else {
                const int index = pointAt(pos);
                emit selectionRequested(
                    index >= 0 ? std::vector<std::int32_t>{index} : std::vector<std::int32_t>{},
                    event->modifiers());
            }
            break;
        }
        case Drag::Pan:
            unsetCursor();
            break;
        case Drag::Click:
            emit activated();
            break;
        case Drag::None:
            break;
    }
    updateCursor(pos);
}

void MatrixCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    if (m_compact) {
        event->ignore();
        return;
    }
    if (event->button() == Qt::LeftButton && lineAt(event->position()) == Drag::None) resetView();
}

void MatrixCanvas::wheelEvent(QWheelEvent* event) {
    if (m_compact || event->angleDelta().y() == 0) {
        event->ignore();
        return;
    }
    zoom(event->position(), std::pow(1.2, event->angleDelta().y() / 120.0));
    event->accept();
}

void MatrixCanvas::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Home && !m_compact) {
        resetView();
        return;
    }
    QWidget::keyPressEvent(event);
}

void MatrixCanvas::leaveEvent(QEvent* event) {
    QWidget::leaveEvent(event);
    if (m_hovered >= 0) {
        m_hovered = -1;
        emit pointHovered(-1);
    }
}

// --- export -------------------------------------------------------------------------------------

QImage MatrixCanvas::renderImage(const QSize& size) const {
    charts::ScatterPainter painter = m_painter;
    return painter.render(size, charts::ScatterPainter::PointPath::Auto);
}

QString MatrixCanvas::exportTo(const QString& path, const QSize& plotSize, const ExportCaption& caption) const {
    return charts::exportMatrix(m_painter, font(), path, plotSize, caption);
}

bool MatrixCanvas::renderSvg(const QString& path, const QSize& size) const {
    return charts::writeSvg(m_painter, font(), path, size);
}

}  // namespace cw::app
