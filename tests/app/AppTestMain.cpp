// main() of the GUI tests: a QApplication first (widgets and Qt Charts need it), with settings
// and runtime files in a private temporary folder so tests neither read nor change the user's.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>

#include "app/log/LogRelay.h"
#include "app/log/QtMessageBridge.h"
#include "core/Log.h"

int main(int argc, char** argv) {
    // Test discovery runs this binary without the ctest environment: never need a display.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/config")).toLocal8Bit());
    qputenv("XDG_RUNTIME_DIR", (home.path() + QStringLiteral("/runtime")).toLocal8Bit());
    QDir(home.path()).mkpath(QStringLiteral("runtime"));
    QFile::setPermissions(home.path() + QStringLiteral("/runtime"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClientingTests"));
    QApplication::setApplicationName(QStringLiteral("app_tests"));
    cw::log::init();
    cw::app::installQtMessageHandler();
    cw::app::LogRelay::instance();
    // A modal dialog nobody closes (an error shown where a test expected none) would wait for a
    // click until the suite's time limit: after 20 s it fails the running test, saying what the
    // dialog said, and is closed so that the suite goes on.
    QPointer<QWidget> modal;
    QElapsedTimer openFor;
    QTimer watchdog;
    watchdog.callOnTimeout([&] {
        QWidget* m = QApplication::activeModalWidget();
        if (m != modal) {
            modal = m;
            openFor.start();
            return;
        }
        if (!m || openFor.elapsed() < 20000) return;
        QString text = m->windowTitle();
        if (auto* box = qobject_cast<QMessageBox*>(m))
            text += QStringLiteral(": ") + box->text() + QStringLiteral(" ") + box->informativeText();
        ADD_FAILURE() << "a modal dialog was left open for 20 s and was closed: " << text.toStdString();
        if (auto* d = qobject_cast<QDialog*>(m)) d->reject();
        else m->close();
        modal = nullptr;
    });
    watchdog.start(1000);
    return RUN_ALL_TESTS();
}
