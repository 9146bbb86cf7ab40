#include "app/portfolio/PortfolioLoadJob.h"

#include "app/widgets/Format.h"

namespace cw::app {

void PortfolioLoadJob::start(const QString& workbookPath, const QString& managerCode,
                             std::int32_t today) {
    launchOnWorkbook<PortfolioData>(
        toStdString(workbookPath), store::Workbook::OpenMode::ReadOnly,
        [code = toStdString(managerCode), today](store::Workbook& wb, const ProgressFn&) {
            return loadPortfolioData(wb, code, today);
        });
}

void PortfolioLoadJob::completed(Outcome out) {
    if (cancelRequested()) return;  // superseded: a newer read is on its way
    if (out.report)
        emit loaded(std::make_shared<const PortfolioData>(std::move(*out.report)));
    else if (out.error)
        emit failed(toQString(out.error->describe()));
}

}  // namespace cw::app
