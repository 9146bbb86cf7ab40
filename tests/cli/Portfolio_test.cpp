// `clienting portfolio` and `clienting alerts` end to end on a demo workbook: the manager's
// customers and the alerts that need no survey (anorexia, low P(alive), no contact) against SQL
// over what analyze stored, quadrants against medians computed in SQL, an overdue action created
// with `clienting accounts`, acknowledging and snoozing, and refusals that say what to do.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

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

class PortfolioCli : public cw::test::DemoSuite {
protected:
    static void SetUpTestSuite() {
        ASSERT_NO_FATAL_FAILURE(makeDemo(1500, 5));
    }
    // The codes a query returns, as a set.
    static std::set<std::string> sqlCodes(const std::string& sql) {
        const auto joined = sqlText("SELECT group_concat(code, ' ') FROM (" + sql + ")");
        std::set<std::string> out;
        std::size_t start = 0;
        while (start < joined.size()) {
            auto end = joined.find(' ', start);
            if (end == std::string::npos) end = joined.size();
            out.insert(joined.substr(start, end - start));
            start = end + 1;
        }
        return out;
    }
    static nlohmann::json portfolio(const std::string& manager, const std::string& extra = "") {
        auto r = run("portfolio -w " + shellQuote(s_wb) + " " + manager + " --format json --today 2026-01-15 " + extra);
        EXPECT_EQ(r.code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }
    // A commercial manager (no team) with customers: the one with the most.
    static std::string busiestManager() {
        return sqlText("SELECT m.code FROM managers m JOIN customers c ON c.manager_id = m.id "
                       "WHERE NOT EXISTS (SELECT 1 FROM managers k WHERE k.parent_id = m.id) "
                       "GROUP BY m.id ORDER BY count(*) DESC, m.code LIMIT 1");
    }
    static std::set<std::string> alertCodes(const nlohmann::json& j, const std::string& kind) {
        std::set<std::string> out;
        for (const auto& a : j["alerts"])
            if (a["kind"] == kind) out.insert(a["customer"].get<std::string>());
        return out;
    }
};

TEST_F(PortfolioCli, CustomersAndAlertsAreThoseSqlFinds) {
    const auto code = busiestManager();
    const auto j = portfolio(code);
    const std::string mine = "SELECT c.code FROM customers c JOIN managers m ON m.id = c.manager_id "
                             "JOIN customer_metrics x ON x.customer_id = c.id WHERE m.code = '" + code + "'";
    EXPECT_EQ(j["manager"], code);
    EXPECT_FALSE(j["team"].get<bool>());
    std::set<std::string> customers;
    for (const auto& c : j["customers"]) customers.insert(c["code"].get<std::string>());
    EXPECT_EQ(customers, sqlCodes("SELECT c.code FROM customers c JOIN managers m ON m.id = c.manager_id WHERE m.code = '" +
                                  code + "'"));
    EXPECT_EQ(alertCodes(j, "anorexia"), sqlCodes(mine + " AND x.anorexic = 1 AND x.active = 1"));
    EXPECT_EQ(alertCodes(j, "low_p_alive"), sqlCodes(mine + " AND x.active = 1 AND x.p_alive < 0.7"));
    // No contact: active top-tier customers whose last dated note is more than 90 days before the
    // analysis day, or who have none and were customers for longer.
    const std::string day = "(SELECT analysis_day FROM analysis_runs ORDER BY id DESC LIMIT 1)";
    EXPECT_EQ(alertCodes(j, "no_contact"),
              sqlCodes(mine + " AND x.active = 1 AND x.profit_tier = 1 AND coalesce((SELECT max(n.ts) / 86400 FROM notes n "
                              "WHERE n.customer_id = c.id AND n.ts IS NOT NULL), x.first_day) < " + day + " - 90"));
    EXPECT_FALSE(alertCodes(j, "anorexia").empty()) << "the demo has anorexic customers in every portfolio this size";
    // Ranked by value at risk, which is margin at stake × probability.
    double last = 1e300;
    for (const auto& a : j["alerts"]) {
        const double v = a["value_at_risk"].get<double>();
        EXPECT_LE(v, last);
        last = v;
        EXPECT_NEAR(v, a["margin_at_stake"].get<double>() * a["probability"].get<double>(), 1e-6 * (1 + v));
    }
}

TEST_F(PortfolioCli, QuadrantsUseTheCompanysMedians) {
    const auto j = portfolio(busiestManager());
    // The median of margin over the customers with margin and potential, in SQL.
    auto median = [&](const std::string& col, const std::string& other) {
        const std::string plotted = "FROM customer_metrics WHERE " + col + " IS NOT NULL AND " + other + " IS NOT NULL";
        const auto n = sqlInt("SELECT count(*) " + plotted);
        const auto text = sqlText("SELECT avg(v) FROM (SELECT " + col + " AS v " + plotted + " ORDER BY v LIMIT " +
                                  std::to_string(2 - n % 2) + " OFFSET " + std::to_string((n - 1) / 2) + ")");
        return std::stod(text);
    };
    const double m = median("margin", "potential"), p = median("potential", "margin");
    int checked = 0;
    for (const auto& c : j["customers"]) {
        if (c["margin"].is_null() || c["potential"].is_null()) {
            EXPECT_TRUE(c["quadrants"]["profitability-potential"].is_null());
            continue;
        }
        const bool hx = c["margin"].get<double>() >= m, hy = c["potential"].get<double>() >= p;
        const char* want = hx ? (hy ? "develop" : "maintain") : (hy ? "grow share" : "rationalise cost to serve");
        EXPECT_EQ(c["quadrants"]["profitability-potential"], want) << c["code"];
        ++checked;
    }
    EXPECT_GT(checked, 10);
}

TEST_F(PortfolioCli, AnOverdueActionRaisesItsAlertUntilItIsDone) {
    const auto code = busiestManager();
    const auto before = portfolio(code)["overdue_actions"].get<std::int64_t>();  // a demo may plant some
    const auto customer = sqlText("SELECT c.code FROM customers c JOIN managers m ON m.id = c.manager_id WHERE m.code = '" +
                                  code + "' ORDER BY c.code LIMIT 1");
    auto r = run("accounts create -w " + shellQuote(s_wb) + " --manager " + code + " --title Recovery --customers " +
                 customer + " --by tester");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto plan = sqlInt("SELECT max(id) FROM account_plans");
    r = run("accounts action -w " + shellQuote(s_wb) + " --plan " + std::to_string(plan) +
            " --what 'Call the buyer' --owner Ann --due 2026-01-05 --customer " + customer);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto action = sqlInt("SELECT max(id) FROM plan_actions");
    auto j = portfolio(code);
    EXPECT_EQ(j["overdue_actions"], before + 1);
    EXPECT_TRUE(alertCodes(j, "overdue_action").count(customer));
    // Not overdue the day it is due.
    auto r2 = run("portfolio -w " + shellQuote(s_wb) + " " + code + " --format json --today 2026-01-05");
    EXPECT_EQ(nlohmann::json::parse(r2.out)["overdue_actions"], before);
    r = run("accounts status -w " + shellQuote(s_wb) + " --action " + std::to_string(action) + " --set done --by Ann");
    ASSERT_EQ(r.code, 0) << r.err;
    j = portfolio(code);
    EXPECT_EQ(j["overdue_actions"], before);
    EXPECT_FALSE(alertCodes(j, "overdue_action").count(customer));
    // Its alert cannot be acknowledged: the action is what is done.
    r = run("alerts -w " + shellQuote(s_wb) + " ack overdue_action " + customer);
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("mark the action done"), std::string::npos) << r.err;
    run("accounts delete -w " + shellQuote(s_wb) + " --plan " + std::to_string(plan));
}

TEST_F(PortfolioCli, ANewDueDayTakesAnActionOutOfTheOverdueOnes) {
    const auto code = busiestManager();
    const auto before = portfolio(code)["overdue_actions"].get<std::int64_t>();
    const auto customer = sqlText("SELECT c.code FROM customers c JOIN managers m ON m.id = c.manager_id WHERE m.code = '" +
                                  code + "' ORDER BY c.code DESC LIMIT 1");
    auto r = run("accounts create -w " + shellQuote(s_wb) + " --manager " + code + " --title Later --customers " + customer);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto plan = sqlText("SELECT max(id) FROM account_plans");
    r = run("accounts action -w " + shellQuote(s_wb) + " --plan " + plan + " --what Visit --due 2026-01-02 --customer " +
            customer);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto action = sqlText("SELECT max(id) FROM plan_actions");
    EXPECT_EQ(portfolio(code)["overdue_actions"], before + 1);
    r = run("accounts edit-action -w " + shellQuote(s_wb) + " --action " + action + " --due 2026-02-01 --owner Ann");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(portfolio(code)["overdue_actions"], before);
    EXPECT_EQ(sqlText("SELECT what || '/' || owner || '/' || date(due_day * 86400, 'unixepoch') || '/' || status "
                      "FROM plan_actions WHERE id = " + action),
              "Visit/Ann/2026-02-01/open")
        << "only what was given changed";
    r = run("accounts edit-action -w " + shellQuote(s_wb) + " --action " + action + " --due 2026-02-30");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("--due '2026-02-30' is not a date"), std::string::npos) << r.err;
    r = run("accounts edit-action -w " + shellQuote(s_wb) + " --action 999999 --due 2026-02-03");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("no action has the id 999999"), std::string::npos) << r.err;
    run("accounts delete -w " + shellQuote(s_wb) + " --plan " + plan);
}

TEST_F(PortfolioCli, AcknowledgedAndSnoozedAlertsAreHiddenAndComeBack) {
    const auto code = busiestManager();
    auto j = portfolio(code);
    ASSERT_FALSE(j["alerts"].empty());
    const auto kind = j["alerts"][0]["kind"].get<std::string>();
    const auto customer = j["alerts"][0]["customer"].get<std::string>();
    const auto before = j["alerts"].size();
    auto r = run("alerts -w " + shellQuote(s_wb) + " ack " + kind + " " + customer + " --by Petra");
    ASSERT_EQ(r.code, 0) << r.err;
    j = portfolio(code);
    EXPECT_EQ(j["alerts"].size(), before - 1);
    ASSERT_EQ(j["hidden_alerts"].size(), 1u);
    EXPECT_EQ(j["hidden_alerts"][0]["state"], "acknowledged");
    EXPECT_EQ(j["hidden_alerts"][0]["state_by"], "Petra");
    EXPECT_EQ(sqlText("SELECT state || '/' || by FROM alert_states"), "acknowledged/Petra");

    r = run("alerts -w " + shellQuote(s_wb) + " snooze " + kind + " " + customer + " --until 2026-02-01");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(portfolio(code)["alerts"].size(), before - 1) << "hidden until 2026-02-01";
    auto later = run("portfolio -w " + shellQuote(s_wb) + " " + code + " --format json --today 2026-02-02");
    EXPECT_EQ(nlohmann::json::parse(later.out)["alerts"].size(), before) << "back once the day has passed";

    r = run("alerts -w " + shellQuote(s_wb) + " clear " + kind + " " + customer);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(portfolio(code)["alerts"].size(), before);
    EXPECT_EQ(sqlInt("SELECT count(*) FROM alert_states"), 0);
}

TEST_F(PortfolioCli, AManagerWithATeamHasTheirCustomers) {
    const auto region = sqlText("SELECT code FROM managers WHERE level = 'region' ORDER BY code LIMIT 1");
    const auto j = portfolio(region, "--alerts-only");
    EXPECT_TRUE(j["team"].get<bool>());
    EXPECT_FALSE(j.contains("customers"));
    EXPECT_EQ(j["customers_count"].get<std::int64_t>(),
              sqlInt("SELECT count(*) FROM customers WHERE manager_id IN (SELECT id FROM managers WHERE parent_id = "
                     "(SELECT id FROM managers WHERE code = '" + region + "') OR code = '" + region + "')"));
}

TEST_F(PortfolioCli, RefusalsSayWhatToDo) {
    auto r = run("portfolio -w " + shellQuote(s_wb) + " mgr-0003");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("no manager has the code 'mgr-0003'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("did you mean MGR-0003"), std::string::npos) << r.err;
    r = run("alerts -w " + shellQuote(s_wb) + " snooze anorexia C000001");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("--until"), std::string::npos) << r.err;
    r = run("alerts -w " + shellQuote(s_wb) + " ack anorexia NOPE");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("no customer has the code 'NOPE'"), std::string::npos) << r.err;
    r = run("alerts -w " + shellQuote(s_wb) + " settings --set no_contact_days=0");
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("no_contact_days"), std::string::npos) << r.err;
    // A fresh workbook: not analysed.
    const auto fresh = s_dir->file("fresh.cwb");
    ASSERT_EQ(run("new -w " + shellQuote(fresh)).code, 0);
    r = run("portfolio -w " + shellQuote(fresh) + " X");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("no managers"), std::string::npos) << r.err;
}

TEST_F(PortfolioCli, SettingsChangeWhatRaisesAnAlert) {
    const auto code = busiestManager();
    const auto before = alertCodes(portfolio(code), "no_contact").size();
    auto r = run("alerts -w " + shellQuote(s_wb) + " settings --set no_contact_days=3000");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("no_contact_days   3000"), std::string::npos) << r.out;
    EXPECT_TRUE(alertCodes(portfolio(code), "no_contact").empty());
    r = run("alerts -w " + shellQuote(s_wb) + " settings --set no_contact_days=90");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(alertCodes(portfolio(code), "no_contact").size(), before);
}

}  // namespace
