#include "app/customers/CustomerDetailJob.h"

#include "app/widgets/Format.h"

namespace cw::app {

void CustomerDetailJob::start(const QString& workbookPath, qint64 customerId) {
    m_customerId = customerId;
    launchOnWorkbook<CustomerDetail>(toStdString(workbookPath), store::Workbook::OpenMode::ReadOnly,
                                     [customerId](store::Workbook& wb, const ProgressFn&) {
                                         return loadCustomerDetail(wb, customerId);
                                     });
}

void CustomerDetailJob::completed(Outcome out) {
    if (cancelRequested()) return;  // cleared meanwhile: nobody waits for the result
    if (out.report)
        emit loaded(std::make_shared<const CustomerDetail>(std::move(*out.report)));
    else if (out.error)
        emit failed(m_customerId, toQString(out.error->describe()));
}

}  // namespace cw::app
