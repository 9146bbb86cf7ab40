#pragma once
// The one frame of background work in the window. A job runs one store/engine call on the
// thread pool, usually on a workbook it opens there with its own connection; progress is queued
// to the GUI thread and emitted only while the job object lives; cancel() sets a flag the
// call's ProgressFn returns; a thrown exception becomes an Internal error (a worker is a
// boundary); the result arrives on the GUI thread in completed(). A new start supersedes a
// running one: it is told to stop and its result is dropped. Each job class only says what it
// runs and what it emits.
#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/Error.h"
#include "core/Progress.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::app {

/// What a job on a workbook hands back: its report or the error that stopped it.
template <class Report>
struct WorkerOutcome {
    std::optional<Report> report;
    std::optional<Error> error;
};

class Job : public QObject {
    Q_OBJECT

public:
    void cancel() {
        if (m_cancel) m_cancel->store(true);
    }
    bool isRunning() const { return m_running; }
    bool cancelRequested() const { return m_cancel && m_cancel->load(); }

signals:
    /// done/total in the phase's units (bytes while reading a file); total 0 when unknown.
    void progress(const QString& phase, qint64 done, qint64 total);

protected:
    using QObject::QObject;
    /// A new run: the running one (if any) is told to stop; returns the new run's cancel flag.
    std::shared_ptr<std::atomic_bool> beginRun() {
        cancel();
        m_cancel = std::make_shared<std::atomic_bool>(false);
        m_running = true;
        return m_cancel;
    }
    void endRun() { m_running = false; }

    /// The ProgressFn a worker passes down: queues progress to `job` on the GUI thread, returns
    /// false once `cancel` is set.
    static ProgressFn progressTo(QPointer<Job> job, std::shared_ptr<std::atomic_bool> cancel);

private:
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

/// A job whose worker returns `Result`; subclasses implement completed().
template <class Result>
class TypedJob : public Job {
public:
    enum class OnDestroy { Abandon, Wait };

protected:
    /// With OnDestroy::Wait the destructor waits for the worker (a job that writes the workbook
    /// finishes before the window goes); Abandon leaves a read to finish on its own.
    explicit TypedJob(QObject* parent, OnDestroy onDestroy = OnDestroy::Abandon) : Job(parent), m_onDestroy(onDestroy) {
        connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
            endRun();
            completed(m_watcher.result());
        });
    }
    ~TypedJob() override {
        cancel();
        if (m_onDestroy == OnDestroy::Wait) m_watcher.waitForFinished();
    }

    /// Runs `work()` on the thread pool (it must catch what it throws).
    template <class Work>
    void launch(Work&& work) {
        beginRun();
        m_watcher.setFuture(QtConcurrent::run(std::forward<Work>(work)));
    }

    /// Runs `work(Workbook&, const ProgressFn&)` (returning Result<Report>) on the workbook at
    /// `path`, opened on the worker with its own connection.
    template <class Report, class Work>
    void launchOnWorkbook(const std::string& path, store::Workbook::OpenMode mode, Work work) {
        auto cancel = beginRun();
        m_watcher.setFuture(QtConcurrent::run([path, mode, cancel, job = QPointer<Job>(this), work = std::move(work)] {
            WorkerOutcome<Report> out;
            try {
                // Workers open a workbook the document has already checked: no second scan.
                auto wb = store::Workbook::open(path, mode, store::Workbook::Integrity::Trust);
                if (!wb) {
                    out.error = wb.error();
                    return out;
                }
                auto report = work(*wb, progressTo(job, cancel));
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
        }));
    }

    /// On the GUI thread, when the worker has returned (also after a cancel).
    virtual void completed(Result result) = 0;

private:
    QFutureWatcher<Result> m_watcher;
    OnDestroy m_onDestroy;
};

}  // namespace cw::app
