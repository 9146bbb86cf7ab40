#pragma once
// Times the opening of a workbook up to the first matrix drawn with points, the moment a user
// can start working: phases go to the log, the total to the log and to firstMatrixDrawn
// (bench/open.sh reads it through `clienting-workbench --open-timing`).
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <mutex>
#include <vector>

namespace cw::app {

class OpenStopwatch : public QObject {
    Q_OBJECT
public:
    static OpenStopwatch& instance();
    /// A workbook starts opening: phases are timed from now.
    void start(const QString& path);
    /// A phase ended (any thread).
    void mark(const char* phase);
    /// A matrix was drawn with points: the first time after start(), the opening is complete.
    void matrixDrawn();

signals:
    /// "phase ms, phase ms, …, first matrix drawn ms", once per opening.
    void firstMatrixDrawn(const QString& phases, qint64 totalMs);

private:
    OpenStopwatch() = default;
    std::mutex m_mutex;
    QElapsedTimer m_timer;
    QString m_path;
    std::vector<std::pair<QString, qint64>> m_phases;
    std::atomic<bool> m_armed{false};  ///< read without the lock on every paint
};

}  // namespace cw::app
