#include "app/window/DockLayout.h"

#include <QMainWindow>

#include "app/window/AppSettings.h"

namespace cw::app {

DockLayout::DockLayout(QMainWindow* window) : m_window(window) {}

void DockLayout::captureDefault() {
    m_default = m_window->saveState(kStateVersion);
}

bool DockLayout::restoreSaved() {
    if (prefs::windowStateVersion.get() != kStateVersion) return false;
    const QByteArray geometry = prefs::windowGeometry.get();
    if (!geometry.isEmpty()) m_window->restoreGeometry(geometry);
    const QByteArray state = prefs::windowState.get();
    return !state.isEmpty() && m_window->restoreState(state, kStateVersion);
}

void DockLayout::save() const {
    prefs::windowGeometry.set(m_window->saveGeometry());
    prefs::windowState.set(m_window->saveState(kStateVersion));
    prefs::windowStateVersion.set(kStateVersion);
}

void DockLayout::saveFor(const QString& workbookPath) const {
    if (workbookPath.isEmpty()) return;
    const auto layout = prefs::workbookLayout(workbookPath);
    layout.state.set(m_window->saveState(kStateVersion));
    layout.version.set(kStateVersion);
}

bool DockLayout::restoreFor(const QString& workbookPath) {
    const auto layout = prefs::workbookLayout(workbookPath);
    if (layout.version.get() != kStateVersion) return false;
    const QByteArray state = layout.state.get();
    return !state.isEmpty() && m_window->restoreState(state, kStateVersion);
}

bool DockLayout::resetToDefault() {
    return !m_default.isEmpty() && m_window->restoreState(m_default, kStateVersion);
}

}  // namespace cw::app
