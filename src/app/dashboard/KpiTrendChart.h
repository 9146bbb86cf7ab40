#pragma once
// The selected indicator of the selected node over the trend range (Qt Charts): the values as a
// line, the targets as a dashed second line where set.
#include <QChartView>

#include "app/dashboard/DashboardSession.h"

class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace cw::app {

class KpiTrendChart : public QChartView {
    Q_OBJECT

public:
    explicit KpiTrendChart(const DashboardSession* session, QWidget* parent = nullptr);
    void refresh();
    /// The values; the targets as a dashed line (two or more) or a marker (one). Tests.
    QLineSeries* valueSeries() const { return m_values; }
    QLineSeries* targetSeries() const { return m_targets; }
    QScatterSeries* targetMarker() const { return m_targetPoints; }

private:
    const DashboardSession* m_session;
    QLineSeries* m_values = nullptr;
    QLineSeries* m_targets = nullptr;
    QScatterSeries* m_targetPoints = nullptr;
    QDateTimeAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
};

}  // namespace cw::app
