#include "app/workbook/ReloadBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace cw::app {

ReloadBar::ReloadBar(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("reloadBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    auto* icon = new QLabel;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16, 16));
    m_text = new QLabel(
        tr("The workbook was changed by another program — what you see may be out of date."));
    m_text->setWordWrap(true);
    m_reload = new QPushButton(tr("&Reload"));
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    m_reload->setToolTip(tr("Open the workbook again and show what it holds now"));
    m_dismiss = new QToolButton;
    m_dismiss->setAutoRaise(true);
    m_dismiss->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_dismiss->setToolTip(tr("Keep showing what was loaded"));
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_reload);
    layout->addWidget(m_dismiss);
    connect(m_reload, &QPushButton::clicked, this, [this] {
        hide();
        emit reloadRequested();
    });
    connect(m_dismiss, &QToolButton::clicked, this, &QWidget::hide);
}

QString ReloadBar::text() const {
    return m_text->text();
}

}  // namespace cw::app
