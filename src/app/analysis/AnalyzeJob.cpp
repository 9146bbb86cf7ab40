#include "app/analysis/AnalyzeJob.h"

#include "app/widgets/Format.h"

namespace cw::app {

void AnalyzeJob::start(const QString& workbookPath) {
    launchOnWorkbook<engine::AnalysisSummary>(
        toStdString(workbookPath), store::Workbook::OpenMode::ReadWrite,
        [](store::Workbook& wb, const ProgressFn& progress) { return engine::runAnalysis(wb, {}, progress); });
}

}  // namespace cw::app
