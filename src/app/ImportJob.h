#pragma once
// Runs store::importFile on a worker thread with its own read-write connection. Progress comes
// back queued to the GUI thread; cancel() sets an atomic flag that the importer sees at its
// next progress call, after which it rolls back and stores nothing.
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

#include "core/Error.h"
#include "app/WorkerTask.h"
#include "store/Importer.h"

namespace cw::app {

class ImportJob : public QObject {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<store::ImportReport>;

    explicit ImportJob(QObject* parent = nullptr);
    ~ImportJob() override;

    void start(const QString& workbookPath, const store::ImportOptions& options);
    void cancel();
    bool isRunning() const { return m_running; }
    bool cancelRequested() const { return m_cancel && m_cancel->load(); }

signals:
    /// done/total in the phase's units (bytes while reading); total 0 when unknown.
    void progress(const QString& phase, qint64 done, qint64 total);
    void finished(const cw::app::ImportJob::Outcome& outcome);

private:
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

}  // namespace cw::app
