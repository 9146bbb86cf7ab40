#pragma once
// What a report says, before it is laid out on pages: a flat list of blocks (headings,
// paragraphs, bullet lists, key figures, tables, charts) written by the sections. The PDF
// renderer pages it; the XLSX export writes its tables. Text is kept as written: nothing here is
// markup, so a customer named `<b>&"` prints exactly so.
#include <QImage>
#include <QSizeF>
#include <QString>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <variant>
#include <vector>

class QPainter;

namespace cw::report {

enum class Align { Left, Right, Center };

/// A table cell: its text, and for the spreadsheet the number behind it (NaN: text only).
struct Cell {
    QString text;
    double number = std::numeric_limits<double>::quiet_NaN();
    /// Spreadsheet number format when `number` is set: "0", "#,##0", "0.0%", "#,##0.00"...
    const char* numberFormat = nullptr;

    Cell() = default;
    Cell(QString t) : text(std::move(t)) {}  // NOLINT: plain text cells read naturally
    Cell(const char* t) : text(QString::fromUtf8(t)) {}  // NOLINT
    Cell(QString t, double n, const char* format) : text(std::move(t)), number(n), numberFormat(format) {}
    bool hasNumber() const { return !std::isnan(number); }
};

struct Table {
    QString title;   ///< printed above the table (and repeated on the next pages with "continued")
    QString sheet;   ///< the XLSX sheet's name; empty: from the title
    std::vector<QString> header;
    std::vector<Align> align;  ///< per column; missing: Left
    std::vector<std::vector<Cell>> rows;
    QString note;  ///< small print below the table (what was left out, how it was computed)
    /// Rows with this flag set are printed in bold (totals).
    std::vector<bool> bold;
    /// The PDF prints the first `printRows` rows (0: all); the spreadsheet has every row.
    std::size_t printRows = 0;

    std::size_t printedRows() const { return printRows == 0 ? rows.size() : std::min(printRows, rows.size()); }
    /// Prints only the first `limit` rows (at least one) when there are more, and says so in the
    /// note: "The first 40 of 1,234 are printed; the spreadsheet has every one."
    void printFirst(std::size_t limit);
};

struct Heading {
    int level = 1;  ///< 1: a section (new page, in the contents); 2: a subsection (in the contents); 3: a title
    QString text;
};

enum class TextStyle { Body, Lead, Small, Missing };

struct Paragraph {
    QString text;
    TextStyle style = TextStyle::Body;
};

struct Bullets {
    std::vector<QString> items;
};

struct KeyFigure {
    QString value;  ///< e.g. "62.4 %"
    QString label;  ///< e.g. "of the margin from the top 20 % of customers"
};

struct Figures {
    std::vector<KeyFigure> items;
};

/// A chart painted with the window's painters. `paint` draws into a rectangle of `size` points
/// (1/72 inch) at the painter's origin.
using PaintFn = std::function<void(QPainter&, const QSizeF& size)>;

struct Chart {
    double height = 260;  ///< points
    PaintFn paint;
    QString caption;  ///< small print below
};

/// Small multiples: the same chart for several groups, `columns` per row.
struct ChartGrid {
    int columns = 3;
    double cellHeight = 150;  ///< points, without the cell title
    std::vector<QString> titles;
    std::vector<PaintFn> cells;
};

struct PageBreak {};

using Block = std::variant<Heading, Paragraph, Bullets, Figures, Table, Chart, ChartGrid, PageBreak>;

/// The cover and the running header and footer.
struct ReportMeta {
    QString title;     ///< "Clienting report"
    QString subtitle;  ///< scope: node and period
    QString client;
    QString workbook;  ///< the file's name, in the header
    QString date;      ///< the day the report was made, ISO
    QImage logo;
};

class ReportDocument {
public:
    ReportMeta meta;
    std::vector<Block> blocks;

    void heading(int level, QString text) { blocks.emplace_back(Heading{level, std::move(text)}); }
    void paragraph(QString text, TextStyle style = TextStyle::Body) {
        blocks.emplace_back(Paragraph{std::move(text), style});
    }
    void bullets(std::vector<QString> items) { blocks.emplace_back(Bullets{std::move(items)}); }
    void figures(std::vector<KeyFigure> items) { blocks.emplace_back(Figures{std::move(items)}); }
    void table(Table t) { blocks.emplace_back(std::move(t)); }
    void chart(Chart c) { blocks.emplace_back(std::move(c)); }
    void grid(ChartGrid g) { blocks.emplace_back(std::move(g)); }
    void pageBreak() { blocks.emplace_back(PageBreak{}); }

    /// Every table, in order (the XLSX export).
    std::vector<const Table*> tables() const;
};

}  // namespace cw::report
