// Opening an analysed workbook: the matrix area says it is opening (with a busy bar) until the
// first matrix is drawn, and the matrices are read while the file is checked, once.
#include <QLabel>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>

#include "MatrixWindowTest.h"
#include "app/workbook/OpenStopwatch.h"
#include "app/workbook/WorkbookDocument.h"
#include "store/Schema.h"
#include "support/RawSql.h"

using namespace cw;
using namespace cw::app;
using cw::test::waitFor;

namespace {

class OpenProgressTest : public test::MatrixWindowTest {};

TEST_F(OpenProgressTest, TheMatrixAreaSaysItIsOpeningThenDrawsTheMatricesReadOnce) {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    auto* dock = w.analysis()->matrixDock();
    auto* message = dock->findChild<QLabel*>(QStringLiteral("matrixMessage"));
    auto* busy = dock->findChild<QProgressBar*>(QStringLiteral("openingProgress"));
    ASSERT_TRUE(message && busy);
    EXPECT_TRUE(busy->isHidden());

    QString phases;
    qint64 total = -1;
    QObject::connect(&OpenStopwatch::instance(), &OpenStopwatch::firstMatrixDrawn, &w,
                     [&](const QString& p, qint64 ms) {
                         phases = p;
                         total = ms;
                     });
    w.openWorkbook(QString::fromStdString(path));
    // Right after the request, before anything was read: where the matrices will be, the opening.
    EXPECT_TRUE(message->isVisible());
    EXPECT_TRUE(message->text().contains(QStringLiteral("Opening demo.cwb"))) << message->text().toStdString();
    EXPECT_TRUE(busy->isVisible());

    ASSERT_TRUE(waitFor([&] { return total >= 0; })) << "no matrix was drawn";
    EXPECT_FALSE(busy->isVisible());
    EXPECT_FALSE(message->isVisible());
    // Read once, while the file was checked: not again after the workbook opened.
    EXPECT_EQ(phases.count(QStringLiteral("matrices read")), 1) << phases.toStdString();
    EXPECT_TRUE(phases.contains(QStringLiteral("file checked"))) << phases.toStdString();
    ASSERT_TRUE(waitFor([&] { return !w.isBusy(); }));
    QTest::qWait(100);
    EXPECT_TRUE(w.analysis()->session()->isLoaded());
    EXPECT_FALSE(w.analysis()->session()->isLoading());
}

TEST_F(OpenProgressTest, AnotherWorkbookOpenedWhileTheFirstIsReadShowsItsOwnMatrices) {
    const auto second = dir.file("second.cwb");
    test::makeDemoWorkbook(second, 300);
    {
        auto wb = store::Workbook::open(second);
        ASSERT_TRUE(wb.ok());
        ASSERT_TRUE(engine::runAnalysis(*wb).ok());
    }
    MainWindow w;
    w.show();
    w.openWorkbook(QString::fromStdString(path));
    ASSERT_TRUE(waitFor([&] { return w.document()->isOpen(); }));
    w.openWorkbook(QString::fromStdString(second));
    ASSERT_TRUE(waitFor([&] {
        return w.document()->path().endsWith(QStringLiteral("second.cwb")) && w.analysis()->session()->isLoaded() &&
               !w.analysis()->session()->isLoading() && !w.isBusy();
    }));
    QTest::qWait(200);
    const auto& m = w.analysis()->session()->matrix(engine::MatrixKind::ProfitabilityLoyalty);
    ASSERT_TRUE(m.input);
    EXPECT_EQ(m.input->size(), 300u);
}

}  // namespace

namespace {

// A workbook of the schema before (here: the current one without the tables of schema 5, marked
// as schema 4) is upgraded when the window opens it for writing. The
// matrices, read meanwhile by a read-only connection that cannot upgrade it, are read again
// once it has opened instead of showing that read's error.
TEST_F(OpenProgressTest, AnOlderWorkbookIsUpgradedOnOpeningAndItsMatricesAreShown) {
    for (const char* table : {"kpi_values", "kpi_targets", "alert_states", "plan_action_history", "plan_actions",
                              "plan_objectives", "account_plan_customers", "account_plans"})
        cw::test::rawSql(path, std::string("DROP TABLE ") + table);
    cw::test::rawSql(path, "PRAGMA user_version=4");
    MainWindow w;
    openInWindow(w);
    EXPECT_TRUE(w.analysis()->session()->isLoaded());
    EXPECT_EQ(w.document()->workbook()->schemaVersion(), store::currentSchemaVersion());
}

}  // namespace
