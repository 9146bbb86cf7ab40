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

/// The Report dialog's last choices: what to write (0 report, 1 pack, 2 one pack per manager),
/// the sections left out (ids; new sections start checked), the node, period, paper ("a4",
/// "letter"), cover texts, logo, the spreadsheet, and where the last file and folder went.
inline const SettingValue<int> reportKind{QStringLiteral("Report/kind"), 0};
inline const SettingValue<QStringList> reportExcludedSections{QStringLiteral("Report/excludedSections"), {}};
inline const SettingValue<QString> reportNode{QStringLiteral("Report/node"), {}};
inline const SettingValue<QString> reportPeriod{QStringLiteral("Report/period"), {}};
inline const SettingValue<QString> reportPaper{QStringLiteral("Report/paper"), QStringLiteral("a4")};
inline const SettingValue<QString> reportTitle{QStringLiteral("Report/title"), {}};
inline const SettingValue<QString> reportClient{QStringLiteral("Report/client"), {}};
inline const SettingValue<QString> reportLogo{QStringLiteral("Report/logo"), {}};
inline const SettingValue<bool> reportXlsx{QStringLiteral("Report/xlsx"), false};
inline const SettingValue<QString> reportFile{QStringLiteral("Report/file"), {}};
inline const SettingValue<QString> reportFolder{QStringLiteral("Report/folder"), {}};

/// The dock layout a workbook was last shown with, under a key made from its absolute path.
struct WorkbookLayout {
    SettingValue<QByteArray> state;
    SettingValue<int> version;
};
WorkbookLayout workbookLayout(const QString& workbookPath);

}  // namespace cw::app::prefs
