#pragma once
// The children's values of the selected indicator as horizontal bars, painted, in the ranked
// order (better first): name, bar from zero, value. Grows in height with the children; the dock
// puts it in a scroll area. A click opens the child.
#include <QWidget>

#include <vector>

#include "app/dashboard/DashboardSession.h"

namespace cw::app {

class ChildrenBars : public QWidget {
    Q_OBJECT

public:
    explicit ChildrenBars(const DashboardSession* session, QWidget* parent = nullptr);
    void refresh();
    int barCount() const { return static_cast<int>(m_rows.size()); }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void nodeActivated(std::int64_t nodeId);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    int rowHeight() const;
    const DashboardSession* m_session;
    std::vector<DashboardSession::Child> m_rows;
};

}  // namespace cw::app
