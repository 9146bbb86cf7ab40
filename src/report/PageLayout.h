#pragma once
// Pagination: the document's blocks flowed onto pages as positioned drawing steps. Measuring
// happens here, once; drawing replays the steps, so the page count (for "page x of y") and the
// contents' page numbers are known before the first page is drawn.
#include <QPainter>

#include <functional>
#include <vector>

#include "report/PageStyle.h"
#include "report/PdfRenderer.h"
#include "report/ReportDocument.h"

namespace cw::report {

using DrawStep = std::function<void(QPainter&)>;

struct LaidOutPage {
    std::vector<DrawStep> steps;
};

struct Pagination {
    std::vector<LaidOutPage> pages;       ///< the body pages (after the cover and the contents)
    std::vector<ContentsEntry> contents;  ///< pages counted from the first body page (1-based)
};

/// Flows the blocks; `cancelled` is polled between blocks.
Pagination paginate(const ReportDocument& doc, const PageStyle& style, const std::function<bool()>& cancelled);

}  // namespace cw::report
