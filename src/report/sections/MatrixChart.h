#pragma once
// Draws a matrix in a report with the window's ScatterPainter: the points coloured by quadrant,
// the threshold lines, the quadrant texts, axes scaled as the window scales them. The data is
// copied into a MatrixPlot the chart owns, because the report context (and its matrices) is gone
// when the pages are painted.
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "charts/ScatterPainter.h"
#include "engine/matrix/MatrixComputation.h"
#include "engine/matrix/MatrixSpec.h"
#include "report/ReportDocument.h"

namespace cw::report {

struct MatrixView;

/// What a chart of a matrix draws: the points and how the axes read.
struct MatrixPlot {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    const engine::MatrixSpec* spec = nullptr;
    std::vector<double> xs, ys;
    std::vector<std::int32_t> quadrant;  ///< per point: 0..3 (engine::Quadrant) or -1 (not placed)
    QStringList labels;                  ///< names beside the points (attributes); may be empty
    QString xTitle, yTitle;
    QString xShort, yShort;  ///< without the label's explanation, when the title does not fit
    double pad = 0.05;       ///< room around the points, as a share of the range
    bool percentX = false, percentY = false;
    charts::AxisScale xScale = charts::AxisScale::Linear, yScale = charts::AxisScale::Linear;
    double thresholdX = kNaN, thresholdY = kNaN;
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1;  ///< the data shown (points and thresholds)

    /// Only the points at `indexes`, with the same axes, thresholds and data range.
    std::shared_ptr<MatrixPlot> subset(const std::vector<std::uint32_t>& indexes) const;
    /// Sets the shown range from the points and the thresholds (5 % around them).
    void fitRange();
};

/// "Profitability (margin in the window) (EUR)", with the scale when it is not linear; `brief`
/// leaves out the label's explanation in parentheses ("Profitability (EUR)").
QString axisTitle(const engine::AxisSpec& axis, const std::string& currency, charts::AxisScale scale,
                  bool brief = false);

/// A matrix as the window draws it: its points, quadrants and the result's thresholds.
std::shared_ptr<MatrixPlot> makePlot(const engine::MatrixSpec& spec, const engine::MatrixInput& in,
                                     const engine::MatrixResult& r);

/// Customer points given apart from a matrix input (a manager's portfolio): axes and thresholds
/// as `company` draws them (its scales, titles), the range fitted to these points.
std::shared_ptr<MatrixPlot> makePlot(const MatrixPlot& company, std::vector<double> xs, std::vector<double> ys,
                                     std::vector<std::int32_t> quadrant);

struct PlotStyle {
    bool thumbnail = false;              ///< no axes, no legend, small points
    std::array<QString, 4> quadrantTexts;  ///< HH, HL, LH, LL; empty: none
    bool legend = true;                  ///< the quadrant names under the plot (not in thumbnails)
    int fontPixels = 8;
    /// Points as an image even under ScatterPainter::kVectorLimit (small multiples whose grid
    /// together is above it: thousands of vector dots per cell make the PDF slow and large).
    bool raster = false;
};

/// The chart's paint function (vector points up to ScatterPainter::kVectorLimit, raster above).
PaintFn paintPlot(std::shared_ptr<const MatrixPlot> plot, PlotStyle style);

/// The quadrant texts of a large chart: name, then count and share of customers.
std::array<QString, 4> quadrantTexts(const engine::MatrixSpec& spec, const engine::MatrixSummary& s, bool attributes);

/// "median (307.10)", "target 50", for a threshold as resolved.
QString thresholdText(const engine::ResolvedThreshold& t, const engine::AxisSpec& axis);

}  // namespace cw::report
