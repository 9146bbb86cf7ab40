#pragma once
// A test suite over one demo workbook made with the real `clienting demo` and analysed once for
// the suite, with the CLI and SQL reads on it. A suite derives from it and calls makeDemo() in
// its SetUpTestSuite (suites run one after the other, so they share the static storage).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "CliRunner.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

namespace cw::test {

class DemoSuite : public ::testing::Test {
protected:
    /// Makes and analyses the suite's demo workbook (fatal failures on error: check with
    /// ASSERT_NO_FATAL_FAILURE).
    static void makeDemo(int customers, int seed) {
        s_dir = new TempDir;
        s_wb = s_dir->file("demo.cwb");
        auto r = run("demo -w " + shellQuote(s_wb) + " --customers " + std::to_string(customers) + " --seed " +
                     std::to_string(seed));
        ASSERT_EQ(r.code, 0) << r.err;
        r = run("analyze -q -w " + shellQuote(s_wb));
        ASSERT_EQ(r.code, 0) << r.err;
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static CliResult run(const std::string& args) { return runCli(args, s_dir->file("stderr.txt")); }
    static std::int64_t sqlInt(const std::string& sql) {
        auto wb = store::Workbook::open(s_wb, store::Workbook::OpenMode::ReadOnly);
        EXPECT_TRUE(wb.ok());
        return wb->db().queryInt(sql).value_or(-1);
    }
    static std::string sqlText(const std::string& sql) {
        auto wb = store::Workbook::open(s_wb, store::Workbook::OpenMode::ReadOnly);
        return wb->db().queryText(sql).value_or("");
    }

    static inline TempDir* s_dir = nullptr;
    static inline std::string s_wb;
};

}  // namespace cw::test
