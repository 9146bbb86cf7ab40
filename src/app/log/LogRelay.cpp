#include "app/log/LogRelay.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <mutex>

namespace cw::app {
namespace {

// Guards the pointer against a relay being destroyed while a worker logs.
std::mutex g_mutex;
LogRelay* g_relay = nullptr;

}  // namespace

LogRelay::LogRelay(QObject* parent) : QObject(parent) {}

LogRelay::~LogRelay() {
    std::lock_guard lock(g_mutex);
    if (g_relay == this) g_relay = nullptr;
}

LogRelay* LogRelay::instance() {
    static std::once_flag sinkAdded;
    std::call_once(sinkAdded, [] { log::addCallbackSink(&LogRelay::forward, log::Level::Debug); });
    std::lock_guard lock(g_mutex);
    if (!g_relay) g_relay = new LogRelay(QCoreApplication::instance());
    return g_relay;
}

void LogRelay::forward(log::Level level, const std::string& logger, const std::string& text) {
    std::lock_guard lock(g_mutex);
    if (!g_relay) return;
    // Queued even from the GUI thread: a message logged inside a model update must not
    // re-enter the model that is being updated.
    QMetaObject::invokeMethod(
        g_relay,
        [relay = g_relay, level, logger = QString::fromStdString(logger),
         text = QString::fromStdString(text)] { emit relay->message(level, logger, text); },
        Qt::QueuedConnection);
}

}  // namespace cw::app
