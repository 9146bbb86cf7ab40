#include "app/dashboard/KpiTrendChart.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>

#include <limits>

#include "app/widgets/Format.h"

namespace cw::app {

namespace kpi = engine::kpi;

namespace {

/// The y axis's title: the unit, since the chart's title already names the indicator.
QString unitTitle(kpi::Unit unit, const QString& currency) {
    switch (unit) {
        case kpi::Unit::Currency:
            return currency;
        case kpi::Unit::Percent:
            return QStringLiteral("%");
        case kpi::Unit::Score:
        case kpi::Unit::NpsScore:
            return KpiTrendChart::tr("points");
        case kpi::Unit::Count:
            break;
    }
    return {};
}

}  // namespace

KpiTrendChart::KpiTrendChart(const DashboardSession* session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    setObjectName(QStringLiteral("kpiTrendChart"));
    setMinimumSize(160, 100);
    m_painter.setColors(charts::TrendColors::fromPalette(palette()));
    m_painter.setLegendNames(tr("Value"), tr("Target"));
    m_painter.setEmptyText(tr("No values in this range"));
}

void KpiTrendChart::refresh() {
    const auto id = m_session->indicator();
    const auto& info = kpi::indicator(id);
    const QString name = toQString(std::string(info.name));
    m_painter.setTitle(tr("%1 — %2").arg(name, m_session->shortLabel(m_session->node())));
    m_painter.setYTitle(unitTitle(info.unit, m_session->currency()));
    m_painter.setLegendNames(name, tr("Target"));
    if (info.unit == kpi::Unit::Percent)
        m_painter.setValueFormatter(
            [](double v) { return QLocale().toString(v, 'g', 4) + QStringLiteral(" %"); });
    else
        m_painter.setValueFormatter({});

    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    std::vector<charts::TrendPoint> points;
    std::vector<charts::TrendTick> ticks;
    for (const auto& p : m_session->trend()) {
        points.push_back({double(p.period.start), p.value.value_or(kNaN), p.target.value_or(kNaN)});
        ticks.push_back({double(p.period.start), toQString(kpi::periodLabel(p.period))});
    }
    m_painter.setPoints(std::move(points));
    // Months read better as "Jan 2026" (computed by the painter); quarters and years by their
    // labels.
    if (m_session->periodKind() == kpi::PeriodKind::Month) ticks.clear();
    m_painter.setXTicks(std::move(ticks));
    update();
}

QList<QPointF> KpiTrendChart::valuePoints() const {
    const auto v = m_painter.valuePoints();
    return QList<QPointF>(v.begin(), v.end());
}

QList<QPointF> KpiTrendChart::targetPoints() const {
    const auto t = m_painter.targetPoints();
    return QList<QPointF>(t.begin(), t.end());
}

void KpiTrendChart::changeEvent(QEvent* event) {
    // Follow the palette (a dark theme included).
    if (event->type() == QEvent::PaletteChange) {
        m_painter.setColors(charts::TrendColors::fromPalette(palette()));
        update();
    }
    QWidget::changeEvent(event);
}

void KpiTrendChart::paintEvent(QPaintEvent*) {
    QPainter p(this);
    m_painter.paint(p, QRectF(rect()));
}

}  // namespace cw::app
