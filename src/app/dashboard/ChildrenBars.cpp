#include "app/dashboard/ChildrenBars.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>
#include <limits>

#include "app/dashboard/KpiTile.h"

namespace cw::app {

ChildrenBars::ChildrenBars(const DashboardSession* session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    setObjectName(QStringLiteral("childrenBars"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_painter.setColors(charts::BarsColors::fromPalette(palette()));
    m_painter.setEmptyText(tr("No managers below this node"));
    m_painter.setMissingText(tr("n/a"));
}

void ChildrenBars::refresh() {
    m_rows = m_session->children();
    const QPalette& pal = palette();
    std::vector<charts::Bar> bars;
    bars.reserve(m_rows.size());
    for (const auto& c : m_rows) {
        charts::Bar b;
        b.label = c.label;
        // A missing value reads "n/a" in the bar's place; its value text would say it twice.
        b.value = c.figure.value ? *c.figure.value : std::numeric_limits<double>::quiet_NaN();
        if (c.figure.value) b.valueText = m_session->formatValue(c.figure.id, c.figure.value);
        if (c.figure.status == engine::kpi::TargetStatus::Missed)
            b.color = badColor(pal);
        else if (c.figure.status == engine::kpi::TargetStatus::Met)
            b.color = goodColor(pal);
        bars.push_back(std::move(b));
    }
    m_painter.setBars(std::move(bars));
    updateGeometry();
    update();
}

QSize ChildrenBars::sizeHint() const {
    return {320, int(std::ceil(charts::BarsPainter::preferredHeight(barCount(),
                                                                    QFontMetricsF(font(), this))))};
}
QSize ChildrenBars::minimumSizeHint() const {
    return {160, sizeHint().height()};
}

void ChildrenBars::changeEvent(QEvent* event) {
    // Follow a theme switch: status colours come from the palette too.
    if (event->type() == QEvent::PaletteChange) {
        m_painter.setColors(charts::BarsColors::fromPalette(palette()));
        refresh();
    }
    QWidget::changeEvent(event);
}

void ChildrenBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    m_painter.paint(p, QRectF(rect()));
}

void ChildrenBars::mouseDoubleClickEvent(QMouseEvent* event) {
    const int row =
        m_painter.rowAt(event->position().y(), QRectF(rect()), QFontMetricsF(font(), this));
    if (row >= 0 && row < barCount())
        emit nodeActivated(m_rows[static_cast<std::size_t>(row)].nodeId);
}

}  // namespace cw::app
