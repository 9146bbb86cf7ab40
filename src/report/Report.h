#pragma once
// The reports of a workbook: the full Clienting report and the managers' portfolio packs, as PDF
// and their tables as XLSX. What the Report dialog and `clienting report` call; runs on any
// thread with a QGuiApplication (no display needed: QT_QPA_PLATFORM=offscreen).
#include <QString>

#include <vector>

#include "core/Progress.h"
#include "core/Result.h"
#include "report/PdfRenderer.h"
#include "report/ReportDocument.h"
#include "report/ReportOptions.h"

namespace cw::store {
class Workbook;
}

namespace cw::report {

/// Runs the sections of options.kind (for a pack: of the manager options.node) into a document.
/// Errors: Usage (options), Workbook, Cancelled.
Result<ReportDocument> buildReport(store::Workbook& wb, const ReportOptions& options, const ProgressFn& progress = {});

struct ReportOutput {
    std::vector<QString> files;  ///< written, in order
    int pages = 0;               ///< in all the PDFs
    int tables = 0;
    int managers = 0;            ///< packs
    std::vector<ContentsEntry> contents;  ///< of the (first) PDF
    double seconds = 0;
};

/// The Clienting report (options.kind Clienting) or one pack for the managers at and under
/// options.node (kind PortfolioPack), to `pdfPath`, and its tables to `xlsxPath` when given.
Result<ReportOutput> writeReport(store::Workbook& wb, const ReportOptions& options, const QString& pdfPath,
                                 const QString& xlsxPath = {}, const ProgressFn& progress = {});

/// One pack per commercial manager at and under options.node into `directory` (created when
/// missing), named after the manager's code ("MGR-0003.pdf", and ".xlsx" with `xlsx`).
Result<ReportOutput> writePortfolioPacks(store::Workbook& wb, const ReportOptions& options, const QString& directory,
                                         bool xlsx = false, const ProgressFn& progress = {});

/// The managers a pack covers: options.node and every manager below it that has customers of
/// their own (the company: every manager with customers), in hierarchy order, as codes.
Result<std::vector<std::string>> packManagers(store::Workbook& wb, const std::string& node);

}  // namespace cw::report
