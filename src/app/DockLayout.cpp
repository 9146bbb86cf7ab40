#include "app/DockLayout.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QMainWindow>
#include <QSettings>

#include "app/SettingValue.h"

namespace cw::app {
namespace {

const SettingValue<QByteArray> kGeometry{QStringLiteral("MainWindow/geometry"), {}};
const SettingValue<QByteArray> kState{QStringLiteral("MainWindow/state"), {}};
const SettingValue<int> kVersion{QStringLiteral("MainWindow/stateVersion"), 0};

}  // namespace

DockLayout::DockLayout(QMainWindow* window) : m_window(window) {}

void DockLayout::captureDefault() {
    m_default = m_window->saveState(kStateVersion);
}

bool DockLayout::restoreSaved() {
    if (kVersion.get() != kStateVersion) return false;
    const QByteArray geometry = kGeometry.get();
    if (!geometry.isEmpty()) m_window->restoreGeometry(geometry);
    const QByteArray state = kState.get();
    return !state.isEmpty() && m_window->restoreState(state, kStateVersion);
}

void DockLayout::save() const {
    kGeometry.set(m_window->saveGeometry());
    kState.set(m_window->saveState(kStateVersion));
    kVersion.set(kStateVersion);
}

namespace {

QString workbookKey(const QString& path) {
    const QByteArray abs = QFileInfo(path).absoluteFilePath().toUtf8();
    return QStringLiteral("Workbooks/%1/").arg(
        QString::fromLatin1(QCryptographicHash::hash(abs, QCryptographicHash::Sha1).toHex().left(16)));
}

}  // namespace

void DockLayout::saveFor(const QString& workbookPath) const {
    if (workbookPath.isEmpty()) return;
    QSettings settings;
    const QString key = workbookKey(workbookPath);
    settings.setValue(key + QStringLiteral("state"), m_window->saveState(kStateVersion));
    settings.setValue(key + QStringLiteral("stateVersion"), kStateVersion);
}

bool DockLayout::restoreFor(const QString& workbookPath) {
    QSettings settings;
    const QString key = workbookKey(workbookPath);
    if (settings.value(key + QStringLiteral("stateVersion")).toInt() != kStateVersion) return false;
    const QByteArray state = settings.value(key + QStringLiteral("state")).toByteArray();
    return !state.isEmpty() && m_window->restoreState(state, kStateVersion);
}

bool DockLayout::resetToDefault() {
    return !m_default.isEmpty() && m_window->restoreState(m_default, kStateVersion);
}

}  // namespace cw::app
