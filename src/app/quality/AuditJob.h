#pragma once
// Runs the data-quality audit on a worker thread with its own read-only connection. A new
// start() supersedes a running audit: the old one is told to stop and its result is dropped.
#include <memory>

#include "app/jobs/Job.h"
#include "store/Audit.h"

namespace cw::app {

class AuditJob : public TypedJob<WorkerOutcome<store::AuditReport>> {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<store::AuditReport>;
    explicit AuditJob(QObject* parent = nullptr) : TypedJob(parent) {}
    void start(const QString& workbookPath);

signals:
    void finished(std::shared_ptr<const cw::store::AuditReport> report);
    void failed(const QString& message);

private:
    void completed(Outcome out) override;
};

}  // namespace cw::app
