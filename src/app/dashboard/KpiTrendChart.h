#pragma once
// The selected indicator of the selected node over the trend range, painted by the charts
// library's TrendPainter (the one reports print with): the values as a line, the targets as a
// dashed second line (two or more) or a marker (one).
#include <QList>
#include <QPointF>
#include <QWidget>

#include "app/dashboard/DashboardSession.h"
#include "charts/TrendPainter.h"

namespace cw::app {

class KpiTrendChart : public QWidget {
    Q_OBJECT

public:
    explicit KpiTrendChart(const DashboardSession* session, QWidget* parent = nullptr);
    void refresh();
    QSize sizeHint() const override { return {560, 220}; }

    // --- what is drawn (tests) -------------------------------------------------------------
    /// (day, value) of the periods with a value.
    QList<QPointF> valuePoints() const;
    /// (day, target) of the periods with a target.
    QList<QPointF> targetPoints() const;
    int targetCount() const { return int(m_painter.targetPoints().size()); }
    /// 1 when the lone target is drawn as a marker, else 0 (two or more make a dashed line).
    int targetMarkerCount() const { return m_painter.targetIsMarker() ? 1 : 0; }
    const charts::TrendPainter& painter() const { return m_painter; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    const DashboardSession* m_session;
    charts::TrendPainter m_painter;
};

}  // namespace cw::app
