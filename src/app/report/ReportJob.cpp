#include "app/report/ReportJob.h"

#include "app/widgets/Format.h"

namespace cw::app {

void ReportJob::start(const QString& workbookPath, const ReportRequest& request) {
    // QPainter on a QPdfWriter and QFont work off the GUI thread: the report draws right there.
    launchOnWorkbook<report::ReportOutput>(
        toStdString(workbookPath), store::Workbook::OpenMode::ReadOnly,
        [request](store::Workbook& wb, const ProgressFn& progress) {
            if (request.perManager)
                return report::writePortfolioPacks(wb, request.options, request.directory, request.tables, progress);
            return report::writeReport(wb, request.options, request.pdfPath, request.xlsxPath, progress);
        });
}

void ReportJob::completed(Outcome out) {
    if (out.report) {
        emit written(*out.report);
    } else if (cancelRequested() || (out.error && out.error->kind == ErrorKind::Cancelled)) {
        emit cancelled();
    } else if (out.error) {
        emit failed(*out.error);
    }
}

}  // namespace cw::app
