// The page layout on its own: a document of long and wide tables, paragraphs and charts rendered
// to PDF and read back — tables break with their header repeated, nothing leaves the page, every
// row and every character of the data is printed, the contents give the pages the headings are
// on, and the fonts are embedded.
#include <gtest/gtest.h>

#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>

#include "report/PdfRenderer.h"
#include "report/ReportDocument.h"
#include "PdfProbe.h"

using namespace cw::report;
using namespace cw::test;

namespace {

const QString kAwkward = QStringLiteral("<b>&\"");

ReportDocument sampleDocument(int rows) {
    ReportDocument doc;
    doc.meta.title = QStringLiteral("Layout check");
    doc.meta.workbook = QStringLiteral("sample.cwb");
    doc.meta.date = QStringLiteral("2026-12-04");
    doc.meta.client = kAwkward;
    doc.heading(1, QStringLiteral("Long table"));
    doc.paragraph(QStringLiteral("A paragraph long enough to wrap over several lines of the page, to check that its "
                                 "words stay inside the margins whatever the width of the page and the size of the type."));
    Table t;
    t.title = QStringLiteral("Customers");
    t.header = {QStringLiteral("Code"), QStringLiteral("Name"), QStringLiteral("Margin")};
    t.align = {Align::Left, Align::Left, Align::Right};
    for (int i = 0; i < rows; ++i)
        t.rows.push_back({QStringLiteral("C%1").arg(i, 5, 10, QLatin1Char('0')),
                          i == 7 ? kAwkward : QStringLiteral("Customer number %1").arg(i),
                          Cell(QString::number(1000 + i), 1000 + i, "#,##0")});
    doc.table(std::move(t));
    doc.heading(1, QStringLiteral("Wide table"));
    Table wide;
    wide.title = QStringLiteral("Twelve columns");
    for (int c = 0; c < 12; ++c) {
        wide.header.push_back(QStringLiteral("Column %1").arg(c));
        wide.align.push_back(c % 2 ? Align::Right : Align::Left);
    }
    std::vector<Cell> row;
    for (int c = 0; c < 12; ++c)
        row.emplace_back(c == 3 ? QStringLiteral("Averyveryverylongwordwithoutanyspaceatallthatmustwrapsomewhere")
                                : QStringLiteral("%1").arg(12345.0 * (c + 1), 0, 'f', 0));
    wide.rows.push_back(row);
    doc.table(std::move(wide));
    doc.heading(2, QStringLiteral("A chart"));
    doc.chart({200, [](QPainter& p, const QSizeF& size) {
                   p.drawRect(QRectF(QPointF(0, 0), size).adjusted(1, 1, -1, -1));
                   QFont f(QStringLiteral("DejaVu Sans"));
                   f.setPixelSize(10);
                   p.setFont(f);
                   p.drawText(QPointF(10, 20), QStringLiteral("inside the chart"));
                   // Drawn far outside its box: the renderer clips it.
                   p.drawText(QPointF(size.width() + 400, size.height() + 900), QStringLiteral("escaped"));
               },
               QStringLiteral("Caption under the chart")});
    return doc;
}

class PdfRendererTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!havePoppler()) GTEST_SKIP() << "poppler-utils is not installed";
        ASSERT_TRUE(m_dir.isValid());
        // CW_KEEP_TEST_FILES=1 keeps the PDFs to look at.
        if (!qEnvironmentVariableIsEmpty("CW_KEEP_TEST_FILES")) {
            m_dir.setAutoRemove(false);
            std::printf("files in %s\n", qPrintable(m_dir.path()));
        }
    }
    QTemporaryDir m_dir;
};

TEST_F(PdfRendererTest, LongTablesBreakWithTheirHeaderRepeatedAndEveryRowPrinted) {
    const QString pdf = m_dir.filePath(QStringLiteral("long.pdf"));
    auto r = writePdf(sampleDocument(300), pdf, {});
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(pdfPages(pdf), r->pages);
    // Cover, contents, then the long table over several pages.
    ASSERT_GE(r->pages, 6);
    int pagesWithRows = 0;
    for (int p = 3; p <= r->pages; ++p) {
        const QString text = pdfText(pdf, p);
        EXPECT_TRUE(text.contains(QStringLiteral("page %1 of %2").arg(p).arg(r->pages))) << "page " << p;
        EXPECT_TRUE(text.contains(QStringLiteral("Layout check"))) << "header on page " << p;
        if (!text.contains(QStringLiteral("C00"))) continue;
        ++pagesWithRows;
        // Each page of the table starts with its title and header.
        EXPECT_TRUE(text.contains(QStringLiteral("Customers"))) << "page " << p;
        EXPECT_TRUE(text.contains(QStringLiteral("Margin"))) << "page " << p;
    }
    EXPECT_GE(pagesWithRows, 4);
    EXPECT_EQ(pdfText(pdf).count(QStringLiteral("(continued)")), pagesWithRows - 1);
    const QString all = pdfText(pdf);
    for (int i = 0; i < 300; ++i)
        EXPECT_TRUE(all.contains(QStringLiteral("C%1").arg(i, 5, 10, QLatin1Char('0')))) << "row " << i;
    EXPECT_TRUE(all.contains(kAwkward)) << "text from the data is printed as written";
}

// A table one row longer than its first page holds would leave that row alone at the top of the
// next page: the row before it goes over too.
TEST_F(PdfRendererTest, NoRowIsLeftAloneAtTheTopOfAPage) {
    auto tableOnly = [](int rows) {
        ReportDocument doc;
        doc.meta.title = QStringLiteral("Rows");
        doc.heading(1, QStringLiteral("Table"));
        Table t;
        t.title = QStringLiteral("Customers");
        t.header = {QStringLiteral("Code"), QStringLiteral("Margin")};
        t.align = {Align::Left, Align::Right};
        for (int i = 0; i < rows; ++i)
            t.rows.push_back({QStringLiteral("C%1").arg(i, 5, 10, QLatin1Char('0')), Cell(QString::number(i), i, "0")});
        doc.table(std::move(t));
        return doc;
    };
    static const QRegularExpression code(QStringLiteral("\\bC\\d{5}\\b"));
    auto rowsOnPage = [](const QString& pdf, int page) { return int(pdfText(pdf, page).count(code)); };
    // How many rows the table's first page (after the cover and the contents) holds.
    const QString full = m_dir.filePath(QStringLiteral("full.pdf"));
    ASSERT_TRUE(writePdf(tableOnly(200), full, {}).ok());
    const int first = rowsOnPage(full, 3);
    ASSERT_GT(first, 10);
    // One row more: two go over, the first page keeps one less.
    const QString widow = m_dir.filePath(QStringLiteral("widow.pdf"));
    auto r = writePdf(tableOnly(first + 1), widow, {});
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->pages, 4);
    EXPECT_EQ(rowsOnPage(widow, 3), first - 1);
    EXPECT_EQ(rowsOnPage(widow, 4), 2);
    EXPECT_TRUE(pdfText(widow, 4).contains(QStringLiteral("Customers (continued)")));
    // Exactly a page: nothing goes over.
    const QString exact = m_dir.filePath(QStringLiteral("exact.pdf"));
    auto e = writePdf(tableOnly(first), exact, {});
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->pages, 3);
    EXPECT_EQ(rowsOnPage(exact, 3), first);
}

// A key figure wider than its tile (a large company's margin) is set smaller on one line, whole.
TEST_F(PdfRendererTest, AWideKeyFigureStaysWholeInItsTile) {
    ReportDocument doc;
    doc.meta.title = QStringLiteral("Figures");
    doc.heading(1, QStringLiteral("Summary"));
    const QString wide = QStringLiteral("10,903,761,214,000");
    doc.figures({{wide, QStringLiteral("margin")}, {QStringLiteral("1,000,000"), QStringLiteral("customers")},
                 {QStringLiteral("81.1 %"), QStringLiteral("share")}, {wide, QStringLiteral("revenue")}});
    for (Paper paper : {Paper::A4, Paper::Letter}) {
        const QString pdf = m_dir.filePath(paper == Paper::A4 ? QStringLiteral("fa4.pdf") : QStringLiteral("fletter.pdf"));
        RenderOptions options;
        options.paper = paper;
        ASSERT_TRUE(writePdf(doc, pdf, options).ok());
        // One word each time: not broken over two lines.
        EXPECT_EQ(pdfText(pdf, 3).count(wide), 2) << pdfText(pdf, 3).toStdString();
        const auto boxes = pdfBoxes(pdf);
        EXPECT_EQ(wordsOutsideThePage(boxes), QStringList());
        // Each tile is a quarter of the body (less the gaps): the wide values end before the
        // next tile's value starts.
        std::vector<std::pair<double, double>> spans;  // (xMin, xMax) of each value
        for (const auto& w : boxes.words)
            if (w.page == 3 && (w.text == wide || w.text == QStringLiteral("1,000,000") || w.text == QStringLiteral("81.1")))
                spans.emplace_back(w.xMin, w.xMax);
        ASSERT_EQ(spans.size(), 4u);
        std::sort(spans.begin(), spans.end());
        for (std::size_t i = 0; i + 1 < spans.size(); ++i) EXPECT_LT(spans[i].second, spans[i + 1].first) << i;
    }
}

TEST_F(PdfRendererTest, NoWordLeavesThePageAndWideTablesWrapInsteadOfCutting) {
    for (Paper paper : {Paper::A4, Paper::Letter}) {
        const QString pdf = m_dir.filePath(paper == Paper::A4 ? QStringLiteral("a4.pdf") : QStringLiteral("letter.pdf"));
        RenderOptions o;
        o.paper = paper;
        ASSERT_TRUE(writePdf(sampleDocument(60), pdf, o).ok());
        const auto boxes = pdfBoxes(pdf);
        ASSERT_FALSE(boxes.words.empty());
        const auto [w, h] = boxes.pages.front();
        EXPECT_NEAR(w, paper == Paper::A4 ? 595.3 : 612.0, 1.0);
        EXPECT_NEAR(h, paper == Paper::A4 ? 841.9 : 792.0, 1.0);
        EXPECT_EQ(wordsOutsideThePage(boxes), QStringList());
        const QString text = pdfText(pdf).remove(QLatin1Char('\n')).remove(QLatin1Char(' '));
        // The long word wraps inside its column: all of its letters are there, in order, with
        // only the row's numbers between its lines.
        QStringList words = pdfText(pdf).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        words.removeIf([](const QString& w) { return QRegularExpression(QStringLiteral("^\\d+$")).match(w).hasMatch(); });
        EXPECT_TRUE(words.join(QString()).contains(QStringLiteral("Averyveryverylongwordwithoutanyspaceatallthatmustwrapsomewhere")));
        // Headers are not cut inside their words: the numbers leave them room.
        EXPECT_GE(pdfText(pdf).count(QStringLiteral("Column")), 12) << "a header wraps between its words only";
        for (int c : {0, 1, 2, 4, 11}) EXPECT_TRUE(text.contains(QString::number(12345 * (c + 1)))) << "numbers are not wrapped";
        EXPECT_TRUE(text.contains(QStringLiteral("insidethechart")));
        EXPECT_FALSE(text.contains(QStringLiteral("escaped"))) << "a chart is clipped to its box";
        EXPECT_EQ(fontsNotEmbedded(pdf), QStringList());
    }
}

TEST_F(PdfRendererTest, TheContentsGiveThePageEachHeadingIsOn) {
    const QString pdf = m_dir.filePath(QStringLiteral("contents.pdf"));
    auto r = writePdf(sampleDocument(200), pdf, {});
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->contents.size(), 3u);
    const QString contentsPage = pdfText(pdf, 2);
    for (const auto& e : r->contents) {
        EXPECT_TRUE(pdfText(pdf, e.page).contains(e.text)) << e.text.toStdString() << " on page " << e.page;
        EXPECT_TRUE(contentsPage.contains(e.text));
        EXPECT_TRUE(contentsPage.contains(QString::number(e.page)));
    }
    EXPECT_LT(r->contents[0].page, r->contents[1].page);
}

TEST_F(PdfRendererTest, CancellingWritesNothing) {
    const QString pdf = m_dir.filePath(QStringLiteral("cancelled.pdf"));
    int calls = 0;
    auto r = writePdf(sampleDocument(300), pdf, {}, [&](const cw::ProgressInfo& p) {
        ++calls;
        return p.phase != std::string_view("drawing") || p.done < 3;
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, cw::ErrorKind::Cancelled);
    EXPECT_GT(calls, 0);
    EXPECT_FALSE(QFile::exists(pdf));
}

}  // namespace
