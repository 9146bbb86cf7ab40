#pragma once
// Loads one customer's detail (loadCustomerDetail) on a worker thread with its own read-only
// connection. A new start() supersedes a running load: its result is dropped.
#include <memory>

#include "app/customers/CustomerData.h"
#include "app/jobs/Job.h"

namespace cw::app {

class CustomerDetailJob : public TypedJob<WorkerOutcome<CustomerDetail>> {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<CustomerDetail>;
    explicit CustomerDetailJob(QObject* parent = nullptr) : TypedJob(parent) {}
    void start(const QString& workbookPath, qint64 customerId);

signals:
    void loaded(std::shared_ptr<const cw::app::CustomerDetail> detail);
    void failed(qint64 customerId, const QString& message);

private:
    void completed(Outcome out) override;
    qint64 m_customerId = 0;
};

}  // namespace cw::app
