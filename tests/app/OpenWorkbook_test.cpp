// Opening files that are not workbooks: the user is told why, the current workbook stays open,
// and the file is not modified by a single byte.
#include <QLabel>
#include <QSettings>

#include <sqlite3.h>

#include <filesystem>

#include "AppTestSupport.h"
#include "app/window/MainWindow.h"
#include "app/workbook/WorkbookDocument.h"

using namespace cw;
using namespace cw::app;
using cw::test::readFile;
using cw::test::TempDir;
using cw::test::waitFor;

namespace {

class OpenWorkbookTest : public ::testing::Test {
protected:
    void SetUp() override { QSettings().clear(); }
    void TearDown() override { QSettings().clear(); }
};

TEST_F(OpenWorkbookTest, ATextFileIsRefusedAndLeftByteIdentical) {
    TempDir dir;
    const auto file = dir.write("sales.csv", "customer_id,date,revenue\nC1,2024-01-05,10.5\n");
    const auto before = readFile(file);
    MainWindow w;
    auto box = test::answerNextMessageBox();
    w.openWorkbook(QString::fromStdString(file));
    ASSERT_TRUE(waitFor([&] { return box->shown; }));
    EXPECT_TRUE(box->text.contains("sales.csv"));
    EXPECT_TRUE(box->informativeText.contains("not a Clienting workbook"))
        << box->informativeText.toStdString();
    EXPECT_FALSE(w.document()->isOpen());
    EXPECT_EQ(w.windowTitle(), "Clienting Workbench");
    EXPECT_EQ(readFile(file), before);
    EXPECT_FALSE(std::filesystem::exists(file + "-wal"));
    EXPECT_FALSE(std::filesystem::exists(file + "-journal"));
}

TEST_F(OpenWorkbookTest, AnotherProgramsDatabaseIsRefusedAndTheOpenWorkbookStays) {
    TempDir dir;
    const auto other = dir.file("other.db");
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", nullptr, nullptr, nullptr),
        SQLITE_OK);
    sqlite3_close(db);
    const auto before = readFile(other);

    const auto good = dir.file("good.cwb");
    ASSERT_TRUE(store::Workbook::create(good).ok());
    MainWindow w;
    w.openWorkbook(QString::fromStdString(good));
    ASSERT_TRUE(waitFor([&] { return w.document()->isOpen(); }));
    EXPECT_EQ(w.windowTitle(), QString::fromUtf8("good.cwb — Clienting Workbench"));

    auto box = test::answerNextMessageBox();
    w.openWorkbook(QString::fromStdString(other));
    ASSERT_TRUE(waitFor([&] { return box->shown; }));
    EXPECT_TRUE(box->informativeText.contains("another program"))
        << box->informativeText.toStdString();
    EXPECT_EQ(readFile(other), before);
    EXPECT_FALSE(std::filesystem::exists(other + "-wal"));
    // The workbook that was open is still the one shown.
    ASSERT_TRUE(w.document()->isOpen());
    EXPECT_TRUE(w.document()->path().endsWith("good.cwb"));
    EXPECT_EQ(w.windowTitle(), QString::fromUtf8("good.cwb — Clienting Workbench"));
}

TEST_F(OpenWorkbookTest, AMissingFileIsReportedAndAWorkbookOpensAfterwards) {
    TempDir dir;
    MainWindow w;
    auto box = test::answerNextMessageBox();
    w.openWorkbook(QString::fromStdString(dir.file("nope.cwb")));
    ASSERT_TRUE(waitFor([&] { return box->shown; }));
    EXPECT_FALSE(w.document()->isOpen());
    EXPECT_FALSE(std::filesystem::exists(dir.file("nope.cwb")));

    const auto good = dir.file("good.cwb");
    ASSERT_TRUE(store::Workbook::create(good).ok());
    w.openWorkbook(QString::fromStdString(good));
    ASSERT_TRUE(waitFor([&] { return w.document()->isOpen(); }));
    EXPECT_TRUE(w.statusCounts()->text().startsWith("0 customers"));
}

}  // namespace
