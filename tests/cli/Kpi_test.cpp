// `clienting kpi` and `clienting targets` end to end on a demo workbook: the company's and a
// manager's latest figures against SQL over what analyze stored per customer, the change against
// the previous period, refusals that say what to do, and a targets import that stores every line
// or none (a bad cell named by file, line and column).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <ctime>
#include <optional>
#include <fstream>

#include "CliRunner.h"
#include "DemoSuite.h"
#include "core/CivilTime.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

using namespace cw;
using cw::test::runCli;
using cw::test::shellQuote;
using cw::test::TempDir;

namespace {

class KpiCli : public cw::test::DemoSuite {
protected:
    static void SetUpTestSuite() {
        ASSERT_NO_FATAL_FAILURE(makeDemo(600, 11));
        // The demo plants account plans with overdue actions (docs/demo.md); these tests count their own.
        ASSERT_GT(cw::test::deleteAccountPlans(s_wb, s_dir->file("stderr.txt")), 0);
    }
    static nlohmann::json kpiJson(const std::string& args) {
        auto r = run("kpi -w " + shellQuote(s_wb) + " --format json " + args);
        EXPECT_EQ(r.code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }
};

// The customer base at a day, exits in a range: straight from customer_metrics.
std::string baseAt(const std::string& day, const std::string& managerFilter) {
    return "SELECT count(*) FROM customer_metrics m JOIN customers c ON c.id = m.customer_id WHERE m.first_day <= " +
           day + " AND (m.exited = 0 OR m.exit_day > " + day + ")" + managerFilter;
}

TEST_F(KpiCli, TheCompanysLatestMonthIsTheCustomerBaseAtTheAnalysisDate) {
    const auto j = kpiJson("");
    ASSERT_EQ(j["blocks"].size(), 1u);
    const auto& b = j["blocks"][0];
    EXPECT_TRUE(b["node"].is_null());
    const auto end = parseIsoDay(b["period"]["end"].get<std::string>());
    EXPECT_EQ(b["period"]["end"], sqlText("SELECT date(analysis_day * 86400, 'unixepoch') FROM analysis_runs ORDER BY id DESC LIMIT 1"));
    const auto& ind = b["indicators"];
    EXPECT_EQ(ind["customers"]["value"].get<double>(), sqlInt(baseAt(std::to_string(end), "")));
    EXPECT_EQ(ind["customers"]["value"].get<double>(), sqlInt("SELECT count(*) FROM customer_metrics WHERE active = 1"))
        << "at the analysis date, the base is the active customers";
    EXPECT_EQ(ind["anorexic"]["value"].get<double>(), sqlInt("SELECT count(*) FROM customer_metrics WHERE anorexic = 1"));
    // The change is the value minus the previous month's value.
    const auto all = kpiJson("--all");
    const auto& blocks = all["blocks"];
    ASSERT_GE(blocks.size(), 13u);
    const auto& prev = blocks[blocks.size() - 2]["indicators"]["customers"]["value"];
    const auto& yearAgo = blocks[blocks.size() - 13]["indicators"]["customers"]["value"];
    EXPECT_EQ(ind["customers"]["change"].get<double>(), ind["customers"]["value"].get<double>() - prev.get<double>());
    EXPECT_EQ(ind["customers"]["change_on_year"].get<double>(),
              ind["customers"]["value"].get<double>() - yearAgo.get<double>());
}

TEST_F(KpiCli, AManagersNodeCountsItsCustomersAndThoseBelowIt) {
    // A manager with managers under it.
    const auto code = sqlText("SELECT p.code FROM managers p WHERE EXISTS (SELECT 1 FROM managers m WHERE m.parent_id = p.id) "
                              "AND p.parent_id IS NOT NULL ORDER BY p.id LIMIT 1");
    ASSERT_FALSE(code.empty());
    const auto j = kpiJson("--node " + shellQuote(code) + " --period quarter");
    const auto& b = j["blocks"][0];
    EXPECT_EQ(b["node"], code);
    const auto end = parseIsoDay(b["period"]["end"].get<std::string>());
    const std::string subtree = " AND c.manager_id IN (WITH RECURSIVE t(id) AS (SELECT id FROM managers WHERE code = '" +
                                code + "' UNION SELECT m.id FROM managers m JOIN t ON m.parent_id = t.id) SELECT id FROM t)";
    EXPECT_EQ(b["indicators"]["customers"]["value"].get<double>(), sqlInt(baseAt(std::to_string(end), subtree)));
    EXPECT_GT(b["indicators"]["customers"]["value"].get<double>(), 0);
}

TEST_F(KpiCli, RefusalsSayWhatToDo) {
    auto r = run("kpi -w " + shellQuote(s_wb) + " --node NO-SUCH");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("no manager has the code 'NO-SUCH'"), std::string::npos) << r.err;
    r = run("kpi -w " + shellQuote(s_wb) + " --by segment");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("no segmentation is active"), std::string::npos) << r.err;
    const auto fresh = s_dir->file("fresh.cwb");
    ASSERT_EQ(run("new -w " + shellQuote(fresh)).code, 0);
    r = run("kpi -w " + shellQuote(fresh));
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("clienting analyze"), std::string::npos) << r.err;
}

TEST_F(KpiCli, ATargetsFileIsStoredWholeOrNotAtAllAndTargetsGetAStatus) {
    const auto code = sqlText("SELECT code FROM managers ORDER BY id LIMIT 1 OFFSET 2");
    const auto bad = s_dir->file("bad.csv");
    {
        std::ofstream f(bad);
        f << "indicator,node,period,start,target\n"
          << "customers,,month,2025-12,10\n"
          << "retention_rate," << code << ",quarter,2025-Q4,80\n"
          << "customers,,month,2025-12,abc\n";
    }
    auto r = run("targets -w " + shellQuote(s_wb) + " --import " + shellQuote(bad));
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("bad.csv:4:5: the target abc is not a number"), std::string::npos) << r.err;
    EXPECT_EQ(sqlInt("SELECT count(*) FROM kpi_targets"), 0) << "nothing of a bad file is stored";

    // The latest month's customers as the target: met; one more: missed (more customers is good).
    const auto latest = kpiJson("")["blocks"][0];
    const auto value = latest["indicators"]["customers"]["value"].get<double>();
    const auto month = latest["period"]["label"].get<std::string>();
    const auto good = s_dir->file("good.csv");
    {
        std::ofstream f(good);
        f << "indicator,node,period,start,target\n"
          << "customers,,month," << month << "," << value << "\n"
          << "exits,,month," << month << ",0\n";
    }
    r = run("targets -w " + shellQuote(s_wb) + " --import " + shellQuote(good));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(sqlInt("SELECT count(*) FROM kpi_targets"), 2);
    auto ind = kpiJson("")["blocks"][0]["indicators"];
    EXPECT_EQ(ind["customers"]["status"], "met");
    const bool noExits = ind["exits"]["value"].get<double>() == 0;
    EXPECT_EQ(ind["exits"]["status"], noExits ? "met" : "missed") << "fewer exits is good";
    r = run("targets -w " + shellQuote(s_wb) + " --set customers=" + std::to_string(value + 1) + " --start " + month);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(kpiJson("")["blocks"][0]["indicators"]["customers"]["status"], "missed");
    r = run("targets -w " + shellQuote(s_wb) + " --remove customers --start " + month);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(kpiJson("")["blocks"][0]["indicators"]["customers"]["status"].is_null());
}

TEST_F(KpiCli, TheAccountPlanIndicatorsFollowThePlansOfTheNode) {
    // A plan of a manager with a manager above it; its action due yesterday is overdue.
    const auto code = sqlText("SELECT m.code FROM managers m JOIN managers p ON p.id = m.parent_id "
                              "WHERE (SELECT count(*) FROM customers c WHERE c.manager_id = m.id) >= 3 ORDER BY m.id LIMIT 1");
    const auto parent = sqlText("SELECT p.code FROM managers m JOIN managers p ON p.id = m.parent_id WHERE m.code = '" +
                                code + "'");
    const auto other = sqlText("SELECT code FROM managers WHERE code <> '" + code + "' AND code <> '" + parent +
                               "' AND id NOT IN (SELECT parent_id FROM managers WHERE parent_id IS NOT NULL) LIMIT 1");
    const auto customers = sqlText("SELECT group_concat(code) FROM (SELECT c.code FROM customers c JOIN managers m ON "
                                   "m.id = c.manager_id WHERE m.code = '" + code + "' ORDER BY c.id LIMIT 3)");
    auto r = run("accounts create -w " + shellQuote(s_wb) + " --manager " + shellQuote(code) + " --title Keep --customers " +
                 shellQuote(customers));
    ASSERT_EQ(r.code, 0) << r.err;
    const auto plan = std::stoll(r.out);
    const auto yesterday = formatDate(static_cast<std::int64_t>(std::time(nullptr) / 86400) - 1);
    r = run("accounts action -w " + shellQuote(s_wb) + " --plan " + std::to_string(plan) + " --what Call --due " + yesterday);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto action = std::stoll(r.out);
    auto figures = [&](const std::string& node) {
        const auto ind = kpiJson(node.empty() ? "" : "--node " + shellQuote(node))["blocks"][0]["indicators"];
        return std::pair(ind["under_account_plan"]["value"].get<double>(), ind["overdue_actions"]["value"].get<double>());
    };
    EXPECT_EQ(figures(code), std::pair(3.0, 1.0));
    EXPECT_EQ(figures(parent), std::pair(3.0, 1.0)) << "a node includes the plans of the managers below it";
    EXPECT_EQ(figures(""), std::pair(3.0, 1.0));
    EXPECT_EQ(figures(other), std::pair(0.0, 0.0));
    r = run("accounts status -w " + shellQuote(s_wb) + " --action " + std::to_string(action) + " --set done");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(figures(code), std::pair(3.0, 0.0));
}

TEST_F(KpiCli, ChildrenSideBySideAddUpToTheirParentAndAreRanked) {
    // The top node of the demo's hierarchy: its regions, each with managers below it.
    const auto top = sqlText("SELECT code FROM managers WHERE parent_id IS NULL ORDER BY id LIMIT 1");
    const auto parent = kpiJson("--node " + shellQuote(top) + " --period quarter")["blocks"][0];
    const auto children = kpiJson("--node " + shellQuote(top) + " --period quarter --children --rank margin")["blocks"];
    ASSERT_EQ(static_cast<std::int64_t>(children.size()),
              sqlInt("SELECT count(*) FROM managers WHERE parent_id = (SELECT id FROM managers WHERE code = '" + top + "')"));
    double customers = 0, margin = 0;
    std::optional<double> previous;
    for (const auto& c : children) {
        EXPECT_EQ(c["period"]["label"], parent["period"]["label"]);
        customers += c["indicators"]["customers"]["value"].get<double>();
        const double m = c["indicators"]["margin"]["value"].get<double>();
        margin += m;
        if (previous) EXPECT_GE(*previous, m) << "ranked by margin, highest first";
        previous = m;
    }
    // The parent is its children plus its own customers.
    const auto end = std::to_string(parseIsoDay(parent["period"]["end"].get<std::string>()));
    const auto own = sqlInt(baseAt(end, " AND c.manager_id = (SELECT id FROM managers WHERE code = '" + top + "')"));
    EXPECT_EQ(customers + own, parent["indicators"]["customers"]["value"].get<double>());
    if (own == 0) EXPECT_NEAR(margin, parent["indicators"]["margin"]["value"].get<double>(), 1e-6);
    auto r = run("kpi -w " + shellQuote(s_wb) + " --children --rank nothing");
    EXPECT_EQ(r.code, 1);
}

}  // namespace
