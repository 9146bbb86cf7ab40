// The scatter painter: data values land on the pixels the mapping promises, in both drawing
// paths; missing values are not drawn; threshold lines sit on the mapped column and row; log axes
// map decades evenly; pixel -> data inverts data -> pixel.
#include <gtest/gtest.h>

#include <QImage>
#include <QLocale>
#include <QPainter>

#include <cmath>
#include <limits>
#include <vector>

#include "charts/ScatterPainter.h"

using namespace cw::charts;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QSize kSize(220, 120);  // plot area 200 x 100 inside 10 px margins

ScatterPainter makePainter(double xMin, double xMax, double yMin, double yMax,
                           AxisScale xScale = AxisScale::Linear,
                           AxisScale yScale = AxisScale::Linear) {
    ScatterPainter p;
    ScatterViewport v;
    v.xMin = xMin;
    v.xMax = xMax;
    v.yMin = yMin;
    v.yMax = yMax;
    v.xScale = xScale;
    v.yScale = yScale;
    v.margins = QMarginsF(10, 10, 10, 10);
    p.setViewport(v);
    ScatterColors c;
    c.background = Qt::white;
    c.point = QColor(255, 0, 0);
    c.selection = QColor(0, 255, 0);
    c.threshold = QColor(0, 0, 255);
    c.pointOpacity = 1.0;
    p.setColors(c);
    p.setPointRadius(3.0f);
    return p;
}

QImage blank() {
    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    return image;
}

int countNot(const QImage& image, QRgb colour) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) n += image.pixel(x, y) != colour;
    return n;
}

TEST(ScatterPainter, RasterPointLandsOnTheMappedPixel) {
    auto p = makePainter(0, 100, 0, 50);
    const std::vector<double> xs{25.0}, ys{10.0};
    p.setPoints(xs, ys);
    const QPointF px = p.toPixel(25.0, 10.0, QSizeF(kSize));
    EXPECT_DOUBLE_EQ(px.x(), 60.0);  // 10 + 0.25 * 200
    EXPECT_DOUBLE_EQ(px.y(), 90.0);  // 10 + (50 - 10) / 50 * 100
    QImage image = blank();
    p.paintPoints(image);
    EXPECT_EQ(image.pixel(60, 90), qRgb(255, 0, 0));
    EXPECT_EQ(image.pixel(62, 90), qRgb(255, 0, 0));      // radius 3
    EXPECT_EQ(image.pixel(60, 80), qRgb(255, 255, 255));  // far from the point
    EXPECT_LT(countNot(image, qRgb(255, 255, 255)), 50);
}

TEST(ScatterPainter, FloatPointsAndPaletteColours) {
    auto p = makePainter(0, 100, 0, 50);
    const std::vector<float> xs{25.0f, 75.0f}, ys{10.0f, 40.0f};
    const std::vector<std::int32_t> codes{1, -1};
    p.setPoints(xs, ys);
    p.setColorCodes(codes, {QColor(0, 0, 0), QColor(0, 128, 0)});
    QImage image = blank();
    p.paintPoints(image);
    EXPECT_EQ(image.pixel(60, 90), qRgb(0, 128, 0));  // code 1
    const QPointF second = p.toPixel(75.0, 40.0, QSizeF(kSize));
    EXPECT_EQ(image.pixel(int(second.x()), int(second.y())), qRgb(255, 0, 0));  // no code: default
    // With a neutral colour for uncoded points, those take it instead.
    ScatterColors c = p.colors();
    c.uncoded = QColor(128, 128, 128);
    p.setColors(c);
    QImage again = blank();
    p.paintPoints(again);
    EXPECT_EQ(again.pixel(int(second.x()), int(second.y())), qRgb(128, 128, 128));
    EXPECT_EQ(again.pixel(60, 90), qRgb(0, 128, 0));
}

TEST(ScatterPainter, VectorPointLandsOnTheMappedPixel) {
    auto p = makePainter(0, 100, 0, 50);
    const std::vector<double> xs{25.0}, ys{10.0};
    p.setPoints(xs, ys);
    QImage image = blank();
    {
        QPainter painter(&image);
        p.paintPoints(painter, QSizeF(kSize));
    }
    const QRgb c = image.pixel(60, 90);
    EXPECT_GT(qRed(c), 240);
    EXPECT_LT(qGreen(c), 15);
    EXPECT_EQ(image.pixel(60, 80), qRgb(255, 255, 255));
}

TEST(ScatterPainter, MissingValuesAreNotDrawn) {
    auto p = makePainter(0, 100, 0, 50);
    const std::vector<double> xs{kNaN, 30.0, kNaN, -5.0}, ys{10.0, kNaN, kNaN, 20.0};
    p.setPoints(xs, ys);
    QImage image = blank();
    p.paintPoints(image);
    EXPECT_EQ(countNot(image, qRgb(255, 255, 255)), 0);
    QPainter painter(&image);
    p.paintPoints(painter, QSizeF(kSize));
    painter.end();
    EXPECT_EQ(countNot(image, qRgb(255, 255, 255)), 0);

    // Non-positive values have no place on a log axis.
    auto log = makePainter(1, 1000, 0, 50, AxisScale::Log10);
    const std::vector<double> lx{0.0, -1.0}, ly{10.0, 10.0};
    log.setPoints(lx, ly);
    QImage logImage = blank();
    log.paintPoints(logImage);
    EXPECT_EQ(countNot(logImage, qRgb(255, 255, 255)), 0);
}

TEST(ScatterPainter, PointsOutsideThePlotAreaAreClipped) {
    auto p = makePainter(0, 100, 0, 50);
    const std::vector<double> xs{0.0, 100.0, 150.0}, ys{0.0, 50.0, 25.0};
    p.setPoints(xs, ys);
    QImage image = blank();
    p.paintPoints(image);
    for (int y = 0; y < kSize.height(); ++y) {
        for (int x = 0; x < kSize.width(); ++x) {
            if (x < 10 || x >= 210 || y < 10 || y >= 110) {
                ASSERT_EQ(image.pixel(x, y), qRgb(255, 255, 255)) << x << "," << y;
            }
        }
    }
    EXPECT_NE(image.pixel(10, 109), qRgb(255, 255, 255));  // (0, 0): bottom-left corner
}

TEST(ScatterPainter, ThresholdLinesAtTheMappedColumnAndRow) {
    auto p = makePainter(0, 100, 0, 50);
    p.setThresholds(37.0, 21.0);
    const int column = int(std::floor(p.xToPixel(37.0, QSizeF(kSize))));
    const int row = int(std::floor(p.yToPixel(21.0, QSizeF(kSize))));
    EXPECT_EQ(column, 84);  // 10 + 0.37 * 200
    EXPECT_EQ(row, 68);     // 10 + 29 / 50 * 100
    QImage image = blank();
    {
        QPainter painter(&image);
        p.paintThresholds(painter, QSizeF(kSize));
    }
    for (int y : {15, 40, 100}) EXPECT_EQ(image.pixel(column, y), qRgb(0, 0, 255)) << y;
    for (int x : {15, 50, 200}) EXPECT_EQ(image.pixel(x, row), qRgb(0, 0, 255)) << x;
    EXPECT_EQ(image.pixel(column - 1, 40), qRgb(255, 255, 255));
    EXPECT_EQ(image.pixel(column + 1, 40), qRgb(255, 255, 255));
    EXPECT_EQ(image.pixel(column, 5), qRgb(255, 255, 255));  // not in the margin

    // NaN hides a line.
    p.setThresholds(kNaN, 21.0);
    QImage only = blank();
    {
        QPainter painter(&only);
        p.paintThresholds(painter, QSizeF(kSize));
    }
    EXPECT_EQ(only.pixel(column, 40), qRgb(255, 255, 255));
    EXPECT_EQ(only.pixel(50, row), qRgb(0, 0, 255));
}

TEST(ScatterPainter, LogScaleMapsDecadesEvenly) {
    auto p = makePainter(1, 1000, 1, 100, AxisScale::Log10, AxisScale::Log10);
    const QSizeF s(kSize);
    EXPECT_NEAR(p.xToPixel(1, s), 10.0, 1e-9);
    EXPECT_NEAR(p.xToPixel(10, s), 10.0 + 200.0 / 3, 1e-9);
    EXPECT_NEAR(p.xToPixel(100, s), 10.0 + 400.0 / 3, 1e-9);
    EXPECT_NEAR(p.yToPixel(10, s), 60.0, 1e-9);  // half-way up
    EXPECT_TRUE(std::isnan(p.xToPixel(0, s)));

    const std::vector<double> xs{10.0}, ys{10.0};
    p.setPoints(xs, ys);
    QImage image = blank();
    p.paintPoints(image);
    EXPECT_EQ(image.pixel(76, 60), qRgb(255, 0, 0));

    const auto t = ScatterPainter::ticks(1, 1000, AxisScale::Log10);
    ASSERT_GE(t.size(), 4u);
    EXPECT_DOUBLE_EQ(t.front(), 1.0);
    EXPECT_DOUBLE_EQ(t.back(), 1000.0);
}

TEST(ScatterPainter, MappingRoundTrip) {
    const QSizeF s(kSize);
    for (auto scale : {AxisScale::Linear, AxisScale::Log10, AxisScale::SymLog}) {
        auto p = makePainter(0.5, 2000, 0.01, 7, scale, scale);
        for (double x : {0.5, 1.0, 3.3, 777.0, 2000.0})
            for (double y : {0.01, 0.2, 5.0, 7.0}) {
                const QPointF back = p.toData(p.toPixel(x, y, s), s);
                EXPECT_NEAR(back.x(), x, std::abs(x) * 1e-12);
                EXPECT_NEAR(back.y(), y, std::abs(y) * 1e-12);
            }
        const QPointF px(123.25, 47.5);
        const QPointF d = p.toData(px, s);
        const QPointF again = p.toPixel(d.x(), d.y(), s);
        EXPECT_NEAR(again.x(), px.x(), 1e-9);
        EXPECT_NEAR(again.y(), px.y(), 1e-9);
    }
}

TEST(ScatterPainter, SelectedPointsDrawnInTheSelectionColour) {
    auto p = makePainter(0, 100, 0, 50);
    const std::vector<double> xs{25.0, 75.0}, ys{10.0, 40.0};
    const std::vector<std::uint8_t> selected{0, 1};
    p.setPoints(xs, ys);
    p.setSelection(selected);
    QImage image = blank();
    p.paintPoints(image, ScatterPainter::PointLayer::All);
    p.paintPoints(image, ScatterPainter::PointLayer::SelectedOnly);
    EXPECT_EQ(image.pixel(60, 90), qRgb(255, 0, 0));
    const QPointF second = p.toPixel(75.0, 40.0, QSizeF(kSize));
    EXPECT_EQ(image.pixel(int(second.x()), int(second.y())), qRgb(0, 255, 0));
}

TEST(ScatterPainter, NiceTicksAndLabels) {
    const auto t = ScatterPainter::ticks(0, 10, AxisScale::Linear, 5);
    EXPECT_EQ(t, (std::vector<double>{0, 2, 4, 6, 8, 10}));
    const auto f = ScatterPainter::ticks(-0.13, 0.42, AxisScale::Linear, 6);
    ASSERT_FALSE(f.empty());
    EXPECT_NEAR(f.front(), -0.1, 1e-12);
    EXPECT_NEAR(f.back(), 0.4, 1e-12);
    EXPECT_EQ(ScatterPainter::tickLabel(0.25, 0.05), QLocale().toString(0.25, 'f', 2));
    EXPECT_EQ(ScatterPainter::tickLabel(2500000, 500000), QLocale().toString(2.5, 'f', 1) + "M");
    EXPECT_EQ(ScatterPainter::tickLabel(15000, 5000), QStringLiteral("15k"));
}

TEST(ScatterPainter, FullRenderHasAxesAndQuadrantTexts) {
    auto p = makePainter(0, 100, 0, 50);
    ScatterViewport v = p.viewport();
    v.margins = QMarginsF(60, 12, 16, 44);
    p.setViewport(v);
    p.setAxisTitles("Loyalty", "Profitability");
    p.setQuadrantTexts({"HH", "HL", "LH", "LL"});
    p.setThresholds(50, 25);
    std::vector<double> xs(100), ys(100);
    for (int i = 0; i < 100; ++i) {
        xs[i] = i;
        ys[i] = i / 2.0;
    }
    p.setPoints(xs, ys);
    const QImage raster = p.render(QSize(400, 300), ScatterPainter::PointPath::Raster);
    const QImage vector = p.render(QSize(400, 300), ScatterPainter::PointPath::Vector);
    EXPECT_EQ(raster.size(), QSize(400, 300));
    // Tick labels are drawn in the left margin.
    QImage margin = raster.copy(0, 0, 58, 300);
    EXPECT_GT(countNot(margin, qRgb(255, 255, 255)), 20);
    EXPECT_GT(countNot(vector, qRgb(255, 255, 255)), 500);
}

}  // namespace

namespace {

// The symmetric log axis: sign(v)·log10(1 + |v|), so zero and negatives map (a log axis cannot),
// it is odd and monotonic, and its ticks are 0 and ±decades.
TEST(ScatterPainter, SymmetricLogMapsZeroAndLossesAndTicksAtDecades) {
    EXPECT_EQ(ScatterPainter::toAxis(0.0, AxisScale::SymLog), 0.0);
    EXPECT_NEAR(ScatterPainter::toAxis(9.0, AxisScale::SymLog), 1.0, 1e-15);
    EXPECT_NEAR(ScatterPainter::toAxis(-999.0, AxisScale::SymLog), -3.0, 1e-15);
    double last = -1e300;
    for (double v : {-1e6, -5000.0, -1.0, -0.5, 0.0, 0.25, 1.0, 99.0, 1e7}) {
        const double a = ScatterPainter::toAxis(v, AxisScale::SymLog);
        EXPECT_GT(a, last) << v;
        last = a;
        EXPECT_NEAR(ScatterPainter::fromAxis(a, AxisScale::SymLog), v, std::abs(v) * 1e-12 + 1e-15) << v;
        EXPECT_DOUBLE_EQ(ScatterPainter::toAxis(-v, AxisScale::SymLog), -a) << v;
    }
    EXPECT_TRUE(std::isnan(ScatterPainter::toAxis(-1.0, AxisScale::Log10)));
    const auto t = ScatterPainter::ticks(-250, 60000, AxisScale::SymLog);
    ASSERT_FALSE(t.empty());
    EXPECT_NE(std::find(t.begin(), t.end(), 0.0), t.end());
    for (double v : t) {
        EXPECT_GE(v, -250);
        EXPECT_LE(v, 60000);
        if (v != 0.0) {
            EXPECT_DOUBLE_EQ(std::abs(v), std::pow(10.0, std::round(std::log10(std::abs(v))))) << v;
        }
    }
    EXPECT_TRUE(std::is_sorted(t.begin(), t.end()));
}

}  // namespace

namespace {

// One style per axis: a linear axis up to 10,000 is all in k, never "1,000" beside "10k"; a log
// axis writes every tick of 1,000 or more with a suffix.
TEST(ScatterPainter, TickLabelsOfAnAxisShareOneStyle) {
    const auto linear = ScatterPainter::ticks(0, 10000, AxisScale::Linear, 6);
    const QStringList l = ScatterPainter::tickLabels(linear, AxisScale::Linear);
    ASSERT_EQ(l.size(), qsizetype(linear.size()));
    for (qsizetype i = 1; i < l.size(); ++i) EXPECT_TRUE(l[i].endsWith(QLatin1Char('k'))) << l[i].toStdString();
    EXPECT_EQ(l.front(), QStringLiteral("0"));
    const QStringList log = ScatterPainter::tickLabels({1, 10, 100, 1000, 10000, 1e6}, AxisScale::Log10);
    EXPECT_EQ(log, (QStringList{"1", "10", "100", "1k", "10k", "1M"}));
    const QStringList sym = ScatterPainter::tickLabels({-1000, -1, 0, 1, 100, 10000}, AxisScale::SymLog);
    EXPECT_EQ(sym, (QStringList{QLocale().toString(-1.0, 'f', 0) + "k", QLocale().toString(-1.0, 'f', 0), "0", "1", "100", "10k"}));
    const QStringList pct = ScatterPainter::tickLabels({0.0, 0.05, 0.10}, AxisScale::Linear, true);
    EXPECT_EQ(pct, (QStringList{"0 %", "5 %", "10 %"}));
}

}  // namespace

// The window and the reports draw skewed money on a symmetric log axis, anything else linearly.
TEST(AutomaticScale, SkewedMoneyIsSymLogEvenMoneyAndOtherUnitsAreLinear) {
    std::vector<double> skewed(100, 50.0);
    skewed.back() = 1001.0;  // above 20 × the median magnitude 50
    EXPECT_EQ(cw::charts::automaticScale(true, skewed), AxisScale::SymLog);
    EXPECT_EQ(cw::charts::automaticScale(false, skewed), AxisScale::Linear);
    skewed.back() = 999.0;
    EXPECT_EQ(cw::charts::automaticScale(true, skewed), AxisScale::Linear);
    // Losses count by their magnitude; values unknown are left out.
    std::vector<double> losses(20, -3.0);
    losses[0] = -100.0;
    losses[1] = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(cw::charts::automaticScale(true, losses), AxisScale::SymLog);
    // Too few values to judge.
    EXPECT_EQ(cw::charts::automaticScale(true, {1.0, 1e6, 2.0}), AxisScale::Linear);
}
