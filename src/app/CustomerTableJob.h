#pragma once
// Loads the customer table (loadCustomerTable) on a worker thread with its own read-only
// connection. A new start() supersedes a running load: its result is dropped.
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "app/CustomerData.h"
#include "app/WorkerTask.h"

namespace cw::app {

class CustomerTableJob : public QObject {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<CustomerTableData>;

    explicit CustomerTableJob(QObject* parent = nullptr);
    ~CustomerTableJob() override;

    void start(const QString& workbookPath);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(const QString& phase, qint64 done, qint64 total);
    void loaded(std::shared_ptr<const cw::app::CustomerTableData> data);
    void failed(const QString& message);

private:
    void onFinished();

    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

}  // namespace cw::app
