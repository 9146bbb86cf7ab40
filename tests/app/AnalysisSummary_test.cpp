// The analysis summary in the window: what the CLI's `analyze` prints (exits, profitable exits,
// anorexia, NPS, the models fitted or refused, warnings) is shown for an analysed workbook when it
// is opened, and said to be missing for one that is not analysed.
#include "MatrixWindowTest.h"
#include "app/analysis/AnalysisSummaryDock.h"
#include "app/analysis/AnalysisWorkspace.h"
#include "app/window/MainWindow.h"
#include "engine/load/MatrixLoader.h"

#include <QLocale>
#include <nlohmann/json.hpp>

using namespace cw;
using namespace cw::app;

namespace {

using AnalysisSummaryTest = cw::test::MatrixWindowTest;

TEST_F(AnalysisSummaryTest, AnAnalysedWorkbookShowsWhatItsLastAnalysisFound) {
    MainWindow w;
    openInWindow(w);
    auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
    ASSERT_TRUE(wb.ok());
    auto stored = engine::lastAnalysisSummary(*wb);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    const auto j = nlohmann::json::parse(**stored);
    const QString text = w.analysis()->summaryDock()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("Analysis #%1").arg(j["run_id"].get<int>()))) << text.toStdString();
    // The figures are the stored ones.
    const auto c = j["customers"];
    EXPECT_TRUE(text.contains(QLocale().toString(c["exited"].get<qlonglong>()) + QStringLiteral(", of which ") +
                              QLocale().toString(c["profitable_exits"].get<qlonglong>()) + QStringLiteral(" profitable")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("NPS"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Repeat purchases (BG/NBD)"))) << text.toStdString();
    for (const auto& warning : j["warnings"])
        EXPECT_TRUE(text.contains(QString::fromStdString(warning.get<std::string>()))) << warning;
}

TEST(AnalysisSummaryDockTest, NotAnalysedSaysWhatToDoAndTextFromTheWorkbookIsNotMarkup) {
    AnalysisSummaryDock dock;
    EXPECT_TRUE(dock.text().contains(QStringLiteral("Not analysed yet")));
    dock.setSummaryJson(QStringLiteral(R"({"run_id": 3, "analysis_date": "2024-01-31", "survey_only": true,
        "survey": {"responses": 48, "r2": 0.5}, "warnings": ["<b>bold</b> & more"]})"));
    EXPECT_TRUE(dock.text().contains(QStringLiteral("Analysis #3"))) << dock.text().toStdString();
    EXPECT_TRUE(dock.text().contains(QStringLiteral("<b>bold</b> & more"))) << dock.text().toStdString();
    EXPECT_TRUE(dock.text().contains(QStringLiteral("50 % of overall satisfaction"))) << dock.text().toStdString();
}

TEST(AnalysisSummaryDockTest, MoneyIsInTheWorkbooksCurrencyWhenOneIsSet) {
    AnalysisSummaryDock dock;
    const QString base = QStringLiteral(R"({"run_id": 1, "analysis_date": "2011-12-09",
        "customers": {"total": 2}, "window": {"revenue": 1000, "margin": 300}, "settings": {"currency": "%1"}})");
    dock.setSummaryJson(base.arg(QStringLiteral("£")));
    EXPECT_TRUE(dock.text().contains(QStringLiteral(" £"))) << dock.text().toStdString();
    dock.setSummaryJson(base.arg(QString()));
    EXPECT_FALSE(dock.text().contains(QStringLiteral("£")));
}

}  // namespace
