#pragma once
// Writes a report on a worker with its own read-only connection to the workbook: the Clienting
// report or one pack to a PDF (and its tables to an XLSX), or one pack per manager into a folder.
// The Report dialog runs one for the preview (into a temporary file) and one for the export.
// Progress arrives queued on the GUI thread; cancel() makes the report's ProgressFn return
// false, and the report then stops with nothing written (QSaveFile is never committed).
#include <QString>

#include "app/jobs/Job.h"
#include "report/Report.h"

namespace cw::app {

struct ReportRequest {
    report::ReportOptions options;
    QString pdfPath;   ///< the one PDF (not for perManager)
    QString xlsxPath;  ///< its spreadsheet, or empty
    bool perManager = false;
    QString directory;  ///< perManager: the folder of CODE.pdf
    bool tables = false;  ///< perManager: CODE.xlsx too
};

class ReportJob : public TypedJob<WorkerOutcome<report::ReportOutput>> {
    Q_OBJECT

public:
    using Outcome = WorkerOutcome<report::ReportOutput>;
    explicit ReportJob(QObject* parent = nullptr) : TypedJob(parent) {}
    void start(const QString& workbookPath, const ReportRequest& request);

signals:
    void written(const cw::report::ReportOutput& output);
    void failed(const cw::Error& error);
    /// Stopped by cancel() (not emitted for a run superseded by a new start()).
    void cancelled();

private:
    void completed(Outcome out) override;
};

}  // namespace cw::app
