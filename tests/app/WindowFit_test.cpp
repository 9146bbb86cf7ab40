// The window on a 1366×768 laptop screen: with a workbook open and analysed, everything the
// window needs (menu, matrices, docks, status bar) fits the screen less a taskbar and a title
// bar, the window opens no larger than the screen, and the large matrix gets most of the height.
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QTabWidget>

#include <iostream>
#include <QStatusBar>

#include "MatrixWindowTest.h"
#include "app/analysis/AnalysisWorkspace.h"
#include "app/window/MainWindow.h"
#include "app/matrices/MatrixCanvas.h"
#include "app/matrices/MatrixDock.h"
#include "app/workbook/WorkbookDocument.h"

using namespace cw;
using namespace cw::app;

namespace {

using WindowFitTest = cw::test::MatrixWindowTest;

TEST_F(WindowFitTest, AnAnalysedWorkbookFitsA1366x768Screen) {
    MainWindow w;
    openInWindow(w);
    const QSize minimum = w.minimumSizeHint().expandedTo(w.minimumSize());
    for (auto* d : w.findChildren<QDockWidget*>())
        if (d->isVisible()) std::cerr << d->windowTitle().toStdString() << " needs " << d->minimumSizeHint().height() << " px\n";
    // 768 less a 40-pixel taskbar and a 30-pixel title bar.
    EXPECT_LE(minimum.height(), 698) << "minimum height " << minimum.height();
    EXPECT_LE(minimum.width(), 1366) << "minimum width " << minimum.width();
    w.resize(1366, 698);
    QTest::qWait(50);
    EXPECT_LE(w.height(), 698);
    EXPECT_TRUE(w.statusBar()->isVisible());
    auto* dock = w.analysis()->matrixDock();
    EXPECT_GE(dock->height(), 698 * 45 / 100) << "the matrices get most of the height";
    // Within the matrices, the plot gets the room and the quadrant table (it scrolls) the rest.
    auto* tabs = dock->findChild<QTabWidget*>();
    ASSERT_NE(tabs, nullptr);
    EXPECT_GE(dock->largeCanvas()->height(), 2 * tabs->height())
        << "plot " << dock->largeCanvas()->height() << " px, table " << tabs->height() << " px";
}

TEST_F(WindowFitTest, TheWindowOpensNoLargerThanTheScreen) {
    MainWindow w;
    // The default size, cut to the screen (the offscreen test screen is smaller than a laptop's;
    // the window's own minimum is the floor).
    const QRect available = w.screen()->availableGeometry();
    const QSize minimum = w.minimumSizeHint();
    EXPECT_EQ(w.width(), std::max(std::min(1480, available.width()), minimum.width()));
    EXPECT_EQ(w.height(), std::max(std::min(920, available.height()), minimum.height()));
}

}  // namespace

namespace {

TEST(EmptyWorkbookWords, ANewWorkbookAsksForDataNotForAnAnalysis) {
    QSettings().clear();
    cw::test::TempDir dir;
    const auto path = dir.file("new.cwb");
    ASSERT_TRUE(store::Workbook::create(path).ok());
    MainWindow w;
    w.show();
    w.openWorkbook(QString::fromStdString(path));
    ASSERT_TRUE(cw::test::waitFor([&] { return w.document()->isOpen() && !w.isBusy(); }));
    QTest::qWait(100);
    bool asksForData = false, asksForAnalysis = false;
    for (auto* l : w.analysis()->matrixDock()->findChildren<QLabel*>()) {
        asksForData |= l->text().contains(QStringLiteral("No data yet"));
        asksForAnalysis |= l->text().contains(QStringLiteral("No matrices yet"));
    }
    EXPECT_TRUE(asksForData);
    EXPECT_FALSE(asksForAnalysis);
    QSettings().clear();
}

}  // namespace

namespace {

TEST(UndrawableMatrix, SaysWhyInsteadOfAnEmptyFrameAndShowsNoThreshold) {
    QSettings().clear();
    cw::test::TempDir dir;
    const auto path = dir.file("sales.cwb");
    ASSERT_TRUE(store::Workbook::create(path).ok());
    std::string csv = "customer_id,date,revenue\n";
    for (int i = 0; i < 60; ++i)
        csv += "C" + std::to_string(i % 20) + ",2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 9) + "," +
               std::to_string(10 + i) + "\n";
    cw::test::importCsv(path, dir, "sales.csv", csv);
    {
        auto wb = store::Workbook::open(path);
        ASSERT_TRUE(wb.ok());
        ASSERT_TRUE(engine::runAnalysis(*wb).ok());  // no survey: no attribute matrix
    }
    MainWindow w;
    w.show();
    w.openWorkbook(QString::fromStdString(path));
    ASSERT_TRUE(cw::test::waitFor([&] { return w.analysis()->session()->isLoaded() && !w.isBusy(); }));
    auto* dock = w.analysis()->matrixDock();
    dock->showMatrix(engine::MatrixKind::ImportanceSatisfaction);
    QTest::qWait(20);
    EXPECT_TRUE(dock->largeCanvas()->message().contains(QStringLiteral("service attribute"))) << dock->largeCanvas()->message().toStdString();
    for (auto* spin : dock->findChildren<QDoubleSpinBox*>()) {
        EXPECT_FALSE(spin->isEnabled());
        EXPECT_EQ(spin->text(), QStringLiteral("—"));
    }
    // A matrix that can be drawn shows no message.
    dock->showMatrix(engine::MatrixKind::ProfitabilityLoyalty);
    QTest::qWait(20);
    EXPECT_TRUE(dock->largeCanvas()->message().isEmpty());
    QSettings().clear();
}

}  // namespace
