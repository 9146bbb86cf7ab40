#pragma once
// The dashboard's reads that may take long on a large workbook, on workers with their own
// read-only connections: what it reads once per workbook (DashboardLoadJob) and the customers
// behind a tile (DashboardCustomersJob). A new start() supersedes a running one.
#include <memory>
#include <vector>

#include "app/dashboard/DashboardBase.h"
#include "app/jobs/Job.h"
#include "engine/kpi/Indicators.h"
#include "engine/kpi/Periods.h"

namespace cw::app {

class DashboardLoadJob : public TypedJob<WorkerOutcome<DashboardBase>> {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<DashboardBase>;
    explicit DashboardLoadJob(QObject* parent = nullptr) : TypedJob(parent) {}
    void start(const QString& workbookPath);

signals:
    void loaded(std::shared_ptr<const cw::app::DashboardBase> base);
    void failed(const QString& message);

private:
    void completed(Outcome out) override;
};

class DashboardCustomersJob : public TypedJob<WorkerOutcome<std::vector<std::int64_t>>> {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<std::vector<std::int64_t>>;
    explicit DashboardCustomersJob(QObject* parent = nullptr) : TypedJob(parent) {}
    void start(const QString& workbookPath, std::int64_t nodeId, engine::kpi::IndicatorId id,
               const engine::kpi::Period& period, bool latest);

signals:
    void found(const QList<qint64>& ids);
    void failed(const QString& message);

private:
    void completed(Outcome out) override;
};

}  // namespace cw::app
