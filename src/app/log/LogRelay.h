#pragma once
// Bridges cw::log (spdlog, any thread) to the GUI thread. The store's callback sink cannot be
// removed once added, so it is registered once per process and forwards to whichever relay
// is alive; the relay is a child of the application object and dies with it.
#include <QObject>
#include <QString>

#include "core/Log.h"

namespace cw::app {

class LogRelay : public QObject {
    Q_OBJECT

public:
    /// The relay of this application (created on first use, GUI thread only).
    static LogRelay* instance();
    ~LogRelay() override;

signals:
    /// Emitted on the GUI thread, in the order the messages were logged.
    void message(cw::log::Level level, const QString& logger, const QString& text);

private:
    explicit LogRelay(QObject* parent);
    static void forward(log::Level level, const std::string& logger, const std::string& text);
};

}  // namespace cw::app
