#pragma once
// The main window is a coordinator: it builds the actions, menus and docks, routes the
// document's signals to the central page and status bar, and shows errors to the user. The
// work itself lives in the document, the docks, the wizard and the jobs.
#include <QMainWindow>
#include <QPointer>

#include <memory>

#include "core/Error.h"
#include "store/Audit.h"

class QLabel;
class QStackedWidget;
class QTimer;

namespace cw::app {

class AnalysisWorkspace;
class DataQualityDock;
class DataSourcesDock;
class DockLayout;
class HierarchyDashboardDock;
class ImportWizard;
class InsightsDock;
class LogDock;
class OverviewPage;
class PortfolioDock;
class RecentFiles;
class ReportDialog;
class ReloadBar;
class SegmentsDock;
class WelcomePage;
class WorkbookDocument;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a workbook in the background; on failure shows the error and keeps the current
    /// workbook.
    void openWorkbook(const QString& path);
    /// Opens the import wizard (a workbook must be open); with a file, starts on the mapping page.
    ImportWizard* showImportWizard(const QString& file = {});
    /// Opens (or raises) the Report dialog (a workbook must be open); with a node, on what to
    /// write for it (the Portfolio dock's "Portfolio pack…").
    ReportDialog* showReportDialog();
    ReportDialog* showReportDialog(int target, const QString& nodeCode);
    /// The open Report dialog, or nullptr.
    ReportDialog* reportDialog() const;
    /// Restores the layout saved by the last session (else keeps the default).
    void restoreLayout();
    void resetLayout();
    /// Whether background work that changes what is shown is still running.
    bool isBusy() const;
    /// Shows the reload bar when another program changed the open workbook. Runs on a timer
    /// and when the application becomes active; skipped while the window's own jobs write.
    void checkForExternalChanges();

    WorkbookDocument* document() const { return m_document; }
    DataSourcesDock* dataSourcesDock() const { return m_dataSources; }
    DataQualityDock* dataQualityDock() const { return m_dataQuality; }
    LogDock* logDock() const { return m_log; }
    AnalysisWorkspace* analysis() const { return m_analysis; }
    SegmentsDock* segmentsDock() const { return m_segments; }
    InsightsDock* insightsDock() const { return m_insights; }
    HierarchyDashboardDock* dashboardDock() const { return m_dashboard; }
    /// A commercial manager's portfolio (PortfolioDock::showManager opens one).
    PortfolioDock* portfolioDock() const { return m_portfolio; }
    OverviewPage* overviewPage() const { return m_overview; }
    /// The open import wizard, or nullptr.
    ImportWizard* importWizard() const;
    QLabel* statusCounts() const { return m_statusCounts; }
    ReloadBar* reloadBar() const { return m_reloadBar; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void newWorkbook();
    /// Opens the demo workbook kept with the application's data, making it first (on a worker,
    /// with a progress dialog) when it does not exist yet.
    void openDemo();
    void openWorkbookDialog();
    void about();
    void updateWindow();
    /// Tells the user what failed (`what`), where and what to do (the error's description).
    void showError(const QString& what, const Error& error);
    void openFailed(const QString& path, const Error& error);

    WorkbookDocument* m_document;
    RecentFiles* m_recent;
    std::unique_ptr<DockLayout> m_layout;
    QStackedWidget* m_stack = nullptr;
    ReloadBar* m_reloadBar = nullptr;
    QTimer* m_changeWatch = nullptr;
    WelcomePage* m_welcome = nullptr;
    QLabel* m_noWorkbook = nullptr;
    OverviewPage* m_overview = nullptr;
    DataSourcesDock* m_dataSources = nullptr;
    DataQualityDock* m_dataQuality = nullptr;
    LogDock* m_log = nullptr;
    AnalysisWorkspace* m_analysis = nullptr;
    SegmentsDock* m_segments = nullptr;
    InsightsDock* m_insights = nullptr;
    HierarchyDashboardDock* m_dashboard = nullptr;
    PortfolioDock* m_portfolio = nullptr;
    bool m_restoreLayouts = false;  ///< per-workbook layouts: on once restoreLayout() ran
    QPointer<ImportWizard> m_wizard;
    QPointer<ReportDialog> m_report;
    QLabel* m_statusPath = nullptr;
    QLabel* m_statusCounts = nullptr;

    struct Actions {
        QAction* newWorkbook = nullptr;
        QAction* open = nullptr;
        QAction* import = nullptr;
        QAction* report = nullptr;
        QAction* importIntoNew = nullptr;  ///< the welcome page's: a new workbook, then the wizard
        QAction* openDemo = nullptr;
        QAction* close = nullptr;
        QAction* quit = nullptr;
        QAction* resetLayout = nullptr;
        QAction* about = nullptr;
        QAction* aboutQt = nullptr;
    } m_actions;
};

}  // namespace cw::app
