#pragma once
// Runs store::importFile on a worker thread with its own read-write connection. cancel() sets
// the flag that the importer sees at its next progress call, after which it rolls back and
// stores nothing.
#include "app/jobs/Job.h"
#include "store/Importer.h"

namespace cw::app {

class ImportJob : public TypedJob<WorkerOutcome<store::ImportReport>> {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<store::ImportReport>;
    explicit ImportJob(QObject* parent = nullptr) : TypedJob(parent) {}
    void start(const QString& workbookPath, const store::ImportOptions& options);

signals:
    void finished(const cw::app::ImportJob::Outcome& outcome);

private:
    void completed(Outcome outcome) override { emit finished(outcome); }
};

}  // namespace cw::app
