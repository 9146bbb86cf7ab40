// With no workbook open the window offers what to do first, where the matrices will be (the
// demo, importing data, new, open), and nothing that would act on no workbook is enabled.
#include <QAction>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>

#include <filesystem>

#include "AppTestSupport.h"
#include "app/analysis/AnalysisWorkspace.h"
#include "app/window/MainWindow.h"
#include "app/matrices/MatrixSession.h"
#include "app/workbook/WorkbookDocument.h"

using namespace cw;
using namespace cw::app;
using cw::test::waitFor;

namespace {

QAction* menuAction(MainWindow& w, const QString& text) {
    for (auto* menu : w.findChildren<QMenu*>())
        for (auto* a : menu->actions())
            if (a->text().remove(QLatin1Char('&')) == text) return a;
    return nullptr;
}

class WelcomeTest : public ::testing::Test {
protected:
    void SetUp() override { QSettings().clear(); }
    void TearDown() override { QSettings().clear(); }
};

TEST_F(WelcomeTest, WithNoWorkbookActionsThatNeedOneAreDisabledAndTheWelcomeSitsInTheMatrices) {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    for (const char* text : {"Export matrix…", "New matrix view", "Pin selection as insight…", "Save selection as segment…",
                             "Clear selection", "Definitions…", "Analyze", "Import data…", "Close"}) {
        QAction* a = menuAction(w, QString::fromUtf8(text));
        ASSERT_NE(a, nullptr) << text;
        EXPECT_FALSE(a->isEnabled()) << text << " is enabled with no workbook open";
    }
    auto* welcome = w.findChild<QWidget*>(QStringLiteral("WelcomePage"));
    ASSERT_NE(welcome, nullptr);
    EXPECT_TRUE(welcome->isVisible());
    EXPECT_GT(welcome->height(), 300) << "the welcome page has the matrices' room, not a strip";
    QStringList buttons;
    for (auto* b : welcome->findChildren<QToolButton*>()) buttons << b->text().remove(QLatin1Char('&'));
    EXPECT_TRUE(buttons.contains(QStringLiteral("Open the demo workbook"))) << buttons.join(", ").toStdString();
    EXPECT_TRUE(buttons.contains(QStringLiteral("Import data…"))) << buttons.join(", ").toStdString();
}

TEST_F(WelcomeTest, TheDemoIsMadeOnceAnalysedAndOpened) {
    QTemporaryDir data;
    const QByteArray before = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", data.path().toLocal8Bit());
    MainWindow w;
    w.show();
    QAction* demo = menuAction(w, QStringLiteral("Open the demo workbook"));
    ASSERT_NE(demo, nullptr);
    demo->trigger();
    ASSERT_TRUE(waitFor([&] { return w.document()->isOpen() && w.analysis()->session()->isLoaded() && !w.isBusy(); }, 120000));
    EXPECT_TRUE(w.document()->path().endsWith(QStringLiteral("/demo.cwb")));
    EXPECT_TRUE(w.document()->path().startsWith(data.path()));
    EXPECT_EQ(w.document()->summary().count("customers"), 2000);
    const auto& m = w.analysis()->session()->matrix(engine::MatrixKind::ProfitabilityLoyalty);
    ASSERT_TRUE(m.result);
    EXPECT_EQ(m.result->total.plotted, 2000) << "analysed: every customer is placed";
    EXPECT_FALSE(std::filesystem::exists(w.document()->path().toStdString() + ".making"));
    // The export and the selection actions now have something to act on.
    EXPECT_TRUE(menuAction(w, QStringLiteral("Export matrix…"))->isEnabled());
    EXPECT_FALSE(menuAction(w, QStringLiteral("Pin selection as insight…"))->isEnabled()) << "no selection yet";
    if (before.isNull()) qunsetenv("XDG_DATA_HOME");
    else qputenv("XDG_DATA_HOME", before);
}

}  // namespace
