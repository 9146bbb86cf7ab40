#include "app/window/MainWindow.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QScreen>
#include <QScrollArea>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "app/analysis/AnalysisSummaryDock.h"
#include "app/quality/DataQualityDock.h"
#include "app/import/DataSourcesDock.h"
#include "app/analysis/AnalysisWorkspace.h"
#include "app/customers/CustomerDetailDock.h"
#include "app/customers/CustomerTableDock.h"
#include "app/matrices/MatrixDock.h"
#include "app/window/DockLayout.h"
#include "app/widgets/Format.h"
#include "app/import/ImportWizard.h"
#include "app/analysis/InsightsDock.h"
#include "app/dashboard/HierarchyDashboardDock.h"
#include "app/log/LogDock.h"
#include "app/portfolio/PortfolioDock.h"
#include "app/workbook/OverviewPage.h"
#include "app/report/ReportDialog.h"
#include "app/workbook/RecentFiles.h"
#include "app/workbook/ReloadBar.h"
#include "app/analysis/SegmentsDock.h"
#include "app/window/AppSettings.h"
#include "app/workbook/WelcomePage.h"
#include "app/workbook/WorkbookDocument.h"
#include "engine/Analysis.h"
#include "engine/DemoGenerator.h"
#include "store/Workbook.h"

namespace cw::app {
namespace {

const char* const kWorkbookFilter =
    QT_TRANSLATE_NOOP("MainWindow", "Clienting workbooks (*.cwb);;All files (*)");

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_document(new WorkbookDocument(this)),
      m_recent(new RecentFiles(this)),
      m_layout(std::make_unique<DockLayout>(this)) {
    setObjectName(QStringLiteral("MainWindow"));
    createActions();
    m_analysis = new AnalysisWorkspace(this, m_document);
    createDocks();
    createMenus();

    m_welcome = new WelcomePage({m_actions.openDemo, m_actions.importIntoNew, m_actions.newWorkbook, m_actions.open},
                                m_recent);
    // The welcome page takes the matrices' place (the largest area) while no workbook is open.
    m_analysis->matrixDock()->setWelcome(m_welcome);
    m_overview = new OverviewPage;
    m_noWorkbook = new QLabel(tr("No workbook open."));
    m_noWorkbook->setAlignment(Qt::AlignCenter);
    m_noWorkbook->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_noWorkbook);
    m_stack->addWidget(m_overview);
    m_reloadBar = new ReloadBar;
    m_reloadBar->hide();
    auto* central = new QWidget;
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_reloadBar);
    // The welcome and overview pages scroll rather than make the window taller than the screen.
    auto* centralScroll = new QScrollArea;
    centralScroll->setWidgetResizable(true);
    centralScroll->setFrameShape(QFrame::NoFrame);
    centralScroll->setWidget(m_stack);
    centralScroll->setMinimumHeight(120);
    centralLayout->addWidget(centralScroll, 1);
    setCentralWidget(central);

    m_statusPath = new QLabel;
    m_statusCounts = new QLabel;
    statusBar()->addWidget(m_statusPath, 1);
    statusBar()->addPermanentWidget(m_statusCounts);

    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openWorkbook);
    connect(m_document, &WorkbookDocument::workbookOpened, this, [this] {
        m_recent->add(m_document->path());
        if (m_restoreLayouts) m_layout->restoreFor(m_document->path());
        updateWindow();
    });
    connect(m_document, &WorkbookDocument::openFailed, this, &MainWindow::openFailed);
    connect(m_document, &WorkbookDocument::workbookClosed, this, &MainWindow::updateWindow);
    connect(m_document, &WorkbookDocument::dataChanged, this, &MainWindow::updateWindow);
    connect(m_dataQuality, &DataQualityDock::reportChanged, m_overview, &OverviewPage::setAudit);

    // Another program (the CLI, a second window) may change the workbook: notice it cheaply
    // (data_version on the document's connection) and offer to reload; never reload by itself.
    connect(m_document, &WorkbookDocument::changedExternally, m_reloadBar, &QWidget::show);
    connect(m_document, &WorkbookDocument::workbookOpened, m_reloadBar, &QWidget::hide);
    connect(m_document, &WorkbookDocument::workbookClosed, m_reloadBar, &QWidget::hide);
    connect(m_reloadBar, &ReloadBar::reloadRequested, this, [this] {
        if (m_document->isOpen()) openWorkbook(m_document->path());
    });
    m_changeWatch = new QTimer(this);
    m_changeWatch->setInterval(2000);
    connect(m_changeWatch, &QTimer::timeout, this, &MainWindow::checkForExternalChanges);
    m_changeWatch->start();
    connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state == Qt::ApplicationActive) checkForExternalChanges();
    });

    // Never larger than the screen (a 1366×768 laptop less its taskbar included).
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1480, 920);
    resize(std::min(1480, available.width()), std::min(920, available.height()));
    // The matrices get most of the height; the overview keeps what is left.
    resizeDocks({static_cast<QDockWidget*>(m_analysis->matrixDock()), m_dataSources}, {640, 220}, Qt::Vertical);
    m_layout->captureDefault();
    updateWindow();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    auto make = [this](const QString& text, QKeySequence shortcut, const QString& tip) {
        auto* action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setStatusTip(tip);
        return action;
    };
    m_actions.newWorkbook =
        make(tr("&New workbook…"), QKeySequence::New, tr("Create an empty workbook file"));
    m_actions.open = make(tr("&Open…"), QKeySequence::Open, tr("Open a workbook file"));
    m_actions.import = make(tr("&Import data…"), QKeySequence(tr("Ctrl+I")),
                            tr("Import a CSV file into the open workbook"));
    m_actions.report = make(tr("&Report…"), QKeySequence(tr("Ctrl+Shift+R")),
                            tr("Write the Clienting report or the managers' portfolio packs as PDF"));
    m_actions.importIntoNew = make(tr("&Import data…"), {}, tr("Create a workbook and import a CSV file into it"));
    m_actions.openDemo = make(tr("Open the &demo workbook"), {},
                              tr("A generated company of 2,000 customers, analysed: to explore the matrices first"));
    m_actions.close = make(tr("&Close"), QKeySequence::Close, tr("Close the workbook"));
    m_actions.quit = make(tr("&Quit"), QKeySequence::Quit, tr("Quit Clienting Workbench"));
    m_actions.resetLayout = make(tr("&Reset layout"), {}, tr("Put every panel back in place"));
    m_actions.about = make(tr("&About Clienting Workbench"), {}, {});
    m_actions.aboutQt = make(tr("About &Qt"), {}, {});
    m_actions.newWorkbook->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    m_actions.open->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_actions.quit->setMenuRole(QAction::QuitRole);
    m_actions.about->setMenuRole(QAction::AboutRole);

    connect(m_actions.newWorkbook, &QAction::triggered, this, &MainWindow::newWorkbook);
    connect(m_actions.open, &QAction::triggered, this, &MainWindow::openWorkbookDialog);
    connect(m_actions.import, &QAction::triggered, this, [this] { showImportWizard(); });
    connect(m_actions.importIntoNew, &QAction::triggered, this, [this] {
        newWorkbook();
        if (m_document->isOpen()) showImportWizard();
    });
    connect(m_actions.report, &QAction::triggered, this, [this] { showReportDialog(); });
    connect(m_actions.openDemo, &QAction::triggered, this, &MainWindow::openDemo);
    connect(m_actions.close, &QAction::triggered, this, [this] {
        if (m_restoreLayouts && m_document->isOpen()) m_layout->saveFor(m_document->path());
        m_document->close();
    });
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions.resetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(m_actions.about, &QAction::triggered, this, &MainWindow::about);
    connect(m_actions.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions.newWorkbook);
    file->addAction(m_actions.open);
    file->addMenu(m_recent->createMenu(tr("Open &Recent"), this));
    file->addSeparator();
    file->addAction(m_actions.import);
    file->addAction(m_actions.report);
    file->addAction(m_actions.openDemo);
    file->addSeparator();
    file->addAction(m_actions.close);
    file->addAction(m_actions.quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    auto* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    menuBar()->addMenu(m_analysis->createMenu());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QList<QDockWidget*> docks{m_dataSources, m_dataQuality, m_log};
    docks << m_analysis->docks();
    docks << m_segments << m_insights << m_dashboard << m_portfolio;
    for (QDockWidget* dock : docks) view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(m_actions.resetLayout);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_actions.about);
    help->addAction(m_actions.aboutQt);
}

void MainWindow::createDocks() {
    setDockNestingEnabled(true);
    m_dataSources = new DataSourcesDock(m_document, this);
    m_dataQuality = new DataQualityDock(m_document, this);
    m_log = new LogDock(this);
    // The overview gets the width; sources and log share the bottom, quality runs full height.
    addDockWidget(Qt::BottomDockWidgetArea, m_dataSources);
    addDockWidget(Qt::BottomDockWidgetArea, m_log);
    tabifyDockWidget(m_dataSources, m_log);
    m_dataSources->raise();
    addDockWidget(Qt::RightDockWidgetArea, m_dataQuality);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    // The matrices take the top; the customer table joins the bottom tabs, the detail the right.
    m_analysis->placeDocks();
    tabifyDockWidget(m_dataSources, m_analysis->tableDock());
    tabifyDockWidget(m_dataQuality, m_analysis->detailDock());
    tabifyDockWidget(m_dataQuality, m_analysis->summaryDock());
    // Saved segmentations and pinned insights: beside the summary, what the analyst keeps.
    m_segments = new SegmentsDock(m_document, m_analysis->session(), this);
    m_insights = new InsightsDock(m_document, m_analysis->session(), this);
    addDockWidget(Qt::RightDockWidgetArea, m_segments);
    addDockWidget(Qt::RightDockWidgetArea, m_insights);
    tabifyDockWidget(m_dataQuality, m_segments);
    tabifyDockWidget(m_dataQuality, m_insights);
    // The dashboard needs the width and height the matrices have: a tab beside them.
    m_dashboard = new HierarchyDashboardDock(m_document, m_analysis, this);
    tabifyDockWidget(m_analysis->matrixDock(), m_dashboard);
    // A manager's portfolio: alerts, customers and plans side by side want the same room.
    m_portfolio = new PortfolioDock(m_document, m_analysis, this);
    tabifyDockWidget(m_analysis->matrixDock(), m_portfolio);
    connect(m_dashboard, &HierarchyDashboardDock::portfolioRequested, m_portfolio, &PortfolioDock::showManager);
    connect(m_portfolio, &PortfolioDock::packRequested, this, [this](const QString& code) {
        showReportDialog(int(ReportDialog::Target::Pack), code);
    });
    m_analysis->matrixDock()->raise();
    m_dataSources->raise();
    m_dataQuality->raise();
    resizeDocks({m_dataQuality}, {470}, Qt::Horizontal);
    resizeDocks({m_dataSources}, {230}, Qt::Vertical);
}

void MainWindow::openWorkbook(const QString& path) {
    if (m_restoreLayouts && m_document->isOpen()) m_layout->saveFor(m_document->path());
    m_statusPath->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    prefs::lastWorkbookDirectory.set(QFileInfo(path).absolutePath());
    m_document->openInBackground(path);
}

void MainWindow::openFailed(const QString& path, const Error& error) {
    updateWindow();
    if (!QFileInfo::exists(path)) m_recent->remove(path);  // a recent file that went away
    showError(tr("Cannot open “%1”.").arg(QFileInfo(path).fileName()), error);
}

void MainWindow::openWorkbookDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open workbook"),
                                                      prefs::lastWorkbookDirectory.get(), tr(kWorkbookFilter));
    if (!path.isEmpty()) openWorkbook(path);
}

void MainWindow::newWorkbook() {
    QFileDialog dialog(this, tr("New workbook"), prefs::lastWorkbookDirectory.get(), tr(kWorkbookFilter));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("cwb"));
    // The store refuses to overwrite, so a "replace?" question would only mislead.
    dialog.setOption(QFileDialog::DontConfirmOverwrite);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
    const QString path = dialog.selectedFiles().constFirst();
    prefs::lastWorkbookDirectory.set(QFileInfo(path).absolutePath());
    const Status st = m_document->create(path);
    if (!st) showError(tr("Cannot create “%1”.").arg(QFileInfo(path).fileName()), st.error());
}

void MainWindow::openDemo() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QString path = QDir(folder).filePath(QStringLiteral("demo.cwb"));
    if (QFileInfo::exists(path)) {
        openWorkbook(path);
        return;
    }
    QDir().mkpath(folder);
    auto* progress = new QProgressDialog(tr("Making the demo workbook: 2,000 customers over three years, their "
                                            "purchases, survey answers and notes, then analysing them…"),
                                         QString(), 0, 0, this);
    progress->setWindowTitle(tr("Demo workbook"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->show();
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, progress, path] {
        const Status st = watcher->result();
        watcher->deleteLater();
        progress->deleteLater();
        if (!st) {
            QFile::remove(path);  // never leave half a demo to be opened next time
            showError(tr("Cannot make the demo workbook."), st.error());
            return;
        }
        openWorkbook(path);
    });
    // Made under another name and renamed when complete: a crash leaves no half demo behind.
    watcher->setFuture(QtConcurrent::run([path]() -> Status {
        const QString partial = path + QStringLiteral(".making");
        QFile::remove(partial);
        {
            auto wb = store::Workbook::create(toStdString(partial));
            if (!wb) return wb.takeError();
            if (auto demo = engine::generateDemo(*wb, engine::DemoOptions{}); !demo) return demo.takeError();
            if (auto analysis = engine::runAnalysis(*wb); !analysis) return analysis.takeError();
        }
        if (!QFile::rename(partial, path)) return makeError(ErrorKind::Internal, "cannot move the demo workbook into place", "check the free space and the rights of " + toStdString(QFileInfo(path).absolutePath()));
        return {};
    }));
}

ImportWizard* MainWindow::showImportWizard(const QString& file) {
    if (!m_document->isOpen()) return nullptr;
    if (m_wizard) {
        m_wizard->raise();
        return m_wizard;
    }
    m_wizard = new ImportWizard(m_document->path(), this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &ImportWizard::imported, m_document, &WorkbookDocument::notifyDataChanged);
    if (!file.isEmpty()) m_wizard->setFile(file);
    m_wizard->open();
    if (!file.isEmpty()) m_wizard->next();
    return m_wizard;
}

ReportDialog* MainWindow::showReportDialog() {
    if (!m_document->isOpen()) return nullptr;
    if (!m_report) {
        m_report = new ReportDialog(m_document, this);
        m_report->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_report, &ReportDialog::exported, this, [this](const QString& s) { statusBar()->showMessage(s, 10000); });
    }
    m_report->show();
    m_report->raise();
    m_report->activateWindow();
    return m_report;
}

ReportDialog* MainWindow::showReportDialog(int target, const QString& nodeCode) {
    auto* dialog = showReportDialog();
    if (dialog) dialog->preset(ReportDialog::Target(target), nodeCode);
    return dialog;
}

ReportDialog* MainWindow::reportDialog() const {
    return m_report;
}

ImportWizard* MainWindow::importWizard() const {
    return m_wizard;
}

void MainWindow::restoreLayout() {
    m_layout->restoreSaved();
    m_restoreLayouts = true;
}

void MainWindow::resetLayout() {
    m_layout->resetToDefault();
}

bool MainWindow::isBusy() const {
    return m_document->isOpening() || m_dataQuality->isBusy() || m_analysis->isBusy() ||
           m_dashboard->isBusy() || m_portfolio->isBusy() || (m_wizard && m_wizard->isBusy()) ||
           (m_report && m_report->isBusy());
}

void MainWindow::checkForExternalChanges() {
    if (!m_document->isOpen() || isBusy()) return;  // the window's own jobs write meanwhile
    m_document->checkForExternalChanges();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_layout->save();
    if (m_restoreLayouts && m_document->isOpen()) m_layout->saveFor(m_document->path());
    m_document->close();
    event->accept();
}

void MainWindow::updateWindow() {
    const bool open = m_document->isOpen();
    m_actions.import->setEnabled(open);
    m_actions.report->setEnabled(open);
    m_actions.close->setEnabled(open);
    m_stack->setCurrentWidget(open ? static_cast<QWidget*>(m_overview) : m_noWorkbook);
    if (!open) {
        setWindowTitle(tr("Clienting Workbench"));
        m_statusPath->setText(tr("No workbook open"));
        m_statusCounts->clear();
        return;
    }
    const auto& summary = m_document->summary();
    setWindowTitle(tr("%1 — Clienting Workbench").arg(QFileInfo(summary.path).fileName()));
    m_statusPath->setText(QDir::toNativeSeparators(summary.path));
    const auto imports = static_cast<std::int64_t>(summary.imports.size());
    m_statusCounts->setText(
        tr("%1 customers · %2 transactions · %3 survey responses · %4")
            .arg(formatCount(summary.count("customers")),
                 formatCount(summary.count("transactions")),
                 formatCount(summary.count("survey_responses")),
                 imports == 1 ? tr("1 import") : tr("%1 imports").arg(formatCount(imports))));
    m_overview->setSummary(summary);
}

void MainWindow::showError(const QString& what, const Error& error) {
    QMessageBox box(QMessageBox::Critical, tr("Clienting Workbench"), what, QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("ErrorMessageBox"));
    box.setInformativeText(toQString(error.describe()));
    box.exec();
}

void MainWindow::about() {
    QMessageBox::about(
        this, tr("About Clienting Workbench"),
        tr("<h3>Clienting Workbench %1</h3>"
           "<p>Customer intelligence for the Clienting method: import and audit customer data, "
           "and read the Clienting matrices.</p>"
           "<p>Licensed under the GNU General Public License, version 3 or (at your option) any "
           "later version (GPL-3.0-or-later). It comes with no warranty.</p>"
           "<p>Built with Qt %2. Qt Charts is licensed under the GPL-3, which is why the whole "
           "program is distributed under the GPL.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

}  // namespace cw::app
