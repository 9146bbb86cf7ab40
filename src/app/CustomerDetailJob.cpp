#include "app/CustomerDetailJob.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "app/Format.h"

namespace cw::app {

CustomerDetailJob::CustomerDetailJob(QObject* parent) : QObject(parent) {
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &CustomerDetailJob::onFinished);
}

CustomerDetailJob::~CustomerDetailJob() {
    cancel();
}

void CustomerDetailJob::start(const QString& workbookPath, qint64 customerId) {
    cancel();  // setFuture() below drops the superseded load's result
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_customerId = customerId;
    m_running = true;
    m_watcher.setFuture(QtConcurrent::run([path = toStdString(workbookPath), customerId,
                                           cancel = m_cancel,
                                           job = QPointer<CustomerDetailJob>(this)] {
        return runOnWorkbook<CustomerDetail>(path, store::Workbook::OpenMode::ReadOnly, cancel, job,
                                             [customerId](store::Workbook& wb, const ProgressFn&) {
                                                 return loadCustomerDetail(wb, customerId);
                                             });
    }));
}

void CustomerDetailJob::cancel() {
    if (m_cancel) m_cancel->store(true);
}

void CustomerDetailJob::onFinished() {
    m_running = false;
    Outcome out = m_watcher.result();
    if (m_cancel && m_cancel->load()) return;  // cleared meanwhile: nobody waits for the result
    if (out.report)
        emit loaded(std::make_shared<const CustomerDetail>(std::move(*out.report)));
    else if (out.error)
        emit failed(m_customerId, toQString(out.error->describe()));
}

}  // namespace cw::app
