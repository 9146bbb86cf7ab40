#include "app/CustomerTableJob.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "app/Format.h"

namespace cw::app {

CustomerTableJob::CustomerTableJob(QObject* parent) : QObject(parent) {
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &CustomerTableJob::onFinished);
}

CustomerTableJob::~CustomerTableJob() {
    cancel();
}

void CustomerTableJob::start(const QString& workbookPath) {
    cancel();  // setFuture() below drops the superseded load's result
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = true;
    m_watcher.setFuture(QtConcurrent::run([path = toStdString(workbookPath), cancel = m_cancel,
                                           job = QPointer<CustomerTableJob>(this)] {
        return runOnWorkbook<CustomerTableData>(
            path, store::Workbook::OpenMode::ReadOnly, cancel, job,
            [](store::Workbook& wb, const ProgressFn&) { return loadCustomerTable(wb); });
    }));
}

void CustomerTableJob::cancel() {
    if (m_cancel) m_cancel->store(true);
}

void CustomerTableJob::onFinished() {
    m_running = false;
    Outcome out = m_watcher.result();
    if (m_cancel && m_cancel->load()) return;  // cancelled: nobody waits for the result
    if (out.report)
        emit loaded(std::make_shared<const CustomerTableData>(std::move(*out.report)));
    else if (out.error)
        emit failed(toQString(out.error->describe()));
}

}  // namespace cw::app
