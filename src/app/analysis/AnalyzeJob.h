#pragma once
// Runs engine::runAnalysis on a worker with its own read-write connection; cancel() stops it at
// the next phase with nothing stored. The window waits for it before it closes.
#include "app/jobs/Job.h"
#include "engine/Analysis.h"

namespace cw::app {

class AnalyzeJob : public TypedJob<WorkerOutcome<engine::AnalysisSummary>> {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<engine::AnalysisSummary>;
    explicit AnalyzeJob(QObject* parent = nullptr) : TypedJob(parent, OnDestroy::Wait) {}
    void start(const QString& workbookPath);

signals:
    void finished(const cw::app::AnalyzeJob::Outcome& outcome);

private:
    void completed(Outcome outcome) override { emit finished(outcome); }
};

}  // namespace cw::app
