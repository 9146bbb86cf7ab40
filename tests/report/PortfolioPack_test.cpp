// The managers' portfolio packs from `clienting report` with no display: one file per manager
// under a region (the managers packManagers names), each with its manager's code and sections and
// "page x of y"; one PDF for several managers; the alerts the demo plants for a manager are in
// that manager's pack.
#include <gtest/gtest.h>

#include <QDir>

#include <nlohmann/json.hpp>

#include "PdfProbe.h"
#include "cli/DemoSuite.h"
#include "report/Report.h"
#include "report/ReportSection.h"
#include "store/Workbook.h"

using namespace cw::test;

namespace {

const char* kNoDisplay = "-u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM";

class PortfolioPackTest : public DemoSuite {
protected:
    static void SetUpTestSuite() {
        if (havePoppler()) {
            ASSERT_NO_FATAL_FAILURE(makeDemo(1500, 42));
        }
    }
    void SetUp() override {
        if (!havePoppler()) GTEST_SKIP() << "poppler-utils is not installed";
    }
    static std::vector<std::string> managersUnder(const std::string& node) {
        auto wb = cw::store::Workbook::open(s_wb, cw::store::Workbook::OpenMode::ReadOnly);
        EXPECT_TRUE(wb.ok());
        auto codes = cw::report::packManagers(*wb, node);
        EXPECT_TRUE(codes.ok());
        return codes.ok() ? *codes : std::vector<std::string>{};
    }
};

TEST_F(PortfolioPackTest, OneFilePerManagerUnderARegion) {
    const auto codes = managersUnder("MGR-0002");
    ASSERT_GE(codes.size(), 3u);
    EXPECT_EQ(codes.front(), "MGR-0002") << "the node itself comes first";
    const std::string dir = s_dir->file("packs");
    auto r = runCli("report -w " + shellQuote(s_wb) + " --per-manager --out-dir " + shellQuote(dir) +
                        " --node MGR-0002 --tables --format json",
                    s_dir->file("e"), kNoDisplay);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto out = nlohmann::json::parse(r.out);
    EXPECT_EQ(out.at("managers").get<std::size_t>(), codes.size());
    const auto titles = cw::report::SectionRegistry::standard().sections(cw::report::ReportKind::PortfolioPack);
    for (const auto& code : codes) {
        const QString pdf = QDir(QString::fromStdString(dir)).filePath(QString::fromStdString(code) + ".pdf");
        ASSERT_TRUE(QFile::exists(pdf)) << code;
        EXPECT_TRUE(QFile::exists(QDir(QString::fromStdString(dir)).filePath(QString::fromStdString(code) + ".xlsx")));
        const QString text = pdfText(pdf);
        EXPECT_TRUE(text.contains(QString::fromStdString(code))) << code;
        for (const auto* s : titles) EXPECT_TRUE(text.contains(s->title())) << code << ": " << s->title().toStdString();
        const int pages = pdfPages(pdf);
        EXPECT_TRUE(pdfText(pdf, pages).contains(QStringLiteral("page %1 of %1").arg(pages))) << code;
        EXPECT_EQ(wordsOutsideThePage(pdfBoxes(pdf)), QStringList()) << code;
    }
}

TEST_F(PortfolioPackTest, OnePdfForTheManagersOfANodeCarriesTheirPlantedAlerts) {
    // docs/demo.md: the planted alerts are stored with their manager and customer.
    const std::string planted = sqlText("SELECT value FROM settings WHERE key='demo.planted_alerts'");
    ASSERT_FALSE(planted.empty());
    const auto alerts = nlohmann::json::parse(planted);
    ASSERT_FALSE(alerts.empty());
    const std::string manager = alerts[0].at("manager");
    const std::string pdf = s_dir->file("pack.pdf");
    auto r = runCli("report -w " + shellQuote(s_wb) + " --pack --node " + manager + " --out " + shellQuote(pdf) +
                        " --format json",
                    s_dir->file("e"), kNoDisplay);
    ASSERT_EQ(r.code, 0) << r.err;
    const QString text = pdfText(QString::fromStdString(pdf));
    for (const auto& a : alerts)
        if (a.at("manager") == manager) {
            EXPECT_TRUE(text.contains(QString::fromStdString(a.at("customer").get<std::string>())))
                << "planted alert of " << a.at("customer");
        }
}

}  // namespace
