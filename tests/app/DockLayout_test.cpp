// Dock layout: the default is kept for "Reset layout", a saved layout comes back in the next
// session, and a layout saved with another version is ignored.
#include <QSettings>

#include "AppTestSupport.h"
#include "app/quality/DataQualityDock.h"
#include "app/import/DataSourcesDock.h"
#include "app/window/DockLayout.h"
#include "app/log/LogDock.h"
#include "app/window/MainWindow.h"

using namespace cw;
using namespace cw::app;

namespace {

struct Arrangement {
    Qt::DockWidgetArea sources, quality, log;
    bool sourcesVisible, qualityFloating, logVisible;
};

Arrangement arrangementOf(MainWindow& w) {
    return {w.dockWidgetArea(w.dataSourcesDock()), w.dockWidgetArea(w.dataQualityDock()),
            w.dockWidgetArea(w.logDock()),         w.dataSourcesDock()->isVisible(),
            w.dataQualityDock()->isFloating(),     w.logDock()->isVisible()};
}

void rearrange(MainWindow& w) {
    w.addDockWidget(Qt::LeftDockWidgetArea, w.dataSourcesDock());
    w.addDockWidget(Qt::TopDockWidgetArea, w.logDock());
    w.dataQualityDock()->setFloating(true);
    w.logDock()->hide();
}

class DockLayoutTest : public ::testing::Test {
protected:
    void SetUp() override { QSettings().clear(); }
    void TearDown() override { QSettings().clear(); }
};

TEST_F(DockLayoutTest, ResetRestoresTheDefaultLayout) {
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    const Arrangement before = arrangementOf(w);
    EXPECT_EQ(before.sources, Qt::BottomDockWidgetArea);
    EXPECT_EQ(before.log, Qt::BottomDockWidgetArea);
    EXPECT_EQ(before.quality, Qt::RightDockWidgetArea);
    EXPECT_FALSE(before.qualityFloating);
    // Sources and log share the bottom as tabs, sources in front.
    EXPECT_TRUE(w.tabifiedDockWidgets(w.dataSourcesDock()).contains(w.logDock()));
    EXPECT_TRUE(before.sourcesVisible);

    rearrange(w);
    QTest::qWait(50);
    const Arrangement moved = arrangementOf(w);
    ASSERT_EQ(moved.sources, Qt::LeftDockWidgetArea);
    ASSERT_TRUE(moved.qualityFloating);
    ASSERT_FALSE(moved.logVisible);

    w.resetLayout();
    const Arrangement after = arrangementOf(w);
    EXPECT_EQ(after.sources, before.sources);
    EXPECT_EQ(after.quality, before.quality);
    EXPECT_EQ(after.log, before.log);
    EXPECT_FALSE(after.qualityFloating);
    EXPECT_TRUE(w.tabifiedDockWidgets(w.dataSourcesDock()).contains(w.logDock()));
    EXPECT_TRUE(w.dataSourcesDock()->isVisible());
}

TEST_F(DockLayoutTest, SavedLayoutComesBackInTheNextSession) {
    {
        MainWindow w;
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        rearrange(w);
        QTest::qWait(50);
        w.close();  // saves the layout
    }
    EXPECT_EQ(QSettings().value("MainWindow/stateVersion").toInt(), DockLayout::kStateVersion);
    MainWindow next;
    next.restoreLayout();
    next.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&next));
    EXPECT_EQ(next.dockWidgetArea(next.dataSourcesDock()), Qt::LeftDockWidgetArea);
    EXPECT_EQ(next.dockWidgetArea(next.logDock()), Qt::TopDockWidgetArea);
    EXPECT_TRUE(next.dataQualityDock()->isFloating());
    EXPECT_FALSE(next.logDock()->isVisible());

    next.resetLayout();
    EXPECT_EQ(next.dockWidgetArea(next.dataSourcesDock()), Qt::BottomDockWidgetArea);
    EXPECT_FALSE(next.dataQualityDock()->isFloating());
}

TEST_F(DockLayoutTest, LayoutOfAnotherVersionIsIgnored) {
    {
        MainWindow w;
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        rearrange(w);
        w.close();
    }
    QSettings().setValue("MainWindow/stateVersion", DockLayout::kStateVersion + 1);
    MainWindow next;
    next.restoreLayout();
    next.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&next));
    EXPECT_EQ(next.dockWidgetArea(next.dataSourcesDock()), Qt::BottomDockWidgetArea);
    EXPECT_FALSE(next.dataQualityDock()->isFloating());
    EXPECT_TRUE(next.dataSourcesDock()->isVisible());
}

}  // namespace

namespace {

// Each workbook keeps its own arrangement of docks.
TEST(DockLayoutPerWorkbook, EachWorkbookComesBackWithItsOwnLayout) {
    QSettings().clear();
    cw::app::MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    cw::app::DockLayout layout(&w);
    auto* log = w.logDock();
    log->show();
    layout.saveFor(QStringLiteral("/tmp/a.cwb"));
    log->hide();
    layout.saveFor(QStringLiteral("/tmp/b.cwb"));
    ASSERT_TRUE(layout.restoreFor(QStringLiteral("/tmp/a.cwb")));
    EXPECT_FALSE(log->isHidden());
    ASSERT_TRUE(layout.restoreFor(QStringLiteral("/tmp/b.cwb")));
    EXPECT_TRUE(log->isHidden());
    EXPECT_FALSE(layout.restoreFor(QStringLiteral("/tmp/never-saved.cwb")));
    QSettings().clear();
}

}  // namespace
