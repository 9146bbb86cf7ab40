#include "charts/ScatterPainter.h"

#include <QLocale>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <array>
#include <optional>
#include <cmath>
#include <thread>

#include "charts/ColorMix.h"

namespace cw::charts {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kMaxRadiusSteps = 64;  // radii in half-pixel steps up to 32 device pixels
constexpr double kLegendHeight = 18.0;

// Qt's BYTE_MUL: all four 8-bit channels of x times a / 255, two channels per multiply.
inline std::uint32_t byteMul(std::uint32_t x, std::uint32_t a) {
    std::uint32_t t = (x & 0xff00ffu) * a;
    t = (t + ((t >> 8) & 0xff00ffu) + 0x800080u) >> 8;
    t &= 0xff00ffu;
    x = ((x >> 8) & 0xff00ffu) * a;
    x = (x + ((x >> 8) & 0xff00ffu) + 0x800080u);
    x &= 0xff00ff00u;
    return x | t;
}

// Source-over of a premultiplied pixel.
inline void blend(std::uint32_t& dst, std::uint32_t src) {
    dst = src + byteMul(dst, 255u - (src >> 24));
}

// A disc of a given radius as pixel offsets around the pixel holding the centre, with the covered
// share of each pixel (4x4 supersampling) so that small discs still look round.
struct Stamp {
    int extent = 0;
    std::vector<int> dx, dy, offset;
    std::vector<std::uint8_t> coverage;
};

Stamp makeStamp(double radius, int stride) {
    Stamp s;
    s.extent = int(std::ceil(radius));
    const double r2 = radius * radius;
    for (int y = -s.extent; y <= s.extent; ++y)
        for (int x = -s.extent; x <= s.extent; ++x) {
            int inside = 0;
            for (int sy = 0; sy < 4; ++sy)
                for (int sx = 0; sx < 4; ++sx) {
                    const double px = x + (sx + 0.5) / 4.0 - 0.5;
                    const double py = y + (sy + 0.5) / 4.0 - 0.5;
                    inside += px * px + py * py <= r2;
                }
            // A sliver adds nothing visible but costs a blend per point.
            if (inside < 3) continue;
            s.dx.push_back(x);
            s.dy.push_back(y);
            s.offset.push_back(y * stride + x);
            s.coverage.push_back(std::uint8_t(inside == 16 ? 255 : inside * 16));
        }
    return s;
}

inline int radiusStep(double deviceRadius) {
    return std::clamp(int(std::lround(deviceRadius * 2.0)), 1, kMaxRadiusSteps);
}

std::uint32_t premultiplied(const QColor& c, double opacity) {
    const auto a = std::uint32_t(std::lround(std::clamp(c.alphaF() * opacity, 0.0, 1.0) * 255));
    const std::uint32_t argb = (255u << 24) | (std::uint32_t(c.red()) << 16) |
                               (std::uint32_t(c.green()) << 8) | std::uint32_t(c.blue());
    return byteMul(argb, a);
}

}  // namespace

ScatterColors ScatterColors::fromPalette(const QPalette& palette) {
    ScatterColors c;
    c.background = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    const bool dark = c.background.lightness() < 128;
    c.grid = mix(c.background, c.text, 0.12);
    c.frame = mix(c.background, c.text, 0.35);
    c.point = dark ? QColor(0x6b, 0xae, 0xd6) : QColor(0x1f, 0x77, 0xb4);
    // Outside every quadrant and category colour (orange was the butterflies' colour): the
    // near-black (the lightened dark-theme palette leaves only dark colours far from all of
    // them), drawn a pixel larger than the point.
    c.selection = dark ? QColor(0x00, 0x00, 0x00) : QColor(0x16, 0x16, 0x16);
    c.threshold = mix(c.background, c.text, 0.8);
    c.quadrantText = mix(c.background, c.text, 0.55);
    c.uncoded = mix(c.background, c.text, 0.22);
    return c;
}

void ScatterPainter::setPoints(std::span<const double> xs, std::span<const double> ys) {
    m_xd = xs.data();
    m_yd = ys.data();
    m_xf = m_yf = nullptr;
    m_count = std::min(xs.size(), ys.size());
}

void ScatterPainter::setPoints(std::span<const float> xs, std::span<const float> ys) {
    m_xf = xs.data();
    m_yf = ys.data();
    m_xd = m_yd = nullptr;
    m_count = std::min(xs.size(), ys.size());
}

void ScatterPainter::setColorCodes(std::span<const std::int32_t> codes, std::vector<QColor> palette,
                                   QStringList names) {
    m_codes = codes;
    m_palette = std::move(palette);
    m_names = std::move(names);
}

void ScatterPainter::setRadii(std::span<const float> radii) {
    m_radii = radii;
}

void ScatterPainter::setSelection(std::span<const std::uint8_t> selected) {
    m_selected = selected;
}

void ScatterPainter::setAxisTitles(const QString& x, const QString& y) {
    m_xTitle = x;
    m_yTitle = y;
}

void ScatterPainter::setThresholds(double x, double y) {
    m_thresholdX = x;
    m_thresholdY = y;
}

bool ScatterPainter::legendShown() const {
    return m_showAxes && !m_names.isEmpty() && !m_palette.empty();
}

// --- mapping ------------------------------------------------------------------------------------

AxisScale automaticScale(bool money, const std::vector<double>& values) {
    if (!money) return AxisScale::Linear;
    std::vector<double> magnitudes;
    magnitudes.reserve(values.size());
    for (double v : values)
        if (std::isfinite(v)) magnitudes.push_back(std::abs(v));
    if (magnitudes.size() < 10) return AxisScale::Linear;
    auto mid = magnitudes.begin() + std::ptrdiff_t(magnitudes.size() / 2);
    std::nth_element(magnitudes.begin(), mid, magnitudes.end());
    const double median = *mid;
    const double largest = *std::max_element(mid, magnitudes.end());
    return largest > 20.0 * std::max(median, 1.0) ? AxisScale::SymLog : AxisScale::Linear;
}

double ScatterPainter::toAxis(double value, AxisScale scale) {
    switch (scale) {
        case AxisScale::Linear: return value;
        case AxisScale::Log10: return value > 0.0 ? std::log10(value) : kNaN;
        case AxisScale::SymLog: return std::copysign(std::log10(1.0 + std::abs(value)), value);
    }
    return value;
}

double ScatterPainter::fromAxis(double axisValue, AxisScale scale) {
    switch (scale) {
        case AxisScale::Linear: return axisValue;
        case AxisScale::Log10: return std::pow(10.0, axisValue);
        case AxisScale::SymLog: return std::copysign(std::pow(10.0, std::abs(axisValue)) - 1.0, axisValue);
    }
    return axisValue;
}

QRectF ScatterPainter::plotRect(const QSizeF& size) const {
    const QMarginsF& m = m_viewport.margins;
    const double legend = legendShown() ? kLegendHeight : 0.0;
    return QRectF(m.left(), m.top(), std::max(1.0, size.width() - m.left() - m.right()),
                  std::max(1.0, size.height() - m.top() - m.bottom() - legend));
}

double ScatterPainter::xToPixel(double x, const QSizeF& size) const {
    const QRectF r = plotRect(size);
    const double a0 = toAxis(m_viewport.xMin, m_viewport.xScale);
    const double a1 = toAxis(m_viewport.xMax, m_viewport.xScale);
    return r.left() + (toAxis(x, m_viewport.xScale) - a0) / (a1 - a0) * r.width();
}

double ScatterPainter::yToPixel(double y, const QSizeF& size) const {
    const QRectF r = plotRect(size);
    const double a0 = toAxis(m_viewport.yMin, m_viewport.yScale);
    const double a1 = toAxis(m_viewport.yMax, m_viewport.yScale);
    return r.top() + (a1 - toAxis(y, m_viewport.yScale)) / (a1 - a0) * r.height();
}

QPointF ScatterPainter::toPixel(double x, double y, const QSizeF& size) const {
    return {xToPixel(x, size), yToPixel(y, size)};
}

QPointF ScatterPainter::toData(const QPointF& pixel, const QSizeF& size) const {
    const QRectF r = plotRect(size);
    const double x0 = toAxis(m_viewport.xMin, m_viewport.xScale);
    const double x1 = toAxis(m_viewport.xMax, m_viewport.xScale);
    const double y0 = toAxis(m_viewport.yMin, m_viewport.yScale);
    const double y1 = toAxis(m_viewport.yMax, m_viewport.yScale);
    const double ax = x0 + (pixel.x() - r.left()) / r.width() * (x1 - x0);
    const double ay = y1 - (pixel.y() - r.top()) / r.height() * (y1 - y0);
    return {fromAxis(ax, m_viewport.xScale), fromAxis(ay, m_viewport.yScale)};
}

// --- points -------------------------------------------------------------------------------------

QColor ScatterPainter::pointColor(std::size_t i, PointLayer layer) const {
    if (layer == PointLayer::SelectedOnly) return m_colors.selection;
    if (i < m_codes.size()) {
        const std::int32_t code = m_codes[i];
        if (code >= 0 && std::size_t(code) < m_palette.size()) return m_palette[code];
        if (m_colors.uncoded.isValid()) return m_colors.uncoded;
    }
    return m_colors.point;
}

void ScatterPainter::paintPoints(QImage& image, PointLayer layer) const {
    if (image.format() != QImage::Format_ARGB32_Premultiplied || m_count == 0) return;
    if (image.width() > 30000 || image.height() > 30000) return;  // 16-bit pixel positions
    if (m_xd)
        rasterPoints(m_xd, m_yd, image, layer);
    else
        rasterPoints(m_xf, m_yf, image, layer);
}

template <typename T>
void ScatterPainter::rasterPoints(const T* xs, const T* ys, QImage& image, PointLayer layer) const {
    const bool selectedOnly = layer == PointLayer::SelectedOnly;
    if (selectedOnly && m_selected.empty()) return;
    const double dpr = image.devicePixelRatio();
    const QSizeF logical = image.deviceIndependentSize();
    const QRectF plot = plotRect(logical);
    // Device-pixel clip: points never spill over the axes.
    const int cx0 = std::max(0, int(std::ceil(plot.left() * dpr)));
    const int cy0 = std::max(0, int(std::ceil(plot.top() * dpr)));
    const int cx1 = std::min(image.width(), int(std::floor(plot.right() * dpr)));
    const int cy1 = std::min(image.height(), int(std::floor(plot.bottom() * dpr)));
    if (cx1 <= cx0 || cy1 <= cy0) return;

    const AxisScale xs_ = m_viewport.xScale, ys_ = m_viewport.yScale;
    const bool logX = xs_ != AxisScale::Linear, logY = ys_ != AxisScale::Linear;
    const double ax0 = toAxis(m_viewport.xMin, xs_), ax1 = toAxis(m_viewport.xMax, xs_);
    const double ay0 = toAxis(m_viewport.yMin, ys_), ay1 = toAxis(m_viewport.yMax, ys_);
    const double sx = plot.width() * dpr / (ax1 - ax0);
    const double sy = plot.height() * dpr / (ay1 - ay0);
    const double ox = plot.left() * dpr - ax0 * sx;
    const double oy = plot.top() * dpr + ay1 * sy;

    const int stride = int(image.bytesPerLine() / 4);
    auto* bits = reinterpret_cast<std::uint32_t*>(image.bits());

    // Stamps per radius step and their premultiplied pixels per colour, made when first needed.
    const int colorCount = selectedOnly ? 1 : int(m_palette.size()) + 1;
    std::vector<Stamp> stamps(kMaxRadiusSteps + 1);
    std::vector<std::vector<std::uint32_t>> pixels(std::size_t(colorCount) * (kMaxRadiusSteps + 1));
    std::vector<std::uint32_t> colorValue(colorCount);
    for (int c = 0; c < colorCount; ++c) {
        const QColor color = selectedOnly                ? m_colors.selection
                             : c < int(m_palette.size()) ? m_palette[c]
                             : !m_codes.empty() && m_colors.uncoded.isValid() ? m_colors.uncoded
                                                                               : m_colors.point;
        colorValue[c] = premultiplied(color, selectedOnly ? 1.0 : m_colors.pointOpacity);
    }
    const double grow = selectedOnly ? 1.0 : 0.0;  // selected points get a visible rim
    const int fixedStep = radiusStep((m_radius + grow) * dpr);
    const bool perPointRadius = m_radii.size() >= m_count;
    const bool perPointColor = !selectedOnly && m_codes.size() >= m_count;
    const bool hasSelection = m_selected.size() >= m_count;
    const int defaultColor = selectedOnly ? 0 : int(m_palette.size());

    // Pass 1 maps the points to pixels and bins them by 64 x 64 tile; pass 2 blends tile by tile.
    // Blending in point order would touch the image at random and miss the cache on almost every
    // pixel of a million points; a tile's pixels stay in L1 while its points are drawn.
    struct Hit {
        std::int16_t ix, iy;  // the image is at most 30000 pixels wide and high (checked above)
        std::uint16_t color, step;
    };
    constexpr int kTileShift = 6;
    const int tilesX = ((image.width() - 1) >> kTileShift) + 1;
    const int tilesY = ((image.height() - 1) >> kTileShift) + 1;
    auto tileOf = [&](const Hit& h) {
        return std::size_t(std::clamp(h.iy >> kTileShift, 0, tilesY - 1) * tilesX +
                           std::clamp(h.ix >> kTileShift, 0, tilesX - 1));
    };
    // Scratch kept per thread: fresh buffers of megabytes would cost page faults on every paint.
    thread_local std::vector<Hit> hits, sorted;
    hits.clear();
    hits.reserve(selectedOnly ? 1024 : m_count);
    std::vector<std::uint32_t> tileStart(std::size_t(tilesX) * tilesY + 1, 0);
    std::vector<std::uint8_t> used(pixels.size(), 0);
    for (std::size_t i = 0; i < m_count; ++i) {
        if (selectedOnly && (!hasSelection || !m_selected[i])) continue;
        const double ax = logX ? toAxis(double(xs[i]), xs_) : double(xs[i]);
        const double ay = logY ? toAxis(double(ys[i]), ys_) : double(ys[i]);
        const double px = ox + ax * sx;
        const double py = oy - ay * sy;
        // NaN fails both comparisons, so missing values drop out here.
        if (!(px >= cx0 - 40 && px < cx1 + 40 && py >= cy0 - 40 && py < cy1 + 40)) continue;
        const int step = perPointRadius ? radiusStep((m_radii[i] + grow) * dpr) : fixedStep;
        int color = defaultColor;
        if (perPointColor) {
            const std::int32_t code = m_codes[i];
            if (code >= 0 && code < colorCount - 1) color = code;
        }
        // floor() by truncating a positive value: px, py >= -40 here, and std::floor is a
        // library call on baseline x86-64.
        const Hit h{std::int16_t(int(px + 64.0) - 64), std::int16_t(int(py + 64.0) - 64),
                    std::uint16_t(color), std::uint16_t(step)};
        hits.push_back(h);
        ++tileStart[tileOf(h) + 1];
        used[std::size_t(color) * (kMaxRadiusSteps + 1) + step] = 1;
    }
    for (std::size_t t = 1; t < tileStart.size(); ++t) tileStart[t] += tileStart[t - 1];
    // The records themselves are moved (not indexes to them) so the drawing pass reads in order.
    sorted.resize(hits.size());
    {
        std::vector<std::uint32_t> fill(tileStart.begin(), tileStart.end() - 1);
        for (const Hit& h : hits) sorted[fill[tileOf(h)]++] = h;
    }
    // Stamps made before drawing, so that the drawing threads only read them.
    for (std::size_t k = 0; k < used.size(); ++k) {
        if (!used[k]) continue;
        const int step = int(k % (kMaxRadiusSteps + 1));
        Stamp& stamp = stamps[step];
        if (stamp.coverage.empty()) stamp = makeStamp(step / 2.0, stride);
        for (std::uint8_t cov : stamp.coverage)
            pixels[k].push_back(byteMul(colorValue[k / (kMaxRadiusSteps + 1)], cov));
    }

    const std::vector<Hit>& drawn = sorted;
    auto drawTileRow = [&](int row) {
        const std::uint32_t end = tileStart[std::size_t(row + 1) * tilesX];
        for (std::uint32_t k = tileStart[std::size_t(row) * tilesX]; k < end; ++k) {
            const Hit& h = drawn[k];
            const Stamp& stamp = stamps[h.step];
            const auto& values = pixels[std::size_t(h.color) * (kMaxRadiusSteps + 1) + h.step];
            const int ix = h.ix, iy = h.iy;
            const int e = stamp.extent;
            const std::size_t n = values.size();
            if (ix - e >= cx0 && ix + e < cx1 && iy - e >= cy0 && iy + e < cy1) {
                std::uint32_t* centre = bits + std::ptrdiff_t(iy) * stride + ix;
                for (std::size_t j = 0; j < n; ++j) blend(centre[stamp.offset[j]], values[j]);
            } else {
                for (std::size_t j = 0; j < n; ++j) {
                    const int x = ix + stamp.dx[j], y = iy + stamp.dy[j];
                    if (x >= cx0 && x < cx1 && y >= cy0 && y < cy1)
                        blend(bits[std::ptrdiff_t(y) * stride + x], values[j]);
                }
            }
        }
    };
    if (sorted.size() < 100000 || std::thread::hardware_concurrency() < 2) {
        for (int row = 0; row < tilesY; ++row) drawTileRow(row);
        return;
    }
    // Two threads on alternate tile rows of one parity at a time: rows of the same parity are a
    // tile (64 px) apart and a stamp reaches at most 32 px, so no pixel is written by both.
    for (int parity = 0; parity < 2; ++parity) {
        std::thread helper([&] {
            for (int row = parity + 2; row < tilesY; row += 4) drawTileRow(row);
        });
        for (int row = parity; row < tilesY; row += 4) drawTileRow(row);
        helper.join();
    }
}

void ScatterPainter::paintPoints(QPainter& painter, const QSizeF& size, PointLayer layer) const {
    if (m_count == 0) return;
    if (m_xd)
        vectorPoints(m_xd, m_yd, painter, size, layer);
    else
        vectorPoints(m_xf, m_yf, painter, size, layer);
}

template <typename T>
void ScatterPainter::vectorPoints(const T* xs, const T* ys, QPainter& painter, const QSizeF& size,
                                  PointLayer layer) const {
    const bool selectedOnly = layer == PointLayer::SelectedOnly;
    if (selectedOnly && m_selected.size() < m_count) return;
    const QRectF plot = plotRect(size);
    painter.save();
    painter.setClipRect(plot);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    const double opacity = selectedOnly ? 1.0 : m_colors.pointOpacity;
    const double grow = selectedOnly ? 1.0 : 0.0;
    QColor lastColor;
    for (std::size_t i = 0; i < m_count; ++i) {
        if (selectedOnly && !m_selected[i]) continue;
        const QPointF p = toPixel(double(xs[i]), double(ys[i]), size);
        if (!(p.x() >= plot.left() - 40 && p.x() <= plot.right() + 40 && p.y() >= plot.top() - 40 &&
              p.y() <= plot.bottom() + 40))
            continue;
        QColor color = pointColor(i, layer);
        color.setAlphaF(float(color.alphaF() * opacity));
        if (color != lastColor) {
            painter.setBrush(color);
            lastColor = color;
        }
        const double r = (m_radii.size() >= m_count ? m_radii[i] : m_radius) + grow;
        // Centred on the pixel centre, as the raster path does.
        painter.drawEllipse(QPointF(std::floor(p.x()) + 0.5, std::floor(p.y()) + 0.5), r, r);
    }
    painter.restore();
}

// --- decoration ---------------------------------------------------------------------------------

void ScatterPainter::paintFrame(QPainter& painter, const QSizeF& size) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(QRectF(QPointF(0, 0), size), m_colors.background);
    const QRectF plot = plotRect(size);
    if (m_showAxes) {
        painter.setPen(QPen(m_colors.grid, 0));
        for (double t : ticks(m_viewport.xMin, m_viewport.xMax, m_viewport.xScale)) {
            const double x = std::floor(xToPixel(t, size)) + 0.5;
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
        for (double t : ticks(m_viewport.yMin, m_viewport.yMax, m_viewport.yScale)) {
            const double y = std::floor(yToPixel(t, size)) + 0.5;
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        }
    }
    painter.setPen(QPen(m_colors.frame, 0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot.adjusted(-0.5, -0.5, -0.5, -0.5));
    painter.restore();
}

void ScatterPainter::paintAxes(QPainter& painter, const QSizeF& size) const {
    if (!m_showAxes) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF plot = plotRect(size);
    const QFont base = painter.font();
    const QFontMetricsF fm(base);
    const double lineH = fm.height();

    auto drawTicks = [&](bool horizontal) {
        const auto scale = horizontal ? m_viewport.xScale : m_viewport.yScale;
        const double lo = horizontal ? m_viewport.xMin : m_viewport.yMin;
        const double hi = horizontal ? m_viewport.xMax : m_viewport.yMax;
        const auto values = ticks(lo, hi, scale);
        const bool percent = horizontal ? m_percentX : m_percentY;
        const QStringList labels = tickLabels(values, scale, percent);
        for (std::size_t k = 0; k < values.size(); ++k) {
            const double t = values[k];
            const QString& label = labels[qsizetype(k)];
            painter.setPen(QPen(m_colors.frame, 0));
            if (horizontal) {
                const double x = std::floor(xToPixel(t, size)) + 0.5;
                painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4));
                painter.setPen(m_colors.text);
                const double w = fm.horizontalAdvance(label);
                painter.drawText(QRectF(x - w / 2 - 2, plot.bottom() + 5, w + 4, lineH),
                                 Qt::AlignCenter, label);
            } else {
                const double y = std::floor(yToPixel(t, size)) + 0.5;
                painter.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.left(), y));
                painter.setPen(m_colors.text);
                painter.drawText(QRectF(0, y - lineH / 2, plot.left() - 6, lineH),
                                 Qt::AlignRight | Qt::AlignVCenter, label);
            }
        }
    };
    drawTicks(true);
    drawTicks(false);

    painter.setPen(m_colors.text);
    QFont bold = painter.font();
    bold.setBold(true);
    painter.setFont(bold);
    if (!m_xTitle.isEmpty())
        painter.drawText(QRectF(plot.left(), plot.bottom() + 5 + lineH, plot.width(), lineH + 2),
                         Qt::AlignCenter, m_xTitle);
    if (!m_yTitle.isEmpty()) {
        painter.save();
        painter.translate(2, plot.center().y());
        painter.rotate(-90);
        painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), lineH + 2), Qt::AlignCenter,
                         m_yTitle);
        painter.restore();
    }

    if (legendShown()) {
        painter.setFont(base);
        painter.setRenderHint(QPainter::Antialiasing, true);
        double x = plot.left();
        const double y = size.height() - kLegendHeight / 2 - 2;
        for (int i = 0; i < m_names.size() && i < int(m_palette.size()); ++i) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(m_palette[std::size_t(i)]);
            painter.drawEllipse(QPointF(x + 5, y), 4, 4);
            painter.setPen(m_colors.text);
            const double w = fm.horizontalAdvance(m_names[i]);
            painter.drawText(QRectF(x + 12, y - lineH / 2, w + 2, lineH), Qt::AlignVCenter,
                             m_names[i]);
            x += 12 + w + 14;
            if (x > size.width() - 20) break;
        }
    }
    painter.restore();
}

void ScatterPainter::paintThresholds(QPainter& painter, const QSizeF& size) const {
    const QRectF plot = plotRect(size);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setClipRect(plot);
    painter.setPen(QPen(m_colors.threshold, 0));
    if (std::isfinite(m_thresholdX)) {
        const double x = xToPixel(m_thresholdX, size);
        // The line covers the pixel column the value maps to, as a point there would.
        if (std::isfinite(x))
            painter.drawLine(QPointF(std::floor(x) + 0.5, plot.top()),
                             QPointF(std::floor(x) + 0.5, plot.bottom()));
    }
    if (std::isfinite(m_thresholdY)) {
        const double y = yToPixel(m_thresholdY, size);
        if (std::isfinite(y))
            painter.drawLine(QPointF(plot.left(), std::floor(y) + 0.5),
                             QPointF(plot.right(), std::floor(y) + 0.5));
    }
    painter.restore();
}

void ScatterPainter::paintQuadrantTexts(QPainter& painter, const QSizeF& size) const {
    const QRectF inner = plotRect(size).adjusted(6, 4, -6, -4);
    static constexpr Qt::Alignment kCorner[4] = {
        Qt::AlignTop | Qt::AlignRight, Qt::AlignBottom | Qt::AlignRight,
        Qt::AlignTop | Qt::AlignLeft, Qt::AlignBottom | Qt::AlignLeft};
    painter.save();
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    // On a light plate in the background colour, so points and lines under a caption never make
    // it unreadable ("revenue 7●.6 %"); the plate hides the points under it, which the tooltip and
    // the quadrant table still give.
    QColor plate = m_colors.background;
    plate.setAlpha(215);
    for (int q = 0; q < 4; ++q) {
        if (m_quadrantTexts[q].isEmpty()) continue;
        const QRectF box = painter.boundingRect(inner, int(kCorner[q]), m_quadrantTexts[q]).adjusted(-3, -1, 3, 1);
        painter.setPen(Qt::NoPen);
        painter.setBrush(plate);
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(m_colors.quadrantText);
        painter.drawText(inner, int(kCorner[q]), m_quadrantTexts[q]);
    }
    painter.restore();
}

void ScatterPainter::paint(QPainter& painter, const QSizeF& size, PointPath path) const {
    paintFrame(painter, size);
    if (path == PointPath::Auto)
        path = m_count <= kVectorLimit ? PointPath::Vector : PointPath::Raster;
    if (path == PointPath::Vector) {
        paintPoints(painter, size, PointLayer::All);
        paintPoints(painter, size, PointLayer::SelectedOnly);
    } else {
        const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
        QImage layer((size * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
        layer.setDevicePixelRatio(dpr);
        layer.fill(Qt::transparent);
        paintPoints(layer, PointLayer::All);
        paintPoints(layer, PointLayer::SelectedOnly);
        painter.drawImage(QRectF(QPointF(0, 0), size), layer);
    }
    paintAxes(painter, size);
    paintThresholds(painter, size);
    paintQuadrantTexts(painter, size);
    paintPointLabels(painter, size);
}

void ScatterPainter::paintPointLabels(QPainter& painter, const QSizeF& size) const {
    if (m_labels.isEmpty() || m_count > kLabelLimit || !m_xd || !m_yd) return;
    painter.save();
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const QFontMetricsF fm(painter.font());
    const QRectF plot = plotRect(size);
    std::vector<QRectF> taken;  // a label that would cover another is left to the tooltip
    for (std::size_t i = 0; i < m_count && i < std::size_t(m_labels.size()); ++i) {
        const double x = xToPixel(m_xd[i], size), y = yToPixel(m_yd[i], size);
        if (!std::isfinite(x) || !std::isfinite(y) || m_labels[int(i)].isEmpty()) continue;
        const QString text = fm.elidedText(m_labels[int(i)], Qt::ElideRight, 180);
        // Beside the point on the right, else on the left, else above or below on either side:
        // the first place inside the plot that covers no label already drawn.
        const double w = fm.horizontalAdvance(text) + 2, h = fm.height();
        const std::array<QPointF, 8> corners = {
            QPointF(x + 7, y - h / 2),     QPointF(x - 7 - w, y - h / 2), QPointF(x + 5, y - h - 2),
            QPointF(x + 5, y + 2),         QPointF(x - 5 - w, y - h - 2), QPointF(x - 5 - w, y + 2),
            QPointF(x - w / 2, y - h - 6), QPointF(x - w / 2, y + 6)};
        std::optional<QRectF> placed;
        // Inside the plot first; a point near the edge of a small plot may still be named outside it.
        for (const bool inside : {true, false})
            for (const auto& c : corners) {
                const QRectF box(c, QSizeF(w, h));
                if (placed || (inside && !plot.contains(box))) continue;
                if (std::none_of(taken.begin(), taken.end(), [&](const QRectF& t) { return t.intersects(box); }))
                    placed = box;
            }
        if (!placed) continue;  // a label that would cover another is left to the tooltip
        const QRectF box = *placed;
        taken.push_back(box);
        // A halo in the background colour keeps the name legible over lines and points.
        painter.setPen(m_colors.background);
        for (const QPointF d : {QPointF(-1, 0), QPointF(1, 0), QPointF(0, -1), QPointF(0, 1)})
            painter.drawText(box.translated(d), Qt::AlignLeft | Qt::AlignVCenter, text);
        painter.setPen(m_colors.text);
        painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, text);
    }
    painter.restore();
}

QImage ScatterPainter::render(const QSize& size, PointPath path, qreal dpr) const {
    QImage image(size * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(m_colors.background);
    QPainter painter(&image);
    paint(painter, QSizeF(size), path);
    return image;
}

// --- helpers ------------------------------------------------------------------------------------

std::vector<double> ScatterPainter::ticks(double min, double max, AxisScale scale, int maxCount) {
    std::vector<double> out;
    if (!(std::isfinite(min) && std::isfinite(max)) || max <= min || maxCount < 2) return out;
    if (scale == AxisScale::Log10 && min > 0.0 && std::log10(max) - std::log10(min) >= 1.0) {
        const int first = int(std::ceil(std::log10(min) - 1e-9));
        const int last = int(std::floor(std::log10(max) + 1e-9));
        const int decades = last - first + 1;
        const int every = std::max(1, (decades + maxCount - 1) / maxCount);
        for (int k = first; k <= last; k += every) {
            const double decade = std::pow(10.0, k);
            out.push_back(decade);
            // Few decades: 2 and 5 between them keep the axis readable.
            if (decades <= 3)
                for (double m : {2.0, 5.0})
                    if (decade * m <= max * (1 + 1e-9)) out.push_back(decade * m);
        }
        if (decades <= 3) {
            const double below = std::pow(10.0, first - 1);
            for (double m : {2.0, 5.0})
                if (below * m >= min * (1 - 1e-9)) out.push_back(below * m);
        }
        std::sort(out.begin(), out.end());
        return out;
    }
    if (scale == AxisScale::SymLog) {
        // 0 and ±10^k (k >= 0) inside the range, every n-th decade when there are too many.
        const double axisSpan = toAxis(max, scale) - toAxis(min, scale);
        if (axisSpan >= 1.0) {
            const int top = int(std::floor(std::log10(std::max({std::abs(min), std::abs(max), 1.0})) + 1e-9));
            const int every = std::max(1, int(std::ceil(axisSpan / std::max(1, maxCount - 1))));
            if (min <= 0.0 && max >= 0.0) out.push_back(0.0);
            for (int k = 0; k <= top; k += every)
                for (double sign : {-1.0, 1.0}) {
                    const double v = sign * std::pow(10.0, k);
                    if (v >= min - 1e-9 * std::abs(min) && v <= max + 1e-9 * std::abs(max)) out.push_back(v);
                }
            std::sort(out.begin(), out.end());
            return out;
        }
        // Less than a decade: near zero the axis is almost linear, so are its ticks.
    }
    const double rough = (max - min) / maxCount;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double norm = rough / magnitude;
    const double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
    for (double v = std::ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step)
        out.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    return out;
}

QStringList ScatterPainter::tickLabels(const std::vector<double>& values, AxisScale scale, bool percent) {
    // One style per axis: never "1,000" beside "10k". A linear axis takes its suffix from its
    // largest tick and its decimals from its step; a log axis (decades) writes every tick of
    // 1,000 or more with k or M and each to its own precision.
    const QLocale locale;
    const double factor = percent ? 100.0 : 1.0;
    const QString unit = percent ? QStringLiteral(" %") : QString();
    QStringList out;
    if (values.empty()) return out;
    auto decimalsFor = [](double step) {
        int d = 0;
        while (d < 6 && step > 0 && std::abs(step * std::pow(10.0, d) - std::round(step * std::pow(10.0, d))) > 1e-6) ++d;
        return d;
    };
    if (scale == AxisScale::Linear || percent) {
        double largest = 0.0;
        for (double v : values) largest = std::max(largest, std::abs(v * factor));
        const double step = values.size() > 1 ? std::abs(values[1] - values[0]) * factor : std::max(largest, 1.0);
        double divisor = 1.0;
        QString suffix;
        if (largest >= 1e6 && step >= 1e5) {
            divisor = 1e6;
            suffix = QStringLiteral("M");
        } else if (largest >= 1e4 && step >= 1e3) {
            divisor = 1e3;
            suffix = QStringLiteral("k");
        }
        const int decimals = decimalsFor(step / divisor);
        for (double v : values)
            out << (v == 0.0 ? QStringLiteral("0") : locale.toString(v * factor / divisor, 'f', decimals) + suffix) + unit;
        return out;
    }
    for (double v : values) {
        const double a = std::abs(v);
        const double divisor = a >= 1e6 ? 1e6 : a >= 1e3 ? 1e3 : 1.0;
        const QString suffix = a >= 1e6 ? QStringLiteral("M") : a >= 1e3 ? QStringLiteral("k") : QString();
        out << locale.toString(v / divisor, 'f', decimalsFor(a / divisor)) + suffix + unit;
    }
    return out;
}

QString ScatterPainter::tickLabel(double value, double step) {
    const QLocale locale;
    step = std::abs(step);
    double shown = value, shownStep = step;
    QString suffix;
    if (std::abs(value) >= 1e6 && step >= 1e5) {
        shown = value / 1e6;
        shownStep = step / 1e6;
        suffix = QStringLiteral("M");
    } else if (std::abs(value) >= 1e4 && step >= 1e3) {
        shown = value / 1e3;
        shownStep = step / 1e3;
        suffix = QStringLiteral("k");
    }
    int decimals = 0;
    while (decimals < 6 && shownStep > 0 &&
           std::abs(shownStep * std::pow(10.0, decimals) -
                    std::round(shownStep * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    return locale.toString(shown, 'f', decimals) + suffix;
}

std::vector<QColor> ScatterPainter::categoryPalette(int count, bool dark) {
    // Tableau 10: distinct, and readable on light and (lightened) dark backgrounds.
    static const QRgb kBase[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    std::vector<QColor> out;
    out.reserve(std::size_t(std::max(0, count)));
    for (int i = 0; i < count; ++i) {
        QColor c = i < 10 ? QColor(kBase[i])
                          : QColor::fromHsvF(float(std::fmod(i * 0.618034, 1.0)), 0.55f, 0.8f);
        out.push_back(dark ? c.lighter(125) : c);
    }
    return out;
}

std::vector<float> ScatterPainter::radiiFor(std::span<const double> values, float minRadius,
                                            float maxRadius) {
    double top = 0.0;
    for (double v : values)
        if (std::isfinite(v) && v > top) top = v;
    std::vector<float> out(values.size(), minRadius);
    if (top <= 0.0) return out;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (std::isfinite(values[i]) && values[i] > 0.0)
            out[i] = minRadius + (maxRadius - minRadius) * float(std::sqrt(values[i] / top));
    return out;
}

}  // namespace cw::charts
