#include "app/AuditJob.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "app/Format.h"
#include "app/WorkerTask.h"

namespace cw::app {

AuditJob::AuditJob(QObject* parent) : QObject(parent) {
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &AuditJob::onFinished);
}

AuditJob::~AuditJob() {
    cancel();
}

void AuditJob::start(const QString& workbookPath) {
    cancel();  // a superseded audit stops at its next check; setFuture() drops its result
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = true;
    m_watcher.setFuture(
        QtConcurrent::run([path = toStdString(workbookPath), cancel = m_cancel, job = QPointer<AuditJob>(this)] {
            return runOnWorkbook<store::AuditReport>(
                path, store::Workbook::OpenMode::ReadOnly, cancel, job,
                [](store::Workbook& wb, const ProgressFn& progress) { return store::runAudit(wb, progress); });
        }));
}

void AuditJob::cancel() {
    if (m_cancel) m_cancel->store(true);
}

void AuditJob::onFinished() {
    m_running = false;
    Outcome out = m_watcher.result();
    if (out.report) {
        emit finished(std::make_shared<const store::AuditReport>(std::move(*out.report)));
    } else if (out.error && out.error->kind != ErrorKind::Cancelled) {
        emit failed(toQString(out.error->describe()));
    }
}

}  // namespace cw::app
