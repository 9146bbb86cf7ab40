#pragma once
// Draws a scatter plot (a matrix): points, grid, "nice" tick labels, axis titles, threshold lines,
// the four quadrant texts and a legend. No widget: the same painter serves the screen
// (MatrixCanvas), PNG and SVG export and later PDF reports.
//
// Two ways to draw the points: a raster path that writes pixels straight into a QImage
// (ARGB32_Premultiplied; a million points in a few tens of milliseconds) and a vector path with
// QPainter primitives for SVG/PDF and small counts.
//
// The painter does not own the point arrays: the spans given to setPoints(), setColorCodes(),
// setRadii() and setSelection() must outlive every paint call that uses them.
#include <QColor>
#include <QImage>
#include <QMarginsF>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

class QPainter;
class QPalette;

namespace cw::charts {

/// How an axis maps values. SymLog is sign(v)·log10(1 + |v|): linear near zero (|v| < 1, in the
/// axis's units: currency for money), logarithmic beyond, and defined for negatives and zero —
/// for skewed, signed values such as margins, which a log axis cannot show.
enum class AxisScale { Linear, Log10, SymLog };

/// The scale the window (and a report) draws an axis with when the user leaves it to them: money
/// that most customers have little of and a few have a lot (Online Retail: 90 % of the points in
/// the first pixel column of a linear axis) on a symmetric log axis, which also shows zero and
/// losses; everything else linear. Skewed: at least 10 finite values, the largest magnitude above
/// 20 times the median magnitude (or above 20 when that is below 1).
AxisScale automaticScale(bool money, const std::vector<double>& values);

/// Which data rectangle is shown, on which scales, with how much room around the plot area.
struct ScatterViewport {
    double xMin = 0.0, xMax = 1.0;  ///< data units (both > 0 on a log scale)
    double yMin = 0.0, yMax = 1.0;
    AxisScale xScale = AxisScale::Linear;
    AxisScale yScale = AxisScale::Linear;
    QMarginsF margins{60, 12, 16, 44};  ///< left, top, right, bottom, logical pixels
};

struct ScatterColors {
    QColor background, text, grid, frame, point, selection, threshold, quadrantText;
    /// Points without a category while others have one (e.g. outside the group of a small
    /// multiple): neutral, so the coloured ones stand out. Invalid: the same as `point`.
    QColor uncoded;
    double pointOpacity = 0.75;  ///< lower it for dense plots so that overlap shows density

    /// Colours that follow a light or dark palette (Base, Text, Mid, Highlight...).
    static ScatterColors fromPalette(const QPalette& palette);
};

class ScatterPainter {
public:
    enum class PointPath { Auto, Raster, Vector };
    enum class PointLayer { All, SelectedOnly };
    /// Above this count PointPath::Auto rasterises the points (even into SVG/PDF).
    static constexpr std::size_t kVectorLimit = 20000;
    static constexpr float kDefaultRadius = 2.5f;

    // --- content ----------------------------------------------------------------------------
    /// x and y of the same length; NaN (and values <= 0 on a log axis) are not drawn.
    void setPoints(std::span<const double> xs, std::span<const double> ys);
    void setPoints(std::span<const float> xs, std::span<const float> ys);
    /// One code per point indexing `palette`; -1 (or out of range) draws in the default colour.
    /// Empty codes: every point in the default colour. `names` label the legend (may be empty).
    void setColorCodes(std::span<const std::int32_t> codes, std::vector<QColor> palette,
                       QStringList names = {});
    /// Radius per point in logical pixels (empty: all points have pointRadius()).
    void setRadii(std::span<const float> radii);
    /// One flag per point; non-zero points are drawn on top in the selection colour.
    void setSelection(std::span<const std::uint8_t> selected);
    void setPointRadius(float radius) { m_radius = radius; }
    float pointRadius() const { return m_radius; }
    std::size_t pointCount() const { return m_count; }

    // --- decoration -------------------------------------------------------------------------
    void setViewport(const ScatterViewport& viewport) { m_viewport = viewport; }
    const ScatterViewport& viewport() const { return m_viewport; }
    void setColors(const ScatterColors& colors) { m_colors = colors; }
    const ScatterColors& colors() const { return m_colors; }
    void setAxisTitles(const QString& x, const QString& y);
    /// One name per point, drawn beside it when there are at most kLabelLimit points; empty: none.
    void setPointLabels(QStringList labels) { m_labels = std::move(labels); }
    static constexpr std::size_t kLabelLimit = 60;
    /// Axes whose values are fractions (shares): ticks read as percentages.
    void setPercentAxes(bool x, bool y) { m_percentX = x; m_percentY = y; }
    const QString& xTitle() const { return m_xTitle; }
    const QString& yTitle() const { return m_yTitle; }
    /// NaN hides a line.
    void setThresholds(double x, double y);
    double thresholdX() const { return m_thresholdX; }
    double thresholdY() const { return m_thresholdY; }
    /// HH (top right), HL (bottom right), LH (top left), LL (bottom left).
    void setQuadrantTexts(const std::array<QString, 4>& texts) { m_quadrantTexts = texts; }
    /// Without axes no ticks, tick labels, titles or legend are drawn (thumbnails).
    void setShowAxes(bool show) { m_showAxes = show; }
    bool showAxes() const { return m_showAxes; }

    // --- mapping (logical pixels of a target of `size`) -------------------------------------
    QRectF plotRect(const QSizeF& size) const;
    double xToPixel(double x, const QSizeF& size) const;  ///< NaN when x cannot be mapped
    double yToPixel(double y, const QSizeF& size) const;
    QPointF toPixel(double x, double y, const QSizeF& size) const;
    QPointF toData(const QPointF& pixel, const QSizeF& size) const;
    /// An axis value in the space where the axis is linear (log10 for a log axis, NaN for v <= 0;
    /// sign(v)·log10(1 + |v|) for a symmetric log axis).
    static double toAxis(double value, AxisScale scale);
    static double fromAxis(double axisValue, AxisScale scale);

    // --- painting ---------------------------------------------------------------------------
    /// Background, grid and plot frame.
    void paintFrame(QPainter& painter, const QSizeF& size) const;
    /// Raster path: blends the points into `image` (Format_ARGB32_Premultiplied; its device pixel
    /// ratio is honoured), clipped to the plot area.
    void paintPoints(QImage& image, PointLayer layer = PointLayer::All) const;
    /// Vector path: one ellipse per point.
    void paintPoints(QPainter& painter, const QSizeF& size,
                     PointLayer layer = PointLayer::All) const;
    /// Ticks, tick labels, axis titles and the legend (all outside the plot area).
    void paintAxes(QPainter& painter, const QSizeF& size) const;
    void paintThresholds(QPainter& painter, const QSizeF& size) const;
    void paintQuadrantTexts(QPainter& painter, const QSizeF& size) const;
    /// Names beside the points (the attribute matrix), when there are at most kLabelLimit.
    void paintPointLabels(QPainter& painter, const QSizeF& size) const;
    /// Everything, in order.
    void paint(QPainter& painter, const QSizeF& size, PointPath path = PointPath::Auto) const;
    /// Everything into a new image of `size` logical pixels.
    QImage render(const QSize& size, PointPath path = PointPath::Auto, qreal dpr = 1.0) const;

    // --- helpers ----------------------------------------------------------------------------
    /// Round tick values ("1, 2, 5 x 10^k" steps; decades on a log axis; 0 and ±decades on a
    /// symmetric log axis) inside [min, max].
    static std::vector<double> ticks(double min, double max, AxisScale scale, int maxCount = 8);
    /// The labels of an axis's ticks in one style ("0, 5k, 10k, 15k"; "1, 10, 100, 1k, 10k" on a
    /// log axis; percentages with " %").
    static QStringList tickLabels(const std::vector<double>& values, AxisScale scale, bool percent = false);
    /// Short tick label: "0.25", "1,200", "15k", "2.5M".
    static QString tickLabel(double value, double step);
    /// Distinct colours for categories, lighter on a dark background.
    static std::vector<QColor> categoryPalette(int count, bool dark);
    /// Radii growing with the square root of `values` (area ~ value); NaN or <= 0 gets minRadius.
    static std::vector<float> radiiFor(std::span<const double> values, float minRadius,
                                       float maxRadius);

private:
    template <typename T>
    void rasterPoints(const T* xs, const T* ys, QImage& image, PointLayer layer) const;
    template <typename T>
    void vectorPoints(const T* xs, const T* ys, QPainter& painter, const QSizeF& size,
                      PointLayer layer) const;
    QColor pointColor(std::size_t i, PointLayer layer) const;
    bool legendShown() const;

    const double* m_xd = nullptr;
    const double* m_yd = nullptr;
    const float* m_xf = nullptr;
    const float* m_yf = nullptr;
    std::size_t m_count = 0;
    std::span<const std::int32_t> m_codes;
    std::vector<QColor> m_palette;
    QStringList m_names;
    std::span<const float> m_radii;
    std::span<const std::uint8_t> m_selected;
    float m_radius = kDefaultRadius;

    ScatterViewport m_viewport;
    ScatterColors m_colors;
    QString m_xTitle, m_yTitle;
    bool m_percentX = false, m_percentY = false;
    QStringList m_labels;
    double m_thresholdX = std::numeric_limits<double>::quiet_NaN();
    double m_thresholdY = std::numeric_limits<double>::quiet_NaN();
    std::array<QString, 4> m_quadrantTexts;
    bool m_showAxes = true;
};

}  // namespace cw::charts
