#include "app/workbook/RecentFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>

#include "app/window/AppSettings.h"

namespace cw::app {

RecentFiles::RecentFiles(QObject* parent) : QObject(parent) {}

QStringList RecentFiles::files() const {
    return prefs::recentWorkbooks.get().mid(0, kMaximum);
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, kMaximum));
}

void RecentFiles::remove(const QString& path) {
    QStringList list = files();
    if (list.removeAll(QFileInfo(path).absoluteFilePath()) > 0) store(list);
}

void RecentFiles::clear() {
    store({});
}

void RecentFiles::store(const QStringList& files) {
    prefs::recentWorkbooks.set(files);
    emit changed();
}

QMenu* RecentFiles::createMenu(const QString& title, QWidget* parent) {
    auto* menu = new QMenu(title, parent);
    fillMenu(menu);
    connect(this, &RecentFiles::changed, menu, [this, menu] { fillMenu(menu); });
    return menu;
}

void RecentFiles::fillMenu(QMenu* menu) {
    menu->clear();
    const QStringList list = files();
    for (int i = 0; i < list.size(); ++i) {
        const QString& path = list[i];
        // &1…&8 give keyboard access; the tooltip shows the whole path.
        auto* action = menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(
            QFileInfo(path).fileName().replace(QLatin1Char('&'), QStringLiteral("&&"))));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    menu->setToolTipsVisible(true);
    if (list.isEmpty()) menu->addAction(tr("No recent workbooks"))->setEnabled(false);
    menu->addSeparator();
    auto* clearAction = menu->addAction(tr("Clear list"));
    clearAction->setEnabled(!list.isEmpty());
    connect(clearAction, &QAction::triggered, this, &RecentFiles::clear);
}

}  // namespace cw::app
