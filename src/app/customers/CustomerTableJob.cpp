#include "app/customers/CustomerTableJob.h"

#include "app/widgets/Format.h"

namespace cw::app {

void CustomerTableJob::start(const QString& workbookPath) {
    launchOnWorkbook<CustomerTableData>(toStdString(workbookPath), store::Workbook::OpenMode::ReadOnly,
                                        [](store::Workbook& wb, const ProgressFn&) { return loadCustomerTable(wb); });
}

void CustomerTableJob::completed(Outcome out) {
    if (cancelRequested()) return;  // cancelled: nobody waits for the result
    if (out.report)
        emit loaded(std::make_shared<const CustomerTableData>(std::move(*out.report)));
    else if (out.error)
        emit failed(toQString(out.error->describe()));
}

}  // namespace cw::app
