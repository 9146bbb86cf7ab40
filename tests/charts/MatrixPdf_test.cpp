// A matrix drawn into a PDF through the charts library alone (QPdfWriter under a QGuiApplication,
// no widgets, no display), read back with pdftotext: the caption, the axis titles and the
// quadrant texts are real text in the file, and the page is the plot plus its caption.
#include <gtest/gtest.h>

#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QTemporaryDir>

#include <vector>

#include "charts/MatrixExport.h"
#include "charts/ScatterPainter.h"
#include "support/PdfProbe.h"

using namespace cw::charts;

namespace {

TEST(MatrixPdf, IsDrawnWithoutWidgetsAndCarriesItsCaptionAxesAndQuadrants) {
    ASSERT_EQ(qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr, true);
    ASSERT_FALSE(QCoreApplication::instance()->inherits("QApplication")) << "the test must run without widgets";
    if (!cw::test::havePoppler())
        GTEST_SKIP() << "pdftotext is not installed (apt-get install poppler-utils)";

    const std::vector<double> xs = {10, 20, 35, 50, 80, 95}, ys = {0.2, 0.9, 0.4, 0.7, 0.1, 0.8};
    ScatterPainter painter;
    painter.setPoints(std::span<const double>(xs), std::span<const double>(ys));
    ScatterViewport v;
    v.xMin = 0;
    v.xMax = 100;
    v.yMin = 0;
    v.yMax = 1;
    painter.setViewport(v);
    painter.setColors(ScatterColors::fromPalette(QGuiApplication::palette()));
    painter.setAxisTitles(QStringLiteral("Profitability (margin)"), QStringLiteral("Loyalty index"));
    painter.setThresholds(42, 0.5);
    painter.setQuadrantTexts({QStringLiteral("True friends"), QStringLiteral("Butterflies"),
                              QStringLiteral("Barnacles"), QStringLiteral("Strangers")});

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("matrix.pdf"));
    ExportCaption caption{QStringLiteral("Profitability x loyalty"),
                          {QStringLiteral("Workbook demo.cwb, thresholds median/median"), QStringLiteral("6 customers")}};
    const QString error = exportMatrix(painter, QFont(), path, QSize(800, 600), caption);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();

    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.read(5) == "%PDF-");
    const QString text = cw::test::pdfLayoutText(path);
    ASSERT_FALSE(text.isEmpty()) << "pdftotext read nothing";
    for (const char* expected : {"Profitability x loyalty", "Workbook demo.cwb, thresholds median/median", "6 customers",
                                 "Profitability (margin)", "Loyalty index", "True friends", "Strangers"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(expected))) << expected << " not in:\n" << text.toStdString();
}

TEST(MatrixPdf, AnUnwritablePlaceIsAnErrorAndLeavesNoFile) {
    ScatterPainter painter;
    const QString error = exportMatrix(painter, QFont(), QStringLiteral("/nonexistent-dir/matrix.pdf"), QSize(400, 300),
                                       {QStringLiteral("t"), {}});
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(QFile::exists(QStringLiteral("/nonexistent-dir/matrix.pdf")));
}

}  // namespace
