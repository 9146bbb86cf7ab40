#include "app/dashboard/DashboardJobs.h"

#include "app/widgets/Format.h"
#include "engine/load/KpiCustomers.h"

namespace cw::app {

void DashboardLoadJob::start(const QString& workbookPath) {
    launchOnWorkbook<DashboardBase>(toStdString(workbookPath), store::Workbook::OpenMode::ReadOnly,
                                    [](store::Workbook& wb, const ProgressFn&) { return loadDashboardBase(wb); });
}

void DashboardLoadJob::completed(Outcome out) {
    if (cancelRequested()) return;
    if (out.report)
        emit loaded(std::make_shared<const DashboardBase>(std::move(*out.report)));
    else if (out.error)
        emit failed(toQString(out.error->describe()));
}

void DashboardCustomersJob::start(const QString& workbookPath, std::int64_t nodeId, engine::kpi::IndicatorId id,
                                  const engine::kpi::Period& period, bool latest) {
    launchOnWorkbook<std::vector<std::int64_t>>(
        toStdString(workbookPath), store::Workbook::OpenMode::ReadOnly,
        [nodeId, id, period, latest](store::Workbook& wb, const ProgressFn&) {
            return engine::customersBehind(wb.db(), nodeId, id, period, latest);
        });
}

void DashboardCustomersJob::completed(Outcome out) {
    if (cancelRequested()) return;
    if (out.report) {
        QList<qint64> ids;
        ids.reserve(static_cast<qsizetype>(out.report->size()));
        for (auto id : *out.report) ids.push_back(id);
        emit found(ids);
    } else if (out.error) {
        emit failed(toQString(out.error->describe()));
    }
}

}  // namespace cw::app
