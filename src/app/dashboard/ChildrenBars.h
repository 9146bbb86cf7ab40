#pragma once
// The children's values of the selected indicator as horizontal bars, painted by the charts
// library's BarsPainter (the one reports print with), in the ranked order (better first): name,
// bar from zero, value. Grows in height with the children; the dock puts it in a scroll area. A
// double click opens the child.
#include <QWidget>

#include <vector>

#include "app/dashboard/DashboardSession.h"
#include "charts/BarsPainter.h"

namespace cw::app {

class ChildrenBars : public QWidget {
    Q_OBJECT

public:
    explicit ChildrenBars(const DashboardSession* session, QWidget* parent = nullptr);
    void refresh();
    int barCount() const { return static_cast<int>(m_rows.size()); }
    /// What is drawn (tests).
    const charts::BarsPainter& painter() const { return m_painter; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void nodeActivated(std::int64_t nodeId);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    const DashboardSession* m_session;
    std::vector<DashboardSession::Child> m_rows;
    charts::BarsPainter m_painter;
};

}  // namespace cw::app
