#pragma once
// Routes Qt's own messages (qWarning from widgets, plugins…) into the "app" spdlog logger, so
// they reach stderr and the Log dock like everything else.

namespace cw::app {

/// Installs the handler (idempotent). Call after QApplication is created.
void installQtMessageHandler();

}  // namespace cw::app
