// What the command line writes: output that cannot be written whole is an error (exit 4) and
// leaves no partial file; input quoted on a terminal cannot drive it; CSV cells from input are
// not formulas; paths that are not files get the documented error form.
#include <gtest/gtest.h>
#include <sqlite3.h>

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

}  // namespace
