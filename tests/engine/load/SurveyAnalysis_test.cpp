// Survey analysis on a hand-made workbook (window, latest answer per customer, "no answer",
// NPS) and on the demo generator, whose planted attribute weights the derived importance must
// recover. Expected values come from hand counts or from SQL written independently here.
#include "engine/load/SurveyLoader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <vector>

#include "engine/DemoGenerator.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

namespace {

using cw::engine::analyzeSurvey;
using cw::engine::MissingPolicy;
using cw::engine::nps;
using cw::engine::SurveyOptions;
using cw::engine::SurveyWindow;
using cw::store::Workbook;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Nps, CountsPromotersPassivesDetractors) {
    // promoters 10, 9; passives 8, 7, 8.5; detractors 6, 0; ignored NaN, 11.
    const auto s = nps({10, 9, 8, 7, 6, 0, kNaN, 11, 8.5});
    EXPECT_EQ(s.promoters, 2);
    EXPECT_EQ(s.passives, 3);
    EXPECT_EQ(s.detractors, 2);
    EXPECT_EQ(s.ignored, 2);
    EXPECT_EQ(s.answers, 7);
    ASSERT_TRUE(s.nps);
    EXPECT_DOUBLE_EQ(*s.nps, 0.0);

    const auto all = nps({9, 10, 10, 2});  // 3 promoters, 1 detractor of 4: 75 − 25
    EXPECT_DOUBLE_EQ(*all.nps, 50.0);
    EXPECT_FALSE(nps({}).nps);
}

// A small workbook written by hand. Days: 100 = 1970-04-11.
class HandMadeSurvey : public ::testing::Test {
protected:
    void SetUp() override {
        auto wb = Workbook::create(m_dir.file("hand.cwb"));
        ASSERT_TRUE(wb.ok()) << wb.error().describe();
        m_wb = std::make_unique<Workbook>(std::move(wb).value());
        run("INSERT INTO imports(id, file, file_name, table_name, content_hash, file_size, "
            "started_at) VALUES(1, 'hand.csv', 'hand.csv', 'survey', 'x', 0, '2025-01-01')");
        for (int c = 1; c <= 7; ++c)
            run("INSERT INTO customers(id, code) VALUES(" + std::to_string(c) + ", 'C" +
                std::to_string(c) + "')");
        run("INSERT INTO service_attributes(id, name, scale_min, scale_max, na_value) VALUES"
            "(1, 'Speed', 1, 5, NULL), (2, 'Price', 0, 10, 99)");
        // id, customer, day (NULL: undated), seconds into the day, satisfaction, recommend
        response(1, 1, 100, 0, 80, 10);
        response(2, 1, 200, 0, 40, 6);  // customer 1's latest in the window
        response(3, 1, 400, 0, 90, 9);  // after the window
        response(4, 2, 150, 0, 70, 9);  // customer 2's latest: dated beats undated
        response(5, 2, -1, 0, 50, 8);   // undated
        response(6, 3, -1, 0, 60, 7);   // undated only: the higher id wins
        response(7, 3, -1, 0, 20, 3);
        response(8, 4, 301, 0, 100, 10);    // first second after the window: customer 4 absent
        response(9, -1, 120, 0, 10, 0);     // anonymous respondent
        response(10, 5, 250, 3600, 30, 9);  // same time twice: the higher id wins
        response(11, 5, 250, 3600, 35, 10);
        response(12, 6, 300, 86399, 55, 8);  // last second of the window
        // customer 7 never answered.
        score(2, 1, "4", "5");      // Speed 4 on 1–5 -> 75
        score(2, 2, "99", "NULL");  // Price "not applicable"
        score(4, 1, "2", "NULL");   // 25
        score(4, 2, "7", "3");      // 70
        score(7, 2, "10", "4");     // 100
        score(3, 1, "5", "1");      // outside the window: not counted
    }
    void run(const std::string& sql) {
        auto& db = m_wb->db();
        auto st = cw::store::inOwnTransaction(db, [&](cw::store::WriteTransaction&) { return db.exec(sql); });
        ASSERT_TRUE(st.ok()) << st.error().message;
    }
    void response(int id, int customer, int day, int sec, double sat, double rec) {
        run("INSERT INTO survey_responses(id, import_id, line, customer_id, ts, satisfaction, "
            "recommend) VALUES(" +
            std::to_string(id) + ", 1, " + std::to_string(id + 1) + ", " +
            (customer < 0 ? "NULL" : std::to_string(customer)) + ", " +
            (day < 0 ? "NULL" : std::to_string(std::int64_t(day) * 86400 + sec)) + ", " +
            std::to_string(sat) + ", " + std::to_string(rec) + ")");
    }
    void score(int response, int attribute, const std::string& s, const std::string& imp) {
        run("INSERT INTO survey_scores VALUES(" + std::to_string(response) + ", " +
            std::to_string(attribute) + ", " + s + ", " + imp + ")");
    }

    cw::test::TempDir m_dir;
    std::unique_ptr<Workbook> m_wb;
};

TEST_F(HandMadeSurvey, LatestAnswerPerCustomerInWindow) {
    SurveyOptions o;
    o.window = SurveyWindow::days(50, 300);
    auto a = analyzeSurvey(*m_wb, o);
    ASSERT_TRUE(a.ok()) << a.error().describe();
    EXPECT_EQ(a->responses, 10);  // all but 3 and 8
    EXPECT_EQ(a->anonymousResponses, 1);

    // customer -> expected latest response id; 4 (only after the window) and 7 (never) absent.
    const std::map<std::int64_t, std::int64_t> expected = {
        {1, 2}, {2, 4}, {3, 7}, {5, 11}, {6, 12}};
    ASSERT_EQ(a->customers.size(), expected.size());
    for (const auto& c : a->customers) {
        ASSERT_TRUE(expected.count(c.customerId)) << c.customerId;
        EXPECT_EQ(c.responseId, expected.at(c.customerId)) << "customer " << c.customerId;
    }
    const auto& c1 = a->customers[0];
    EXPECT_EQ(c1.day, 200);
    EXPECT_DOUBLE_EQ(*c1.satisfaction, 40);
    EXPECT_DOUBLE_EQ(*c1.recommend, 6);
    EXPECT_FALSE(c1.repurchase);
    ASSERT_EQ(c1.scores.size(), 2u);
    EXPECT_DOUBLE_EQ(*c1.scores[0], 75.0);
    EXPECT_FALSE(c1.scores[1]);  // 99 is "not applicable"
    const auto& c3 = a->customers[2];
    EXPECT_FALSE(c3.day);
    EXPECT_DOUBLE_EQ(*c3.scores[1], 100.0);

    // Speed: 75 and 25 -> 50 over 2 answers; Price: 70 and 100 -> 85 over 2 (99 not counted).
    ASSERT_EQ(a->attributes.size(), 2u);
    EXPECT_EQ(a->attributes[0].responses, 2);
    EXPECT_DOUBLE_EQ(*a->attributes[0].satisfaction, 50.0);
    EXPECT_EQ(a->attributes[0].statedResponses, 1);
    EXPECT_DOUBLE_EQ(*a->attributes[0].statedImportance, 5.0);
    EXPECT_EQ(a->attributes[1].responses, 2);
    EXPECT_DOUBLE_EQ(*a->attributes[1].satisfaction, 85.0);
    EXPECT_DOUBLE_EQ(*a->attributes[1].statedImportance, 3.5);

    // Recommend in the window: 10 6 9 8 7 3 0 9 10 8 -> 4 promoters, 3 passives, 3 detractors.
    EXPECT_EQ(a->nps.answers, 10);
    EXPECT_EQ(a->nps.promoters, 4);
    EXPECT_EQ(a->nps.passives, 3);
    EXPECT_EQ(a->nps.detractors, 3);
    EXPECT_DOUBLE_EQ(*a->nps.nps, 10.0);
    // Mean overall satisfaction of the ten responses in the window.
    EXPECT_NEAR(*a->satisfaction, (80 + 40 + 70 + 50 + 60 + 20 + 10 + 30 + 35 + 55) / 10.0, 1e-12);

    // Too few complete responses for two attributes: no derived importance, and it says why.
    EXPECT_FALSE(a->derived);
    EXPECT_EQ(a->rowsUsed, 1);
    EXPECT_NE(a->message.find("at least 4"), std::string::npos) << a->message;
    EXPECT_FALSE(a->attributes[0].derivedImportance);
}

TEST_F(HandMadeSurvey, OpenWindowTakesEveryResponse) {
    auto a = analyzeSurvey(*m_wb);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->responses, 12);
    EXPECT_EQ(a->customers.size(), 6u);  // customer 4 is back, 7 still absent
    EXPECT_EQ(a->customers[0].responseId, 3);

    SurveyOptions bad;
    bad.window = SurveyWindow::days(10, 5);
    auto refused = analyzeSurvey(*m_wb, bad);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, cw::ErrorKind::Usage);

    int calls = 0;
    auto cancelled = analyzeSurvey(*m_wb, {}, [&](const cw::ProgressInfo&) { return ++calls < 2; });
    ASSERT_FALSE(cancelled.ok());
    EXPECT_EQ(cancelled.error().kind, cw::ErrorKind::Cancelled);
}

// Spearman's rank correlation of two samples without ties.
double spearman(const std::vector<double>& a, const std::vector<double>& b) {
    auto ranks = [](const std::vector<double>& v) {
        std::vector<std::size_t> idx(v.size());
        std::iota(idx.begin(), idx.end(), 0);
        std::sort(idx.begin(), idx.end(), [&](auto i, auto j) { return v[i] < v[j]; });
        std::vector<double> r(v.size());
        for (std::size_t k = 0; k < idx.size(); ++k) r[idx[k]] = static_cast<double>(k);
        return r;
    };
    const auto ra = ranks(a), rb = ranks(b);
    double d2 = 0;
    for (std::size_t i = 0; i < a.size(); ++i) d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
    const double n = static_cast<double>(a.size());
    return 1.0 - 6.0 * d2 / (n * (n * n - 1.0));
}

class DemoSurvey : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new cw::test::TempDir;
        auto wb = Workbook::create(s_dir->file("demo.cwb"));
        ASSERT_TRUE(wb.ok());
        s_wb = new Workbook(std::move(wb).value());
        cw::engine::DemoOptions o;
        o.customers = 20000;
        o.seed = 42;
        auto r = cw::engine::generateDemo(*s_wb, o);
        ASSERT_TRUE(r.ok()) << r.error().describe();
    }
    static void TearDownTestSuite() {
        delete s_wb;
        delete s_dir;
    }
    std::int64_t count(const std::string& sql) { return s_wb->db().queryInt(sql).value_or(-1); }

    static cw::test::TempDir* s_dir;
    static Workbook* s_wb;
};
cw::test::TempDir* DemoSurvey::s_dir = nullptr;
Workbook* DemoSurvey::s_wb = nullptr;

TEST_F(DemoSurvey, DerivedImportanceFollowsThePlantedWeights) {
    auto a = analyzeSurvey(*s_wb);
    ASSERT_TRUE(a.ok()) << a.error().describe();
    ASSERT_TRUE(a->derived) << a->message;
    const auto planted = nlohmann::json::parse(*s_wb->setting("demo.planted_attribute_weights"));
    std::vector<double> truth, derived;
    double sum = 0;
    for (const auto& attr : a->attributes) {
        ASSERT_TRUE(planted.contains(attr.name)) << attr.name;
        truth.push_back(planted[attr.name].get<double>());
        derived.push_back(*attr.derivedImportance);
        sum += *attr.derivedImportance;
        std::printf("  %-22s planted %.4f  derived %.4f (%4.1f%%)  beta %+.3f  satisfaction %.1f\n",
                    attr.name.c_str(), truth.back(), derived.back(), 100 * *attr.derivedShare,
                    *attr.olsBeta, *attr.satisfaction);
    }
    const double rho = spearman(truth, derived);
    std::printf("demo: %lld responses, %lld complete, R2 %.4f, Spearman %.4f, %.3f s\n",
                static_cast<long long>(a->responses), static_cast<long long>(a->rowsUsed), *a->r2,
                rho, a->seconds);
    EXPECT_NEAR(sum, *a->r2, 1e-9);
    EXPECT_GE(rho, 0.9);
    auto topThree = [](const std::vector<double>& v) {
        std::vector<std::size_t> idx(v.size());
        std::iota(idx.begin(), idx.end(), 0);
        std::sort(idx.begin(), idx.end(), [&](auto i, auto j) { return v[i] > v[j]; });
        return std::vector<std::size_t>(idx.begin(), idx.begin() + 3);
    };
    EXPECT_EQ(topThree(derived), topThree(truth));

    // Listwise deletion: the responses with overall and all ten scores, counted by SQL.
    EXPECT_EQ(a->rowsUsed,
              count("SELECT count(*) FROM survey_responses r WHERE satisfaction IS NOT NULL AND "
                    "(SELECT count(score) FROM survey_scores s WHERE s.response_id = r.id) = 10"));
}

TEST_F(DemoSurvey, SummariesAgreeWithSql) {
    auto a = analyzeSurvey(*s_wb);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->responses, count("SELECT count(*) FROM survey_responses"));
    EXPECT_EQ(static_cast<std::int64_t>(a->customers.size()),
              count("SELECT count(DISTINCT customer_id) FROM survey_responses"));
    // Each customer's latest response, by SQL.
    auto st = s_wb->db().prepare(
        "SELECT customer_id, id FROM survey_responses r WHERE id = (SELECT id FROM "
        "survey_responses q WHERE q.customer_id = r.customer_id ORDER BY ts DESC, id DESC "
        "LIMIT 1) ORDER BY customer_id");
    ASSERT_TRUE(st.ok());
    std::size_t k = 0;
    while (st->step()) {
        ASSERT_LT(k, a->customers.size());
        EXPECT_EQ(a->customers[k].customerId, st->int64(0));
        EXPECT_EQ(a->customers[k].responseId, st->int64(1));
        ++k;
    }
    EXPECT_EQ(k, a->customers.size());
    // Mean attribute satisfaction on 0–100, and NPS, by SQL.
    auto mean = s_wb->db().prepare(
        "SELECT avg((s.score - a.scale_min) / (a.scale_max - a.scale_min) * 100), count(s.score) "
        "FROM service_attributes a JOIN survey_scores s ON s.attribute_id = a.id "
        "GROUP BY a.id ORDER BY a.id");
    ASSERT_TRUE(mean.ok());
    for (const auto& attr : a->attributes) {
        ASSERT_TRUE(mean->step());
        EXPECT_NEAR(*attr.satisfaction, mean->real(0), 1e-9) << attr.name;
        EXPECT_EQ(attr.responses, mean->int64(1)) << attr.name;
    }
    const auto promoters = count("SELECT count(*) FROM survey_responses WHERE recommend >= 9");
    const auto detractors = count("SELECT count(*) FROM survey_responses WHERE recommend <= 6");
    const auto answered = count("SELECT count(recommend) FROM survey_responses");
    EXPECT_EQ(a->nps.answers, answered);
    EXPECT_NEAR(*a->nps.nps, 100.0 * double(promoters - detractors) / double(answered), 1e-9);

    // Pairwise deletion: its smallest pair is the least answered attribute with overall, and
    // the weights order the attributes about as listwise deletion does.
    SurveyOptions pw;
    pw.missing = MissingPolicy::Pairwise;
    auto b = analyzeSurvey(*s_wb, pw);
    ASSERT_TRUE(b.ok());
    ASSERT_TRUE(b->derived) << b->message;
    EXPECT_EQ(b->rowsUsed, count("SELECT min(c) FROM (SELECT count(score) AS c FROM "
                                 "survey_scores GROUP BY attribute_id)"));
    EXPECT_NE(*b->r2, *a->r2);  // responses missing one score still count for the other pairs
    std::vector<double> wa, wb;
    for (std::size_t j = 0; j < a->attributes.size(); ++j) {
        wa.push_back(*a->attributes[j].derivedImportance);
        wb.push_back(*b->attributes[j].derivedImportance);
    }
    EXPECT_GE(spearman(wa, wb), 0.9);
}

}  // namespace
