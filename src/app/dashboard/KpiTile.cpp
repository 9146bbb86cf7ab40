#include "app/dashboard/KpiTile.h"

#include <QContextMenuEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

#include "app/widgets/Format.h"

namespace cw::app {

namespace kpi = engine::kpi;

namespace {

constexpr int kPad = 7;

bool darkPalette(const QPalette& p) { return p.color(QPalette::Base).lightness() < 128; }

// Whether a difference is an improvement by the indicator's good direction (none when flat).
std::optional<bool> better(kpi::IndicatorId id, const std::optional<double>& d) {
    if (!d || *d == 0) return std::nullopt;
    return (*d > 0) == (kpi::indicator(id).good == kpi::Direction::Up);
}

}  // namespace

QColor goodColor(const QPalette& palette) { return darkPalette(palette) ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32); }
QColor badColor(const QPalette& palette) { return darkPalette(palette) ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28); }

KpiTile::KpiTile(kpi::IndicatorId id, QWidget* parent) : QWidget(parent), m_id(id) {
    setObjectName(QStringLiteral("kpiTile_%1").arg(toQString(std::string(kpi::indicator(id).key))));
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    m_content.figure.id = id;
    m_content.value = QStringLiteral("—");
}

QSize KpiTile::sizeHint() const { return {kWidth, kHeight}; }
QSize KpiTile::minimumSizeHint() const { return sizeHint(); }

void KpiTile::setContent(Content content) {
    m_content = std::move(content);
    updateToolTip();
    update();
}

void KpiTile::setSelected(bool selected) {
    if (selected == m_selected) return;
    m_selected = selected;
    update();
}

QString KpiTile::statusText() const {
    switch (m_content.figure.status) {
    case kpi::TargetStatus::NoTarget: return tr("no target");
    case kpi::TargetStatus::Met: return tr("target %1 · met").arg(m_content.target);
    case kpi::TargetStatus::Missed: return tr("target %1 · missed").arg(m_content.target);
    case kpi::TargetStatus::NoValue: return tr("target %1 · no value").arg(m_content.target);
    }
    return {};
}

void KpiTile::updateToolTip() {
    const auto& ind = kpi::indicator(m_id);
    QString tip = QStringLiteral("<b>%1</b>: %2<br>").arg(toQString(std::string(ind.name)).toHtmlEscaped(), m_content.value.toHtmlEscaped());
    if (!m_content.change.isEmpty()) tip += tr("vs previous period: %1<br>").arg(m_content.change.toHtmlEscaped());
    if (!m_content.changeOnYear.isEmpty()) tip += tr("vs a year before: %1<br>").arg(m_content.changeOnYear.toHtmlEscaped());
    tip += statusText().toHtmlEscaped() + QStringLiteral("<br>");
    tip += tr("Good: %1. %2").arg(ind.good == kpi::Direction::Up ? tr("up") : tr("down"),
                                  toQString(std::string(ind.definition)).toHtmlEscaped());
    setToolTip(QStringLiteral("<p style='white-space:normal'>%1</p>").arg(tip));
}

void KpiTile::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const QRectF frame = QRectF(rect()).adjusted(1, 1, -1, -1);
    p.setPen(QPen(m_selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), m_selected ? 2.5 : 1));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRoundedRect(frame, 5, 5);

    const QRectF inner = frame.adjusted(kPad, kPad - 2, -kPad, -kPad + 2);
    QFont captionFont = font();
    QFontMetrics cm(captionFont);
    p.setFont(captionFont);
    p.setPen(pal.color(QPalette::PlaceholderText));
    const QString caption = toQString(std::string(kpi::indicator(m_id).name));
    p.drawText(QRectF(inner.left(), inner.top(), inner.width(), cm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               cm.elidedText(caption, Qt::ElideRight, int(inner.width())));
    double y = inner.top() + cm.height() + 1;

    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setBold(true);
    QFontMetrics bm(big);
    // Long currency amounts shrink to fit instead of being cut.
    while (bm.horizontalAdvance(m_content.value) > inner.width() && big.pointSizeF() > font().pointSizeF() * 0.9) {
        big.setPointSizeF(big.pointSizeF() - 0.5);
        bm = QFontMetrics(big);
    }
    p.setFont(big);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRectF(inner.left(), y, inner.width(), bm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               bm.elidedText(m_content.value, Qt::ElideRight, int(inner.width())));
    y += bm.height() + 1;

    QFont small = font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.88));
    QFontMetrics sm(small);
    p.setFont(small);
    const double textWidth = inner.width() * 0.64;
    auto changeLine = [&](const QString& change, const std::optional<double>& d, const QString& what) {
        if (change.isEmpty()) {
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(QRectF(inner.left(), y, textWidth, sm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                       sm.elidedText(tr("— %1").arg(what), Qt::ElideRight, int(textWidth)));
        } else {
            // A change that rounds to nothing ("±0.0") is flat, whatever its last digits.
            const bool flat = !d || *d == 0 || change.startsWith(QStringLiteral("±"));
            const auto b = flat ? std::nullopt : better(m_id, d);
            p.setPen(b ? (*b ? goodColor(pal) : badColor(pal)) : pal.color(QPalette::PlaceholderText));
            const QString arrow = flat ? QStringLiteral("■") : *d > 0 ? QStringLiteral("▲") : QStringLiteral("▼");
            p.drawText(QRectF(inner.left(), y, textWidth, sm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                       sm.elidedText(QStringLiteral("%1 %2 %3").arg(arrow, change, what), Qt::ElideRight, int(textWidth)));
        }
        y += sm.height();
    };
    const double sparkTop = y;
    changeLine(m_content.change, m_content.figure.change(), tr("vs prev."));
    changeLine(m_content.changeOnYear, m_content.figure.changeOnYear(), tr("vs year"));
    paintSparkline(p, QRectF(inner.left() + textWidth + 6, sparkTop, inner.width() - textWidth - 6, 2 * sm.height()));

    // Target status, along the bottom.
    y = std::max(y, inner.bottom() - sm.height());
    QColor dot = pal.color(QPalette::Mid);
    if (m_content.figure.status == kpi::TargetStatus::Met) dot = goodColor(pal);
    else if (m_content.figure.status == kpi::TargetStatus::Missed) dot = badColor(pal);
    const double r = sm.height() * 0.22;
    p.setPen(Qt::NoPen);
    p.setBrush(dot);
    if (m_content.figure.status != kpi::TargetStatus::NoTarget)
        p.drawEllipse(QPointF(inner.left() + r, y + sm.height() / 2.0), r, r);
    p.setPen(m_content.figure.status == kpi::TargetStatus::NoTarget ? pal.color(QPalette::PlaceholderText)
                                                                    : pal.color(QPalette::Text));
    const double x = m_content.figure.status == kpi::TargetStatus::NoTarget ? inner.left() : inner.left() + 3 * r;
    p.drawText(QRectF(x, y, inner.right() - x, sm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               sm.elidedText(statusText(), Qt::ElideRight, int(inner.right() - x)));
}

void KpiTile::paintSparkline(QPainter& p, const QRectF& r) const {
    const auto& v = m_content.sparkline;
    double lo = 0, hi = 0;
    int n = 0;
    for (const auto& x : v)
        if (x) {
            lo = n ? std::min(lo, *x) : *x;
            hi = n ? std::max(hi, *x) : *x;
            ++n;
        }
    if (n < 2 || r.width() < 10) return;
    if (hi == lo) {
        hi += 1;
        lo -= 1;
    }
    const double step = v.size() > 1 ? r.width() / double(v.size() - 1) : 0;
    auto at = [&](std::size_t i) { return QPointF(r.left() + step * double(i), r.bottom() - (*v[i] - lo) / (hi - lo) * r.height()); };
    QPainterPath path;
    bool pen = false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i]) {
            pen = false;
            continue;
        }
        if (pen) path.lineTo(at(i));
        else path.moveTo(at(i));
        pen = true;
    }
    const QColor line = palette().color(QPalette::Highlight);
    p.setPen(QPen(line, 1.4));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    if (v.back()) {
        p.setPen(Qt::NoPen);
        p.setBrush(line);
        p.drawEllipse(at(v.size() - 1), 2.3, 2.3);
    }
}

void KpiTile::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) emit clicked(m_id);
    QWidget::mousePressEvent(event);
}

void KpiTile::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) emit activated(m_id);
}

void KpiTile::contextMenuEvent(QContextMenuEvent* event) {
    emit clicked(m_id);
    emit menuRequested(m_id, event->globalPos());
}

}  // namespace cw::app
