#include "charts/BarsPainter.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <cmath>

#include "charts/ColorMix.h"

namespace cw::charts {

namespace {

QFont scaled(QFont font, double scale) {
    // A font set in pixels has no point size (-1): scale whichever it has.
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale);
    else
        font.setPixelSize(std::max(1, int(std::lround(font.pixelSize() * scale))));
    return font;
}

/// Draws `text` whole inside `cell`: at the painter's font when it fits, else in the largest
/// smaller font (down to kMinLabelScale) that fits on one line, else wrapped at that smallest
/// size. Never cuts the text: a report prints it as written.
void drawWhole(QPainter& painter, const QRectF& cell, const QString& text, Qt::Alignment align) {
    const QFont base = painter.font();
    const QFontMetricsF fm(base, painter.device());
    const double w = fm.horizontalAdvance(text);
    if (w <= cell.width() || text.isEmpty()) {
        painter.drawText(cell, int(align | Qt::AlignVCenter | Qt::TextSingleLine), text);
        return;
    }
    const double scale = std::max(BarsPainter::kMinLabelScale, cell.width() / w * 0.98);
    painter.setFont(scaled(base, scale));
    const QFontMetricsF small(painter.font(), painter.device());
    if (small.horizontalAdvance(text) <= cell.width())
        painter.drawText(cell, int(align | Qt::AlignVCenter | Qt::TextSingleLine), text);
    else
        // Lines may reach above and below the row when there are many: unclipped, still whole.
        painter.drawText(cell, int(align | Qt::AlignVCenter | Qt::TextWrapAnywhere), text);
    painter.setFont(base);
}

}  // namespace

BarsColors BarsColors::fromPalette(const QPalette& palette) {
    BarsColors c;
    c.text = palette.color(QPalette::Text);
    c.bar = palette.color(QPalette::Highlight);
    const QColor base = palette.color(QPalette::Base);
    c.highlight = mix(base, c.bar, 0.18);
    c.zeroLine = palette.color(QPalette::Mid);
    c.missing = palette.color(QPalette::PlaceholderText);
    return c;
}

BarsColors BarsColors::print() {
    BarsColors c;
    c.background = Qt::white;
    c.text = Qt::black;
    c.bar = QColor(0x1f, 0x77, 0xb4);
    c.highlight = QColor(0xe8, 0xf0, 0xf8);
    c.zeroLine = QColor(0x80, 0x80, 0x80);
    c.missing = QColor(0x70, 0x70, 0x70);
    return c;
}

double BarsPainter::rowHeight(const QFontMetricsF& fm) {
    return fm.height() * 1.35;
}

double BarsPainter::margin(const QFontMetricsF& fm) {
    return std::ceil(fm.height() * 0.25);
}

double BarsPainter::preferredHeight(int count, const QFontMetricsF& fm) {
    return std::max(1, count) * rowHeight(fm) + 2 * margin(fm);
}

double BarsPainter::effectiveRowHeight(const QFontMetricsF& fm) const {
    return m_rowHeight > 0 ? m_rowHeight : rowHeight(fm);
}

double BarsPainter::labelColumnWidth(const QFontMetricsF& fm, double width) const {
    double longest = 0;
    for (const auto& b : m_bars) longest = std::max(longest, fm.horizontalAdvance(b.label));
    const double share = m_elide ? kElidedLabelShare : kMaxLabelShare;
    return std::max(0.0, std::min(std::ceil(longest) + 1, width * share));
}

double BarsPainter::valueColumnWidth(const QFontMetricsF& fm, double width) const {
    double widest = 0;
    for (const auto& b : m_bars) widest = std::max(widest, fm.horizontalAdvance(b.valueText));
    return std::max(0.0, std::min(std::ceil(widest) + 1, width * 0.3));
}

BarsPainter::Layout BarsPainter::layout(const QRectF& rect, const QFontMetricsF& fm) const {
    Layout l;
    l.row = effectiveRowHeight(fm);
    l.top = rect.top() + margin(fm);
    const double gap = fm.averageCharWidth();
    l.labelW = labelColumnWidth(fm, rect.width() - gap);
    l.valueW = valueColumnWidth(fm, rect.width() - gap);
    l.left = rect.left() + l.labelW + gap;
    l.right = std::max(l.left + 1, rect.right() - l.valueW - gap);
    // The scale always holds zero, so every bar starts at the zero line.
    l.lo = 0;
    l.hi = 0;
    for (const auto& b : m_bars)
        if (std::isfinite(b.value)) {
            l.lo = std::min(l.lo, b.value);
            l.hi = std::max(l.hi, b.value);
        }
    if (l.hi == l.lo) l.hi = l.lo + 1;
    return l;
}

int BarsPainter::rowAt(double y, const QRectF& rect, const QFontMetricsF& fm) const {
    const Layout l = layout(rect, fm);
    if (y < l.top) return -1;
    const int row = int((y - l.top) / l.row);
    return row < count() ? row : -1;
}

double BarsPainter::zeroX(const QRectF& rect, const QFontMetricsF& fm) const {
    return layout(rect, fm).toX(0);
}

QRectF BarsPainter::barRect(int i, const QRectF& rect, const QFontMetricsF& fm) const {
    return barRectIn(layout(rect, fm), i, fm);
}

QRectF BarsPainter::barRectIn(const Layout& l, int i, const QFontMetricsF& fm) const {
    if (i < 0 || i >= count() || !std::isfinite(m_bars[std::size_t(i)].value)) return {};
    const double x = l.toX(m_bars[std::size_t(i)].value), zero = l.toX(0);
    const double inset = std::max(1.0, (l.row - fm.height()) / 2);
    // At least a hairline, so that a zero value is still seen to be a value.
    const double w = std::max(std::abs(x - zero), fm.height() / 16);
    return {x < zero ? zero - w : zero, l.top + i * l.row + inset, w,
            std::max(1.0, l.row - 2 * inset)};
}

void BarsPainter::paintLabel(QPainter& painter, const QRectF& cell, const QString& label) const {
    if (m_elide) {
        const QFontMetricsF fm(painter.font(), painter.device());
        painter.drawText(cell, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                         fm.elidedText(label, Qt::ElideRight, cell.width()));
    } else {
        drawWhole(painter, cell, label, Qt::AlignLeft);
    }
}

void BarsPainter::paintValueText(QPainter& painter, const QRectF& cell, const QString& text) const {
    if (m_elide) {
        // Numbers keep their last digits and unit: elided on the left.
        const QFontMetricsF fm(painter.font(), painter.device());
        painter.drawText(cell, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine,
                         fm.elidedText(text, Qt::ElideLeft, cell.width()));
    } else {
        drawWhole(painter, cell, text, Qt::AlignRight);
    }
}

void BarsPainter::paint(QPainter& painter, const QRectF& rect) const {
    painter.save();
    const QFontMetricsF fm(painter.font(), painter.device());
    if (m_colors.background.isValid()) painter.fillRect(rect, m_colors.background);
    if (m_bars.empty()) {
        painter.setPen(m_colors.missing);
        painter.drawText(rect, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
        painter.restore();
        return;
    }
    const Layout l = layout(rect, fm);
    const double gap = fm.averageCharWidth();
    const double zero = l.toX(0);
    for (int i = 0; i < count(); ++i) {
        const Bar& b = m_bars[std::size_t(i)];
        const double y = l.top + i * l.row;
        if (b.highlighted)
            painter.fillRect(QRectF(rect.left(), y, rect.width(), l.row), m_colors.highlight);
        painter.setPen(m_colors.text);
        paintLabel(painter, QRectF(rect.left(), y, l.labelW, l.row), b.label);
        if (std::isfinite(b.value)) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(b.color.isValid() ? b.color : m_colors.bar);
            painter.drawRect(barRectIn(l, i, fm));
        } else {
            // No bar: the row says so beside the zero line, on the side with room.
            const bool roomRight = l.right - zero >= zero - l.left;
            const QRectF cell = roomRight
                                    ? QRectF(zero + gap / 2, y, l.right - zero - gap / 2, l.row)
                                    : QRectF(l.left, y, zero - l.left - gap / 2, l.row);
            painter.setPen(m_colors.missing);
            painter.drawText(cell,
                             int((roomRight ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter),
                             m_missingText);
        }
        painter.setPen(m_colors.text);
        paintValueText(painter, QRectF(l.right + gap, y, l.valueW, l.row), b.valueText);
    }
    painter.setPen(QPen(m_colors.zeroLine, std::max(1.0, fm.height() / 16)));
    painter.drawLine(QPointF(zero, l.top - margin(fm) / 2), QPointF(zero, l.top + count() * l.row));
    painter.restore();
}

}  // namespace cw::charts
