#pragma once
// How a table fits the page's width: each column's width and each row's height, in device units.
// Columns first get their natural width (the widest cell); when the table is wider than the page
// the type gets smaller (down to 6 points), then text columns share what the numbers leave and
// their cells wrap — between words, and anywhere inside a word longer than its column — so
// every character of the data is printed, none cut off.
#include <QFont>
#include <QString>

#include <vector>

#include "report/PageStyle.h"
#include "report/ReportDocument.h"

namespace cw::report {

struct TableLayout {
    QFont font, bold;
    std::vector<double> widths;      ///< per column
    double headerHeight = 0;
    std::vector<double> rowHeights;  ///< per row
    double padX = 0, padY = 0;
    QPaintDevice* device = nullptr;  ///< fonts are measured for it

    double width() const;
    /// Qt::TextFlags for a cell's text in column `column` (wraps anywhere when a word is too long);
    /// `bold`: the header and bold rows.
    int flags(const Table& t, std::size_t column, const QString& text, bool bold) const;

    static TableLayout make(const Table& t, const PageStyle& style, double available);
};

}  // namespace cw::report
