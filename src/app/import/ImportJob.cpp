#include "app/import/ImportJob.h"

#include "app/widgets/Format.h"

namespace cw::app {

void ImportJob::start(const QString& workbookPath, const store::ImportOptions& options) {
    launchOnWorkbook<store::ImportReport>(toStdString(workbookPath), store::Workbook::OpenMode::ReadWrite,
                                          [options](store::Workbook& wb, const ProgressFn& progress) {
                                              return store::importFile(wb, options, progress);
                                          });
}

}  // namespace cw::app
