// Another program changing the open workbook (here: another connection, as the CLI would) makes
// the window show a non-modal bar offering to reload; Reload opens the workbook again and shows
// what it holds now. The window's own writes (threshold drags on its connection, Analyze on a
// worker's) never raise the bar.
#include <QLabel>
#include <QPushButton>

#include "MatrixWindowTest.h"
#include "app/matrices/MatrixCanvas.h"
#include "app/workbook/ReloadBar.h"
#include "app/workbook/WorkbookDocument.h"

using namespace cw;
using namespace cw::app;
using cw::test::waitFor;

namespace {

using ExternalChangeTest = cw::test::MatrixWindowTest;

TEST_F(ExternalChangeTest, AnotherProgramsImportShowsTheBarAndReloadShowsTheNewData) {
    MainWindow w;
    openInWindow(w);
    auto* bar = w.reloadBar();
    EXPECT_FALSE(bar->isVisible());
    const auto importsBefore = w.document()->summary().imports.size();
    const auto customersBefore = w.document()->summary().count("customers");

    // Another program imports three new customers' sales.
    test::importCsv(
        path, dir, "more.csv",
        "customer_id,date,revenue\nNEW1,2025-06-01,10\nNEW2,2025-06-02,20\nNEW3,2025-06-03,30\n");

    // Noticed on the window's own timer, without any call from the test.
    ASSERT_TRUE(waitFor([&] { return bar->isVisible(); })) << "the bar appears";
    EXPECT_TRUE(bar->text().contains(QStringLiteral("changed by another program")));
    EXPECT_EQ(w.document()->summary().imports.size(), importsBefore) << "nothing reloads by itself";

    QTest::mouseClick(bar->reloadButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] {
        return !w.isBusy() && w.document()->summary().imports.size() == importsBefore + 1 &&
               w.analysis()->session()->isLoaded();
    }));
    EXPECT_FALSE(bar->isVisible());
    EXPECT_EQ(w.document()->summary().count("customers"), customersBefore + 3);
    EXPECT_TRUE(
        w.statusCounts()->text().contains(QStringLiteral("%1 imports").arg(importsBefore + 1)))
        << w.statusCounts()->text().toStdString();
}

TEST_F(ExternalChangeTest, TheWindowsOwnWritesDoNotShowTheBar) {
    MainWindow w;
    openInWindow(w);
    auto* bar = w.reloadBar();

    // A threshold drag writes through the document's connection.
    auto* canvas = w.analysis()->matrixDock()->largeCanvas();
    const QPointF onLine =
        canvas->toPixel(canvas->thresholdX(), canvas->thresholdY()) + QPointF(0, -25);
    drag(canvas, onLine, onLine + QPointF(40, 0));
    w.checkForExternalChanges();
    EXPECT_FALSE(bar->isVisible()) << "after a threshold drag";

    // Analyze writes through a worker's connection.
    bool analysed = false;
    QObject::connect(w.analysis(), &AnalysisWorkspace::analysed, [&] { analysed = true; });
    w.analysis()->analyze();
    ASSERT_TRUE(waitFor([&] { return analysed && !w.isBusy(); }));
    w.checkForExternalChanges();
    EXPECT_FALSE(bar->isVisible()) << "after Analyze";

    // A setting written by another connection is noticed (the check can also be asked for).
    {
        auto other = store::Workbook::open(path);
        ASSERT_TRUE(other.ok());
        ASSERT_TRUE(other->setSetting("test.touched", "true").ok());
    }
    w.checkForExternalChanges();
    EXPECT_TRUE(bar->isVisible());
}

}  // namespace
