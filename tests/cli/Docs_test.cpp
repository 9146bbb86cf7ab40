// The documentation says what the program does: the figures and keys docs/cli.md and
// docs/analysis.md show are checked against a workbook the real `clienting` makes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "CliRunner.h"
#include "support/TempDir.h"

using cw::test::runCli;
using cw::test::shellQuote;
using cw::test::TempDir;

namespace {

std::string doc(const std::string& name) {
    std::ifstream in(std::string(CW_TEST_DATA_DIR) + "/../../docs/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(Docs, TheSchemaVersionShownIsTheOneNewWorkbooksHave) {
    TempDir dir;
    const auto wb = dir.file("w.cwb");
    ASSERT_EQ(runCli("new -w " + shellQuote(wb), dir.file("e")).code, 0);
    auto r = runCli("info --json -w " + shellQuote(wb), dir.file("e"));
    const int version = nlohmann::json::parse(r.out)["schema_version"].get<int>();
    std::smatch m;
    const auto cli = doc("cli.md");
    ASSERT_TRUE(std::regex_search(cli, m, std::regex(R"("schema_version": (\d+))")));
    EXPECT_EQ(std::stoi(m[1]), version) << "docs/cli.md, info --json";
    const auto analysis = doc("analysis.md");
    ASSERT_TRUE(std::regex_search(analysis, m, std::regex(R"(Tables of schema version (\d+))")));
    EXPECT_EQ(std::stoi(m[1]), version) << "docs/analysis.md";
}

TEST(Docs, EveryAuditCheckTheAuditCanReportIsDocumented) {
    // The checks a planted workbook triggers, and those of an empty one, all have a row in cli.md.
    TempDir dir;
    const auto wb = dir.file("w.cwb");
    ASSERT_EQ(runCli("new -w " + shellQuote(wb), dir.file("e")).code, 0);
    const auto sales = dir.write("s.csv", "customer_id,date,revenue,manager_id\nA,2024-01-02,10,M1\nA,2024-01-02,10,M1\n,2024-03-02,5,\n");
    ASSERT_EQ(runCli("import -q -w " + shellQuote(wb) + " " + shellQuote(sales), dir.file("e")).code, 0);
    auto r = runCli("audit --json -w " + shellQuote(wb), dir.file("e"));
    ASSERT_EQ(r.code, 0) << r.err;
    const auto cli = doc("cli.md");
    const auto report = nlohmann::json::parse(r.out);  // named: a temporary would die before the loop
    for (const auto& f : report["findings"]) {
        const auto check = f["check"].get<std::string>();
        EXPECT_NE(cli.find("`" + check + "`"), std::string::npos) << check << " is not in docs/cli.md";
    }
}

TEST(Docs, TheMatrixJsonKeysShownAreTheOnesPrinted) {
    TempDir dir;
    const auto wb = dir.file("w.cwb");
    ASSERT_EQ(runCli("new -w " + shellQuote(wb), dir.file("e")).code, 0);
    ASSERT_EQ(runCli("import -q -w " + shellQuote(wb) + " --profile online-retail " +
                         shellQuote(cw::test::testData("online_retail_slice.csv")),
                     dir.file("e"))
                  .code,
              0);
    ASSERT_EQ(runCli("analyze -q -w " + shellQuote(wb), dir.file("e")).code, 0);
    auto r = runCli("matrix profitability-loyalty --format json -w " + shellQuote(wb), dir.file("e"));
    const auto j = nlohmann::json::parse(r.out);
    const auto cli = doc("cli.md");
    for (const auto& [key, value] : j.items())
        EXPECT_NE(cli.find("\"" + key + "\":"), std::string::npos) << key << " is not shown in docs/cli.md";
}

}  // namespace
