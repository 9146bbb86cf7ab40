#include "report/sections/MatrixChart.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "report/Format.h"
#include "report/PageStyle.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

// Print colours: white paper, near-black text, the window's light-theme mix.
charts::ScatterColors printColors(std::size_t points, bool thumbnail) {
    charts::ScatterColors c;
    c.background = Qt::white;
    c.text = QColor(0x22, 0x22, 0x22);
    c.grid = QColor(0xe6, 0xe6, 0xe6);
    c.frame = QColor(0xa0, 0xa0, 0xa0);
    c.point = QColor(0x1f, 0x77, 0xb4);
    c.selection = QColor(0x16, 0x16, 0x16);
    c.threshold = QColor(0x40, 0x40, 0x40);
    c.quadrantText = QColor(0x55, 0x55, 0x55);
    c.uncoded = QColor(0xc8, 0xc8, 0xc8);
    c.pointOpacity = points > 50000 ? 0.45 : points > 5000 ? 0.6 : thumbnail ? 0.75 : 0.8;
    return c;
}

float pointRadius(std::size_t points, bool thumbnail) {
    if (thumbnail) return points > 10000 ? 0.7f : points > 1000 ? 1.0f : 1.4f;
    return points > 100000 ? 0.9f : points > 10000 ? 1.2f : points > 1000 ? 1.7f : 2.4f;
}

}  // namespace

QString axisTitle(const engine::AxisSpec& axis, const std::string& currency, charts::AxisScale scale, bool brief) {
    QString title = fmt::text(axis.label);
    if (brief && title.indexOf(QLatin1String(" (")) > 0) title = title.left(title.indexOf(QLatin1String(" (")));
    if (!axis.unit.empty()) {
        const QString unit = axis.unit == "share" ? QStringLiteral("%")
                                                  : fmt::text(axis.unit == "currency" ? currency : axis.unit);
        title += QStringLiteral(" (%1)").arg(unit);
    }
    if (scale == charts::AxisScale::Log10) title += brief ? tr(" · log") : tr(" · log scale");
    if (scale == charts::AxisScale::SymLog) title += brief ? tr(" · symlog") : tr(" · symmetric log scale");
    return title;
}

void MatrixPlot::fitRange() {
    auto fit = [pad = pad](const std::vector<double>& values, double threshold, charts::AxisScale scale, double& outLo,
                  double& outHi) {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (double v : values) {
            const double a = charts::ScatterPainter::toAxis(v, scale);
            if (!std::isfinite(a)) continue;
            lo = std::min(lo, a);
            hi = std::max(hi, a);
        }
        const double t = charts::ScatterPainter::toAxis(threshold, scale);
        if (std::isfinite(t)) {
            lo = std::min(lo, t);
            hi = std::max(hi, t);
        }
        if (!(lo <= hi)) {  // nothing to show: a unit range
            lo = 0.0;
            hi = 1.0;
        }
        const double room = hi > lo ? (hi - lo) * pad : 0.5;
        outLo = charts::ScatterPainter::fromAxis(lo - room, scale);
        outHi = charts::ScatterPainter::fromAxis(hi + room, scale);
    };
    fit(xs, thresholdX, xScale, xMin, xMax);
    fit(ys, thresholdY, yScale, yMin, yMax);
}

std::shared_ptr<MatrixPlot> MatrixPlot::subset(const std::vector<std::uint32_t>& indexes) const {
    auto out = std::make_shared<MatrixPlot>();
    out->spec = spec;
    out->xTitle = xTitle;
    out->yTitle = yTitle;
    out->xShort = xShort;
    out->yShort = yShort;
    out->pad = pad;
    out->percentX = percentX;
    out->percentY = percentY;
    out->xScale = xScale;
    out->yScale = yScale;
    out->thresholdX = thresholdX;
    out->thresholdY = thresholdY;
    out->xMin = xMin;
    out->xMax = xMax;
    out->yMin = yMin;
    out->yMax = yMax;
    out->xs.reserve(indexes.size());
    out->ys.reserve(indexes.size());
    out->quadrant.reserve(indexes.size());
    for (auto i : indexes) {
        out->xs.push_back(xs[i]);
        out->ys.push_back(ys[i]);
        out->quadrant.push_back(quadrant[i]);
    }
    return out;
}

std::shared_ptr<MatrixPlot> makePlot(const engine::MatrixSpec& spec, const engine::MatrixInput& in,
                                     const engine::MatrixResult& r) {
    auto p = std::make_shared<MatrixPlot>();
    p->spec = &spec;
    p->xs = in.xs;
    p->ys = in.ys;
    p->quadrant.resize(in.size(), -1);
    for (std::size_t i = 0; i < in.size() && i < r.assignment.size(); ++i)
        p->quadrant[i] = r.assignment[i] >= 0 ? r.assignment[i] : -1;
    if (in.points == engine::PointKind::Attribute)
        for (const auto& l : in.labels) p->labels << fmt::text(l);
    p->xScale = charts::automaticScale(r.x.unit == "currency", in.xs);
    p->yScale = charts::automaticScale(r.y.unit == "currency", in.ys);
    p->xTitle = axisTitle(r.x, r.currency, p->xScale);
    p->yTitle = axisTitle(r.y, r.currency, p->yScale);
    p->xShort = axisTitle(r.x, r.currency, p->xScale, true);
    p->yShort = axisTitle(r.y, r.currency, p->yScale, true);
    // Attributes are few and named: more room, so that names near a corner leave its text readable.
    if (in.points == engine::PointKind::Attribute) p->pad = 0.14;
    p->percentX = r.x.unit == "share";
    p->percentY = r.y.unit == "share";
    p->thresholdX = r.total.x.value.value_or(MatrixPlot::kNaN);
    p->thresholdY = r.total.y.value.value_or(MatrixPlot::kNaN);
    p->fitRange();
    return p;
}

std::shared_ptr<MatrixPlot> makePlot(const MatrixPlot& company, std::vector<double> xs, std::vector<double> ys,
                                     std::vector<std::int32_t> quadrant) {
    auto p = company.subset({});
    p->xs = std::move(xs);
    p->ys = std::move(ys);
    p->quadrant = std::move(quadrant);
    p->fitRange();
    return p;
}

PaintFn paintPlot(std::shared_ptr<const MatrixPlot> plot, PlotStyle style) {
    return [plot = std::move(plot), style = std::move(style)](QPainter& painter, const QSizeF& size) {
        const QFont font = chartFont(style.fontPixels);
        painter.setFont(font);
        const std::size_t n = plot->xs.size();
        charts::ScatterPainter sp;
        sp.setPoints(std::span<const double>(plot->xs), std::span<const double>(plot->ys));
        QStringList names;
        if (style.legend && !style.thumbnail && plot->spec)
            for (const auto& q : plot->spec->quadrants) names << fmt::text(q.name);
        sp.setColorCodes(plot->quadrant, charts::ScatterPainter::categoryPalette(4, false), names);
        sp.setColors(printColors(n, style.thumbnail));
        sp.setPointRadius(pointRadius(n, style.thumbnail));
        charts::ScatterViewport v;
        v.xMin = plot->xMin;
        v.xMax = plot->xMax;
        v.yMin = plot->yMin;
        v.yMax = plot->yMax;
        v.xScale = plot->xScale;
        v.yScale = plot->yScale;
        const QFontMetricsF fm(font);
        v.margins = style.thumbnail ? QMarginsF(2, 2, 2, 2)
                                    : QMarginsF(fm.horizontalAdvance(QStringLiteral("-000.0M")) + fm.height() + 8, 8,
                                                12, 2 * fm.height() + 12);
        sp.setViewport(v);
        sp.setShowAxes(!style.thumbnail);
        {
            const QRectF area = sp.plotRect(size);
            QFont bold = font;
            bold.setBold(true);
            const QFontMetricsF bm(bold);
            auto fits = [&bm](const QString& t, double room) { return bm.horizontalAdvance(t) + 4 <= room; };
            sp.setAxisTitles(fits(plot->xTitle, area.width()) || plot->xShort.isEmpty() ? plot->xTitle : plot->xShort,
                             fits(plot->yTitle, area.height()) || plot->yShort.isEmpty() ? plot->yTitle : plot->yShort);
        }
        sp.setPercentAxes(plot->percentX, plot->percentY);
        sp.setThresholds(plot->thresholdX, plot->thresholdY);
        sp.setQuadrantTexts(style.quadrantTexts);
        if (!style.thumbnail) sp.setPointLabels(plot->labels);
        painter.setRenderHint(QPainter::Antialiasing, true);
        if (!style.raster && n <= charts::ScatterPainter::kVectorLimit) {
            sp.paint(painter, size, charts::ScatterPainter::PointPath::Vector);
            return;
        }
        // Many points: rasterised, as the painter's Auto path, but at print resolution (the
        // painter's device reports no pixel ratio for a PDF).
        sp.paintFrame(painter, size);
        const qreal dpr = style.thumbnail ? 2.0 : 3.0;
        QImage layer((size * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
        layer.setDevicePixelRatio(dpr);
        layer.fill(Qt::transparent);
        sp.paintPoints(layer, charts::ScatterPainter::PointLayer::All);
        painter.drawImage(QRectF(QPointF(0, 0), size), layer);
        sp.paintAxes(painter, size);
        sp.paintThresholds(painter, size);
        sp.paintQuadrantTexts(painter, size);
        sp.paintPointLabels(painter, size);
    };
}

std::array<QString, 4> quadrantTexts(const engine::MatrixSpec& spec, const engine::MatrixSummary& s, bool attributes) {
    std::array<QString, 4> texts;
    for (int q = 0; q < engine::kQuadrantCount; ++q) {
        const auto& qs = s.quadrants[std::size_t(q)];
        QString t = fmt::text(spec.quadrants[std::size_t(q)].name) + QLatin1Char('\n');
        if (attributes)
            t += qs.count == 1 ? tr("1 attribute") : tr("%1 attributes").arg(fmt::count(qs.count));
        else
            t += QStringLiteral("%1 · %2").arg(fmt::count(qs.count),
                                               qs.customerShare ? fmt::percent(*qs.customerShare) : QStringLiteral("n/a"));
        texts[std::size_t(q)] = t;
    }
    return texts;
}

QString thresholdText(const engine::ResolvedThreshold& t, const engine::AxisSpec& axis) {
    const QString mode = fmt::text(engine::toString(t.mode));
    if (!t.value) return tr("%1 (no value: no point plotted)").arg(mode);
    QString value;
    if (axis.unit == "share")
        value = fmt::percent(*t.value, 1);
    else if (axis.unit == "currency")
        value = fmt::money(*t.value);
    else
        value = fmt::number(*t.value, 1);
    return QStringLiteral("%1 %2").arg(mode, value);
}

}  // namespace cw::report
