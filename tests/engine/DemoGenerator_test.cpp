// The demo generator: deterministic, referentially sane, and its planted truth
// (churn, shrink, skew, attribute weights) is really visible in the data.
#include "engine/DemoGenerator.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>
#include <vector>

#include <unistd.h>

#include "core/CivilTime.h"
#include "store/Audit.h"
#include "store/Workbook.h"
#include "support/SuiteTempDir.h"

namespace fs = std::filesystem;
using cw::engine::DemoOptions;
using cw::engine::DemoSummary;
using cw::engine::generateDemo;
using cw::store::Workbook;

namespace {

using TempDirEnvironment = cw::test::SuiteTempDir;
[[maybe_unused]] auto* const g_tempDir = ::testing::AddGlobalTestEnvironment(new TempDirEnvironment);

fs::path tempDir() {
    return TempDirEnvironment::dir();
}

Workbook newWorkbook(const std::string& name) {
    auto path = (tempDir() / name).string();
    fs::remove(path);
    fs::remove(path + "-wal");
    fs::remove(path + "-shm");
    auto wb = Workbook::create(path);
    EXPECT_TRUE(wb.ok()) << (wb.ok() ? "" : wb.error().describe());
    return std::move(wb).value();
}

std::int64_t count(Workbook& wb, const std::string& sql) {
    return wb.db().queryInt(sql).value_or(-1);
}

// Every data table, in a fixed order, as text; the import timestamps are left out.
std::uint64_t dumpHash(Workbook& wb) {
    static const char* queries[] = {
        "SELECT id, file, table_name, content_hash, records, loaded, details FROM imports",
        "SELECT * FROM managers ORDER BY id",
        "SELECT * FROM customers ORDER BY id",
        "SELECT * FROM transactions ORDER BY id",
        "SELECT * FROM service_attributes ORDER BY id",
        "SELECT * FROM survey_responses ORDER BY id",
        "SELECT * FROM survey_scores ORDER BY response_id, attribute_id",
        "SELECT * FROM cost_to_serve ORDER BY id",
        "SELECT * FROM notes ORDER BY id",
        "SELECT * FROM demo_truth ORDER BY customer_id",
        "SELECT * FROM settings ORDER BY key"};
    std::uint64_t h = 1469598103934665603ull;
    auto feed = [&h](std::string_view s) {
        for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull;
    };
    for (const char* q : queries) {
        auto st = wb.db().prepareOrThrow(q);
        while (st.step())
            for (int c = 0; c < st.columnCount(); ++c) feed(st.isNull(c) ? "\x01NULL" : st.text(c));
    }
    return h;
}

std::int64_t dayOf(const std::string& iso) {
    int y = std::stoi(iso.substr(0, 4));
    unsigned m = std::stoul(iso.substr(5, 2)), d = std::stoul(iso.substr(8, 2));
    return cw::daysFromCivil(y, m, d);
}

// First day `months` before the day after `end`, as the generator counts windows.
std::int64_t monthsBefore(std::int64_t endDay, int months) {
    int y;
    unsigned m, d;
    cw::civilFromDays(endDay + 1, y, m, d);
    int total = y * 12 + int(m) - 1 - months;
    y = total / 12;
    m = unsigned(total - y * 12 + 1);
    while (!cw::isValidDate(y, m, d)) --d;
    return cw::daysFromCivil(y, m, d);
}

// Least squares by the normal equations (fine for a dozen well-scaled predictors).
std::vector<double> ols(const std::vector<std::vector<double>>& x, const std::vector<double>& y) {
    const std::size_t k = x.front().size() + 1;
    std::vector<std::vector<double>> a(k, std::vector<double>(k + 1, 0.0));
    for (std::size_t i = 0; i < x.size(); ++i) {
        std::vector<double> row{1.0};
        row.insert(row.end(), x[i].begin(), x[i].end());
        for (std::size_t r = 0; r < k; ++r) {
            for (std::size_t c = 0; c < k; ++c) a[r][c] += row[r] * row[c];
            a[r][k] += row[r] * y[i];
        }
    }
    for (std::size_t p = 0; p < k; ++p) {
        std::size_t best = p;
        for (std::size_t r = p + 1; r < k; ++r)
            if (std::abs(a[r][p]) > std::abs(a[best][p])) best = r;
        std::swap(a[p], a[best]);
        for (std::size_t r = 0; r < k; ++r) {
            if (r == p) continue;
            const double f = a[r][p] / a[p][p];
            for (std::size_t c = p; c <= k; ++c) a[r][c] -= f * a[p][c];
        }
    }
    std::vector<double> b(k);
    for (std::size_t p = 0; p < k; ++p) b[p] = a[p][k] / a[p][p];
    return {b.begin() + 1, b.end()};  // without the intercept
}

std::vector<double> ranks(const std::vector<double>& v) {
    std::vector<std::size_t> idx(v.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](auto a, auto b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t i = 0; i < idx.size(); ++i) r[idx[i]] = double(i);
    return r;
}

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
    auto ra = ranks(a), rb = ranks(b);
    double d2 = 0;
    for (std::size_t i = 0; i < ra.size(); ++i) d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
    const double n = double(ra.size());
    return 1.0 - 6.0 * d2 / (n * (n * n - 1.0));
}

class DemoGeneratorTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_options.customers = 4000;
        s_options.seed = 20251231;
        s_options.surveyShare = 0.6;
        s_wb = new Workbook(newWorkbook("shared.cwb"));
        auto r = generateDemo(*s_wb, s_options);
        ASSERT_TRUE(r.ok()) << r.error().describe();
        s_summary = r.value();
    }
    static void TearDownTestSuite() {
        delete s_wb;
        s_wb = nullptr;
    }
    static Workbook& wb() { return *s_wb; }

    static inline Workbook* s_wb = nullptr;
    static inline DemoOptions s_options;
    static inline DemoSummary s_summary;
};

}  // namespace

TEST(DemoOptionsTest, ValidateChecksRanges) {
    DemoOptions o;
    EXPECT_TRUE(o.validate().ok());
    auto bad = [](auto edit) {
        DemoOptions x;
        edit(x);
        auto st = x.validate();
        return !st.ok() && st.error().kind == cw::ErrorKind::Usage;
    };
    EXPECT_TRUE(bad([](DemoOptions& x) { x.customers = 9; }));
    EXPECT_TRUE(bad([](DemoOptions& x) { x.customers = 2000001; }));
    EXPECT_TRUE(bad([](DemoOptions& x) { x.attributes = 7; }));
    EXPECT_TRUE(bad([](DemoOptions& x) { x.attributes = 13; }));
    EXPECT_TRUE(bad([](DemoOptions& x) { x.months = 11; }));
    EXPECT_TRUE(bad([](DemoOptions& x) { x.months = 121; }));
    EXPECT_TRUE(bad([](DemoOptions& x) { x.endDate = "2025-02-30"; }));
    EXPECT_TRUE(bad([](DemoOptions& x) { x.endDate = "31/12/2025"; }));
    EXPECT_TRUE(bad([](DemoOptions& x) { x.surveyShare = 1.5; }));
}

TEST(DemoDeterminismTest, SameSeedSameWorkbookOtherSeedOther) {
    DemoOptions o;
    o.customers = 300;
    o.seed = 7;
    auto a = newWorkbook("det_a.cwb"), b = newWorkbook("det_b.cwb"), c = newWorkbook("det_c.cwb");
    ASSERT_TRUE(generateDemo(a, o).ok());
    ASSERT_TRUE(generateDemo(b, o).ok());
    o.seed = 8;
    ASSERT_TRUE(generateDemo(c, o).ok());
    EXPECT_EQ(dumpHash(a), dumpHash(b));
    EXPECT_NE(dumpHash(a), dumpHash(c));
}

TEST(DemoCancelTest, CancelLeavesTheWorkbookEmpty) {
    auto wb = newWorkbook("cancel.cwb");
    DemoOptions o;
    o.customers = 3000;
    int calls = 0;
    auto r = generateDemo(
        wb, o, [&](const cw::ProgressInfo& p) { return !(p.phase == "writing" && ++calls == 2); });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, cw::ErrorKind::Cancelled);
    for (const auto& [table, n] : wb.tableCounts()) EXPECT_EQ(n, 0) << table;
    EXPECT_EQ(count(wb, "SELECT count(*) FROM imports"), 0);
    EXPECT_EQ(count(wb, "SELECT count(*) FROM settings"), 0);
    // …and the workbook is still usable.
    o.customers = 50;
    EXPECT_TRUE(generateDemo(wb, o).ok());
}

TEST_F(DemoGeneratorTest, RefusesAWorkbookWithCustomers) {
    auto r = generateDemo(wb(), s_options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, cw::ErrorKind::Usage);
}

TEST_F(DemoGeneratorTest, CountsMatchTheSummary) {
    auto n = wb().tableCounts();
    EXPECT_EQ(n["customers"], s_options.customers);
    EXPECT_EQ(s_summary.customers, s_options.customers);
    EXPECT_EQ(n["managers"], s_summary.managers);
    EXPECT_EQ(n["transactions"], s_summary.transactions);
    EXPECT_EQ(n["survey_responses"], s_summary.surveyResponses);
    EXPECT_EQ(n["notes"], s_summary.notes);
    EXPECT_EQ(n["service_attributes"], s_options.attributes);
    EXPECT_EQ(n["survey_scores"], s_summary.surveyResponses * s_options.attributes);
    EXPECT_EQ(n["cost_to_serve"], 5);
    EXPECT_GT(s_summary.notes, 0);
    EXPECT_EQ(count(wb(), "SELECT count(*) FROM demo_truth"), s_options.customers);
    EXPECT_EQ(count(wb(), "SELECT sum(churner) FROM demo_truth"), s_summary.churners);
    EXPECT_EQ(count(wb(), "SELECT sum(shrinking) FROM demo_truth"), s_summary.shrinking);
    EXPECT_EQ(count(wb(), "SELECT count(DISTINCT segment) FROM demo_truth"), 4);
    EXPECT_EQ(count(wb(),
                    "SELECT count(*) FROM imports WHERE table_name='demo' AND "
                    "file='<generated>' AND content_hash='demo:20251231:4000'"),
              1);
    EXPECT_EQ(count(wb(),
                    "SELECT count(*) FROM customers WHERE segment IS NOT NULL OR "
                    "origin<>'file' OR name IS NULL OR acquisition_date IS NULL"),
              0);
    EXPECT_EQ(count(wb(), "SELECT count(DISTINCT channel) FROM customers"), 5);
    EXPECT_GT(count(wb(), "SELECT count(*) FROM transactions WHERE kind=1 AND revenue<0"), 0);
    EXPECT_EQ(count(wb(), "SELECT count(*) FROM transactions WHERE kind=1 AND revenue>=0"), 0);
    EXPECT_EQ(count(wb(),
                    "SELECT count(*) FROM transactions WHERE kind=0 AND (revenue<=0 OR "
                    "unit_price<=0 OR quantity<=0 OR cost IS NULL OR product IS NULL)"),
              0);
    // Every customer buys at least once.
    EXPECT_EQ(count(wb(),
                    "SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM "
                    "transactions t WHERE t.customer_id=c.id)"),
              0);
}

TEST_F(DemoGeneratorTest, HierarchyIsCompanyRegionsManagers) {
    EXPECT_EQ(count(wb(), "SELECT count(*) FROM managers WHERE parent_id IS NULL"), 1);
    const auto regions = count(wb(), "SELECT count(*) FROM managers WHERE level='region'");
    EXPECT_GE(regions, 4);
    EXPECT_LE(regions, 6);
    EXPECT_EQ(count(wb(),
                    "SELECT count(*) FROM managers m JOIN managers p ON p.id=m.parent_id "
                    "WHERE m.level='region' AND p.parent_id IS NULL"),
              regions);
    // Depth 3: every commercial manager sits under a region head of the same region.
    EXPECT_EQ(count(wb(),
                    "SELECT count(*) FROM managers m JOIN managers p ON p.id=m.parent_id "
                    "JOIN managers r ON r.id=p.parent_id WHERE m.level='manager' AND "
                    "p.level='region' AND p.region=m.region AND r.parent_id IS NULL"),
              count(wb(), "SELECT count(*) FROM managers WHERE level='manager'"));
    // Customers belong to leaf managers of their own region.
    EXPECT_EQ(count(wb(),
                    "SELECT count(*) FROM customers c JOIN managers m ON m.id=c.manager_id "
                    "WHERE m.region=c.region AND NOT EXISTS (SELECT 1 FROM managers k "
                    "WHERE k.parent_id=m.id)"),
              s_options.customers);
    const double perManager =
        double(s_options.customers) /
        double(count(wb(), "SELECT count(*) FROM managers WHERE level='manager'"));
    EXPECT_GE(perManager, 35.0);
    EXPECT_LE(perManager, 90.0);
}

TEST_F(DemoGeneratorTest, ChurnersStopBuyingAndOthersDoNot) {
    const std::int64_t end = dayOf(s_options.endDate);
    const std::int64_t recent = monthsBefore(end, 6) * 86400;
    const double share = double(s_summary.churners) / s_options.customers;
    EXPECT_GE(share, 0.20);
    EXPECT_LE(share, 0.30);
    auto st = wb().db().prepareOrThrow(
        "SELECT d.churner, count(*) FROM demo_truth d WHERE EXISTS (SELECT 1 FROM transactions t "
        "WHERE t.customer_id=d.customer_id AND t.kind=0 AND t.ts>=?) GROUP BY d.churner");
    st.bind(1, recent);
    std::map<std::int64_t, std::int64_t> buyingRecently;
    while (st.step()) buyingRecently[st.int64(0)] = st.int64(1);
    EXPECT_EQ(buyingRecently[1], 0);
    EXPECT_EQ(buyingRecently[0], s_options.customers - s_summary.churners);
    auto any = wb().db().prepareOrThrow(
        "SELECT count(*) FROM transactions t JOIN demo_truth d ON d.customer_id=t.customer_id "
        "WHERE d.churner=1 AND t.ts>=?");
    any.bind(1, recent);
    ASSERT_TRUE(any.step());
    EXPECT_EQ(any.int64(0), 0);  // no returns either
    EXPECT_EQ(count(wb(), "SELECT max(ts) FROM transactions") / 86400, end);
}

TEST_F(DemoGeneratorTest, ShrinkersBuyLessButStillBuy) {
    const std::int64_t end = dayOf(s_options.endDate);
    const double survivors = double(s_options.customers - s_summary.churners);
    EXPECT_GE(s_summary.shrinking / survivors, 0.10);
    EXPECT_LE(s_summary.shrinking / survivors, 0.15);
    auto st = wb().db().prepareOrThrow(
        "SELECT d.customer_id, sum(CASE WHEN t.ts>=?2 THEN t.revenue ELSE 0 END), "
        "sum(CASE WHEN t.ts<?2 THEN t.revenue ELSE 0 END) FROM demo_truth d JOIN transactions t "
        "ON t.customer_id=d.customer_id AND t.ts>=?1 WHERE d.shrinking=1 GROUP BY d.customer_id");
    st.bind(1, monthsBefore(end, 12) * 86400).bind(2, monthsBefore(end, 6) * 86400);
    int n = 0;
    while (st.step()) {
        ++n;
        EXPECT_GT(st.real(1), 0.0) << "customer " << st.int64(0);
        EXPECT_LE(st.real(1), 0.6 * st.real(2)) << "customer " << st.int64(0);
    }
    EXPECT_EQ(n, s_summary.shrinking);
}

TEST_F(DemoGeneratorTest, RevenueIsConcentrated) {
    std::vector<double> revenue;
    auto st = wb().db().prepareOrThrow(
        "SELECT sum(revenue) FROM transactions GROUP BY customer_id ORDER BY 1 DESC");
    while (st.step()) revenue.push_back(st.real(0));
    const double total = std::accumulate(revenue.begin(), revenue.end(), 0.0);
    const double top = std::accumulate(revenue.begin(), revenue.begin() + revenue.size() / 5, 0.0);
    EXPECT_GE(top / total, 0.6);
    EXPECT_LE(top / total, 0.9);
    // Margins are positive on the whole, and differ by category.
    EXPECT_GT(count(wb(), "SELECT sum(revenue-cost) > 0 FROM transactions"), 0);
    EXPECT_EQ(count(wb(), "SELECT count(DISTINCT category) FROM transactions"), 8);
}

TEST_F(DemoGeneratorTest, SurveyScalesAndShares) {
    EXPECT_EQ(count(wb(),
                    "SELECT count(*) FROM survey_scores WHERE score<1 OR score>5 OR "
                    "importance<1 OR importance>5"),
              0);
    EXPECT_EQ(count(wb(),
                    "SELECT count(*) FROM survey_responses WHERE overall<1 OR overall>10 OR "
                    "satisfaction<0 OR satisfaction>100 OR recommend<0 OR recommend>10 OR "
                    "repurchase<0 OR repurchase>100 OR ts IS NULL OR customer_id IS NULL"),
              0);
    EXPECT_EQ(count(wb(),
                    "SELECT count(*) FROM survey_responses WHERE "
                    "abs(satisfaction - (overall-1)/9.0*100) > 0.01"),
              0);
    EXPECT_LE(count(wb(),
                    "SELECT max(n) FROM (SELECT count(*) n FROM survey_responses GROUP BY "
                    "customer_id)"),
              3);
    const double respondents =
        double(count(wb(), "SELECT count(DISTINCT customer_id) FROM survey_responses"));
    EXPECT_NEAR(respondents / s_options.customers, s_options.surveyShare, 0.05);
    // Churners were less satisfied.
    auto st = wb().db().prepareOrThrow(
        "SELECT d.churner, avg(r.satisfaction), avg(r.recommend) FROM survey_responses r JOIN "
        "demo_truth d ON d.customer_id=r.customer_id GROUP BY d.churner ORDER BY d.churner");
    ASSERT_TRUE(st.step());
    const double stayers = st.real(1), stayersRecommend = st.real(2);
    ASSERT_TRUE(st.step());
    EXPECT_LT(st.real(1), stayers - 5.0);
    EXPECT_LT(st.real(2), stayersRecommend);
}

TEST_F(DemoGeneratorTest, RegressionRecoversThePlantedWeightOrder) {
    auto stored = wb().setting("demo.planted_attribute_weights");
    ASSERT_TRUE(stored.has_value());
    auto planted = nlohmann::json::parse(*stored);
    ASSERT_EQ(planted.size(), std::size_t(s_options.attributes));

    std::vector<std::string> names;
    std::vector<double> truth;
    auto attrs = wb().db().prepareOrThrow("SELECT name FROM service_attributes ORDER BY id");
    while (attrs.step()) {
        names.push_back(attrs.text(0));
        truth.push_back(planted.at(names.back()).get<double>());
    }
    EXPECT_NEAR(std::accumulate(truth.begin(), truth.end(), 0.0), 1.0, 0.001);

    std::map<std::int64_t, std::vector<double>> rows;
    std::map<std::int64_t, double> overall;
    auto st = wb().db().prepareOrThrow(
        "SELECT r.id, r.overall, s.score FROM survey_responses r JOIN survey_scores s ON "
        "s.response_id=r.id ORDER BY r.id, s.attribute_id");
    std::set<std::int64_t> incomplete;
    while (st.step()) {
        const auto id = st.int64(0);
        overall[id] = st.real(1);
        if (st.isNull(2)) incomplete.insert(id);
        rows[id].push_back(st.isNull(2) ? 0.0 : st.real(2));
    }
    std::vector<std::vector<double>> x;
    std::vector<double> y;
    for (auto& [id, scores] : rows) {
        if (incomplete.count(id)) continue;
        x.push_back(scores);
        y.push_back(overall[id]);
    }
    ASSERT_GT(x.size(), 1000u);
    auto beta = ols(x, y);
    // The order of the OLS coefficients follows the planted weights (adjacent weights differ
    // by 1/55, so at most a neighbour swap is tolerated), and the top attribute stands out.
    EXPECT_GE(spearman(beta, truth), 0.95);
    const auto top = std::max_element(beta.begin(), beta.end()) - beta.begin();
    EXPECT_GE(ranks(truth)[top], double(truth.size() - 2)) << names[top];
}

TEST_F(DemoGeneratorTest, AuditFindsACleanWorkbook) {
    auto report = cw::store::runAudit(wb());
    ASSERT_TRUE(report.ok()) << report.error().describe();
    for (const auto& f : report->findings)
        EXPECT_EQ(f.severity, cw::store::Severity::Info) << f.check << ": " << f.message;
    EXPECT_TRUE(report->monthsWithoutTransactions.empty());
    EXPECT_EQ(report->firstTransaction.substr(0, 7), "2023-01");
    EXPECT_EQ(report->lastTransaction, s_options.endDate);
    EXPECT_NE(report->finding("returns"), nullptr);
    EXPECT_EQ(report->finding("duplicates"), nullptr);
}
