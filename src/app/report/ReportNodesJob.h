#pragma once
// The nodes a report can be about, read on a worker with its own read-only connection: every
// manager and region of the hierarchy in pre-order, labelled "CODE — name (level)" and indented
// by depth (the company itself is the dialog's first choice).
#include <QStringList>

#include "app/jobs/Job.h"

namespace cw::app {

struct ReportNodes {
    QStringList codes;
    QStringList labels;
};

class ReportNodesJob : public TypedJob<WorkerOutcome<ReportNodes>> {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<ReportNodes>;
    explicit ReportNodesJob(QObject* parent = nullptr) : TypedJob(parent) {}
    void start(const QString& workbookPath);

signals:
    void loaded(const QStringList& codes, const QStringList& labels);
    void failed(const QString& message);

private:
    void completed(Outcome out) override;
};

}  // namespace cw::app
