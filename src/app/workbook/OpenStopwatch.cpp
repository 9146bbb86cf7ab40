#include "app/workbook/OpenStopwatch.h"

#include <QFileInfo>
#include <QStringList>

#include <spdlog/spdlog.h>

#include "app/widgets/Format.h"
#include "core/Log.h"

namespace cw::app {

OpenStopwatch& OpenStopwatch::instance() {
    static OpenStopwatch* watch = new OpenStopwatch;  // lives as long as the application
    return *watch;
}

void OpenStopwatch::start(const QString& path) {
    std::lock_guard lock(m_mutex);
    m_timer.start();
    m_path = path;
    m_phases.clear();
    m_armed = true;
}

void OpenStopwatch::mark(const char* phase) {
    std::lock_guard lock(m_mutex);
    if (!m_armed) return;
    const qint64 ms = m_timer.elapsed();
    m_phases.emplace_back(QString::fromUtf8(phase), ms);
    log::get("app")->debug("opening {}: {} after {} ms", toStdString(QFileInfo(m_path).fileName()), phase, ms);
}

void OpenStopwatch::matrixDrawn() {
    if (!m_armed.load(std::memory_order_relaxed)) return;  // every paint after the first: no lock
    QString text;
    qint64 total = 0;
    {
        std::lock_guard lock(m_mutex);
        if (!m_armed) return;
        m_armed = false;
        total = m_timer.elapsed();
        QStringList parts;
        for (const auto& [phase, ms] : m_phases) parts << QStringLiteral("%1 %2 ms").arg(phase).arg(ms);
        parts << QStringLiteral("first matrix drawn %1 ms").arg(total);
        text = parts.join(QStringLiteral(", "));
        log::get("app")->info("opened {}: {}", toStdString(QFileInfo(m_path).fileName()), toStdString(text));
    }
    emit firstMatrixDrawn(text, total);
}

}  // namespace cw::app
