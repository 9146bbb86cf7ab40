// `clienting accounts` end to end on an analysed demo workbook: a plan for a manager's top five by
// lifetime value (against SQL), for a segment and a matrix quadrant of the manager's customers
// (against SQL and `clienting customers`), an objective and an overdue action that leaves the
// overdue list once done with both statuses in its history, CSV that neutralises formulas, and
// refusals that say what to do and store nothing.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "CliRunner.h"
#include "core/CivilTime.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

using namespace cw;
using cw::test::runCli;
using cw::test::shellQuote;
using cw::test::TempDir;

namespace {

using Codes = std::vector<std::string>;

class AccountsCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        s_wb = s_dir->file("demo.cwb");
        auto r = run("demo -w " + shellQuote(s_wb) + " --customers 300 --seed 7");
        ASSERT_EQ(r.code, 0) << r.err;
        r = run("analyze -q -w " + shellQuote(s_wb));
        ASSERT_EQ(r.code, 0) << r.err;
        // The demo plants account plans with overdue actions (docs/demo.md); these tests count their own.
        ASSERT_GT(cw::test::deleteAccountPlans(s_wb, s_dir->file("stderr.txt")), 0);
    }
    static void TearDownTestSuite() { delete s_dir; }
    static cw::test::CliResult run(const std::string& args) { return runCli(args, s_dir->file("stderr.txt")); }
    /// `clienting accounts SUB -w W ARGS`.
    static cw::test::CliResult accounts(const std::string& sub, const std::string& args) {
        return run("accounts " + sub + " -w " + shellQuote(s_wb) + " " + args);
    }
    static nlohmann::json accountsJson(const std::string& sub, const std::string& args) {
        auto r = accounts(sub, args + " --format json");
        EXPECT_EQ(r.code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }
    /// The first column of every row of a query.
    static Codes sqlColumn(const std::string& sql) {
        auto wb = store::Workbook::open(s_wb, store::Workbook::OpenMode::ReadOnly);
        EXPECT_TRUE(wb.ok());
        auto st = wb->db().prepare(sql);
        EXPECT_TRUE(st.ok()) << sql;
        Codes out;
        while (st->step()) out.push_back(st->text(0));
        return out;
    }
    static std::string sqlText(const std::string& sql) {
        const auto column = sqlColumn(sql);
        return column.empty() ? "" : column.front();
    }
    /// Rows of every account-plan table.
    static std::string planRows() {
        return sqlText("SELECT (SELECT count(*) FROM account_plans) || '/' || (SELECT count(*) FROM account_plan_customers)"
                       " || '/' || (SELECT count(*) FROM plan_objectives) || '/' || (SELECT count(*) FROM plan_actions)"
                       " || '/' || (SELECT count(*) FROM plan_action_history)");
    }
    /// The manager with the most customers that have a lifetime value.
    static std::string busiestManager() {
        return sqlText("SELECT m.code FROM managers m JOIN customers c ON c.manager_id = m.id JOIN customer_metrics x "
                       "ON x.customer_id = c.id WHERE x.clv IS NOT NULL GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT 1");
    }
    /// Creates a plan and returns its id (printed alone on stdout).
    static std::string create(const std::string& args) {
        auto r = accounts("create", "--title " + shellQuote("plan") + " " + args);
        EXPECT_EQ(r.code, 0) << r.err;
        auto id = r.out;
        id.erase(std::remove(id.begin(), id.end(), '\n'), id.end());
        EXPECT_FALSE(id.empty());
        return id;
    }
    static Codes customersOf(const std::string& planId) {
        Codes codes;
        const auto plan = accountsJson("show", "--plan " + planId);  // named: a temporary would die before the loop
        for (const auto& c : plan["customers"]) codes.push_back(c["code"]);
        std::sort(codes.begin(), codes.end());
        return codes;
    }
    static Codes sorted(Codes c) {
        std::sort(c.begin(), c.end());
        return c;
    }
    static TempDir* s_dir;
    static std::string s_wb;
};
TempDir* AccountsCli::s_dir = nullptr;
std::string AccountsCli::s_wb;

TEST_F(AccountsCli, TheTopFiveAreTheManagersCustomersWithTheHighestLifetimeValue) {
    const auto manager = busiestManager();
    ASSERT_FALSE(manager.empty());
    const auto id = create("--manager " + shellQuote(manager) + " --top 5 --by ann");
    const auto expected = sqlColumn(
        "SELECT c.code FROM customers c JOIN customer_metrics x ON x.customer_id = c.id JOIN managers m ON m.id = "
        "c.manager_id WHERE m.code = '" + manager + "' AND x.clv IS NOT NULL ORDER BY x.clv DESC LIMIT 5");
    ASSERT_EQ(expected.size(), 5u);
    EXPECT_EQ(customersOf(id), sorted(expected));
    const auto plan = accountsJson("show", "--plan " + id);
    EXPECT_EQ(plan["manager"], manager);
    EXPECT_EQ(plan["status"], "open");
    EXPECT_EQ(plan["created_by"], "ann");
    const auto list = accountsJson("list", "--manager " + shellQuote(manager));
    ASSERT_EQ(list["plans"].size(), 1u);
    EXPECT_EQ(list["plans"][0]["customers"], 5);
    // Another manager has no plan.
    const auto other = sqlText("SELECT code FROM managers WHERE code <> '" + manager + "' ORDER BY id LIMIT 1");
    EXPECT_TRUE(accountsJson("list", "--manager " + shellQuote(other))["plans"].empty());
}

TEST_F(AccountsCli, AnOverdueActionIsListedUntilItIsDoneAndBothStatusesAreKept) {
    const auto manager = busiestManager();
    const auto plan = create("--manager " + shellQuote(manager) + " --top 5");
    const auto customers = customersOf(plan);
    ASSERT_FALSE(customers.empty());
    const auto customer = customers.front();
    auto r = accounts("objective", "--plan " + plan + " --indicator margin --target 25000 --due 2026-06-30");
    ASSERT_EQ(r.code, 0) << r.err;
    r = accounts("action", "--plan " + plan + " --what " + shellQuote("Call about the renewal") +
                               " --owner bob --due 2020-01-15 --customer " + shellQuote(customer));
    ASSERT_EQ(r.code, 0) << r.err;
    const auto action = std::stoll(r.out);
    r = accounts("action", "--plan " + plan + " --what " + shellQuote("Review") + " --due 2999-01-01");
    ASSERT_EQ(r.code, 0) << r.err;

    auto overdue = accountsJson("overdue", "--today 2025-06-01");
    ASSERT_EQ(overdue["actions"].size(), 1u) << "the action due in 2999 is not overdue";
    const auto& o = overdue["actions"][0];
    EXPECT_EQ(o["id"], action);
    EXPECT_EQ(o["manager"], manager);
    EXPECT_EQ(o["customer"], customer);
    EXPECT_EQ(o["status"], "open");
    EXPECT_EQ(o["days_overdue"], daysFromCivil(2025, 6, 1) - daysFromCivil(2020, 1, 15));
    EXPECT_EQ(accountsJson("overdue", "")["actions"].size(), 1u) << "today by default";
    EXPECT_EQ(accountsJson("overdue", "--manager " + shellQuote(manager))["actions"].size(), 1u);
    EXPECT_EQ(accountsJson("overdue", "--today 2020-01-15")["actions"].size(), 0u) << "due today is not overdue";
    const auto other = sqlText("SELECT code FROM managers WHERE code <> '" + manager + "' ORDER BY id LIMIT 1");
    EXPECT_TRUE(accountsJson("overdue", "--manager " + shellQuote(other))["actions"].empty());

    r = accounts("status", "--action " + std::to_string(action) + " --set done --by carl");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(accountsJson("overdue", "")["actions"].empty());
    r = accounts("status", "--action " + std::to_string(action) + " --set done");
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.err.find("already done"), std::string::npos) << r.err;

    const auto shown = accountsJson("show", "--plan " + plan);
    ASSERT_EQ(shown["objectives"].size(), 1u);
    EXPECT_EQ(shown["objectives"][0]["indicator"], "margin");
    EXPECT_EQ(shown["objectives"][0]["target"], 25000.0);
    EXPECT_EQ(shown["objectives"][0]["due"], "2026-06-30");
    ASSERT_EQ(shown["actions"].size(), 2u);
    const auto& history = shown["actions"][0]["history"];
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0]["status"], "open");
    EXPECT_EQ(history[1]["status"], "done");
    EXPECT_EQ(history[1]["by"], "carl");
    EXPECT_EQ(shown["actions"][0]["status"], "done");
    // The table says the same.
    r = accounts("show", "--plan " + plan);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("status history"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Call about the renewal"), std::string::npos) << r.out;
}

TEST_F(AccountsCli, ASegmentOrAQuadrantGivesTheManagersCustomersThere) {
    const auto manager = busiestManager();
    const std::string ofManager = " AND c.manager_id = (SELECT id FROM managers WHERE code = '" + manager + "')";
    // Quadrant: the company's matrix, as `clienting customers` places it, narrowed to the manager.
    auto r = run("customers -w " + shellQuote(s_wb) + " --matrix profitability-loyalty --quadrant " +
                 shellQuote("true friends") + " --format json");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto mine = sqlColumn("SELECT c.code FROM customers c WHERE 1" + ofManager);
    Codes expected;
    const auto quadrantList = nlohmann::json::parse(r.out);
    for (const auto& c : quadrantList["customers"])
        if (std::find(mine.begin(), mine.end(), c["code"]) != mine.end()) expected.push_back(c["code"]);
    ASSERT_FALSE(expected.empty());
    const auto quadrant = create("--manager " + shellQuote(manager) + " --quadrant " +
                                 shellQuote("profitability-loyalty:true friends"));
    EXPECT_EQ(customersOf(quadrant), sorted(expected));

    // Segment of the active segmentation, its label in any case.
    r = accounts("create", "--title t --segment " + shellQuote("high profit / high potential"));
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("no segmentation is active"), std::string::npos) << r.err;
    r = run("segment -w " + shellQuote(s_wb) + " --name tiers --method rules --activate");
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string label = "high profit / high potential";
    const auto members = sqlColumn(
        "SELECT c.code FROM customers c JOIN customer_segments cs ON cs.customer_id = c.id JOIN segments s ON "
        "s.id = cs.segment_id WHERE s.label = '" + label + "'" + ofManager);
    ASSERT_FALSE(members.empty());
    const auto segment = create("--manager " + shellQuote(manager) + " --segment " + shellQuote("HIGH Profit / high potential"));
    EXPECT_EQ(customersOf(segment), sorted(members));
    // Limited to the top 2 by lifetime value.
    const auto top = sqlColumn(
        "SELECT c.code FROM customers c JOIN customer_segments cs ON cs.customer_id = c.id JOIN segments s ON "
        "s.id = cs.segment_id JOIN customer_metrics x ON x.customer_id = c.id WHERE x.clv IS NOT NULL AND s.label = '" +
        label + "'" + ofManager + " ORDER BY x.clv DESC LIMIT 2");
    const auto topTwo = create("--manager " + shellQuote(manager) + " --segment " + shellQuote(label) + " --top 2");
    EXPECT_EQ(customersOf(topTwo), sorted(top));
    r = accounts("create", "--title t --segment nope");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("has no segment labelled 'nope'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("'low profit / low potential'"), std::string::npos) << "the labels are listed: " << r.err;
}

TEST_F(AccountsCli, ListsInCsvNeutraliseFormulas) {
    const auto manager = busiestManager();
    auto r = accounts("create", "--title " + shellQuote("=HYPERLINK(\"x\")") + " --top 1 --manager " + shellQuote(manager));
    ASSERT_EQ(r.code, 0) << r.err;
    r = accounts("list", "--format csv");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "id,manager,title,status,customers,objectives,actions,pending,created_at");
    EXPECT_NE(r.out.find(",\"'=HYPERLINK(\"\"x\"\")\",open,1,0,0,0,"), std::string::npos) << r.out;
    r = accounts("list", "");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("=HYPERLINK"), std::string::npos) << r.out;
    r = accounts("overdue", "--format csv");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "id,plan,manager,customer,what,owner,due,status,days_overdue\n");
}

TEST_F(AccountsCli, RefusalsSayWhatToDoAndStoreNothing) {
    const auto manager = busiestManager();
    const auto plan = create("--manager " + shellQuote(manager) + " --top 3");
    const auto customer = sqlText("SELECT code FROM customers WHERE manager_id <> (SELECT id FROM managers WHERE code = '" +
                                  manager + "') ORDER BY id LIMIT 1");
    auto r = accounts("action", "--plan " + plan + " --what call --due 2020-01-01");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto action = r.out.substr(0, r.out.find('\n'));
    const auto before = planRows();

    struct Case {
        std::string sub, args, message;
        int code;
    };
    const std::vector<Case> cases = {
        {"status", "--action " + action + " --set finished", "finished not in", 1},
        {"status", "--action 9999 --set done", "no action has the id 9999", 1},
        {"objective", "--plan 9999 --indicator margin --target 1 --due 2026-01-01", "no account plan has the id 9999", 1},
        {"objective", "--plan " + plan + " --indicator margins --target 1 --due 2026-01-01", "no indicator has the key 'margins'", 1},
        {"objective", "--plan " + plan + " --indicator margin --target abc --due 2026-01-01", "--target", 1},
        {"action", "--plan " + plan + " --what call --due 2020-02-30", "--due '2020-02-30' is not a date", 1},
        {"action", "--plan " + plan + " --what ' ' --due 2020-02-01", "an action needs a text", 1},
        {"action", "--plan " + plan + " --what call --due 2020-02-01 --customer " + shellQuote(customer),
         "customer " + customer + " is not a customer of account plan " + plan, 1},
        {"action", "--plan " + plan + " --what call --due 2020-02-01 --customer NOPE", "no customer has the code 'NOPE'", 1},
        {"create", "--title t --customers C000001,NOPE", "no customer has the code 'NOPE'", 1},
        {"create", "--title ' ' --top 2", "needs a title", 1},
        {"create", "--title t --manager NOPE --top 2", "no manager has the code 'NOPE'", 1},
        {"create", "--title t --manager " + shellQuote(manager), "say which customers the plan is for", 1},
        {"create", "--title t --quadrant profitability-loyalty", "is not MATRIX:QUADRANT", 1},
        {"create", "--title t --quadrant " + shellQuote("profitability-loyalty:nowhere"), "nowhere", 1},
        {"update", "--plan 9999 --status closed", "no account plan has the id 9999", 1},
        {"update", "--plan " + plan + " --status finished", "finished not in", 1},
        {"delete", "--plan 9999", "no account plan has the id 9999", 1},
        {"show", "--plan 9999", "no account plan has the id 9999", 1},
        {"overdue", "--today yesterday", "--today 'yesterday' is not a date", 1},
        {"list", "--manager NOPE", "no manager has the code 'NOPE'", 1},
    };
    for (const auto& c : cases) {
        r = accounts(c.sub, c.args);
        EXPECT_EQ(r.code, c.code) << c.sub << ' ' << c.args << '\n' << r.err;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << c.sub << ' ' << c.args << '\n' << r.err;
        EXPECT_EQ(planRows(), before) << c.sub << ' ' << c.args;
    }
    // A workbook that was never analysed has no lifetime values.
    const auto fresh = s_dir->file("fresh.cwb");
    ASSERT_EQ(run("new -w " + shellQuote(fresh)).code, 0);
    r = run("accounts create -w " + shellQuote(fresh) + " --title t --top 5");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("clienting analyze"), std::string::npos) << r.err;
}

}  // namespace
