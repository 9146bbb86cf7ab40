#include "app/AnalyzeJob.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "app/Format.h"

namespace cw::app {

AnalyzeJob::AnalyzeJob(QObject* parent) : QObject(parent) {
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        m_running = false;
        emit finished(m_watcher.result());
    });
}

AnalyzeJob::~AnalyzeJob() {
    cancel();
    m_watcher.waitForFinished();
}

void AnalyzeJob::start(const QString& workbookPath) {
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = true;
    m_watcher.setFuture(QtConcurrent::run([path = toStdString(workbookPath), cancel = m_cancel,
                                           job = QPointer<AnalyzeJob>(this)] {
        return runOnWorkbook<engine::AnalysisSummary>(
            path, store::Workbook::OpenMode::ReadWrite, cancel, job,
            [](store::Workbook& wb, const ProgressFn& progress) { return engine::runAnalysis(wb, {}, progress); });
    }));
}

void AnalyzeJob::cancel() {
    if (m_cancel) m_cancel->store(true);
}

}  // namespace cw::app
