#pragma once
// Every preference the window keeps between sessions (QSettings: organisation and application
// names set in main()), each declared once with its type and default. Settings that travel with
// a workbook are in engine/settings/WorkbookSettings.h instead.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include "app/window/SettingValue.h"

namespace cw::app::prefs {

// The main window's size, place and dock layout, and the version of that layout (a layout saved
// by another version of the docks is not restored).
inline const SettingValue<QByteArray> windowGeometry{QStringLiteral("MainWindow/geometry"), {}};
inline const SettingValue<QByteArray> windowState{QStringLiteral("MainWindow/state"), {}};
inline const SettingValue<int> windowStateVersion{QStringLiteral("MainWindow/stateVersion"), 0};
/// Where the last workbook was opened or made.
inline const SettingValue<QString> lastWorkbookDirectory{QStringLiteral("MainWindow/lastDirectory"), {}};
/// Where the import wizard last found a file.
inline const SettingValue<QString> lastImportDirectory{QStringLiteral("ImportWizard/lastDirectory"), {}};
/// Recently opened workbooks, newest first.
inline const SettingValue<QStringList> recentWorkbooks{QStringLiteral("RecentFiles/workbooks"), {}};

/// The dock layout a workbook was last shown with, under a key made from its absolute path.
struct WorkbookLayout {
    SettingValue<QByteArray> state;
    SettingValue<int> version;
};
WorkbookLayout workbookLayout(const QString& workbookPath);

}  // namespace cw::app::prefs
