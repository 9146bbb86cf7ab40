#pragma once
// The common frame of a background job: open the workbook on the worker thread with its own
// connection, run one store/engine call with a progress callback, and hand back a report or the
// error that stopped it. Progress is queued to the GUI thread and emitted there only while the
// job object still exists; the callback returns false once the job's cancel flag is set.
#include <QCoreApplication>
#include <QPointer>
#include <QString>

#include <atomic>
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "core/Error.h"
#include "core/Progress.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::app {

template <class Report>
struct WorkerOutcome {
    std::optional<Report> report;
    std::optional<Error> error;
};

/// Runs `work(Workbook&, const ProgressFn&)` (returning Result<Report>) on the calling thread.
/// `Job` must have a signal progress(const QString&, qint64, qint64).
template <class Report, class Job, class Work>
WorkerOutcome<Report> runOnWorkbook(const std::string& path, store::Workbook::OpenMode mode,
                                    std::shared_ptr<std::atomic_bool> cancel, QPointer<Job> job,
                                    Work&& work) {
    WorkerOutcome<Report> out;
    try {
        // Read-only workers open a workbook the document has already checked: no second scan.
        auto wb = store::Workbook::open(path, mode, store::Workbook::Integrity::Trust);
        if (!wb) {
            out.error = wb.error();
            return out;
        }
        ProgressFn progress = [cancel, job](const ProgressInfo& p) {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [job, phase = QString::fromUtf8(p.phase.data(), qsizetype(p.phase.size())),
                 done = qint64(p.done), total = qint64(p.total)] {
                    if (job) emit job->progress(phase, done, total);  // GUI thread: QPointer is safe here
                },
                Qt::QueuedConnection);
            return !cancel->load();
        };
        auto report = work(*wb, progress);
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

}  // namespace cw::app
