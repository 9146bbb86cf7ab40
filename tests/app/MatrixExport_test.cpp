// Exported matrices explain themselves: a title and a caption (workbook, thresholds, counts,
// date) above the plot, in PNG, SVG and PDF; points stay vectors up to kVectorLimit and become
// one embedded image above; a file that cannot be written is said so and nothing is left.
#include <QFile>
#include <QImage>

#include <filesystem>

#include "MatrixWindowTest.h"
#include "app/widgets/Format.h"
#include "charts/ScatterPainter.h"
#include "support/PdfProbe.h"

using namespace cw;
using namespace cw::app;

namespace {

class MatrixExportTest : public test::MatrixWindowTest {};

QString readText(const std::string& path) {
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

TEST_F(MatrixExportTest, EveryFormatCarriesTheTitleAndCaption) {
    MainWindow w;
    openInWindow(w);
    auto* dock = w.analysis()->matrixDock();
    const auto& m = w.analysis()->session()->matrix(engine::MatrixKind::ProfitabilityLoyalty);
    ASSERT_TRUE(m.result);
    const auto caption = dock->exportCaption();
    EXPECT_EQ(caption.title, QStringLiteral("Profitability vs loyalty"));
    ASSERT_GE(caption.lines.size(), 3);
    EXPECT_TRUE(caption.lines[0].contains(QStringLiteral("Workbook demo.cwb"))) << caption.lines[0].toStdString();
    EXPECT_TRUE(caption.lines[0].contains(formatCount(m.result->total.plotted) + QStringLiteral(" plotted")));
    EXPECT_TRUE(caption.lines[1].startsWith(QStringLiteral("x: Profitability"))) << caption.lines[1].toStdString();
    EXPECT_TRUE(caption.lines[1].contains(QStringLiteral("split at its median"))) << caption.lines[1].toStdString();
    EXPECT_TRUE(caption.lines[2].startsWith(QStringLiteral("y: Loyalty index"))) << caption.lines[2].toStdString();

    // PNG: the plot's size plus a caption band with dark text on white.
    const auto png = dir.file("m.png");
    ASSERT_EQ(dock->exportCurrent(QString::fromStdString(png)), QString());
    const QImage image(QString::fromStdString(png));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), 1600);
    const int band = image.height() - 1100;
    ASSERT_GT(band, 60);
    int dark = 0;
    for (int y = 0; y < band; ++y)
        for (int x = 0; x < image.width(); ++x) dark += qGray(image.pixel(x, y)) < 100;
    EXPECT_GT(dark, 500) << "the caption band has no text";

    // SVG: title and description are metadata too; the points are vectors (800 < kVectorLimit).
    const auto svg = dir.file("m.svg");
    ASSERT_EQ(dock->exportCurrent(QString::fromStdString(svg)), QString());
    const QString text = readText(svg);
    EXPECT_TRUE(text.contains(QStringLiteral("<title>Profitability vs loyalty</title>")));
    EXPECT_TRUE(text.contains(QStringLiteral("Workbook demo.cwb")));
    EXPECT_TRUE(text.contains(QStringLiteral(">Profitability vs loyalty</text>"))) << "the title is drawn";
    EXPECT_FALSE(text.contains(QStringLiteral("<image"))) << "points below the limit are vectors, not an image";
    static_assert(charts::ScatterPainter::kVectorLimit == 20000, "docs/analysis.md states the limit");

    // PDF: the words are text (searchable), not pixels.
    const auto pdf = dir.file("m.pdf");
    ASSERT_EQ(dock->exportCurrent(QString::fromStdString(pdf)), QString());
    EXPECT_TRUE(readText(pdf).startsWith(QStringLiteral("%PDF")));
    if (!cw::test::havePoppler()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    // NFKC: a ligature ("ﬁ") would not be what a search types.
    const QString words = cw::test::pdfText(QString::fromStdString(pdf)).normalized(QString::NormalizationForm_KC);
    EXPECT_TRUE(words.contains(QStringLiteral("Profitability vs loyalty"))) << words.toStdString();
    EXPECT_TRUE(words.contains(QStringLiteral("demo.cwb"))) << words.toStdString();
    EXPECT_TRUE(words.contains(QStringLiteral("split at its median"))) << words.toStdString();
}

TEST_F(MatrixExportTest, AFileThatCannotBeWrittenIsSaidSoAndNothingIsLeft) {
    MainWindow w;
    openInWindow(w);
    const auto bad = dir.file("no-such-folder/m.png");
    const QString why = w.analysis()->matrixDock()->exportCurrent(QString::fromStdString(bad));
    EXPECT_FALSE(why.isEmpty());
    EXPECT_FALSE(std::filesystem::exists(bad));
}

}  // namespace
