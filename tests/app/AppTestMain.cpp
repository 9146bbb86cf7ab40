// main() of the GUI tests: a QApplication first (widgets and Qt Charts need it), with settings
// and runtime files in a private temporary folder so tests neither read nor change the user's.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

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
    return RUN_ALL_TESTS();
}
