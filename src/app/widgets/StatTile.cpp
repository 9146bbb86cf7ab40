#include "app/widgets/StatTile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cw::app {

StatTile::StatTile(const QString& caption, QWidget* parent)
    : QFrame(parent), m_value(new QLabel(QStringLiteral("—"))), m_caption(new QLabel(caption)) {
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    m_value->setFont(big);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
}

void StatTile::setValue(const QString& value, const QString& toolTip) {
    m_value->setText(value);
    setToolTip(toolTip);
}

QString StatTile::value() const {
    return m_value->text();
}

}  // namespace cw::app
