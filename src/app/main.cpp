// clienting-workbench: the Qt Widgets workbench.
//   clienting-workbench [WORKBOOK] [--import-wizard] [--import-file FILE] [--screenshot PNG]
//                       [--matrix NAME] [--by FIELD] [--select-quadrant NAME] [--dashboard NODE]
//                       [--portfolio MANAGER] [--report-dialog]
#include <QApplication>
#include <QDockWidget>
#include <QCommandLineParser>
#include <QDir>
#include <QPixmap>
#include <QScreen>
#include <QTimer>

#include <cstdio>

#include <unistd.h>
#include <cstdlib>

#include "app/analysis/AnalysisWorkspace.h"
#include "app/dashboard/HierarchyDashboardDock.h"
#include "app/import/ImportWizard.h"
#include "app/matrices/MatrixDock.h"
#include "app/matrices/MatrixSession.h"
#include "app/log/LogRelay.h"
#include "app/window/MainWindow.h"
#include "app/workbook/OpenStopwatch.h"
#include "app/log/QtMessageBridge.h"
#include "app/portfolio/PortfolioDock.h"
#include "app/report/ReportDialog.h"
#include "app/workbook/WorkbookDocument.h"
#include "core/Log.h"
#include "engine/matrix/MatrixComputation.h"
#include "engine/matrix/MatrixSpec.h"

namespace {

// Qt warns (and some platform code misbehaves) without a private runtime directory.
void ensureRuntimeDir() {
    if (qEnvironmentVariableIsSet("XDG_RUNTIME_DIR")) return;
    QByteArray dir = QDir::tempPath().toLocal8Bit() + "/clienting-runtime-XXXXXX";
    if (mkdtemp(dir.data())) qputenv("XDG_RUNTIME_DIR", dir);  // mkdtemp creates it 0700
}

// Shows and raises a dock once the matrices have loaded (they take the front when they do; a
// --raise of another dock would come later and win).
void raiseAfterTheMatrices(cw::app::MainWindow& window, QDockWidget* dock) {
    QObject::connect(
        window.analysis()->session(), &cw::app::MatrixSession::loaded, &window,
        [dock] {
            dock->show();
            dock->raise();
        },
        Qt::SingleShotConnection);
}

// Waits until the window has nothing left to load (audit, preview), then saves what a user
// would see: the import wizard when it is open, else the main window.
void scheduleScreenshot(cw::app::MainWindow* window, const QString& path) {
    auto* timer = new QTimer(window);
    auto idleTicks = std::make_shared<int>(0);
    auto elapsed = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, window, [=] {
        *elapsed += timer->interval();
        *idleTicks = window->isBusy() ? 0 : *idleTicks + 1;
        // Several idle ticks in a row: queued model updates and repaints have landed.
        if (*idleTicks < 5 && *elapsed < 120000) return;
        timer->stop();
        QPixmap picture;
        if (auto* report = window->reportDialog()) {
            // The dialog over the window, as the screen shows it (grabbed alone where the
            // platform has no screen to grab, e.g. offscreen).
            if (auto* screen = report->screen()) picture = screen->grabWindow(0);
            if (picture.isNull()) picture = report->grab();
        } else {
            QWidget* target = window->importWizard() ? static_cast<QWidget*>(window->importWizard())
                                                     : static_cast<QWidget*>(window);
            picture = target->grab();
        }
        const bool ok = picture.save(path);
        if (!ok) qCritical("cannot write the screenshot to %s", qPrintable(path));
        QApplication::exit(ok ? 0 : 1);
    });
    timer->start(100);
}

}  // namespace

int main(int argc, char** argv) {
    ensureRuntimeDir();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Clienting"));
    QApplication::setOrganizationDomain(QStringLiteral("clienting.example.org"));
    QApplication::setApplicationName(QStringLiteral("Clienting Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(CW_VERSION));

    cw::log::init();
    cw::app::installQtMessageHandler();
    cw::app::LogRelay::instance();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Customer intelligence for the Clienting method."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workbook"),
                                 QApplication::translate("main", "Workbook (.cwb) to open."),
                                 QStringLiteral("[workbook]"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main",
                                "Once everything is loaded, save the window as PNG and quit."),
        QStringLiteral("file"));
    const QCommandLineOption wizard(QStringLiteral("import-wizard"),
                                    QApplication::translate("main", "Open the import wizard."));
    const QCommandLineOption importFile(
        QStringLiteral("import-file"),
        QApplication::translate("main", "Open the import wizard on this file's mapping page."),
        QStringLiteral("file"));
    const QCommandLineOption matrix(QStringLiteral("matrix"),
                                    QApplication::translate("main", "Show this matrix large (e.g. profitability-loyalty)."),
                                    QStringLiteral("name"));
    const QCommandLineOption by(QStringLiteral("by"),
                                QApplication::translate("main", "Break the matrices down by segment, channel, region or manager."),
                                QStringLiteral("field"));
    const QCommandLineOption selectQuadrant(
        QStringLiteral("select-quadrant"),
        QApplication::translate("main", "Select the customers of this quadrant of the large matrix."),
        QStringLiteral("name"));
    const QCommandLineOption raiseDock(
        QStringLiteral("raise"),
        QApplication::translate("main", "Bring this dock to the front once the workbook is loaded (e.g. analysisSummaryDock)."),
        QStringLiteral("dock"));
    const QCommandLineOption openTiming(
        QStringLiteral("open-timing"),
        QApplication::translate("main", "Print how long the workbook took to open, up to the first matrix drawn, and quit "
                                        "(bench/open.sh)."));
    const QCommandLineOption exportMatrix(
        QStringLiteral("export-matrix"),
        QApplication::translate("main", "Export the matrix shown (see --matrix, --by) with its caption to FILE "
                                        "(.png, .svg or .pdf) once the workbook is loaded, and quit."),
        QStringLiteral("file"));
    const QCommandLineOption dashboard(
        QStringLiteral("dashboard"),
        QApplication::translate("main", "Bring the hierarchy dashboard to the front with this node selected: a manager's "
                                        "code or \"company\"."),
        QStringLiteral("node"));
    const QCommandLineOption portfolio(
        QStringLiteral("portfolio"),
        QApplication::translate("main", "Bring the Portfolio dock to the front with this commercial manager's portfolio "
                                        "(a manager's code) loaded."),
        QStringLiteral("manager"));
    parser.addOptions(
        {screenshot, wizard, importFile, matrix, by, selectQuadrant, raiseDock, openTiming, exportMatrix, dashboard});
    const QCommandLineOption reportDialog(
        QStringLiteral("report-dialog"),
        QApplication::translate("main", "Open the Report dialog once the workbook is open."));
    parser.addOption(portfolio);
    parser.addOption(reportDialog);
    parser.process(app);

    cw::app::MainWindow window;
    // Screenshots use the default layout, so they do not depend on the last session.
    if (!parser.isSet(screenshot)) window.restoreLayout();
    window.show();

    const QStringList args = parser.positionalArguments();
    if (parser.isSet(openTiming)) {
        QObject::connect(&cw::app::OpenStopwatch::instance(), &cw::app::OpenStopwatch::firstMatrixDrawn, &app,
                         [](const QString& phases, qint64 totalMs) {
                             std::printf("first matrix drawn after %lld ms: %s\n", static_cast<long long>(totalMs),
                                         qPrintable(phases));
                             std::fflush(stdout);
                             QApplication::exit(0);
                         });
        QTimer::singleShot(120000, &app, [] { QApplication::exit(1); });  // never drawn: say so by the exit code
    }
    if (!args.isEmpty()) window.openWorkbook(args.constFirst());
    if (parser.isSet(wizard) || parser.isSet(importFile)) {
        const QString file = parser.value(importFile);
        // The wizard imports into the workbook, which is still opening in the background.
        if (window.document()->isOpening())
            QObject::connect(
                window.document(), &cw::app::WorkbookDocument::workbookOpened, &window,
                [&window, file] { window.showImportWizard(file); }, Qt::SingleShotConnection);
        else
            window.showImportWizard(file);
    }
    if (parser.isSet(matrix) || parser.isSet(by) || parser.isSet(selectQuadrant)) {
        auto* session = window.analysis()->session();
        const QString name = parser.value(matrix), field = parser.value(by), quadrant = parser.value(selectQuadrant);
        QObject::connect(
            session, &cw::app::MatrixSession::loaded, &window,
            [&window, session, name, field, quadrant] {
                auto* dock = window.analysis()->matrixDock();
                if (!name.isEmpty())
                    if (auto spec = cw::engine::findMatrixSpec(name.toStdString())) dock->showMatrix((*spec)->kind);
                if (!field.isEmpty())
                    if (auto f = cw::engine::parseGroupField(field.toStdString())) dock->setBreakdown(*f);
                if (quadrant.isEmpty()) return;
                const auto kind = dock->current();
                const auto& spec = cw::engine::matrixSpec(kind);
                const auto& m = session->matrix(kind);
                if (!m.result) return;
                std::vector<std::int32_t> points;
                for (std::size_t i = 0; i < m.result->assignment.size(); ++i)
                    if (m.result->assignment[i] >= 0 &&
                        spec.quadrants[std::size_t(m.result->assignment[i])].name == quadrant.toStdString())
                        points.push_back(std::int32_t(i));
                session->setSelection(session->idsOf(kind, points), nullptr);
            },
            Qt::SingleShotConnection);
    }
    if (parser.isSet(exportMatrix)) {
        const QString file = parser.value(exportMatrix);
        // After --matrix and --by have been applied (connected first, so called first).
        QObject::connect(
            window.analysis()->session(), &cw::app::MatrixSession::loaded, &window,
            [&window, file] {
                const QString why = window.analysis()->matrixDock()->exportCurrent(file);
                if (!why.isEmpty()) std::fprintf(stderr, "cannot export the matrix to %s: %s\n", qPrintable(file), qPrintable(why));
                QApplication::exit(why.isEmpty() ? 0 : 1);
            },
            Qt::SingleShotConnection);
        QObject::connect(window.analysis()->session(), &cw::app::MatrixSession::notAnalysed, &window,
                         [](const QString& why) {
                             std::fprintf(stderr, "no matrix to export: %s\n", qPrintable(why));
                             QApplication::exit(1);
                         });
    }
    if (parser.isSet(raiseDock)) {
        const QString name = parser.value(raiseDock);
        QObject::connect(
            window.analysis()->session(), &cw::app::MatrixSession::loaded, &window,
            [&window, name] {
                if (auto* dock = window.findChild<QDockWidget*>(name)) {
                    dock->show();
                    dock->raise();
                }
            },
            Qt::SingleShotConnection);
    }
    if (parser.isSet(dashboard)) {
        const QString node = parser.value(dashboard);
        auto* dock = window.dashboardDock();
        dock->show();
        dock->raise();
        dock->selectWhenLoaded(node);
        raiseAfterTheMatrices(window, dock);
    }
    if (parser.isSet(portfolio)) {
        // The dock counts as busy until that portfolio is read, so a --screenshot waits for it.
        auto* dock = window.portfolioDock();
        dock->showManager(parser.value(portfolio));
        raiseAfterTheMatrices(window, dock);
    }
    if (parser.isSet(reportDialog))
        QObject::connect(
            window.document(), &cw::app::WorkbookDocument::workbookOpened, &window,
            [&window] { window.showReportDialog(); }, Qt::SingleShotConnection);
    if (parser.isSet(screenshot)) scheduleScreenshot(&window, parser.value(screenshot));
    return QApplication::exec();
}
