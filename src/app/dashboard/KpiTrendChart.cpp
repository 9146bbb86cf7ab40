#include "app/dashboard/KpiTrendChart.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "app/widgets/Format.h"

namespace cw::app {

namespace kpi = engine::kpi;

namespace {

qint64 msecsOf(std::int32_t day) { return qint64(day) * 86400000LL; }

}  // namespace

KpiTrendChart::KpiTrendChart(const DashboardSession* session, QWidget* parent)
    : QChartView(parent), m_session(session) {
    setObjectName(QStringLiteral("kpiTrendChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(160, 100);
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->setBackgroundRoundness(0);
    QFont title = font();
    title.setBold(true);
    chart->setTitleFont(title);
    // The series and axes are made once and refilled: rebuilding them costs more than a switch may.
    m_values = new QLineSeries;
    m_targets = new QLineSeries;
    m_targets->setName(tr("Target"));
    const QColor targetColor(0xe6, 0x51, 0x00);
    m_targets->setPen(QPen(targetColor, 2, Qt::DashLine));
    m_targetPoints = new QScatterSeries;
    m_targetPoints->setName(tr("Target"));
    m_targetPoints->setColor(targetColor);
    m_targetPoints->setBorderColor(targetColor);
    m_targetPoints->setMarkerSize(9);
    m_x = new QDateTimeAxis;
    m_y = new QValueAxis;
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (QXYSeries* s : {static_cast<QXYSeries*>(m_values), static_cast<QXYSeries*>(m_targets),
                         static_cast<QXYSeries*>(m_targetPoints)}) {
        chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    setChart(chart);
}

void KpiTrendChart::refresh() {
    QChart* c = chart();
    // Follow the palette (a dark theme included).
    c->setBackgroundBrush(palette().color(QPalette::Base));
    c->setTitleBrush(palette().color(QPalette::Text));
    c->legend()->setLabelColor(palette().color(QPalette::Text));
    for (auto* axis : std::initializer_list<QAbstractAxis*>{m_x, m_y}) {
        axis->setLabelsBrush(palette().color(QPalette::Text));
        axis->setGridLineColor(palette().color(QPalette::Midlight));
    }
    const auto id = m_session->indicator();
    const auto points = m_session->trend();
    const QString name = toQString(std::string(kpi::indicator(id).name));
    c->setTitle(tr("%1 — %2").arg(name, m_session->shortLabel(m_session->node())));
    m_values->setName(name);

    QList<QPointF> values, targets;
    double lo = 0, hi = 0;
    bool any = false;
    auto extend = [&](double v) {
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
    };
    for (const auto& p : points) {
        const qreal x = qreal(msecsOf(p.period.start));
        if (p.value) {
            values.append({x, *p.value});
            extend(*p.value);
        }
        if (p.target) {
            targets.append({x, *p.target});
            extend(*p.target);
        }
    }
    m_values->replace(values);
    // A lone target is a point, not a line: a marker.
    m_targets->replace(targets.size() > 1 ? targets : QList<QPointF>{});
    m_targetPoints->replace(targets.size() == 1 ? targets : QList<QPointF>{});
    m_targets->setVisible(targets.size() > 1);
    m_targetPoints->setVisible(targets.size() == 1);
    c->legend()->setVisible(!targets.isEmpty());
    if (points.empty()) return;

    const auto kind = m_session->periodKind();
    m_x->setFormat(kind == kpi::PeriodKind::Year ? QStringLiteral("yyyy") : QStringLiteral("MMM yy"));
    m_x->setTickCount(std::clamp(int(points.size()), 2, 7));
    QDateTime from = QDateTime::fromMSecsSinceEpoch(msecsOf(points.front().period.start), Qt::UTC);
    QDateTime to = QDateTime::fromMSecsSinceEpoch(msecsOf(points.back().period.start), Qt::UTC);
    if (points.size() == 1) {
        from = from.addDays(-15);
        to = to.addDays(15);
    }
    m_x->setRange(from, to);
    if (!any) {
        lo = 0;
        hi = 1;
    }
    if (hi == lo) {
        hi += std::max(1.0, std::abs(hi) * 0.1);
        lo -= std::max(1.0, std::abs(lo) * 0.1);
    }
    const double pad = (hi - lo) * 0.08;
    m_y->setRange(lo - pad, hi + pad);
    m_y->applyNiceNumbers();
    m_y->setLabelFormat(kpi::indicator(id).unit == kpi::Unit::Count ? QStringLiteral("%.0f") : QStringLiteral("%.4g"));
}

}  // namespace cw::app
