#pragma once
// Draws one indicator over time: the values as a solid line with small dots, the targets as a
// dashed line (two or more) or a single marker (one), "nice" y ticks, period labels under the
// x axis, an optional title, a y-axis title and a small legend. No widget and QPainter primitives
// only (no raster images), so that the window (KpiTrendChart) and PDF reports share it and a
// report prints sharp. Sizes follow the painter's current font on its device.
//
// x is a day number (days since 1970-01-01, e.g. a period's first day).
#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <functional>
#include <limits>
#include <utility>
#include <vector>

class QFontMetricsF;
class QPainter;
class QPalette;

namespace cw::charts {

struct TrendPoint {
    double x = 0;                                              ///< days since 1970-01-01
    double value = std::numeric_limits<double>::quiet_NaN();   ///< NaN: a gap in the line
    double target = std::numeric_limits<double>::quiet_NaN();  ///< NaN: no target here
};

/// A label under the x axis at day `x` (a period's label: "2025-Q1", "2025").
struct TrendTick {
    double x = 0;
    QString label;
};

struct TrendColors {
    QColor background;  ///< invalid: nothing is filled
    QColor text, grid, frame, value, target;

    /// Colours that follow a light or dark palette.
    static TrendColors fromPalette(const QPalette& palette);
    /// Black text, a blue line and an orange target on a white page, for print.
    static TrendColors print();
};

class TrendPainter {
public:
    using Formatter = std::function<QString(double)>;

    void setPoints(std::vector<TrendPoint> points) { m_points = std::move(points); }
    const std::vector<TrendPoint>& points() const { return m_points; }
    void setColors(const TrendColors& colors) { m_colors = colors; }
    const TrendColors& colors() const { return m_colors; }
    /// Bold, above the plot; empty: no title line.
    void setTitle(const QString& title) { m_title = title; }
    /// Rotated, left of the y tick labels; empty: none.
    void setYTitle(const QString& title) { m_yTitle = title; }
    /// The y tick labels; none: ScatterPainter::tickLabel ("1,200", "15k").
    void setValueFormatter(Formatter format) { m_format = std::move(format); }
    /// The x labels; none (the default): month labels ("Jan 2026", or years over long ranges)
    /// computed from the days. Labels that would overlap are thinned to every n-th.
    void setXTicks(std::vector<TrendTick> ticks) { m_xTicks = std::move(ticks); }
    /// The legend's names; the legend shows only when there is a target.
    void setLegendNames(const QString& value, const QString& target);
    /// Shown in the middle when no point has a value or a target.
    void setEmptyText(const QString& text) { m_emptyText = text; }

    // --- what is drawn (tests, and the window's test-facing API) ---------------------------
    /// (x, value) of the points with a value, in order.
    std::vector<QPointF> valuePoints() const;
    /// (x, target) of the points with a target, in order.
    std::vector<QPointF> targetPoints() const;
    /// One target: a marker, not a line.
    bool targetIsMarker() const { return targetPoints().size() == 1; }
    /// The shown x range: the points' days (a month around a single day).
    std::pair<double, double> xRange() const;
    /// The shown y range, widened to whole tick steps: every value and target lies inside.
    std::pair<double, double> yRange(int maxTicks = 6) const;
    /// The y tick values: round steps from yRange().first to .second.
    std::vector<double> yTicks(int maxTicks = 6) const;
    /// The x labels that paint() would consider (before thinning).
    std::vector<TrendTick> xTicks(int maxCount = 12) const;
    /// Month ticks between two days: every 1, 2, 3, 6 or 12 months (or more years), at most
    /// `maxCount`; labelled "Jan 2026", or "2026" when the step is whole years.
    static std::vector<TrendTick> monthTicks(double fromDay, double toDay, int maxCount);
    /// "Jan 2026" for a day (the month it lies in).
    static QString monthLabel(double day);

    /// The plot area inside `rect` for the painter's font metrics.
    QRectF plotRect(const QRectF& rect, const QFontMetricsF& fm) const;
    double xToPixel(double x, const QRectF& plot) const;
    double yToPixel(double y, const QRectF& plot, int maxTicks) const;
    /// How many y ticks fit a plot of this height.
    static int maxYTicks(const QRectF& plot, const QFontMetricsF& fm);

    /// Everything inside `rect`, with the painter's current font.
    void paint(QPainter& painter, const QRectF& rect) const;

private:
    QString yLabel(double v, double step) const;
    double yLabelWidth(const QFontMetricsF& fm) const;
    void paintAxes(QPainter& painter, const QRectF& plot, const QFontMetricsF& fm,
                   int maxTicks) const;
    void paintSeries(QPainter& painter, const QRectF& plot, const QFontMetricsF& fm,
                     int maxTicks) const;
    void paintLegend(QPainter& painter, const QRectF& area, const QFontMetricsF& fm) const;

    std::vector<TrendPoint> m_points;
    TrendColors m_colors = TrendColors::print();
    QString m_title, m_yTitle;
    Formatter m_format;
    std::vector<TrendTick> m_xTicks;
    QString m_valueName = QStringLiteral("value"), m_targetName = QStringLiteral("target");
    QString m_emptyText;
};

}  // namespace cw::charts
