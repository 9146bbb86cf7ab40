#pragma once
// Runs the data-quality audit on a worker thread with its own read-only connection. A new
// start() supersedes a running audit: the old one is told to stop and its result is dropped.
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

#include "core/Error.h"
#include "app/WorkerTask.h"
#include "store/Audit.h"

namespace cw::app {

class AuditJob : public QObject {
    Q_OBJECT

public:
    /// What the worker hands back: a report or the error that stopped it.
    using Outcome = WorkerOutcome<store::AuditReport>;

    explicit AuditJob(QObject* parent = nullptr);
    ~AuditJob() override;

    void start(const QString& workbookPath);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(const QString& phase, qint64 done, qint64 total);
    void finished(std::shared_ptr<const cw::store::AuditReport> report);
    void failed(const QString& message);

private:
    void onFinished();

    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

}  // namespace cw::app
