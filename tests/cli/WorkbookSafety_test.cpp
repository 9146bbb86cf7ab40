// Workbook safety from the command line: a writer that holds the workbook longer than the busy
// timeout, read-only files and folders, and read-only commands that must leave nothing behind.
// Each case checks the exit code, the words a user reads, and that the workbook is unchanged.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "CliRunner.h"
#include "support/LockHolder.h"
#include "support/TempDir.h"

using cw::test::CliResult;
using cw::test::readFile;
using cw::test::runCli;
using cw::test::shellQuote;
using cw::test::TempDir;
namespace fs = std::filesystem;

using cw::test::LockHolder;

namespace {

std::string queryText(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
                out += p ? p : "NULL";
                out += c + 1 < sqlite3_column_count(st) ? "|" : "\n";
            }
    } else {
        out = std::string("error: ") + sqlite3_errmsg(db);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

// What a user sees of the workbook: every row of the tables that analyze, segment and import
// write (wall-clock columns left out), as one string.
std::string fingerprint(const std::string& path) {
    std::string out;
    for (const char* sql :
         {"SELECT count(*), total(revenue), total(margin), total(loyalty) FROM customer_metrics",
          "SELECT id, analysis_day, finished_at IS NULL FROM analysis_runs ORDER BY id",
          "SELECT name, run_id FROM model_fits ORDER BY name",
          "SELECT id, name, method FROM segmentations ORDER BY id",
          "SELECT segmentation_id, count(*), total(customer_id * segment_id) FROM customer_segments GROUP BY 1",
          "SELECT count(*), total(revenue) FROM transactions", "SELECT id, records, loaded FROM imports ORDER BY id",
          "SELECT key, value FROM settings ORDER BY key"})
        out += queryText(path, sql) + "--\n";
    return out;
}

class WorkbookSafety : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        s_demo = s_dir->file("demo.cwb");
        auto r = runCli("demo -q -w " + shellQuote(s_demo) + " --customers 800 --seed 7", s_dir->file("e"));
        ASSERT_EQ(r.code, 0) << r.err;
        r = runCli("analyze -q -w " + shellQuote(s_demo), s_dir->file("e"));
        ASSERT_EQ(r.code, 0) << r.err;
        r = runCli("segment -w " + shellQuote(s_demo) + " --name base --method kmeans --k 3", s_dir->file("e"));
        ASSERT_EQ(r.code, 0) << r.err;
    }
    static void TearDownTestSuite() { delete s_dir; }

    // A fresh copy of the analysed demo workbook.
    std::string copy(const std::string& name) {
        const auto to = m_dir.file(name);
        fs::copy_file(s_demo, to);
        return to;
    }
    CliResult cli(const std::string& args, const std::string& env = "") {
        return runCli(args, m_dir.file("stderr.txt"), env);
    }

    static TempDir* s_dir;
    static std::string s_demo;
    TempDir m_dir;
};
TempDir* WorkbookSafety::s_dir = nullptr;
std::string WorkbookSafety::s_demo;

const std::string kShortWait = "CLIENTING_BUSY_TIMEOUT_MS=300";

TEST_F(WorkbookSafety, AnalyzeAgainstAWriterHoldingTheLockSaysBusyAndChangesNothing) {
    const auto wb = copy("busy.cwb");
    const auto before = fingerprint(wb);
    CliResult r;
    {
        LockHolder lock(wb);
        r = cli("analyze -w " + shellQuote(wb), kShortWait);
    }
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find("busy"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("transaction"), std::string::npos) << r.err;
    EXPECT_EQ(fingerprint(wb), before);
    EXPECT_EQ(queryText(wb, "PRAGMA integrity_check"), "ok\n");
}

TEST_F(WorkbookSafety, SegmentAgainstAWriterHoldingTheLockSaysBusyAndChangesNothing) {
    const auto wb = copy("busy-seg.cwb");
    const auto before = fingerprint(wb);
    for (const std::string args : {"--name base --method kmeans --k 4", "--rerun", "--name other --method rules"}) {
        CliResult r;
        {
            LockHolder lock(wb);
            r = cli("segment -w " + shellQuote(wb) + " " + args, kShortWait);
        }
        EXPECT_EQ(r.code, 3) << args << ": " << r.err;
        EXPECT_NE(r.err.find("busy"), std::string::npos) << r.err;
        EXPECT_EQ(fingerprint(wb), before) << args;
    }
}

TEST_F(WorkbookSafety, SettingsAndImportAgainstAWriterSayBusy) {
    const auto wb = copy("busy-other.cwb");
    const auto csv = m_dir.write("t.csv", "customer_id,date,revenue\nC1,2024-01-02,10\n");
    const auto before = fingerprint(wb);
    CliResult set, imp;
    {
        LockHolder lock(wb);
        set = cli("settings -w " + shellQuote(wb) + " --set window_months=6", kShortWait);
        imp = cli("import -q -w " + shellQuote(wb) + " --map customer_id=customer_id --map date=date "
                  "--map revenue=revenue " + shellQuote(csv), kShortWait);
    }
    EXPECT_EQ(set.code, 3) << set.err;
    EXPECT_NE(set.err.find("busy"), std::string::npos) << set.err;
    EXPECT_EQ(imp.code, 3) << imp.err;
    EXPECT_NE(imp.err.find("busy"), std::string::npos) << imp.err;
    EXPECT_EQ(fingerprint(wb), before);
}

TEST_F(WorkbookSafety, AnalyzeAfterTheLockIsReleasedStoresOneCompleteRun) {
    const auto wb = copy("after.cwb");
    auto r = cli("analyze -q -w " + shellQuote(wb), kShortWait);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(queryText(wb, "SELECT count(*) FROM analysis_runs WHERE finished_at IS NULL"), "0\n");
    EXPECT_EQ(queryText(wb, "SELECT count(*) FROM customer_metrics"), queryText(wb, "SELECT count(*) FROM customers"));
}

// Runs `clienting ARGS` as an unprivileged user when the tests run as root (root may write to
// any file, so permissions alone would not make a workbook read-only for it).
std::string asUnprivileged() { return ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""; }

CliResult runAs(const std::string& prefix, const std::string& args, const std::string& errFile) {
    return runCli(args, errFile, "", prefix);
}

TEST_F(WorkbookSafety, ReadOnlyWorkbookFileIsReportedAsReadOnlyNotAsADiskProblem) {
    TempDir open;
    fs::permissions(open.path(), fs::perms::all);  // the unprivileged user may write the folder
    const auto wb = open.file("ro.cwb");
    fs::copy_file(s_demo, wb);
    fs::permissions(wb, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const auto bytes = readFile(wb);
    const auto csv = open.write("t.csv", "customer_id,date,revenue\nC1,2024-01-02,10\n");
    fs::permissions(csv, fs::perms::all);
    const auto err = open.file("err.txt");
    for (const std::string cmd :
         {"analyze -w " + shellQuote(wb),
          "import -w " + shellQuote(wb) + " --map customer_id=customer_id --map date=date --map revenue=revenue " +
              shellQuote(csv),
          "segment -w " + shellQuote(wb) + " --name x --method rules"}) {
        auto r = runAs(asUnprivileged(), cmd, err);
        EXPECT_EQ(r.code, 3) << cmd << ": " << r.err;
        EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("disk space"), std::string::npos) << r.err;
    }
    // Reading it works.
    auto info = runAs(asUnprivileged(), "info -w " + shellQuote(wb), err);
    EXPECT_EQ(info.code, 0) << info.err;
    EXPECT_EQ(readFile(wb), bytes);
}

TEST_F(WorkbookSafety, WorkbookInAReadOnlyFolderIsReadableAndNeverCalledCorrupt) {
    TempDir parent;
    const auto folder = parent.path() / "ro";
    fs::create_directories(folder);
    const auto wb = (folder / "w.cwb").string();
    fs::copy_file(s_demo, wb);
    fs::permissions(parent.path(), fs::perms::all);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    const auto bytes = readFile(wb);
    const auto err = parent.file("err.txt");
    auto info = runAs(asUnprivileged(), "info -w " + shellQuote(wb), err);
    EXPECT_EQ(info.code, 0) << info.err;
    auto matrix = runAs(asUnprivileged(), "matrix profitability-loyalty -w " + shellQuote(wb), err);
    EXPECT_EQ(matrix.code, 0) << matrix.err;
    EXPECT_EQ(matrix.err.find("corrupt"), std::string::npos) << matrix.err;
    auto analyze = runAs(asUnprivileged(), "analyze -w " + shellQuote(wb), err);
    EXPECT_EQ(analyze.code, 3) << analyze.err;
    EXPECT_NE(analyze.err.find("read-only"), std::string::npos) << analyze.err;
    EXPECT_EQ(analyze.err.find("corrupt"), std::string::npos) << analyze.err;
    EXPECT_EQ(readFile(wb), bytes);
    EXPECT_FALSE(fs::exists(wb + "-wal"));
    EXPECT_FALSE(fs::exists(wb + "-shm"));
    fs::permissions(folder, fs::perms::all);
}

TEST_F(WorkbookSafety, ReadOnlyCommandsLeaveNoJournalFilesBehind) {
    const auto wb = copy("clean.cwb");
    for (const std::string cmd : {"info", "matrix profitability-loyalty", "customers --matrix profitability-loyalty",
                                  "segment --list", "audit", "settings"}) {
        auto r = cli(cmd + " -w " + shellQuote(wb));
        EXPECT_EQ(r.code, 0) << cmd << ": " << r.err;
        EXPECT_FALSE(fs::exists(wb + "-wal")) << cmd;
        EXPECT_FALSE(fs::exists(wb + "-shm")) << cmd;
    }
}

TEST_F(WorkbookSafety, RefusedWorkbooksAreNotTouched) {
    // A newer workbook, and another program's SQLite database.
    const auto newer = copy("newer.cwb");
    {
        sqlite3* db = nullptr;
        sqlite3_open(newer.c_str(), &db);
        sqlite3_exec(db, "PRAGMA user_version=999", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    const auto other = m_dir.file("other.db");
    {
        sqlite3* db = nullptr;
        sqlite3_open(other.c_str(), &db);
        sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA application_id=42; CREATE TABLE t(x)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    for (const auto& wb : {newer, other}) {
        const auto bytes = readFile(wb);
        for (const std::string cmd : {"info", "matrix profitability-loyalty", "analyze", "audit"}) {
            auto r = cli(cmd + " -w " + shellQuote(wb));
            EXPECT_EQ(r.code, 3) << cmd << ": " << r.err;
            EXPECT_EQ(r.err.find("corrupt"), std::string::npos) << r.err;
            EXPECT_FALSE(fs::exists(wb + "-wal")) << cmd << " " << wb;
            EXPECT_FALSE(fs::exists(wb + "-shm")) << cmd << " " << wb;
        }
        EXPECT_EQ(readFile(wb), bytes);
    }
}

}  // namespace
