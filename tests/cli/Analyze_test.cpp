// The analysis commands end to end on a committed slice of UCI Online Retail: analyze, then the
// matrices against an independent SQL computation over what analyze stored, the drill-down,
// segmentations and the model report.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "CliRunner.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

using namespace cw;
using cw::test::runCli;
using cw::test::shellQuote;
using cw::test::TempDir;

namespace {

class AnalyzeCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        s_wb = s_dir->file("retail.cwb");
        ASSERT_EQ(run("new -w " + shellQuote(s_wb)).code, 0);
        ASSERT_EQ(run("import -q -w " + shellQuote(s_wb) + " --profile online-retail " +
                      shellQuote(cw::test::testData("online_retail_slice.csv")))
                      .code,
                  0);
        auto r = run("analyze -q --json -w " + shellQuote(s_wb));
        ASSERT_EQ(r.code, 0) << r.err;
        s_summary = new nlohmann::json(nlohmann::json::parse(r.out));
    }
    static void TearDownTestSuite() {
        delete s_summary;
        delete s_dir;
    }
    static cw::test::CliResult run(const std::string& args) { return runCli(args, s_dir->file("stderr.txt")); }
    static std::int64_t sqlInt(const std::string& sql) {
        auto wb = store::Workbook::open(s_wb, store::Workbook::OpenMode::ReadOnly);
        EXPECT_TRUE(wb.ok());
        return wb->db().queryInt(sql).value_or(-1);
    }
    static double sqlReal(const std::string& sql) {
        auto wb = store::Workbook::open(s_wb, store::Workbook::OpenMode::ReadOnly);
        auto st = wb->db().prepare(sql);
        EXPECT_TRUE(st.ok()) << sql;
        EXPECT_TRUE(st->step());
        return st->real(0);
    }
    // The median of a column over the customers with both axis values, straight in SQL.
    static double sqlMedian(const std::string& col, const std::string& where) {
        const auto n = sqlInt("SELECT count(*) FROM customer_metrics WHERE " + where);
        const std::string sub = "SELECT " + col + " AS v FROM customer_metrics WHERE " + where + " ORDER BY v LIMIT " +
                                std::to_string(2 - n % 2) + " OFFSET " + std::to_string((n - 1) / 2);
        return sqlReal("SELECT avg(v) FROM (" + sub + ")");
    }
    static TempDir* s_dir;
    static std::string s_wb;
    static nlohmann::json* s_summary;
};
TempDir* AnalyzeCli::s_dir = nullptr;
std::string AnalyzeCli::s_wb;
nlohmann::json* AnalyzeCli::s_summary = nullptr;

TEST_F(AnalyzeCli, SummaryCountsMatchTheStoredMetrics) {
    const auto& c = (*s_summary)["customers"];
    EXPECT_EQ(c["total"].get<std::int64_t>(), sqlInt("SELECT count(*) FROM customers"));
    EXPECT_EQ(c["active"].get<std::int64_t>(), sqlInt("SELECT count(*) FROM customer_metrics WHERE active = 1"));
    EXPECT_EQ(c["exited"].get<std::int64_t>(), sqlInt("SELECT count(*) FROM customer_metrics WHERE exited = 1"));
    EXPECT_EQ(sqlInt("SELECT count(*) FROM analysis_runs WHERE finished_at IS NOT NULL"), 1);
}

TEST_F(AnalyzeCli, QuadrantCountsMatchAnIndependentSqlComputation) {
    struct Axis {
        std::string matrix, x, y;
    };
    for (const auto& m : {Axis{"profitability-potential", "margin", "potential"},
                          Axis{"profitability-loyalty", "margin", "loyalty"},
                          Axis{"profitability-satisfaction", "margin", "satisfaction"},
                          Axis{"satisfaction-loyalty", "satisfaction", "loyalty"}}) {
        auto r = run("matrix " + m.matrix + " --format json -w " + shellQuote(s_wb));
        ASSERT_EQ(r.code, 0) << r.err;
        const auto j = nlohmann::json::parse(r.out);
        const std::string both = m.x + " IS NOT NULL AND " + m.y + " IS NOT NULL";
        const auto plotted = sqlInt("SELECT count(*) FROM customer_metrics WHERE " + both);
        const auto customers = sqlInt("SELECT count(*) FROM customers");
        EXPECT_EQ(j["insufficient_data"].get<std::int64_t>(), customers - plotted) << m.matrix;
        std::int64_t sum = 0;
        for (const auto& q : j["quadrants"]) sum += q["count"].get<std::int64_t>();
        EXPECT_EQ(sum, plotted) << m.matrix << ": no customer may be lost";
        if (plotted == 0) continue;
        const double mx = sqlMedian(m.x, both), my = sqlMedian(m.y, both);
        EXPECT_NEAR(j["thresholds"]["x"]["value"].get<double>(), mx, 1e-9 * (1 + std::fabs(mx)));
        EXPECT_NEAR(j["thresholds"]["y"]["value"].get<double>(), my, 1e-9 * (1 + std::fabs(my)));
        // Quadrants in SQL with the thresholds as printed (JSON keeps every digit).
        const std::string tx = nlohmann::json(j["thresholds"]["x"]["value"]).dump();
        const std::string ty = nlohmann::json(j["thresholds"]["y"]["value"]).dump();
        const std::int64_t expected[4] = {
            sqlInt("SELECT count(*) FROM customer_metrics WHERE " + both + " AND " + m.x + " >= " + tx + " AND " + m.y + " >= " + ty),
            sqlInt("SELECT count(*) FROM customer_metrics WHERE " + both + " AND " + m.x + " >= " + tx + " AND " + m.y + " < " + ty),
            sqlInt("SELECT count(*) FROM customer_metrics WHERE " + both + " AND " + m.x + " < " + tx + " AND " + m.y + " >= " + ty),
            sqlInt("SELECT count(*) FROM customer_metrics WHERE " + both + " AND " + m.x + " < " + tx + " AND " + m.y + " < " + ty)};
        for (int q = 0; q < 4; ++q)
            EXPECT_EQ(j["quadrants"][std::size_t(q)]["count"].get<std::int64_t>(), expected[q]) << m.matrix << " quadrant " << q;
    }
}

TEST_F(AnalyzeCli, ByRegionGroupsSumToTheTotal) {
    auto r = run("matrix profitability-loyalty --by region --format json -w " + shellQuote(s_wb));
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    std::int64_t total = 0;
    for (const auto& g : j["groups"]) {
        for (const auto& q : g["quadrants"]) total += q["count"].get<std::int64_t>();
        total += g["insufficient_data"].get<std::int64_t>();
    }
    EXPECT_EQ(total, sqlInt("SELECT count(*) FROM customers"));
    EXPECT_EQ(r.out.find("nan"), std::string::npos);
}

TEST_F(AnalyzeCli, PointsListEveryCustomerWithItsQuadrantAndAgreeWithTheCounts) {
    auto r = run("matrix profitability-loyalty --points --format json -w " + shellQuote(s_wb));
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(static_cast<std::int64_t>(j["points"].size()), sqlInt("SELECT count(*) FROM customers"));
    std::map<std::string, std::int64_t> perQuadrant;
    for (const auto& p : j["points"]) {
        ++perQuadrant[p["quadrant"].get<std::string>()];
        // x and y are the stored metrics of the customer with that code.
        if (!p["x"].is_null())
            EXPECT_NEAR(p["x"].get<double>(),
                        sqlReal("SELECT m.margin FROM customer_metrics m JOIN customers c ON c.id = m.customer_id "
                                "WHERE c.code = '" + p["code"].get<std::string>() + "'"),
                        1e-9);
    }
    for (const auto& q : j["quadrants"]) EXPECT_EQ(perQuadrant[q["name"].get<std::string>()], q["count"].get<std::int64_t>());
    EXPECT_EQ(perQuadrant["insufficient data"], j["insufficient_data"].get<std::int64_t>());
    auto csv = run("matrix profitability-loyalty --points --format csv -w " + shellQuote(s_wb));
    EXPECT_EQ(csv.out.rfind("customer_id,code,x,y,quadrant,position\n", 0), 0u);
    EXPECT_EQ(static_cast<std::int64_t>(std::count(csv.out.begin(), csv.out.end(), '\n')) - 1,
              sqlInt("SELECT count(*) FROM customers"));
}

TEST_F(AnalyzeCli, MatricesSayWhatTheirFiguresRestOn) {
    // Online Retail has no costs: profitability is the assumed gross margin, and says so.
    const auto& data = (*s_summary)["data_notes"];
    EXPECT_DOUBLE_EQ(data["assumed_cost_share"].get<double>(), 1.0);
    bool said = false;
    for (const auto& w : (*s_summary)["warnings"]) said |= w.get<std::string>().find("gross margin of 30 %") != std::string::npos;
    EXPECT_TRUE(said) << (*s_summary)["warnings"];
    auto r = run("matrix profitability-loyalty --format json -w " + shellQuote(s_wb));
    ASSERT_EQ(r.code, 0);
    auto table = run("matrix profitability-loyalty -w " + shellQuote(s_wb));
    EXPECT_NE(table.out.find("warning: profitability assumes a gross margin of 30 % on 100 % of the revenue"),
              std::string::npos)
        << table.out;
    // The satisfaction-loyalty matrix has no profitability axis: no such note.
    table = run("matrix satisfaction-loyalty -w " + shellQuote(s_wb));
    EXPECT_EQ(table.out.find("gross margin"), std::string::npos) << table.out;
    // The potential axis says which method computed it.
    table = run("matrix profitability-potential -w " + shellQuote(s_wb));
    EXPECT_NE(table.out.find("Potential (expected margin not yet captured)"), std::string::npos) << table.out;
}

TEST(AnalyzeCliNotes, CustomersWhoBoughtOnceHaveALoyaltyIndexThatSaysSo) {
    TempDir dir;
    std::string csv = "customer_id,date,revenue\n";
    for (int i = 0; i < 60; ++i) csv += "C" + std::to_string(i) + ",2024-0" + std::to_string(1 + i % 9) + "-10,10\n";
    const auto file = dir.write("once.csv", csv);
    const auto wb = dir.file("w.cwb");
    const auto err = dir.file("e");
    ASSERT_EQ(runCli("new -w " + shellQuote(wb), err).code, 0);
    ASSERT_EQ(runCli("import -q -w " + shellQuote(wb) + " " + shellQuote(file), err).code, 0);
    auto r = runCli("analyze -q -w " + shellQuote(wb), err);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("only 0 of 60 customers bought on more than one day"), std::string::npos) << r.out;
    r = runCli("matrix profitability-loyalty -w " + shellQuote(wb), err);
    EXPECT_NE(r.out.find("warning: only 0 of 60 customers bought on more than one day"), std::string::npos) << r.out;
    r = runCli("analyze -q --potential wallet -w " + shellQuote(wb), err);
    r = runCli("matrix profitability-potential -w " + shellQuote(wb), err);
    EXPECT_NE(r.out.find("Potential (wallet not yet captured)"), std::string::npos) << r.out;
}

TEST(AnalyzeCliNotes, SurveyAnswersAfterTheAnalysisDayAreCountedAndNamed) {
    TempDir dir;
    std::string sales = "customer_id,date,revenue\n", survey = "customer_id,date,overall\n";
    for (int i = 0; i < 40; ++i) {
        sales += "C" + std::to_string(i) + ",2024-0" + std::to_string(1 + i % 6) + "-10,10\n";
        sales += "C" + std::to_string(i) + ",2024-06-2" + std::to_string(i % 8) + ",12\n";
        // Half the answers come after the last purchase day (2024-06-27).
        survey += "C" + std::to_string(i) + "," + (i % 2 ? "2024-07-15" : "2024-05-15") + "," + std::to_string(1 + i % 10) + "\n";
    }
    const auto wb = dir.file("w.cwb");
    const auto err = dir.file("e");
    ASSERT_EQ(runCli("new -w " + shellQuote(wb), err).code, 0);
    ASSERT_EQ(runCli("import -q -w " + shellQuote(wb) + " " + shellQuote(dir.write("s.csv", sales)), err).code, 0);
    auto r = runCli("import -q -w " + shellQuote(wb) + " --table survey --overall-scale 1-10 " +
                        shellQuote(dir.write("v.csv", survey)),
                    err);
    ASSERT_EQ(r.code, 0) << r.err;
    r = runCli("analyze -q -w " + shellQuote(wb), err);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("20 survey answers are dated after the analysis day 2024-06-27"), std::string::npos) << r.out;
    r = runCli("matrix profitability-satisfaction -w " + shellQuote(wb), err);
    EXPECT_NE(r.out.find("insufficient data: 20 without satisfaction"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("warning: 20 survey answers are dated after"), std::string::npos) << r.out;
    r = runCli("matrix profitability-satisfaction --format json -w " + shellQuote(wb), err);
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["insufficient_reasons"]["no_y"].get<int>(), 20);
}

TEST_F(AnalyzeCli, DrillDownListsTheCustomersOfAQuadrant) {
    auto m = nlohmann::json::parse(run("matrix profitability-loyalty --format json -w " + shellQuote(s_wb)).out);
    auto r = run("customers --matrix profitability-loyalty --quadrant butterflies --format json -w " + shellQuote(s_wb));
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    const auto& rows = j.is_array() ? j : j["customers"];
    EXPECT_EQ(static_cast<std::int64_t>(rows.size()), m["quadrants"][1]["count"].get<std::int64_t>());
}

TEST_F(AnalyzeCli, SegmentationsAreStoredAndRerunByAnalyze) {
    auto r = run("segment --name tiers --method rules --activate -w " + shellQuote(s_wb));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(sqlInt("SELECT count(*) FROM customer_segments"), sqlInt("SELECT count(*) FROM customer_metrics"));
    ASSERT_EQ(run("analyze -q -w " + shellQuote(s_wb)).code, 0);
    EXPECT_EQ(sqlInt("SELECT count(*) FROM segmentations"), 1);
    EXPECT_EQ(sqlInt("SELECT count(*) FROM customer_segments"), sqlInt("SELECT count(*) FROM customer_metrics"));
    auto by = run("matrix profitability-potential --by segment --format json -w " + shellQuote(s_wb));
    ASSERT_EQ(by.code, 0) << by.err;
    EXPECT_GE(nlohmann::json::parse(by.out)["groups"].size(), 2u);
    EXPECT_EQ(run("segment --name bad --method score --weights nonsense=1 -w " + shellQuote(s_wb)).code, 1);
}

TEST_F(AnalyzeCli, ModelReportFollowsTheJsonContract) {
    auto r = run("model --json -w " + shellQuote(s_wb));
    const auto j = nlohmann::json::parse(r.out);
    for (const char* k : {"r", "alpha", "a", "b", "loglik", "converged", "customers"}) EXPECT_TRUE(j["bgnbd"].contains(k)) << k;
    for (const char* k : {"p", "q", "gamma", "converged"}) EXPECT_TRUE(j["gamma_gamma"].contains(k)) << k;
    EXPECT_EQ(r.code, j["bgnbd"]["converged"].get<bool>() && j["gamma_gamma"]["converged"].get<bool>() ? 0 : 2);
}

TEST(AnalyzeCliSettings, TheModelsTimeUnitAndCalibrationEndAreAnalysisSettingsThatModelFollows) {
    TempDir dir;
    const auto wb = dir.file("w.cwb");
    const auto err = dir.file("e");
    ASSERT_EQ(runCli("new -w " + shellQuote(wb), err).code, 0);
    ASSERT_EQ(runCli("import -q -w " + shellQuote(wb) + " --profile online-retail " +
                         shellQuote(cw::test::testData("online_retail_slice.csv")),
                     err)
                  .code,
              0);
    auto r = runCli("settings -w " + shellQuote(wb) + " --set time_unit=days --set calibration_end=2011-09-30", err);
    ASSERT_EQ(r.code, 0) << r.err;
    r = runCli("analyze -q --json -w " + shellQuote(wb), err);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto fitted = nlohmann::json::parse(r.out)["models"]["bgnbd"];
    EXPECT_EQ(fitted["time_unit"], "days");
    EXPECT_EQ(fitted["calibration_end"], "2011-09-30");
    // `model` follows the settings and fits exactly what analyze fitted.
    r = runCli("model --json -w " + shellQuote(wb), err);
    const auto model = nlohmann::json::parse(r.out);
    EXPECT_EQ(model["summary"]["time_unit"], "days");
    EXPECT_EQ(model["summary"]["calibration_end"], "2011-09-30");
    for (const char* k : {"r", "alpha", "a", "b", "loglik"})
        if (!fitted[k].is_null()) EXPECT_DOUBLE_EQ(model["bgnbd"][k].get<double>(), fitted[k].get<double>()) << k;
    EXPECT_EQ(model["bgnbd"]["customers"], fitted["customers"]);
    // Its options override them.
    r = runCli("model --json --time-unit weeks -w " + shellQuote(wb), err);
    EXPECT_EQ(nlohmann::json::parse(r.out)["summary"]["time_unit"], "weeks");
    // A unit that does not exist is refused and changes nothing.
    r = runCli("settings -w " + shellQuote(wb) + " --set time_unit=fortnights", err);
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("time_unit 'fortnights' is not days, weeks or months"), std::string::npos) << r.err;
}

TEST(AnalyzeCliSettings, ChangedDefinitionsAreStoredAndBadOnesLeaveThemAlone) {
    TempDir dir;
    const auto wb = dir.file("w.cwb");
    auto cli = [&](const std::string& args) { return runCli(args + " -w " + shellQuote(wb), dir.file("e")); };
    ASSERT_EQ(runCli("new -w " + shellQuote(wb), dir.file("e")).code, 0);
    ASSERT_EQ(cli("settings --set window_months=6 --set loyalty_weights.recommend=2.5").code, 0);
    auto j = nlohmann::json::parse(cli("settings --json").out);
    EXPECT_EQ(j["window_months"].get<int>(), 6);
    EXPECT_DOUBLE_EQ(j["loyalty_weights"]["recommend"].get<double>(), 2.5);
    EXPECT_EQ(cli("settings --set window_months=0").code, 1);
    EXPECT_EQ(cli("settings --set no_such_key=1").code, 1);
    EXPECT_EQ(nlohmann::json::parse(cli("settings --json").out)["window_months"].get<int>(), 6) << "a refused change stores nothing";
}

// The currency labels money axes at once (no new analysis needed); a control character is
// refused and nothing changes.
TEST_F(AnalyzeCli, TheCurrencySettingLabelsMoneyAxesAndBadOnesAreRefused) {
    auto text = run("matrix profitability-loyalty -w " + shellQuote(s_wb)).out;
    EXPECT_NE(text.find("[margin, currency]"), std::string::npos) << text;
    ASSERT_EQ(run("settings --set currency=£ -w " + shellQuote(s_wb)).code, 0);
    text = run("matrix profitability-loyalty -w " + shellQuote(s_wb)).out;
    EXPECT_NE(text.find("[margin, £]"), std::string::npos) << text;
    EXPECT_NE(text.find("[loyalty, 0-100]"), std::string::npos) << "other units stay" << text;
    auto j = nlohmann::json::parse(run("matrix profitability-loyalty --format json -w " + shellQuote(s_wb)).out);
    EXPECT_EQ(j["currency"], "£");
    EXPECT_EQ(j["x"]["unit"], "currency") << "the unit's kind stays machine-readable";
    const auto bad = run("settings --set \"currency=$(printf 'a\\001b')\" -w " + shellQuote(s_wb));
    EXPECT_EQ(bad.code, 1) << bad.err;
    EXPECT_NE(bad.err.find("currency must be printable text"), std::string::npos) << bad.err;
    EXPECT_EQ(nlohmann::json::parse(run("settings --json -w " + shellQuote(s_wb)).out)["currency"], "£");
    ASSERT_EQ(run("settings --set currency= -w " + shellQuote(s_wb)).code, 0);
}

TEST(AnalyzeCliErrors, MatricesBeforeAnalyzeSayWhatToDo) {
    TempDir dir;
    const auto wb = dir.file("w.cwb");
    ASSERT_EQ(runCli("new -w " + shellQuote(wb), dir.file("e")).code, 0);
    auto r = runCli("matrix profitability-loyalty -w " + shellQuote(wb), dir.file("e"));
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("clienting analyze"), std::string::npos) << r.err;
    auto a = runCli("analyze -w " + shellQuote(wb), dir.file("e"));
    EXPECT_EQ(a.code, 2);
    EXPECT_NE(a.err.find("import transactions"), std::string::npos) << a.err;
}

}  // namespace
