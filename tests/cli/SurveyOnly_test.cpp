// A satisfaction study with no transactions (tests/data/survey_only.csv, made by
// tests/data/tools/make_survey_only.py): analyze runs the survey part, the importance ×
// satisfaction matrix lists each attribute with its relative weight — checked against Johnson's
// relative weights computed here in closed form for two attributes — and the customer matrices
// say that they need transactions.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

#include "CliRunner.h"
#include "support/TempDir.h"

using cw::test::runCli;
using cw::test::shellQuote;
using cw::test::TempDir;

namespace {

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
    const double n = static_cast<double>(a.size());
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) ma += a[i] / n, mb += b[i] / n;
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / std::sqrt(saa * sbb);
}

// Johnson (2000): with R = Z Z (Z the symmetric square root of the predictors' correlations),
// beta = Z^-1 r_xy and weight_j = sum_k Z_jk² beta_k². For two predictors with correlation r,
// Z = [[a, b], [b, a]] with a = (sqrt(1+r) + sqrt(1-r)) / 2, b = (sqrt(1+r) - sqrt(1-r)) / 2.
std::pair<double, double> relativeWeights(double r12, double r1y, double r2y) {
    const double a = (std::sqrt(1 + r12) + std::sqrt(1 - r12)) / 2, b = (std::sqrt(1 + r12) - std::sqrt(1 - r12)) / 2;
    const double det = a * a - b * b;
    const double beta1 = (a * r1y - b * r2y) / det, beta2 = (-b * r1y + a * r2y) / det;
    return {a * a * beta1 * beta1 + b * b * beta2 * beta2, b * b * beta1 * beta1 + a * a * beta2 * beta2};
}

TEST(SurveyOnly, AnalyzeRunsTheSurveyAndTheAttributeMatrixListsRelativeWeights) {
    TempDir dir;
    const auto wb = dir.file("study.cwb");
    const auto err = dir.file("e");
    const auto csv = cw::test::testData("survey_only.csv");
    ASSERT_EQ(runCli("new -w " + shellQuote(wb), err).code, 0);
    auto r = runCli("import -q -w " + shellQuote(wb) + " --table survey --map date=answered_on " +
                        "--attributes 'Check-in,Cabin comfort' --scale 1-5 --overall-scale 1-10 " + shellQuote(csv),
                    err);
    ASSERT_EQ(r.code, 0) << r.err;
    r = runCli("analyze -q --json -w " + shellQuote(wb), err);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto summary = nlohmann::json::parse(r.out);
    EXPECT_TRUE(summary["survey_only"].get<bool>());
    EXPECT_EQ(summary["survey"]["responses"].get<int>(), 48);
    EXPECT_EQ(summary["analysis_date"].get<std::string>(), "2024-03-24");

    // The independent figures, from the file itself.
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);
    std::vector<double> checkIn, cabin, overall;
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string id, day, c1, c2, o;
        std::getline(ss, id, ',');
        std::getline(ss, day, ',');
        std::getline(ss, c1, ',');
        std::getline(ss, c2, ',');
        std::getline(ss, o, ',');
        checkIn.push_back(std::stod(c1));
        cabin.push_back(std::stod(c2));
        overall.push_back(std::stod(o));
    }
    ASSERT_EQ(checkIn.size(), 48u);
    const auto [w1, w2] = relativeWeights(pearson(checkIn, cabin), pearson(checkIn, overall), pearson(cabin, overall));
    ASSERT_GT(w2, w1);  // the study was made so that cabin comfort matters more

    r = runCli("matrix importance-satisfaction --format json -w " + shellQuote(wb), err);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto m = nlohmann::json::parse(r.out);
    ASSERT_EQ(m["attributes"].size(), 2u) << r.out;
    double meanCheckIn = 0;
    for (double v : checkIn) meanCheckIn += (v - 1) / 4 * 100 / 48;
    for (const auto& a : m["attributes"]) {
        const bool first = a["name"] == "Check-in";
        EXPECT_TRUE(first || a["name"] == "Cabin comfort") << a;
        EXPECT_NEAR(a["relative_weight"].get<double>(), first ? w1 : w2, 1e-9) << a;
        EXPECT_NEAR(a["share_of_r2"].get<double>(), (first ? w1 : w2) / (w1 + w2), 1e-9) << a;
        EXPECT_EQ(a["responses"].get<int>(), 48);
        if (first) EXPECT_NEAR(a["satisfaction"].get<double>(), meanCheckIn, 1e-9);
        EXPECT_TRUE(a["quadrant"].is_string());
    }
    // The same attributes in the table and CSV outputs.
    r = runCli("matrix importance-satisfaction -w " + shellQuote(wb), err);
    EXPECT_NE(r.out.find("Cabin comfort"), std::string::npos) << r.out;
    r = runCli("matrix importance-satisfaction --format csv -w " + shellQuote(wb), err);
    EXPECT_EQ(r.out.rfind("attribute_id,name,relative_weight", 0), 0u) << r.out;
    EXPECT_NE(r.out.find(",Check-in,"), std::string::npos) << r.out;

    // A customer matrix says what it lacks.
    r = runCli("matrix profitability-loyalty -w " + shellQuote(wb), err);
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("no transactions"), std::string::npos) << r.err;
}

TEST(SurveyOnly, IndicatorsSayTheyNeedKnownCustomers) {
    // The study's respondents are not customers: the analysis stores no indicator, and `kpi`
    // says why instead of asking for an analysis that was run.
    TempDir dir;
    const auto wb = dir.file("study.cwb");
    const auto err = dir.file("e");
    ASSERT_EQ(runCli("new -w " + shellQuote(wb), err).code, 0);
    ASSERT_EQ(runCli("import -q -w " + shellQuote(wb) + " --table survey --map date=answered_on " +
                         "--attributes 'Check-in,Cabin comfort' --scale 1-5 --overall-scale 1-10 " +
                         shellQuote(cw::test::testData("survey_only.csv")),
                     err)
                  .code,
              0);
    auto r = runCli("kpi -w " + shellQuote(wb), err);
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("run `clienting analyze"), std::string::npos) << r.err;
    ASSERT_EQ(runCli("analyze -q -w " + shellQuote(wb), err).code, 0);
    r = runCli("kpi -w " + shellQuote(wb), err);
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("no customer to count the indicators on"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--map customer_id="), std::string::npos) << r.err;
}

}  // namespace
