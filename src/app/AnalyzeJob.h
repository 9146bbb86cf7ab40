#pragma once
// Runs engine::runAnalysis on a worker with its own read-write connection; progress is queued
// to the GUI thread, cancel() stops it at the next phase with nothing stored.
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "app/WorkerTask.h"
#include "engine/Analysis.h"

namespace cw::app {

class AnalyzeJob : public QObject {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<engine::AnalysisSummary>;

    explicit AnalyzeJob(QObject* parent = nullptr);
    ~AnalyzeJob() override;

    void start(const QString& workbookPath);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(const QString& phase, qint64 done, qint64 total);
    void finished(const cw::app::AnalyzeJob::Outcome& outcome);

private:
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

}  // namespace cw::app
