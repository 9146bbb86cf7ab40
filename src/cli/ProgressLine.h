#pragma once
// The progress line a command draws on stderr: only on a terminal (a log file or a pipe gets no
// carriage-return residue), at most every `interval`, and wiped before anything else is printed.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "core/Progress.h"

namespace cw::cli {

class ProgressLine {
public:
    /// Draws nothing when `quiet` or when stderr is not a terminal.
    explicit ProgressLine(bool quiet, std::chrono::milliseconds interval = std::chrono::milliseconds(500))
        : m_enabled(!quiet && ::isatty(::fileno(stderr)) == 1), m_interval(interval) {}
    ~ProgressLine() { clear(); }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    /// "phase 42%" when the total is known, else "phase".
    void show(const ProgressInfo& p) {
        if (!m_enabled) return;
        const auto now = std::chrono::steady_clock::now();
        if (m_width > 0 && now - m_last < m_interval) return;
        m_last = now;
        std::string text(p.phase);
        if (p.total > 0) text += " " + std::to_string(static_cast<int>(100.0 * double(p.done) / double(p.total))) + "%";
        const std::size_t width = std::max(m_width, text.size());
        std::fprintf(stderr, "\r%-*s", static_cast<int>(width), text.c_str());
        std::fflush(stderr);
        m_width = width;
    }
    /// Wipes a drawn line (nothing when none was drawn).
    void clear() {
        if (m_width == 0) return;
        std::fprintf(stderr, "\r%*s\r", static_cast<int>(m_width), "");
        std::fflush(stderr);
        m_width = 0;
    }

private:
    bool m_enabled;
    std::chrono::milliseconds m_interval;
    std::chrono::steady_clock::time_point m_last{};
    std::size_t m_width = 0;
};

}  // namespace cw::cli
