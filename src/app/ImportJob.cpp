#include "app/ImportJob.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "app/Format.h"
#include "app/WorkerTask.h"

namespace cw::app {

ImportJob::ImportJob(QObject* parent) : QObject(parent) {
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        m_running = false;
        emit finished(m_watcher.result());
    });
}

ImportJob::~ImportJob() {
    cancel();
}

void ImportJob::start(const QString& workbookPath, const store::ImportOptions& options) {
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = true;
    m_watcher.setFuture(QtConcurrent::run(
        [path = toStdString(workbookPath), options, cancel = m_cancel, job = QPointer<ImportJob>(this)] {
            return runOnWorkbook<store::ImportReport>(
                path, store::Workbook::OpenMode::ReadWrite, cancel, job,
                [&options](store::Workbook& wb, const ProgressFn& progress) {
                    return store::importFile(wb, options, progress);
                });
        }));
}

void ImportJob::cancel() {
    if (m_cancel) m_cancel->store(true);
}

}  // namespace cw::app
