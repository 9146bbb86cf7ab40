#pragma once
// Loads the customer table (loadCustomerTable) on a worker thread with its own read-only
// connection. A new start() supersedes a running load: its result is dropped.
#include <memory>

#include "app/customers/CustomerData.h"
#include "app/jobs/Job.h"

namespace cw::app {

class CustomerTableJob : public TypedJob<WorkerOutcome<CustomerTableData>> {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<CustomerTableData>;
    explicit CustomerTableJob(QObject* parent = nullptr) : TypedJob(parent) {}
    void start(const QString& workbookPath);

signals:
    void loaded(std::shared_ptr<const cw::app::CustomerTableData> data);
    void failed(const QString& message);

private:
    void completed(Outcome out) override;
};

}  // namespace cw::app
