// Acceptance: killing an import half-way (SIGKILL) leaves the workbook exactly as it was:
// same content when reopened and, once reopened, the same bytes. An import that is the
// workbook's only connection writes with a rollback journal (the main file grows and the
// journal holds what it overwrote); otherwise into the WAL (the main file is untouched).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <thread>

#include "CliRunner.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

using namespace cw;
using cw::test::readFile;
using cw::test::TempDir;

namespace {

// Where two byte strings first differ ("" when equal): a readable failure for binary files.
std::string firstDifference(const std::string& a, const std::string& b) {
    if (a == b) return "";
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    return "sizes " + std::to_string(a.size()) + " and " + std::to_string(b.size()) + ", first difference at byte " +
           std::to_string(i);
}

// The file without its change counter (header bytes 24-27, and 92-95 that copy it): switching
// to the rollback journal and back to the WAL counts as changes, though no content changed.
std::string withoutChangeCounter(std::string bytes) {
    for (std::size_t i : {24, 25, 26, 27, 92, 93, 94, 95})
        if (i < bytes.size()) bytes[i] = 0;
    return bytes;
}

std::int64_t fileSize(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 ? st.st_size : -1;
}

TEST(ImportKill, SigkillMidImportLeavesWorkbookUnchanged) {
    TempDir dir;
    const auto wbPath = dir.file("w.cwb");
    const auto small = dir.write("small.csv", "customer_id,date,revenue\nK1,2024-01-01,5\nK2,2024-01-02,7\n");
    auto errFile = dir.file("err.txt");
    ASSERT_EQ(test::runCli("new -w " + test::shellQuote(wbPath), errFile).code, 0);
    ASSERT_EQ(test::runCli("import -q -w " + test::shellQuote(wbPath) + " " + test::shellQuote(small), errFile).code, 0);
    {
        std::ofstream big(dir.file("big.csv"));
        big << "customer_id,date,revenue,channel\n";
        for (std::int64_t i = 0; i < 1500000; ++i)
            big << "C" << (i * 7919) % 90000 << ",2023-" << 1 + i % 12 << "-" << 1 + i % 28 << "," << i % 997 << ".25,web\n";
    }
    const auto before = readFile(wbPath);
    ASSERT_EQ(fileSize(wbPath + "-wal"), -1) << "a clean close leaves no WAL";

    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        execl(CLIENTING_BIN, CLIENTING_BIN, "import", "-q", "-w", wbPath.c_str(), dir.file("big.csv").c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    // Wait until the import has written a good part of its rows, then kill it.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    const auto sizeBefore = static_cast<std::int64_t>(before.size());
    bool midway = false;
    while (std::chrono::steady_clock::now() < deadline) {
        if (fileSize(wbPath + "-wal") > 8 * 1024 * 1024 || fileSize(wbPath) > sizeBefore + 8 * 1024 * 1024) {
            midway = true;
            break;
        }
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) FAIL() << "the import ended before it could be killed";
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(midway);
    ASSERT_TRUE(WIFSIGNALED(status));

    if (fileSize(wbPath + "-journal") <= 0)
        EXPECT_EQ(firstDifference(readFile(wbPath), before), "") << "the main file was modified without a journal";
    {
        auto wb = store::Workbook::open(wbPath);
        ASSERT_TRUE(wb.ok()) << wb.error().describe();
    }
    EXPECT_EQ(firstDifference(withoutChangeCounter(readFile(wbPath)), withoutChangeCounter(before)), "")
        << "reopened, the workbook is not what it was";
    EXPECT_EQ(fileSize(wbPath + "-journal"), -1);
    auto wb = store::Workbook::open(wbPath);
    ASSERT_TRUE(wb.ok()) << wb.error().describe();
    EXPECT_EQ(wb->db().queryText("PRAGMA integrity_check").value_or(""), "ok");
    auto counts = wb->tableCounts();
    EXPECT_EQ(counts["transactions"], 2);
    EXPECT_EQ(counts["customers"], 2);
    EXPECT_EQ(wb->imports().size(), 1u);
    EXPECT_EQ(wb->db().queryInt("SELECT count(*) FROM sqlite_master WHERE name='transactions_customer'").value(), 1);
}

}  // namespace
