#include "app/ImportJob.h"

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

#include "app/Format.h"
#include "store/Workbook.h"

namespace cw::app {
namespace {

ImportJob::Outcome runImport(const std::string& path, const store::ImportOptions& options,
                             std::shared_ptr<std::atomic_bool> cancel, QPointer<ImportJob> job) {
    ImportJob::Outcome out;
    try {
        auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadWrite);
        if (!wb) {
            out.error = wb.error();
            return out;
        }
        auto progress = [cancel, job](const ProgressInfo& p) {
            // Runs on the GUI thread, where the QPointer may be checked.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [job, phase = QString::fromUtf8(p.phase.data(), qsizetype(p.phase.size())),
                 done = qint64(p.done), total = qint64(p.total)] {
                    if (job) emit job->progress(phase, done, total);
                },
                Qt::QueuedConnection);
            return !cancel->load();
        };
        auto report = store::importFile(*wb, options, progress);
        if (report)
            out.report = std::move(*report);
        else
            out.error = report.error();
    } catch (const std::exception& e) {  // a worker is a boundary: nothing escapes it
        out.error = makeError(ErrorKind::Internal, e.what());
    } catch (const store::SqlError& e) {
        out.error = makeError(ErrorKind::Internal, e.message);
    }
    return out;
}

}  // namespace

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
    m_watcher.setFuture(QtConcurrent::run(runImport, toStdString(workbookPath), options, m_cancel,
                                          QPointer<ImportJob>(this)));
}

void ImportJob::cancel() {
    if (m_cancel) m_cancel->store(true);
}

}  // namespace cw::app
