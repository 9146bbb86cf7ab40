#pragma once
// Logging: one named spdlog logger per layer ("core", "store", "engine",
// "app", "cli"), all sharing the sinks installed here. The GUI adds a sink
// that feeds its Log dock. Include <spdlog/spdlog.h> only in .cpp files.
#include <functional>
#include <memory>
#include <string>

namespace spdlog {
class logger;
}

namespace cw::log {

enum class Level { Trace, Debug, Info, Warn, Error };

/// Installs the default sink (stderr, warnings and up unless `verbose`). Idempotent.
void init(bool verbose = false);
/// The layer's logger, created on first use with the shared sinks.
std::shared_ptr<spdlog::logger> get(const std::string& layer);
/// Adds a sink that receives every message at `minLevel` or above (thread-safe callback).
void addCallbackSink(std::function<void(Level, const std::string& logger, const std::string& msg)> fn,
                     Level minLevel = Level::Info);
/// Sets the stderr sink's threshold (e.g. quiet CLI runs).
void setConsoleLevel(Level level);

}  // namespace cw::log
