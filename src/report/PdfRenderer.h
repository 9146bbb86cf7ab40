#pragma once
// Lays a ReportDocument out on pages and writes it as PDF with QPdfWriter (Qt GUI only: no
// widgets, no display). Pages: a cover, the contents with page numbers, then the blocks; every
// page after the cover has a header (title, workbook) and a footer (date, client, "page x of
// y"). Sections start on a new page; tables break between rows with their header repeated and
// fit the page's width (smaller type, then wrapped cells); nothing is drawn outside the page.
// Text is laid out at the writer's resolution, so the PDF's spacing is exact at any zoom; fonts
// are embedded.
#include <QIODevice>
#include <QString>

#include <vector>

#include "core/Progress.h"
#include "core/Result.h"
#include "report/ReportDocument.h"

namespace cw::report {

enum class Paper { A4, Letter };

struct RenderOptions {
    Paper paper = Paper::A4;
    bool cover = true;
    bool contents = true;
    int resolution = 600;  ///< dots per inch of the layout; 600 keeps glyph advances exact
};

struct ContentsEntry {
    int level = 1;
    QString text;
    int page = 0;  ///< 1-based
};

struct RenderResult {
    int pages = 0;
    std::vector<ContentsEntry> contents;
};

/// Writes the PDF to `device` (open for writing). Progress: phase "laying out", then "drawing"
/// with done/total pages; false cancels (ErrorKind::Cancelled).
Result<RenderResult> renderPdf(const ReportDocument& doc, QIODevice& device, const RenderOptions& options,
                               const ProgressFn& progress = {});

/// Writes the PDF to a file, whole or not at all (a temporary file renamed at the end).
Result<RenderResult> writePdf(const ReportDocument& doc, const QString& path, const RenderOptions& options,
                              const ProgressFn& progress = {});

}  // namespace cw::report
