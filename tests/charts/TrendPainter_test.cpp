// The trend painter: the y ticks are round steps covering every value and target, month ticks
// read "Jan 2026" (years over long ranges), a missing value breaks the line, one target is a
// marker and several a dashed line, and a PDF carries the title, axis labels and legend as text.
#include <gtest/gtest.h>

#include <QDate>
#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>

#include <cmath>
#include <limits>
#include <vector>

#include "support/PdfProbe.h"
#include "charts/TrendPainter.h"

using namespace cw::charts;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QColor kValue(0, 0, 255), kTarget(0, 200, 0);

double day(int y, int m, int d) {
    return double(QDate(1970, 1, 1).daysTo(QDate(y, m, d)));
}

/// English month names whatever the machine's locale, restored afterwards.
class TrendPainterTest : public ::testing::Test {
protected:
    void SetUp() override { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void TearDown() override { QLocale::setDefault(m_saved); }

private:
    QLocale m_saved;
};

QFont testFont() {
    QFont f;
    f.setPixelSize(12);
    return f;
}

TrendPainter makePainter(std::vector<TrendPoint> points) {
    TrendPainter p;
    p.setPoints(std::move(points));
    TrendColors c = TrendColors::print();
    c.value = kValue;
    c.target = kTarget;
    p.setColors(c);
    return p;
}

QImage render(const TrendPainter& trend, QSize size = QSize(480, 260)) {
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setFont(testFont());
    trend.paint(p, QRectF(QPointF(0, 0), QSizeF(size)));
    return image;
}

/// Pixels near `c` within a square of `radius` around `at`.
int near(const QImage& image, QPointF at, int radius, const QColor& c) {
    int n = 0;
    for (int y = int(at.y()) - radius; y <= int(at.y()) + radius; ++y)
        for (int x = int(at.x()) - radius; x <= int(at.x()) + radius; ++x) {
            if (!image.rect().contains(x, y)) continue;
            const QColor p = image.pixelColor(x, y);
            n += std::abs(p.red() - c.red()) + std::abs(p.green() - c.green()) +
                     std::abs(p.blue() - c.blue()) <
                 90;
        }
    return n;
}

struct Mapped {
    QRectF plot;
    int maxTicks;
};

Mapped mapping(const TrendPainter& p, const QImage& image) {
    const QFontMetricsF fm(testFont(), &image);
    const QRectF plot = p.plotRect(QRectF(image.rect()), fm);
    return {plot, TrendPainter::maxYTicks(plot, fm)};
}

TEST_F(TrendPainterTest, YTicksAreRoundStepsCoveringEveryValueAndTarget) {
    const auto p = makePainter(
        {{day(2025, 1, 1), 12.5, kNaN}, {day(2025, 2, 1), 87.2, 95}, {day(2025, 3, 1), 40, 90}});
    const auto ticks = p.yTicks(6);
    ASSERT_GE(ticks.size(), 3u);
    EXPECT_LE(ticks.front(), 12.5);
    EXPECT_GE(ticks.back(), 95.0) << "the targets are covered too";
    const double step = ticks[1] - ticks[0];
    for (std::size_t i = 1; i < ticks.size(); ++i) EXPECT_NEAR(ticks[i] - ticks[i - 1], step, 1e-9);
    EXPECT_EQ(std::fmod(step, 5.0), 0.0) << "a round step: " << step;
    EXPECT_LE(ticks.size(), 8u);
    EXPECT_EQ(p.yRange(6).first, ticks.front());
    EXPECT_EQ(p.yRange(6).second, ticks.back());
    // A flat series still gets a range around its value.
    const auto flat =
        makePainter({{day(2025, 1, 1), 7, kNaN}, {day(2025, 2, 1), 7, kNaN}}).yTicks(6);
    ASSERT_GE(flat.size(), 2u);
    EXPECT_LT(flat.front(), 7);
    EXPECT_GT(flat.back(), 7);
}

TEST_F(TrendPainterTest, MonthTicksReadAsMonthsOrYears) {
    EXPECT_EQ(TrendPainter::monthLabel(day(2026, 1, 15)), QStringLiteral("Jan 2026"));
    const auto months = TrendPainter::monthTicks(day(2025, 11, 1), day(2026, 2, 1), 12);
    ASSERT_EQ(months.size(), 4u);
    EXPECT_EQ(months[0].label, QStringLiteral("Nov 2025"));
    EXPECT_EQ(months[2].label, QStringLiteral("Jan 2026"));
    EXPECT_EQ(months[2].x, day(2026, 1, 1));
    const auto quarters = TrendPainter::monthTicks(day(2023, 1, 1), day(2025, 12, 1), 12);
    ASSERT_FALSE(quarters.empty());
    EXPECT_LE(quarters.size(), 12u);
    EXPECT_EQ(quarters.front().label, QStringLiteral("Jan 2023"));
    const auto years = TrendPainter::monthTicks(day(2023, 1, 1), day(2025, 12, 1), 4);
    ASSERT_EQ(years.size(), 3u);
    EXPECT_EQ(years[1].label, QStringLiteral("2024"));
}

TEST_F(TrendPainterTest, AMissingValueBreaksTheLine) {
    const auto p = makePainter({{day(2025, 1, 1), 10, kNaN},
                                {day(2025, 2, 1), 20, kNaN},
                                {day(2025, 3, 1), kNaN, kNaN},
                                {day(2025, 4, 1), 40, kNaN},
                                {day(2025, 5, 1), 50, kNaN}});
    EXPECT_EQ(p.valuePoints().size(), 4u);
    const QImage image = render(p);
    const auto m = mapping(p, image);
    auto at = [&](double x, double y) {
        return QPointF(p.xToPixel(x, m.plot), p.yToPixel(y, m.plot, m.maxTicks));
    };
    // The dots are drawn, and the line between the first two...
    EXPECT_GT(near(image, at(day(2025, 1, 1), 10), 1, kValue), 0);
    const QPointF mid = (at(day(2025, 1, 1), 10) + at(day(2025, 2, 1), 20)) / 2;
    EXPECT_GT(near(image, mid, 1, kValue), 0);
    // ...but nothing where a line from February to April would run through March.
    EXPECT_EQ(near(image, at(day(2025, 3, 1), 30), 3, kValue), 0);
}

TEST_F(TrendPainterTest, ASingleTargetIsAMarkerAndSeveralADashedLine) {
    auto p = makePainter(
        {{day(2025, 1, 1), 10, kNaN}, {day(2025, 2, 1), 20, kNaN}, {day(2025, 3, 1), 30, 60}});
    EXPECT_TRUE(p.targetIsMarker());
    QImage image = render(p);
    auto m = mapping(p, image);
    const QPointF marker(p.xToPixel(day(2025, 3, 1), m.plot), p.yToPixel(60, m.plot, m.maxTicks));
    EXPECT_GE(near(image, marker, 2, kTarget), 20) << "a filled marker on the target";
    EXPECT_GE(p.yTicks(m.maxTicks).back(), 60.0);

    p.setPoints({{day(2025, 1, 1), 10, 15}, {day(2025, 2, 1), 20, 40}, {day(2025, 3, 1), 30, 60}});
    EXPECT_FALSE(p.targetIsMarker());
    image = render(p);
    m = mapping(p, image);
    // A dashed line: target colour along the segment, with gaps.
    const QPointF a(p.xToPixel(day(2025, 1, 1), m.plot), p.yToPixel(15, m.plot, m.maxTicks));
    const QPointF b(p.xToPixel(day(2025, 2, 1), m.plot), p.yToPixel(40, m.plot, m.maxTicks));
    int on = 0, samples = 40;
    for (int i = 1; i < samples; ++i)
        on += near(image, a + (b - a) * (double(i) / samples), 0, kTarget) > 0;
    EXPECT_GT(on, samples / 5);
    EXPECT_LT(on, samples - 2) << "dashes, not a solid line";
}

TEST_F(TrendPainterTest, APdfCarriesTitleTicksAndLegendAsText) {
    if (!cw::test::havePoppler())
        GTEST_SKIP() << "pdftotext is not installed (apt-get install poppler-utils)";
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("trend.pdf"));
    std::vector<TrendPoint> points;
    for (int m = 1; m <= 12; ++m)
        points.push_back({day(2025, m, 1), 1000.0 + 150 * m, m == 12 ? 3000.0 : kNaN});
    TrendPainter trend;
    trend.setPoints(points);
    trend.setTitle(QStringLiteral("Revenue <b>&\" — Company"));
    trend.setYTitle(QStringLiteral("EUR"));
    trend.setLegendNames(QStringLiteral("Revenue"), QStringLiteral("Target"));
    trend.setValueFormatter([](double v) { return QStringLiteral("%1 EUR").arg(v, 0, 'f', 0); });
    {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Landscape);
        QPainter p(&pdf);
        QFont f;
        f.setPointSizeF(9);
        p.setFont(f);
        trend.paint(p, QRectF(0, 0, pdf.width(), pdf.height() / 2));
    }
    const QString text = cw::test::pdfLayoutText(path);
    ASSERT_FALSE(text.isEmpty()) << "pdftotext read nothing";
    for (const QString& expected :
         {QStringLiteral("Revenue <b>&\" — Company"), QStringLiteral("EUR"),
          QStringLiteral("Target"), QStringLiteral("Jan 2025"), QStringLiteral("Dec 2025"),
          QStringLiteral("3000 EUR"), QStringLiteral("1000 EUR")})
        EXPECT_TRUE(text.contains(expected)) << expected.toStdString() << " not in:\n"
                                             << text.toStdString();
}

}  // namespace
