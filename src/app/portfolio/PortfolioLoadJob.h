#pragma once
// Reads the Portfolio dock's data (loadPortfolioData) on a worker with its own read-only
// connection. A new start() supersedes a running read: its result is dropped.
#include <memory>

#include "app/jobs/Job.h"
#include "app/portfolio/PortfolioData.h"

namespace cw::app {

class PortfolioLoadJob : public TypedJob<WorkerOutcome<PortfolioData>> {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<PortfolioData>;
    explicit PortfolioLoadJob(QObject* parent = nullptr) : TypedJob(parent) {}
    void start(const QString& workbookPath, const QString& managerCode, std::int32_t today);

signals:
    void loaded(std::shared_ptr<const cw::app::PortfolioData> data);
    void failed(const QString& message);

private:
    void completed(Outcome out) override;
};

}  // namespace cw::app
