#pragma once
// Loads one customer's detail (loadCustomerDetail) on a worker thread with its own read-only
// connection. A new start() supersedes a running load: its result is dropped.
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "app/CustomerData.h"
#include "app/WorkerTask.h"

namespace cw::app {

class CustomerDetailJob : public QObject {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<CustomerDetail>;

    explicit CustomerDetailJob(QObject* parent = nullptr);
    ~CustomerDetailJob() override;

    void start(const QString& workbookPath, qint64 customerId);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(const QString& phase, qint64 done, qint64 total);
    void loaded(std::shared_ptr<const cw::app::CustomerDetail> detail);
    void failed(qint64 customerId, const QString& message);

private:
    void onFinished();

    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    qint64 m_customerId = 0;
    bool m_running = false;
};

}  // namespace cw::app
