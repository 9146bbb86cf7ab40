#include "app/DockLayout.h"

#include <QMainWindow>

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

bool DockLayout::resetToDefault() {
    return !m_default.isEmpty() && m_window->restoreState(m_default, kStateVersion);
}

}  // namespace cw::app
