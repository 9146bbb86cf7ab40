#include "app/AuditJob.h"

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

#include "app/Format.h"
#include "store/Workbook.h"

namespace cw::app {
namespace {

AuditJob::Outcome runAudit(const std::string& path, std::shared_ptr<std::atomic_bool> cancel,
                           QPointer<AuditJob> job) {
    AuditJob::Outcome out;
    try {
        auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
        if (!wb) {
            out.error = wb.error();
            return out;
        }
        auto progress = [cancel, job](const ProgressInfo& p) {
            // The lambda runs on the GUI thread, where checking the QPointer is safe.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [job, phase = QString::fromUtf8(p.phase.data(), qsizetype(p.phase.size())),
                 done = int(p.done), total = int(p.total)] {
                    if (job) emit job->progress(phase, done, total);
                },
                Qt::QueuedConnection);
            return !cancel->load();
        };
        auto report = store::runAudit(*wb, progress);
        if (report)
            out.report = std::move(*report);
        else
            out.error = report.error();
    } catch (const std::exception& e) {  // the job is a boundary: nothing escapes the worker
        out.error = makeError(ErrorKind::Internal, e.what());
    } catch (const store::SqlError& e) {
        out.error = makeError(ErrorKind::Internal, e.message);
    }
    return out;
}

}  // namespace

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
        QtConcurrent::run(runAudit, toStdString(workbookPath), m_cancel, QPointer<AuditJob>(this)));
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
