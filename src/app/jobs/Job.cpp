#include "app/jobs/Job.h"

namespace cw::app {

ProgressFn Job::progressTo(QPointer<Job> job, std::shared_ptr<std::atomic_bool> cancel) {
    return [job, cancel](const ProgressInfo& p) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [job, phase = QString::fromUtf8(p.phase.data(), qsizetype(p.phase.size())), done = qint64(p.done),
             total = qint64(p.total)] {
                if (job) emit job->progress(phase, done, total);  // GUI thread: QPointer is safe here
            },
            Qt::QueuedConnection);
        return !cancel->load();
    };
}

}  // namespace cw::app
