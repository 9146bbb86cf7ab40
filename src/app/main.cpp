// clienting-workbench: the Qt Widgets workbench.
//   clienting-workbench [WORKBOOK] [--import-wizard] [--import-file FILE] [--screenshot PNG]
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QPixmap>
#include <QTimer>

#include <unistd.h>
#include <cstdlib>

#include "app/ImportWizard.h"
#include "app/LogRelay.h"
#include "app/MainWindow.h"
#include "app/QtMessageBridge.h"
#include "app/WorkbookDocument.h"
#include "core/Log.h"

namespace {

// Qt warns (and some platform code misbehaves) without a private runtime directory.
void ensureRuntimeDir() {
    if (qEnvironmentVariableIsSet("XDG_RUNTIME_DIR")) return;
    QByteArray dir = QDir::tempPath().toLocal8Bit() + "/clienting-runtime-XXXXXX";
    if (mkdtemp(dir.data())) qputenv("XDG_RUNTIME_DIR", dir);  // mkdtemp creates it 0700
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
        QWidget* target = window->importWizard() ? static_cast<QWidget*>(window->importWizard())
                                                 : static_cast<QWidget*>(window);
        const bool ok = target->grab().save(path);
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
    parser.addOptions({screenshot, wizard, importFile});
    parser.process(app);

    cw::app::MainWindow window;
    // Screenshots use the default layout, so they do not depend on the last session.
    if (!parser.isSet(screenshot)) window.restoreLayout();
    window.show();

    const QStringList args = parser.positionalArguments();
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
    if (parser.isSet(screenshot)) scheduleScreenshot(&window, parser.value(screenshot));
    return QApplication::exec();
}
