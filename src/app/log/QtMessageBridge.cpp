#include "app/log/QtMessageBridge.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <spdlog/spdlog.h>

#include <cstdlib>

#include "core/Log.h"

namespace cw::app {
namespace {

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    // A Qt warning raised while a sink is writing would re-enter spdlog's sink mutex.
    thread_local bool inside = false;
    if (inside) return;
    inside = true;
    auto log = log::get("app");
    const std::string text = context.category && qstrcmp(context.category, "default") != 0
                                 ? std::string(context.category) + ": " + message.toStdString()
                                 : message.toStdString();
    switch (type) {
        case QtDebugMsg:
            log->debug("{}", text);
            break;
        case QtInfoMsg:
            log->info("{}", text);
            break;
        case QtWarningMsg:
            log->warn("{}", text);
            break;
        case QtCriticalMsg:
            log->error("{}", text);
            break;
        case QtFatalMsg:
            log->critical("{}", text);
            log->flush();
            std::abort();
    }
    inside = false;
}

}  // namespace

void installQtMessageHandler() {
    qInstallMessageHandler(handler);
}

}  // namespace cw::app
