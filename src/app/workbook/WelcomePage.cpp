#include "app/workbook/WelcomePage.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "app/workbook/RecentFiles.h"

namespace cw::app {
namespace {

QToolButton* bigButton(QAction* action) {
    auto* button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setMinimumHeight(button->sizeHint().height() * 3 / 2);
    return button;
}

}  // namespace

WelcomePage::WelcomePage(const QList<QAction*>& actions, RecentFiles* recent, QWidget* parent)
    : QWidget(parent), m_recent(recent), m_recentList(new QListWidget) {
    setObjectName(QStringLiteral("WelcomePage"));
    auto* title = new QLabel(tr("Clienting Workbench"));
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 2.0);
    f.setBold(true);
    title->setFont(f);
    auto* tagline = new QLabel(
        tr("Keep profitable customers and raise the margin of every customer: load transactions, "
           "customers, surveys and notes into a workbook, check their quality, then read the "
           "Clienting matrices."));
    tagline->setWordWrap(true);
    tagline->setForegroundRole(QPalette::PlaceholderText);

    auto* buttons = new QHBoxLayout;
    for (auto* action : actions) buttons->addWidget(bigButton(action));
    buttons->addStretch();

    auto* recentTitle = new QLabel(tr("<b>Recent workbooks</b>"));
    m_recentList->setFrameShape(QFrame::NoFrame);
    m_recentList->setMaximumHeight(m_recentList->fontMetrics().height() * 12);
    connect(m_recentList, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit m_recent->openRequested(item->data(Qt::UserRole).toString());
    });
    connect(recent, &RecentFiles::changed, this, &WelcomePage::fillRecent);
    fillRecent();

    auto* column = new QVBoxLayout;
    column->addStretch(1);
    column->addWidget(title);
    column->addWidget(tagline);
    column->addSpacing(16);
    column->addLayout(buttons);
    column->addSpacing(16);
    column->addWidget(recentTitle);
    column->addWidget(m_recentList);
    column->addStretch(2);

    // A readable line length in the middle of a wide window.
    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);
}

void WelcomePage::fillRecent() {
    m_recentList->clear();
    for (const QString& path : m_recent->files()) {
        auto* item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(
            QFileInfo(path).fileName(), QDir::toNativeSeparators(QFileInfo(path).path())));
        item->setData(Qt::UserRole, path);
        item->setToolTip(tr("Open %1 (double-click)").arg(QDir::toNativeSeparators(path)));
        m_recentList->addItem(item);
    }
    if (m_recentList->count() == 0) {
        auto* item = new QListWidgetItem(tr("None yet."));
        item->setFlags(Qt::NoItemFlags);
        m_recentList->addItem(item);
    }
}

}  // namespace cw::app
