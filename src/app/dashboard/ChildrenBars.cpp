#include "app/dashboard/ChildrenBars.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "app/dashboard/KpiTile.h"

namespace cw::app {

ChildrenBars::ChildrenBars(const DashboardSession* session, QWidget* parent) : QWidget(parent), m_session(session) {
    setObjectName(QStringLiteral("childrenBars"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ChildrenBars::refresh() {
    m_rows = m_session->children();
    updateGeometry();
    update();
}

int ChildrenBars::rowHeight() const { return fontMetrics().height() + 6; }

QSize ChildrenBars::sizeHint() const { return {320, std::max(1, barCount()) * rowHeight() + 8}; }
QSize ChildrenBars::minimumSizeHint() const { return {160, sizeHint().height()}; }

void ChildrenBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const QFontMetrics fm = fontMetrics();
    if (m_rows.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No managers below this node"));
        return;
    }
    double lo = 0, hi = 0;
    for (const auto& c : m_rows)
        if (c.figure.value) {
            lo = std::min(lo, *c.figure.value);
            hi = std::max(hi, *c.figure.value);
        }
    if (hi == lo) hi = lo + 1;
    const int h = rowHeight();
    const int labelW = std::min(width() / 3, 150), valueW = std::min(width() / 4, 110);
    const double left = labelW + 6, right = width() - valueW - 6;
    const double span = std::max(1.0, right - left);
    const double zero = left + (0 - lo) / (hi - lo) * span;
    int y = 4;
    for (const auto& c : m_rows) {
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(2, y, labelW, h), Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(c.label, Qt::ElideRight, labelW));
        if (c.figure.value) {
            const double x = left + (*c.figure.value - lo) / (hi - lo) * span;
            QColor bar = pal.color(QPalette::Highlight);
            if (c.figure.status == engine::kpi::TargetStatus::Missed) bar = badColor(pal);
            else if (c.figure.status == engine::kpi::TargetStatus::Met) bar = goodColor(pal);
            p.setPen(Qt::NoPen);
            p.setBrush(bar);
            p.drawRect(QRectF(std::min(x, zero), y + 3, std::max(1.0, std::abs(x - zero)), h - 6));
        }
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(int(right) + 6, y, valueW, h), Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(m_session->formatValue(c.figure.id, c.figure.value), Qt::ElideLeft, valueW));
        y += h;
    }
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.drawLine(QPointF(zero, 2), QPointF(zero, y));
}

void ChildrenBars::mouseDoubleClickEvent(QMouseEvent* event) {
    const int row = (int(event->position().y()) - 4) / rowHeight();
    if (row >= 0 && row < barCount()) emit nodeActivated(m_rows[static_cast<std::size_t>(row)].nodeId);
}

}  // namespace cw::app
