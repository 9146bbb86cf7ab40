#include "core/Log.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>
#include <vector>

namespace cw::log {
namespace {

spdlog::level::level_enum toSpd(Level l) {
    switch (l) {
        case Level::Trace: return spdlog::level::trace;
        case Level::Debug: return spdlog::level::debug;
        case Level::Info: return spdlog::level::info;
        case Level::Warn: return spdlog::level::warn;
        case Level::Error: return spdlog::level::err;
    }
    return spdlog::level::info;
}

Level fromSpd(spdlog::level::level_enum l) {
    switch (l) {
        case spdlog::level::trace: return Level::Trace;
        case spdlog::level::debug: return Level::Debug;
        case spdlog::level::info: return Level::Info;
        case spdlog::level::warn: return Level::Warn;
        default: return Level::Error;
    }
}

class CallbackSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    using Fn = std::function<void(Level, const std::string&, const std::string&)>;
    explicit CallbackSink(Fn fn) : m_fn(std::move(fn)) {}

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        m_fn(fromSpd(msg.level), std::string(msg.logger_name.begin(), msg.logger_name.end()),
             std::string(msg.payload.begin(), msg.payload.end()));
    }
    void flush_() override {}

private:
    Fn m_fn;
};

struct Registry {
    std::mutex mutex;
    std::vector<spdlog::sink_ptr> sinks;
    spdlog::sink_ptr console;
    std::vector<std::shared_ptr<spdlog::logger>> loggers;
};

Registry& registry() {
    static Registry r;
    return r;
}

void ensureConsole(Registry& r, bool verbose) {
    if (r.console) return;
    r.console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    r.console->set_level(verbose ? spdlog::level::debug : spdlog::level::warn);
    r.console->set_pattern("%^%l%$ [%n] %v");
    r.sinks.push_back(r.console);
}

}  // namespace

void init(bool verbose) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    ensureConsole(r, verbose);
    if (verbose) r.console->set_level(spdlog::level::debug);
}

std::shared_ptr<spdlog::logger> get(const std::string& layer) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    ensureConsole(r, false);
    for (auto& l : r.loggers)
        if (l->name() == layer) return l;
    auto l = std::make_shared<spdlog::logger>(layer, r.sinks.begin(), r.sinks.end());
    l->set_level(spdlog::level::debug);
    r.loggers.push_back(l);
    return l;
}

void addCallbackSink(std::function<void(Level, const std::string&, const std::string&)> fn,
                     Level minLevel) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    ensureConsole(r, false);
    auto sink = std::make_shared<CallbackSink>(std::move(fn));
    sink->set_level(toSpd(minLevel));
    sink->set_pattern("%v");
    r.sinks.push_back(sink);
    for (auto& l : r.loggers) l->sinks().push_back(sink);
}

void setConsoleLevel(Level level) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    ensureConsole(r, false);
    r.console->set_level(toSpd(level));
}

}  // namespace cw::log
