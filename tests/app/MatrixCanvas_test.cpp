// The matrix canvas: dragging a threshold line moves it to the value under the mouse and reports
// old and new values; a rubber band selects exactly the points inside it (never those without a
// value); the wheel zooms around the cursor and reset restores the view.
#include <QMouseEvent>
#include <QSignalSpy>
#include <QWheelEvent>

#include <cmath>
#include <limits>
#include <memory>

#include "AppTestSupport.h"
#include "app/matrices/MatrixCanvas.h"

using namespace cw;
using namespace cw::app;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A 10 x 10 lattice (x, y = 0..9; point i at x = i % 10, y = i / 10) and two points without a
// value: index 100 (x only) and 101 (y only).
std::shared_ptr<engine::MatrixInput> lattice() {
    auto in = std::make_shared<engine::MatrixInput>();
    for (int i = 0; i < 100; ++i) {
        in->xs.push_back(i % 10);
        in->ys.push_back(i / 10);
        in->labels.push_back("C" + std::to_string(i));
    }
    in->xs.push_back(3.0);
    in->ys.push_back(kNaN);
    in->xs.push_back(kNaN);
    in->ys.push_back(4.0);
    in->labels.resize(in->xs.size());
    in->ids.resize(in->xs.size());
    in->revenue.assign(in->xs.size(), 1.0);
    in->margin.assign(in->xs.size(), 1.0);
    return in;
}

void mouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButton button,
           Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, modifiers);
    QCoreApplication::sendEvent(w, &e);
}

void drag(QWidget* w, QPointF from, QPointF to, Qt::MouseButton button = Qt::LeftButton,
          Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    mouse(w, QEvent::MouseMove, from, Qt::NoButton, Qt::NoButton);
    mouse(w, QEvent::MouseButtonPress, from, button, button, modifiers);
    for (int step = 1; step <= 5; ++step)
        mouse(w, QEvent::MouseMove, step == 5 ? to : from + (to - from) * step / 5.0, Qt::NoButton,
              button, modifiers);
    mouse(w, QEvent::MouseButtonRelease, to, button, Qt::NoButton, modifiers);
}

struct Shown {
    MatrixCanvas canvas;
    Shown() {
        canvas.resize(600, 400);
        canvas.setPoints(lattice());
        canvas.setThresholds(4.5, 4.5);
        canvas.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&canvas));
    }
};

TEST(MatrixCanvas, DraggingTheVerticalLineMovesThresholdX) {
    Shown s;
    auto& c = s.canvas;
    QSignalSpy dragged(&c, &MatrixCanvas::thresholdDragged);
    QSignalSpy dropped(&c, &MatrixCanvas::thresholdDropped);
    // Grab the vertical line 2 px beside it, away from the horizontal line.
    const QPointF onLine(std::floor(c.toPixel(4.5, 0).x()) + 2.5, c.toPixel(0, 1.5).y());
    const QPointF target(c.toPixel(7.25, 0).x(), onLine.y() + 10);
    drag(&c, onLine, target);

    const double expected = c.toData(target).x();
    EXPECT_NEAR(expected, 7.25, 0.05);
    EXPECT_DOUBLE_EQ(c.thresholdX(), expected);
    EXPECT_DOUBLE_EQ(c.thresholdY(), 4.5);  // a vertical drag leaves y alone
    EXPECT_GE(dragged.count(), 1);
    ASSERT_EQ(dropped.count(), 1);
    const auto args = dropped.takeFirst();
    EXPECT_DOUBLE_EQ(args.at(0).toDouble(), 4.5);
    EXPECT_DOUBLE_EQ(args.at(1).toDouble(), 4.5);
    EXPECT_DOUBLE_EQ(args.at(2).toDouble(), expected);
    EXPECT_DOUBLE_EQ(args.at(3).toDouble(), 4.5);
}

TEST(MatrixCanvas, DraggingEmptySpaceIsARubberBandNotALineDrag) {
    Shown s;
    auto& c = s.canvas;
    QSignalSpy dropped(&c, &MatrixCanvas::thresholdDropped);
    drag(&c, c.toPixel(0.5, 8.5), c.toPixel(1.5, 7.5));
    EXPECT_EQ(dropped.count(), 0);
    EXPECT_DOUBLE_EQ(c.thresholdX(), 4.5);
}

TEST(MatrixCanvas, RubberBandSelectsExactlyThePointsInside) {
    Shown s;
    auto& c = s.canvas;
    std::vector<std::int32_t> got;
    Qt::KeyboardModifiers mods;
    int calls = 0;
    QObject::connect(&c, &MatrixCanvas::selectionRequested,
                     [&](std::vector<std::int32_t> idx, Qt::KeyboardModifiers m) {
                         got = std::move(idx);
                         mods = m;
                         ++calls;
                     });
    // x in 1.6..4.4 and y in 2.6..6.4: x = 2, 3, 4 and y = 3, 4, 5, 6 (NaN points 100, 101 lie on
    // x = 3 and y = 4 but have no other value).
    drag(&c, c.toPixel(1.6, 6.4), c.toPixel(4.4, 2.6), Qt::LeftButton, Qt::ControlModifier);
    std::vector<std::int32_t> expected;
    for (int y = 3; y <= 6; ++y)
        for (int x = 2; x <= 4; ++x) expected.push_back(y * 10 + x);
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(got, expected);
    EXPECT_EQ(mods, Qt::ControlModifier);

    // A band over everything: all 100 points with values, never 100 or 101.
    const QRectF plot(QPointF(0, 0), QSizeF(c.size()));
    drag(&c, plot.topLeft() + QPointF(1, 1), plot.bottomRight() - QPointF(1, 1));
    EXPECT_EQ(got.size(), 100u);
    EXPECT_EQ(std::count_if(got.begin(), got.end(), [](int i) { return i >= 100; }), 0);

    // A click on a point selects it; a click on empty space asks to clear.
    const QPointF p = c.toPixel(7, 2);
    mouse(&c, QEvent::MouseButtonPress, p, Qt::LeftButton, Qt::LeftButton);
    mouse(&c, QEvent::MouseButtonRelease, p, Qt::LeftButton, Qt::NoButton);
    EXPECT_EQ(got, (std::vector<std::int32_t>{27}));
    const QPointF empty = c.toPixel(7.5, 2.5);
    mouse(&c, QEvent::MouseButtonPress, empty, Qt::LeftButton, Qt::LeftButton);
    mouse(&c, QEvent::MouseButtonRelease, empty, Qt::LeftButton, Qt::NoButton);
    EXPECT_TRUE(got.empty());
}

TEST(MatrixCanvas, HoverReportsThePointUnderTheMouse) {
    Shown s;
    auto& c = s.canvas;
    QSignalSpy hovered(&c, &MatrixCanvas::pointHovered);
    mouse(&c, QEvent::MouseMove, c.toPixel(5, 6) + QPointF(1, -1), Qt::NoButton, Qt::NoButton);
    ASSERT_EQ(hovered.count(), 1);
    EXPECT_EQ(hovered.takeFirst().at(0).toInt(), 65);
    mouse(&c, QEvent::MouseMove, c.toPixel(5.5, 6.5), Qt::NoButton, Qt::NoButton);
    ASSERT_EQ(hovered.count(), 1);
    EXPECT_EQ(hovered.takeFirst().at(0).toInt(), -1);
}

TEST(MatrixCanvas, WheelZoomsAroundTheCursorAndResetRestores) {
    Shown s;
    auto& c = s.canvas;
    const charts::ScatterViewport home = c.viewport();
    const QPointF before = c.toPixel(2, 2);
    const QPointF cursor = c.toPixel(6, 3);
    QWheelEvent wheel(cursor, c.mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(&c, &wheel);
    EXPECT_LT(c.viewport().xMax - c.viewport().xMin, (home.xMax - home.xMin) * 0.8);
    EXPECT_NE(c.toPixel(2, 2), before);
    // The value under the cursor stays under it.
    EXPECT_NEAR(c.toData(cursor).x(), 6.0, 1e-9);
    EXPECT_NEAR(c.toData(cursor).y(), 3.0, 1e-9);

    c.resetView();
    EXPECT_DOUBLE_EQ(c.viewport().xMin, home.xMin);
    EXPECT_DOUBLE_EQ(c.viewport().xMax, home.xMax);
    EXPECT_DOUBLE_EQ(c.viewport().yMin, home.yMin);
    EXPECT_DOUBLE_EQ(c.viewport().yMax, home.yMax);
    EXPECT_EQ(c.toPixel(2, 2), before);

    // Pan with the right button, then Home restores too.
    drag(&c, c.toPixel(5, 5), c.toPixel(6, 5), Qt::RightButton);
    EXPECT_NEAR(c.viewport().xMin, home.xMin - 1.0, 1e-9);
    QTest::keyClick(&c, Qt::Key_Home);
    EXPECT_DOUBLE_EQ(c.viewport().xMin, home.xMin);
}

TEST(MatrixCanvas, CompactCanvasActivatesOnClickAndIgnoresDrags) {
    MatrixCanvas c;
    c.setCompact(true);
    c.resize(200, 150);
    c.setPoints(lattice());
    c.setThresholds(4.5, 4.5);
    QSignalSpy activated(&c, &MatrixCanvas::activated);
    QSignalSpy dropped(&c, &MatrixCanvas::thresholdDropped);
    drag(&c, QPointF(std::floor(c.toPixel(4.5, 0).x()) + 0.5, 20), QPointF(150, 20));
    EXPECT_EQ(dropped.count(), 0);
    EXPECT_DOUBLE_EQ(c.thresholdX(), 4.5);
    EXPECT_EQ(activated.count(), 1);
}

TEST(MatrixCanvas, RendersPngAndSvg) {
    MatrixCanvas c;
    c.setPoints(lattice());
    c.setAxisTitles("Loyalty", "Profitability");
    c.setQuadrantTexts({"true friends", "butterflies", "barnacles", "strangers"});
    c.setColorCodes(std::vector<std::int32_t>(102, 0), {"North"});
    c.setSelection(std::vector<std::uint8_t>(102, 1));
    c.setSizeByRevenue(true);
    c.setLogScale(false, false);
    const QImage image = c.renderImage(QSize(640, 480));
    EXPECT_EQ(image.size(), QSize(640, 480));
    cw::test::TempDir dir;
    const QString svg = QString::fromStdString(dir.file("m.svg"));
    ASSERT_TRUE(c.renderSvg(svg, QSize(640, 480)));
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    EXPECT_TRUE(text.contains("<svg"));
    EXPECT_TRUE(text.contains("true friends"));
}

}  // namespace
