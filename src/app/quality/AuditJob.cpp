#include "app/quality/AuditJob.h"

#include "app/widgets/Format.h"

namespace cw::app {

void AuditJob::start(const QString& workbookPath) {
    launchOnWorkbook<store::AuditReport>(
        toStdString(workbookPath), store::Workbook::OpenMode::ReadOnly,
        [](store::Workbook& wb, const ProgressFn& progress) { return store::runAudit(wb, progress); });
}

void AuditJob::completed(Outcome out) {
    if (out.report)
        emit finished(std::make_shared<const store::AuditReport>(std::move(*out.report)));
    else if (out.error && out.error->kind != ErrorKind::Cancelled)
        emit failed(toQString(out.error->describe()));
}

}  // namespace cw::app
