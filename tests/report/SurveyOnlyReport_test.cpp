// A satisfaction study with no transactions (tests/data/survey_only.csv) gets the sections its
// data allows — importance × satisfaction, the survey's R² — and a note saying what is missing in the
// others, instead of failing.
#include <gtest/gtest.h>

#include <QLocale>

#include <nlohmann/json.hpp>

#include "PdfProbe.h"
#include "cli/CliRunner.h"
#include "support/TempDir.h"

using namespace cw::test;

namespace {

std::string testData(const std::string& name) { return std::string(CW_TEST_DATA_DIR) + "/" + name; }

TEST(SurveyOnlyReport, PrintsWhatTheSurveyAllowsAndSaysWhatIsMissing) {
    if (!havePoppler()) GTEST_SKIP() << "poppler-utils is not installed";
    TempDir dir;
    const auto wb = dir.file("study.cwb");
    const auto err = dir.file("e");
    ASSERT_EQ(runCli("new -w " + shellQuote(wb), err).code, 0);
    auto r = runCli("import -q -w " + shellQuote(wb) + " --table survey --map date=answered_on " +
                        "--attributes 'Check-in,Cabin comfort' --scale 1-5 --overall-scale 1-10 " +
                        shellQuote(testData("survey_only.csv")),
                    err);
    ASSERT_EQ(r.code, 0) << r.err;
    r = runCli("analyze -q --json -w " + shellQuote(wb), err);
    ASSERT_EQ(r.code, 0) << r.err;
    const double r2 = nlohmann::json::parse(r.out).at("survey").at("r2").get<double>();
    const auto pdf = dir.file("study.pdf");
    r = runCli("report -w " + shellQuote(wb) + " --out " + shellQuote(pdf), err, "-u DISPLAY -u QT_QPA_PLATFORM");
    ASSERT_EQ(r.code, 0) << r.err;
    const QString text = pdfText(QString::fromStdString(pdf));
    // What the survey allows.
    EXPECT_TRUE(text.contains(QStringLiteral("Importance vs satisfaction")));
    EXPECT_TRUE(text.contains(QStringLiteral("Check-in")));
    EXPECT_TRUE(text.contains(QStringLiteral("Cabin comfort")));
    // The analysis's R² (tests/cli/SurveyOnly_test.cpp checks it against the file).
    const QString explained = QLocale(QLocale::English, QLocale::UnitedStates).toString(r2 * 100, 'f', 1);
    EXPECT_TRUE(text.contains(QStringLiteral("The service attributes explain %1 % of the overall satisfaction").arg(explained)));
    EXPECT_TRUE(text.contains(QStringLiteral("No net promoter score")));
    // What it does not, said.
    EXPECT_TRUE(text.contains(QStringLiteral("Only survey answers were analysed")));
    EXPECT_TRUE(text.contains(QStringLiteral("exits and anorexia need the transactions")));
    EXPECT_EQ(wordsOutsideThePage(pdfBoxes(QString::fromStdString(pdf))), QStringList());
}

}  // namespace
