// What the command line writes: output that cannot be written whole is an error (exit 4) and
// leaves no partial file; input quoted on a terminal cannot drive it; CSV cells from input are
// not formulas; paths that are not files get the documented error form.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "CliRunner.h"
#include "support/TempDir.h"

using cw::test::CliResult;
using cw::test::readFile;
using cw::test::runCli;
using cw::test::shellQuote;
using cw::test::TempDir;
namespace fs = std::filesystem;

namespace {

class OutputSafety : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        s_wb = s_dir->file("retail.cwb");
        const auto err = s_dir->file("e");
        ASSERT_EQ(runCli("new -w " + shellQuote(s_wb), err).code, 0);
        auto r = runCli("import -q -w " + shellQuote(s_wb) + " --profile online-retail " +
                            shellQuote(cw::test::testData("online_retail_slice.csv")),
                        err);
        ASSERT_EQ(r.code, 0) << r.err;
        ASSERT_EQ(runCli("analyze -q -w " + shellQuote(s_wb), err).code, 0);
        // Names with a terminal title sequence, a colour sequence and a spreadsheet formula.
        const auto names = s_dir->write("names.csv",
                                        "customer_id,name\n18102,\"=HYPERLINK(\"\"http://x\"\")\"\n"
                                        "12931,\"\x1b]0;pwned\x07" "evil\x1b[31m\"\n");
        r = runCli("import -q --header yes -w " + shellQuote(s_wb) +
                       " --table customers --map customer_id=customer_id --map name=name " + shellQuote(names),
                   err);
        ASSERT_EQ(r.code, 0) << r.err;
    }
    static void TearDownTestSuite() { delete s_dir; }
    CliResult cli(const std::string& args) { return runCli(args, m_dir.file("stderr.txt")); }
    static TempDir* s_dir;
    static std::string s_wb;
    TempDir m_dir;
};
TempDir* OutputSafety::s_dir = nullptr;
std::string OutputSafety::s_wb;

TEST_F(OutputSafety, StandardOutputToAFullDiskIsAnError) {
    for (const std::string cmd : {"info", "rejects", "customers --matrix profitability-loyalty --format csv",
                                  "customers --matrix profitability-loyalty --format json",
                                  "matrix profitability-loyalty", "audit"}) {
        auto r = cli(cmd + " -w " + shellQuote(s_wb) + " >/dev/full");
        EXPECT_EQ(r.code, 4) << cmd << ": " << r.err;
        EXPECT_NE(r.err.find("incomplete"), std::string::npos) << cmd << ": " << r.err;
    }
}

TEST_F(OutputSafety, AFileThatCannotBeWrittenWholeIsRemovedAndTheOldOneKept) {
    const auto out = m_dir.write("features.csv", "the previous export\n");
    // A connection of the test's own keeps the workbook's shared-memory file in place, so that
    // only the export meets the child's file-size limit of 4 blocks (EFBIG, as a full disk).
    sqlite3* keep = nullptr;
    ASSERT_EQ(sqlite3_open(s_wb.c_str(), &keep), SQLITE_OK);
    sqlite3_exec(keep, "SELECT count(*) FROM customers", nullptr, nullptr, nullptr);
    const std::string cmd = "segment -w " + shellQuote(s_wb) + " --method kmeans --k 3 --export-features ";
    auto r = runCli(cmd + shellQuote(out), m_dir.file("e"), "", "sh -c 'ulimit -f 4; trap \"\" XFSZ; exec \"$0\" \"$@\"' ");
    sqlite3_close(keep);
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_NE(r.err.find("incomplete"), std::string::npos) << r.err;
    EXPECT_EQ(readFile(out), "the previous export\n");
    for (const auto& e : fs::directory_iterator(m_dir.path()))
        EXPECT_EQ(e.path().filename().string().find(".partial"), std::string::npos) << e.path();
    // Written whole, it replaces the old one.
    r = cli(cmd + shellQuote(out));
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_GT(readFile(out).size(), 4096u);
}

TEST_F(OutputSafety, TablesAndMessagesNeverPassControlCharactersToTheTerminal) {
    auto table = cli("customers --matrix profitability-loyalty -w " + shellQuote(s_wb));
    ASSERT_EQ(table.code, 0) << table.err;
    EXPECT_NE(table.out.find("\\e]0;pwned\\x07evil\\e[31m"), std::string::npos);
    EXPECT_EQ(table.out.find('\x1b'), std::string::npos);
    EXPECT_EQ(table.out.find('\x07'), std::string::npos);
    // A message that quotes input: the mapped column name comes from the command line here.
    auto msg = cli("import -w " + shellQuote(s_wb) + " --map customer_id=\"$(printf '\\033]0;x\\007')\" " +
                   shellQuote(cw::test::testData("online_retail_slice.csv")));
    EXPECT_NE(msg.code, 0);
    EXPECT_EQ(msg.err.find('\x1b'), std::string::npos) << msg.err;
    EXPECT_NE(msg.err.find("\\e]0;x\\x07"), std::string::npos) << msg.err;
}

TEST_F(OutputSafety, CsvCellsFromInputAreNotFormulasAndJsonKeepsTheExactText) {
    auto csv = cli("customers --matrix profitability-loyalty --format csv -w " + shellQuote(s_wb));
    ASSERT_EQ(csv.code, 0) << csv.err;
    EXPECT_NE(csv.out.find("\"'=HYPERLINK(\"\"http://x\"\")\""), std::string::npos) << csv.out.substr(0, 400);
    EXPECT_EQ(csv.out.find(",=HYPERLINK"), std::string::npos);
    EXPECT_EQ(csv.out.find(",\"=HYPERLINK"), std::string::npos);
    auto json = cli("customers --matrix profitability-loyalty --format json -w " + shellQuote(s_wb));
    ASSERT_EQ(json.code, 0);
    EXPECT_NE(json.out.find(R"x("=HYPERLINK(\"http://x\")")x"), std::string::npos);
    EXPECT_NE(json.out.find(R"("\u001b]0;pwned\u0007evil\u001b[31m")"), std::string::npos);
}

TEST_F(OutputSafety, InputPathsThatAreNotFilesGetTheDocumentedError) {
    for (const std::string path : {m_dir.file("missing.csv"), m_dir.path().string(), std::string("/dev/zero")}) {
        auto r = cli("import -w " + shellQuote(s_wb) + " --profile online-retail " + shellQuote(path));
        EXPECT_EQ(r.code, 2) << path << ": " << r.err;
        EXPECT_NE(r.err.find("clienting: error: " + path + ": "), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find('\r'), std::string::npos) << "no progress residue before the error";
    }
}

TEST_F(OutputSafety, ABinaryFileIsNotATextFileAndItsBytesAreNotPrinted) {
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    for (int i = 0; i < 4000; ++i) png += static_cast<char>((i * 37) % 256);
    png += "\x1b]0;pwned\x07";
    const auto file = m_dir.write("picture.csv", png);
    for (const std::string args : {"", "--preview "}) {
        auto r = cli("import " + args + "-w " + shellQuote(s_wb) + " " + shellQuote(file));
        EXPECT_EQ(r.code, 2) << r.err;
        EXPECT_NE(r.err.find("not a text file"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
        EXPECT_LT(r.err.size(), 400u);
    }
}

// Every table and listing that quotes workbook text: group names in matrix breakdowns, file
// names in info, segmentation names, audit examples. A 50 MB field stays a short line.
TEST_F(OutputSafety, EveryTableEscapesAndCapsTextFromTheWorkbook) {
    const auto wb = m_dir.file("hostile.cwb");
    const auto err = m_dir.file("e");
    ASSERT_EQ(runCli("new -w " + shellQuote(wb), err).code, 0);
    auto r = runCli("import -q -w " + shellQuote(wb) + " --profile online-retail " +
                        shellQuote(cw::test::testData("online_retail_slice.csv")),
                    err);
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string title = "\x1b]0;pwned\x07";
    std::string customers = "customer_id,region,channel\n18102," + title + std::string(50u << 20, 'A') +
                            ",\"\x1b[31mweb\"\n12931,North,\"" + title + "shop\"\n";
    const auto file = m_dir.write("cust\x1b[31m.csv", customers);
    customers.clear();
    customers.shrink_to_fit();
    r = runCli("import -q -w " + shellQuote(wb) + " --table customers " + shellQuote(file), err);
    ASSERT_EQ(r.code, 0) << r.err.substr(0, 500);
    ASSERT_EQ(runCli("analyze -q -w " + shellQuote(wb), err).code, 0);
    ASSERT_EQ(runCli("segment -w " + shellQuote(wb) + " --name " + shellQuote(title + "mine") +
                         " --method kmeans --k 3",
                     err)
                  .code,
              0);
    for (const std::string cmd : {"matrix profitability-loyalty --by region", "matrix profitability-loyalty --by channel",
                                  "info", "audit", "segment --list", "settings",
                                  "customers --matrix profitability-loyalty --filter region=North"}) {
        auto out = cli(cmd + " -w " + shellQuote(wb));
        EXPECT_EQ(out.code, 0) << cmd << ": " << out.err.substr(0, 300);
        EXPECT_EQ(out.out.find('\x1b'), std::string::npos) << cmd;
        EXPECT_EQ(out.out.find('\x07'), std::string::npos) << cmd;
        EXPECT_LT(out.out.size(), 200000u) << cmd;
        EXPECT_LT(out.err.size(), 2000u) << cmd;
    }
    EXPECT_NE(cli("matrix profitability-loyalty --by region -w " + shellQuote(wb)).out.find("\\e]0;pwned\\x07AAA"),
              std::string::npos);
    EXPECT_NE(cli("info -w " + shellQuote(wb)).out.find("cust\\e[31m.csv"), std::string::npos);
    EXPECT_NE(cli("segment --list -w " + shellQuote(wb)).out.find("\\e]0;pwned\\x07mine"), std::string::npos);
}

// Every path the command line writes a file to, on a device that is full (/dev/full) and on a
// filesystem that fills up: a 4 KiB tmpfs in a private mount namespace where the machine allows
// one (unshare; filled before the command runs), else a file-size limit of 4 blocks (EFBIG, as
// a full disk, for the export larger than that). Exit 4, "incomplete", and no file left behind.
TEST_F(OutputSafety, EveryExportToAFullFilesystemFailsAndLeavesNoFile) {
    const auto full = m_dir.file("full");
    fs::create_directories(full);
    const bool tmpfs = std::system("unshare -rm sh -c 'mount -t tmpfs -o size=4k tmpfs /tmp' >/dev/null 2>&1") == 0;
    // The listing of the folder after the command goes to stderr, after the error.
    // The folder reaches the shell as $FULL (runCli's environment), so no quotes nest.
    const std::string listing = "rc=$?; echo listing: >&2; ls -A \"$FULL\" >&2; exit $rc' ";
    const std::string prefix = tmpfs ? "unshare -rm sh -c 'mount -t tmpfs -o size=4k tmpfs \"$FULL\" || exit 9; "
                                       "head -c 65536 /dev/zero >\"$FULL/.filler\" 2>/dev/null; \"$0\" \"$@\"; "
                                       "rc=$?; rm -f \"$FULL/.filler\"; (exit $rc); " +
                                           listing
                                     : "sh -c 'ulimit -f 4; trap \"\" XFSZ; \"$0\" \"$@\"; " + listing;
    // A connection of the test's own keeps the workbook's shared-memory file in place (see above).
    sqlite3* keep = nullptr;
    ASSERT_EQ(sqlite3_open(s_wb.c_str(), &keep), SQLITE_OK);
    sqlite3_exec(keep, "SELECT count(*) FROM customers", nullptr, nullptr, nullptr);
    const std::string slice = shellQuote(cw::test::testData("online_retail_slice.csv"));
    auto commands = [&](const std::string& out) {
        const auto copy = m_dir.file("copy.cwb");
        fs::remove(copy);
        fs::copy_file(s_wb, copy);
        return std::vector<std::string>{
            "rejects -w " + shellQuote(s_wb) + " -o " + shellQuote(out),
            "segment -w " + shellQuote(s_wb) + " --method kmeans --k 3 --export-features " + shellQuote(out),
            "import -q -w " + shellQuote(copy) + " --profile online-retail --replace --rejects-out " + shellQuote(out) +
                " " + slice};
    };
    auto check = [&](const std::string& cmd, const CliResult& r) {
        EXPECT_EQ(r.code, 4) << cmd << "\n" << r.err;
        EXPECT_NE(r.err.find("incomplete"), std::string::npos) << cmd << "\n" << r.err;
        if (cmd.rfind("import", 0) == 0)  // the import was stored; the message says so and how to get the rejects
            EXPECT_NE(r.err.find("the import itself was stored"), std::string::npos) << r.err;
    };
    for (const auto& cmd : commands("/dev/full")) check(cmd, cli(cmd));
    for (const auto& cmd : commands(full + "/out.csv")) {
        if (!tmpfs && cmd.rfind("segment", 0) != 0) continue;  // the others write less than 4 blocks
        auto r = runCli(cmd, m_dir.file("e"), "FULL=" + shellQuote(full), prefix);
        check(cmd, r);
        const auto pos = r.err.find("listing:");
        ASSERT_NE(pos, std::string::npos) << r.err;
        EXPECT_EQ(r.err.find_first_not_of(" \n", pos + 8), std::string::npos) << cmd << " left: " << r.err.substr(pos);
    }
    sqlite3_close(keep);
}

// A log file or a pipe gets no progress line: no carriage returns to run into the messages.
TEST_F(OutputSafety, ProgressIsDrawnOnlyOnATerminal) {
    const auto copy = m_dir.file("copy.cwb");
    fs::copy_file(s_wb, copy);
    for (const std::string cmd : {std::string("analyze"), std::string("audit"), "import --profile online-retail --replace " +
                                                       shellQuote(cw::test::testData("online_retail_slice.csv"))}) {
        auto r = cli(cmd + " -w " + shellQuote(copy));
        EXPECT_EQ(r.code, 0) << cmd << ": " << r.err;
        EXPECT_EQ(r.err.find('\r'), std::string::npos) << cmd << ": " << r.err;
    }
}

}  // namespace
