#include "charts/TrendPainter.h"

#include <QDate>
#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

#include "charts/ColorMix.h"
#include "charts/ScatterPainter.h"

namespace cw::charts {

namespace {

QDate dateOf(double day) {
    return QDate(1970, 1, 1).addDays(qint64(std::floor(day)));
}
double dayOf(const QDate& d) {
    return double(QDate(1970, 1, 1).daysTo(d));
}

/// Device units of one screen pixel at this font: pen widths and dots scale with the text, so a
/// PDF at 1200 dpi looks like the screen.
double unit(const QFontMetricsF& fm) {
    return std::max(1.0, fm.height() / 16.0);
}

struct YScale {
    double lo = 0, hi = 1, step = 0.2;
};

}  // namespace

TrendColors TrendColors::fromPalette(const QPalette& palette) {
    TrendColors c;
    c.background = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    const bool dark = c.background.lightness() < 128;
    c.grid = mix(c.background, c.text, 0.12);
    c.frame = mix(c.background, c.text, 0.4);
    c.value = dark ? QColor(0x6b, 0xae, 0xd6) : QColor(0x1f, 0x77, 0xb4);
    c.target = dark ? QColor(0xff, 0x98, 0x3d) : QColor(0xe6, 0x51, 0x00);
    return c;
}

TrendColors TrendColors::print() {
    TrendColors c;
    c.background = Qt::white;
    c.text = Qt::black;
    c.grid = QColor(0xe0, 0xe0, 0xe0);
    c.frame = QColor(0x80, 0x80, 0x80);
    c.value = QColor(0x1f, 0x77, 0xb4);
    c.target = QColor(0xe6, 0x51, 0x00);
    return c;
}

void TrendPainter::setLegendNames(const QString& value, const QString& target) {
    m_valueName = value;
    m_targetName = target;
}

std::vector<QPointF> TrendPainter::valuePoints() const {
    std::vector<QPointF> out;
    for (const auto& p : m_points)
        if (std::isfinite(p.value)) out.emplace_back(p.x, p.value);
    return out;
}

std::vector<QPointF> TrendPainter::targetPoints() const {
    std::vector<QPointF> out;
    for (const auto& p : m_points)
        if (std::isfinite(p.target)) out.emplace_back(p.x, p.target);
    return out;
}

std::pair<double, double> TrendPainter::xRange() const {
    if (m_points.empty()) return {0, 1};
    auto [lo, hi] =
        std::minmax_element(m_points.begin(), m_points.end(),
                            [](const TrendPoint& a, const TrendPoint& b) { return a.x < b.x; });
    // One period: a month around it, so that its point stands in the middle.
    if (lo->x == hi->x) return {lo->x - 15, hi->x + 15};
    return {lo->x, hi->x};
}

namespace {

YScale yScaleOf(const std::vector<TrendPoint>& points, int maxTicks) {
    double lo = 0, hi = 0;
    bool any = false;
    for (const auto& p : points)
        for (double v : {p.value, p.target})
            if (std::isfinite(v)) {
                lo = any ? std::min(lo, v) : v;
                hi = any ? std::max(hi, v) : v;
                any = true;
            }
    if (!any) return {};
    if (hi == lo) {
        const double pad = std::max(1.0, std::abs(hi) * 0.1);
        lo -= pad;
        hi += pad;
    }
    const auto t = ScatterPainter::ticks(lo, hi, AxisScale::Linear, std::max(2, maxTicks));
    YScale s;
    s.step = t.size() >= 2 ? t[1] - t[0] : hi - lo;
    // Whole steps around the values: the outer ticks frame every value and target.
    s.lo = std::floor(lo / s.step + 1e-9) * s.step;
    s.hi = std::ceil(hi / s.step - 1e-9) * s.step;
    if (s.hi <= s.lo) s.hi = s.lo + s.step;
    return s;
}

}  // namespace

std::pair<double, double> TrendPainter::yRange(int maxTicks) const {
    const YScale s = yScaleOf(m_points, maxTicks);
    return {s.lo, s.hi};
}

std::vector<double> TrendPainter::yTicks(int maxTicks) const {
    const YScale s = yScaleOf(m_points, maxTicks);
    std::vector<double> out;
    const int n = int(std::lround((s.hi - s.lo) / s.step));
    for (int i = 0; i <= n; ++i) {
        const double v = s.lo + i * s.step;
        out.push_back(std::abs(v) < s.step * 1e-9 ? 0.0 : v);  // no "-0"
    }
    return out;
}

QString TrendPainter::monthLabel(double day) {
    return QLocale().toString(dateOf(day), QStringLiteral("MMM yyyy"));
}

std::vector<TrendTick> TrendPainter::monthTicks(double fromDay, double toDay, int maxCount) {
    std::vector<TrendTick> out;
    if (!(toDay >= fromDay)) return out;
    const QDate from = dateOf(fromDay), to = dateOf(toDay);
    // Months since year 0; the first month starting on or after fromDay.
    int first = from.year() * 12 + from.month() - 1 + (from.day() > 1 ? 1 : 0);
    const int last = to.year() * 12 + to.month() - 1;
    maxCount = std::max(1, maxCount);
    int step = 1;
    for (int s : {1, 2, 3, 6, 12, 24, 60, 120, 240, 600}) {
        step = s;
        const int aligned = (first + s - 1) / s * s;
        if (aligned > last || (last - aligned) / s + 1 <= maxCount) break;
    }
    for (int m = (first + step - 1) / step * step; m <= last; m += step) {
        const QDate d(m / 12, m % 12 + 1, 1);
        out.push_back({dayOf(d), step >= 12 ? QString::number(d.year()) : monthLabel(dayOf(d))});
    }
    return out;
}

std::vector<TrendTick> TrendPainter::xTicks(int maxCount) const {
    const auto [lo, hi] = xRange();
    if (m_xTicks.empty()) return monthTicks(lo, hi, maxCount);
    std::vector<TrendTick> out;
    for (const auto& t : m_xTicks)
        if (t.x >= lo && t.x <= hi) out.push_back(t);
    return out;
}

QString TrendPainter::yLabel(double v, double step) const {
    return m_format ? m_format(v) : ScatterPainter::tickLabel(v, step);
}

int TrendPainter::maxYTicks(const QRectF& plot, const QFontMetricsF& fm) {
    return std::clamp(int(plot.height() / (fm.height() * 1.8)) + 1, 2, 8);
}

double TrendPainter::yLabelWidth(const QFontMetricsF& fm) const {
    // The widest label of the most ticks any plot height allows: the left margin then does not
    // depend on the height, and the labels never overlap the axis.
    double w = 0;
    for (int n : {2, 4, 6, 8}) {
        const YScale s = yScaleOf(m_points, n);
        for (double v : yTicks(n)) w = std::max(w, fm.horizontalAdvance(yLabel(v, s.step)));
    }
    return std::ceil(w);
}

QRectF TrendPainter::plotRect(const QRectF& rect, const QFontMetricsF& fm) const {
    const double h = fm.height();
    const double top = m_title.isEmpty() ? h * 0.6 : h * 1.6;
    const double bottom = h * 1.5 + (targetPoints().empty() ? 0 : h * 1.4);
    const double left =
        (m_yTitle.isEmpty() ? 0 : h * 1.3) + yLabelWidth(fm) + fm.averageCharWidth() + h * 0.3;
    // Room for half of the last x label, which is centred on its tick.
    const double right = fm.horizontalAdvance(QStringLiteral("Mmm 0000")) / 2 + h * 0.2;
    QRectF plot = rect.adjusted(left, top, -right, -bottom);
    if (plot.width() < 1) plot.setWidth(1);
    if (plot.height() < 1) plot.setHeight(1);
    return plot;
}

double TrendPainter::xToPixel(double x, const QRectF& plot) const {
    const auto [lo, hi] = xRange();
    // The first and last dots stay inside the frame.
    const double pad = plot.width() * 0.025;
    const double left = plot.left() + pad, span = std::max(1e-9, plot.width() - 2 * pad);
    return left + (x - lo) / (hi - lo) * span;
}

double TrendPainter::yToPixel(double y, const QRectF& plot, int maxTicks) const {
    const YScale s = yScaleOf(m_points, maxTicks);
    return plot.bottom() - (y - s.lo) / (s.hi - s.lo) * plot.height();
}

void TrendPainter::paintAxes(QPainter& painter, const QRectF& plot, const QFontMetricsF& fm,
                             int maxTicks) const {
    const double u = unit(fm), h = fm.height(), tick = h * 0.3;
    const YScale s = yScaleOf(m_points, maxTicks);
    const auto ys = yTicks(maxTicks);
    for (double v : ys) {
        const double y = yToPixel(v, plot, maxTicks);
        painter.setPen(QPen(m_colors.grid, u));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(m_colors.text);
        const QRectF cell(plot.left() - tick - 2000 * h, y - h / 2, 2000 * h, h);
        painter.drawText(cell, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine,
                         yLabel(v, s.step));
    }
    // x labels: as many as fit side by side, every n-th of the rest.
    auto ticks = xTicks(12);
    double widest = 0;
    for (const auto& t : ticks) widest = std::max(widest, fm.horizontalAdvance(t.label));
    const int fit = std::max(1, int(plot.width() / (widest + h)));
    if (m_xTicks.empty()) {
        ticks = xTicks(fit);
    } else if (int(ticks.size()) > fit) {
        const std::size_t every = (ticks.size() + std::size_t(fit) - 1) / std::size_t(fit);
        std::vector<TrendTick> kept;
        for (std::size_t i = 0; i < ticks.size(); i += every) kept.push_back(ticks[i]);
        ticks = std::move(kept);
    }
    for (const auto& t : ticks) {
        const double x = xToPixel(t.x, plot);
        painter.setPen(QPen(m_colors.frame, u));
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + tick));
        painter.setPen(m_colors.text);
        const double w = fm.horizontalAdvance(t.label) + h;
        painter.drawText(QRectF(x - w / 2, plot.bottom() + tick, w, h),
                         Qt::AlignCenter | Qt::TextSingleLine, t.label);
    }
    painter.setPen(QPen(m_colors.frame, u));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
    if (!m_yTitle.isEmpty()) {
        // Rotated a quarter turn, centred on the plot's height at the left edge.
        painter.save();
        painter.setPen(m_colors.text);
        const double x = plot.left() - tick - yLabelWidth(fm) - fm.averageCharWidth() * 0.5;
        painter.translate(x, plot.center().y());
        painter.rotate(-90);
        painter.drawText(QRectF(-plot.height() / 2, -h * 1.1, plot.height(), h),
                         Qt::AlignCenter | Qt::TextSingleLine, m_yTitle);
        painter.restore();
    }
}

void TrendPainter::paintSeries(QPainter& painter, const QRectF& plot, const QFontMetricsF& fm,
                               int maxTicks) const {
    const double u = unit(fm);
    painter.save();
    painter.setClipRect(plot.adjusted(-6 * u, -6 * u, 6 * u, 6 * u));
    auto at = [&](double x, double y) {
        return QPointF(xToPixel(x, plot), yToPixel(y, plot, maxTicks));
    };
    // Targets under the values: a dashed line through two or more (a gap where one is missing).
    const auto targets = targetPoints();
    if (targets.size() == 1) {
        const QPointF c = at(targets.front().x(), targets.front().y());
        const double r = 4.5 * u;
        painter.setPen(QPen(m_colors.target, u));
        painter.setBrush(m_colors.target);
        painter.drawPolygon(QPolygonF(
            {c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r), c + QPointF(-r, 0)}));
    } else if (targets.size() > 1) {
        QPen pen(m_colors.target, 2 * u, Qt::DashLine);
        pen.setCapStyle(Qt::FlatCap);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        QPolygonF run;
        for (const auto& p : m_points) {
            if (std::isfinite(p.target)) {
                run << at(p.x, p.target);
                continue;
            }
            if (run.size() > 1) painter.drawPolyline(run);
            run.clear();
        }
        if (run.size() > 1) painter.drawPolyline(run);
    }
    // The values: a solid line broken where a value is missing, and a dot on each.
    QPen pen(m_colors.value, 2 * u);
    pen.setJoinStyle(Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    QPolygonF run;
    for (const auto& p : m_points) {
        if (std::isfinite(p.value)) {
            run << at(p.x, p.value);
            continue;
        }
        if (run.size() > 1) painter.drawPolyline(run);
        run.clear();
    }
    if (run.size() > 1) painter.drawPolyline(run);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_colors.value);
    const double r = 2.2 * u;
    for (const auto& v : valuePoints()) painter.drawEllipse(at(v.x(), v.y()), r, r);
    painter.restore();
}

void TrendPainter::paintLegend(QPainter& painter, const QRectF& area,
                               const QFontMetricsF& fm) const {
    const double u = unit(fm), h = fm.height(), sample = h * 1.6, gap = h * 0.4, space = h * 1.2;
    const double total = sample + gap + fm.horizontalAdvance(m_valueName) + space + sample + gap +
                         fm.horizontalAdvance(m_targetName);
    double x = area.center().x() - total / 2;
    const double y = area.center().y();
    painter.setPen(QPen(m_colors.value, 2 * u));
    painter.drawLine(QPointF(x, y), QPointF(x + sample, y));
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_colors.value);
    painter.drawEllipse(QPointF(x + sample / 2, y), 2.2 * u, 2.2 * u);
    x += sample + gap;
    painter.setPen(m_colors.text);
    painter.drawText(QRectF(x, y - h / 2, fm.horizontalAdvance(m_valueName) + u, h),
                     Qt::AlignLeft | Qt::AlignVCenter, m_valueName);
    x += fm.horizontalAdvance(m_valueName) + space;
    if (targetIsMarker()) {
        const QPointF c(x + sample / 2, y);
        const double r = 4.5 * u;
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_colors.target);
        painter.drawPolygon(QPolygonF(
            {c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r), c + QPointF(-r, 0)}));
    } else {
        QPen pen(m_colors.target, 2 * u, Qt::DashLine);
        pen.setCapStyle(Qt::FlatCap);
        painter.setPen(pen);
        painter.drawLine(QPointF(x, y), QPointF(x + sample, y));
    }
    x += sample + gap;
    painter.setPen(m_colors.text);
    painter.drawText(QRectF(x, y - h / 2, fm.horizontalAdvance(m_targetName) + u, h),
                     Qt::AlignLeft | Qt::AlignVCenter, m_targetName);
}

void TrendPainter::paint(QPainter& painter, const QRectF& rect) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetricsF fm(painter.font(), painter.device());
    if (m_colors.background.isValid()) painter.fillRect(rect, m_colors.background);
    if (!m_title.isEmpty()) {
        const QFont normal = painter.font();
        QFont bold = normal;
        bold.setBold(true);
        painter.setFont(bold);
        const QFontMetricsF bm(bold, painter.device());
        painter.setPen(m_colors.text);
        // The title is elided only when it is wider than the whole chart.
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), fm.height() * 1.5),
                         Qt::AlignCenter | Qt::TextSingleLine,
                         bm.elidedText(m_title, Qt::ElideMiddle, rect.width()));
        painter.setFont(normal);
    }
    if (valuePoints().empty() && targetPoints().empty()) {
        painter.setPen(m_colors.text);
        painter.drawText(rect, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
        painter.restore();
        return;
    }
    const QRectF plot = plotRect(rect, fm);
    const int maxTicks = maxYTicks(plot, fm);
    paintAxes(painter, plot, fm, maxTicks);
    paintSeries(painter, plot, fm, maxTicks);
    if (!targetPoints().empty())
        paintLegend(
            painter,
            QRectF(rect.left(), rect.bottom() - fm.height() * 1.4, rect.width(), fm.height() * 1.4),
            fm);
    painter.restore();
}

}  // namespace cw::charts
