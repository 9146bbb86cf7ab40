// The bars painter: bar lengths follow the values from a zero line (negatives to its left), a row
// without a value draws no bar and says "n/a", rows are hit where they are drawn, and with eliding
// off every label is printed as written — read back from a PDF with pdftotext.
#include <gtest/gtest.h>

#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>

#include <cmath>
#include <limits>
#include <vector>

#include "support/PdfProbe.h"
#include "charts/BarsPainter.h"

using namespace cw::charts;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QRgb kBar = qRgb(255, 0, 0);

QFont testFont() {
    QFont f;
    f.setPixelSize(12);
    return f;
}

BarsPainter makePainter(std::vector<Bar> bars) {
    BarsPainter p;
    p.setBars(std::move(bars));
    BarsColors c = BarsColors::print();
    c.bar = QColor(kBar);
    p.setColors(c);
    return p;
}

/// Paints into a white image of `size` with the test font, no antialiasing (exact colours).
QImage render(const BarsPainter& bars, QSize size = QSize(400, 200)) {
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setFont(testFont());
    bars.paint(p, QRectF(QPointF(0, 0), QSizeF(size)));
    return image;
}

/// The first and last x of the bar colour on row `y`, or {-1, -1}.
std::pair<int, int> barSpan(const QImage& image, int y) {
    int first = -1, last = -1;
    for (int x = 0; x < image.width(); ++x)
        if (image.pixel(x, y) == kBar) {
            if (first < 0) first = x;
            last = x;
        }
    return {first, last};
}

QFontMetricsF metrics(const QImage& image) {
    return QFontMetricsF(testFont(), &image);
}

int rowCentre(const BarsPainter& p, int row, const QImage& image) {
    const QFontMetricsF fm = metrics(image);
    const double top = BarsPainter::margin(fm) + row * p.effectiveRowHeight(fm);
    return int(top + p.effectiveRowHeight(fm) / 2);
}

TEST(BarsPainter, BarLengthsAreProportionalToTheValues) {
    const auto p = makePainter({{"a", 10, "10"}, {"b", 20, "20"}, {"c", 40, "40"}});
    const QImage image = render(p);
    std::vector<int> lengths;
    for (int i = 0; i < 3; ++i) {
        const auto [first, last] = barSpan(image, rowCentre(p, i, image));
        ASSERT_GE(first, 0) << "no bar on row " << i;
        lengths.push_back(last - first + 1);
    }
    // Every bar starts at the zero line; the longest spans the whole bar area.
    EXPECT_NEAR(lengths[1], 2.0 * lengths[0], 2.0);
    EXPECT_NEAR(lengths[2], 4.0 * lengths[0], 3.0);
    EXPECT_GT(lengths[2], 150);
    const double zero = p.zeroX(QRectF(image.rect()), metrics(image));
    for (int i = 0; i < 3; ++i)
        EXPECT_NEAR(barSpan(image, rowCentre(p, i, image)).first, zero, 1.0);
}

TEST(BarsPainter, ANegativeBarLiesLeftOfTheZeroLine) {
    const auto p = makePainter({{"gain", 30, "30"}, {"loss", -10, "-10"}});
    const QImage image = render(p);
    const double zero = p.zeroX(QRectF(image.rect()), metrics(image));
    const auto [gainFirst, gainLast] = barSpan(image, rowCentre(p, 0, image));
    const auto [lossFirst, lossLast] = barSpan(image, rowCentre(p, 1, image));
    ASSERT_GE(gainFirst, 0);
    ASSERT_GE(lossFirst, 0);
    EXPECT_GE(gainFirst, zero - 1);
    EXPECT_LE(lossLast, zero + 1);
    EXPECT_LT(lossFirst, zero - 10);
    // The loss is a third of the gain.
    EXPECT_NEAR(3.0 * (lossLast - lossFirst + 1), gainLast - gainFirst + 1, 4.0);
    // The zero line is drawn: a grey column between the rows.
    EXPECT_NE(image.pixel(int(zero), rowCentre(p, 0, image) - 10), qRgb(255, 255, 255));
}

TEST(BarsPainter, ARowWithoutAValueHasNoBar) {
    const auto p = makePainter({{"a", 10, "10"}, {"none", kNaN, ""}, {"c", 5, "5"}});
    const QImage image = render(p);
    EXPECT_EQ(barSpan(image, rowCentre(p, 1, image)).first, -1);
    EXPECT_TRUE(p.barRect(1, QRectF(image.rect()), metrics(image)).isEmpty());
    EXPECT_GE(barSpan(image, rowCentre(p, 2, image)).first, 0);
}

TEST(BarsPainter, RowsAreHitWhereTheyAreDrawn) {
    const auto p = makePainter({{"a", 1, ""}, {"b", 2, ""}, {"c", 3, ""}});
    const QImage image = render(p);
    const QRectF rect(image.rect());
    const QFontMetricsF fm = metrics(image);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(p.rowAt(rowCentre(p, i, image), rect, fm), i);
    EXPECT_EQ(p.rowAt(0, rect, fm), -1);
    EXPECT_EQ(p.rowAt(rowCentre(p, 2, image) + p.effectiveRowHeight(fm), rect, fm), -1);
    EXPECT_GE(BarsPainter::preferredHeight(3, fm), 3 * p.effectiveRowHeight(fm));
    EXPECT_GT(BarsPainter::preferredHeight(0, fm), 0) << "room for the empty text";
}

TEST(BarsPainter, LongLabelsWidenTheColumnOnlyWhenNotElided) {
    auto p = makePainter({{"A rather long manager name (MGR-0001)", 1, ""}, {"b", 2, ""}});
    const QImage image(400, 100, QImage::Format_ARGB32_Premultiplied);
    const QFontMetricsF fm = metrics(image);
    EXPECT_LE(p.labelColumnWidth(fm, 400), 400 / 3.0 + 0.5);
    p.setElideLabels(false);
    const double full =
        fm.horizontalAdvance(QStringLiteral("A rather long manager name (MGR-0001)"));
    EXPECT_NEAR(p.labelColumnWidth(fm, 1000), std::ceil(full) + 1, 1.0)
        << "as wide as the longest label";
    EXPECT_NEAR(p.labelColumnWidth(fm, 400), 400 * BarsPainter::kMaxLabelShare, 0.5)
        << "capped at 45 %";
}

TEST(BarsPainterPdf, PrintsLabelsAsWrittenAndNAForAMissingValue) {
    if (!cw::test::havePoppler())
        GTEST_SKIP() << "pdftotext is not installed (apt-get install poppler-utils)";
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bars.pdf"));
    const QString longLabel = QStringLiteral(
        "Northern region key accounts, second team (MGR-0042) — Wilhelmina Featherstonehaugh");
    BarsPainter bars;
    bars.setElideLabels(false);
    bars.setBars({{QStringLiteral("<b>&\""), 1200, QStringLiteral("1,200 EUR")},
                  {QStringLiteral("Nobody"), kNaN, QString()},
                  {longLabel, -300, QStringLiteral("-300 EUR")}});
    {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        QPainter p(&pdf);
        QFont f;
        f.setPointSizeF(10);
        p.setFont(f);
        const QFontMetricsF fm(f, &pdf);
        const QRectF rect(0, 0, pdf.width(), BarsPainter::preferredHeight(bars.count(), fm));
        bars.paint(p, rect);
    }
    const QString text = cw::test::pdfLayoutText(path);
    ASSERT_FALSE(text.isEmpty()) << "pdftotext read nothing";
    EXPECT_TRUE(text.contains(QStringLiteral("<b>&\""))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("n/a"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("1,200 EUR"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QChar(0x2026))) << "nothing elided:\n" << text.toStdString();
    // The long label is whole, though perhaps over two lines: compare without the line breaks.
    QString flat = text.simplified();
    for (const QString& word : longLabel.split(QLatin1Char(' ')))
        EXPECT_TRUE(flat.contains(word)) << word.toStdString() << " not in:\n"
                                         << text.toStdString();
}

}  // namespace
