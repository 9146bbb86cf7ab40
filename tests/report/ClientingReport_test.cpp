// The Clienting report of a demo workbook, written by the real `clienting report` with no display
// (DISPLAY and QT_QPA_PLATFORM unset), read back with poppler: every section is there on the page
// the contents give, every page after the cover says "page x of y", the key figures are the
// engine's (the JSON of `analyze` and `matrix`), no word lies outside the page, the fonts are
// embedded, a customer named <b>&" prints as written, and the spreadsheet holds every row.
#include <gtest/gtest.h>

#include <QDir>
#include <QLocale>
#include <QString>

#include <nlohmann/json.hpp>

#include "PdfProbe.h"
#include "RawSql.h"
#include "cli/DemoSuite.h"
#include "report/Report.h"
#include "report/ReportSection.h"

using namespace cw::test;
using cw::report::ReportKind;
using cw::report::SectionRegistry;

namespace {

QString grouped(std::int64_t n) { return QLocale(QLocale::English, QLocale::UnitedStates).toString(qlonglong(n)); }

const char* kNoDisplay = "-u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM";

class ClientingReportTest : public DemoSuite {
protected:
    static void SetUpTestSuite() {
        if (!havePoppler()) return;
        ASSERT_NO_FATAL_FAILURE(makeDemo(2000, 42));
        // The profitable exit with the largest margin heads the exits table: give it a name
        // that is markup anywhere else.
        auto exits = run("customers -w " + shellQuote(s_wb) + " --profitable-exits --format json");
        ASSERT_EQ(exits.code, 0) << exits.err;
        const auto rows = nlohmann::json::parse(exits.out).at("customers");
        ASSERT_FALSE(rows.empty());
        s_renamed = rows[0].at("code").get<std::string>();
        ASSERT_NO_FATAL_FAILURE(rawSql(s_wb, "UPDATE customers SET name='<b>&\"' WHERE code='" + s_renamed + "'"));
        s_pdf = s_dir->file("report.pdf");
        s_xlsx = s_dir->file("report.xlsx");
        auto r = runCli("report -w " + shellQuote(s_wb) + " --out " + shellQuote(s_pdf) + " --xlsx " +
                            shellQuote(s_xlsx) + " --client 'ACME' --format json",
                        s_dir->file("report.err"), kNoDisplay);
        ASSERT_EQ(r.code, 0) << r.err;
        s_output = new nlohmann::json(nlohmann::json::parse(r.out));
    }
    static void TearDownTestSuite() {
        delete s_output;
        s_output = nullptr;
        DemoSuite::TearDownTestSuite();
    }
    void SetUp() override {
        if (!havePoppler()) GTEST_SKIP() << "poppler-utils is not installed";
        ASSERT_NE(s_output, nullptr);
    }
    static QString pdf() { return QString::fromStdString(s_pdf); }
    /// The text of the pages of the level-1 section `title`.
    static QString sectionText(const QString& title) {
        const auto& contents = s_output->at("contents");
        for (std::size_t i = 0; i < contents.size(); ++i) {
            if (contents[i].at("level") != 1 || QString::fromStdString(contents[i].at("title")) != title) continue;
            const int from = contents[i].at("page");
            int to = s_output->at("pages");
            for (std::size_t j = i + 1; j < contents.size(); ++j)
                if (contents[j].at("level") == 1) {
                    to = contents[j].at("page").get<int>() - 1;
                    break;
                }
            QString text;
            for (int p = from; p <= to; ++p) text += pdfText(pdf(), p);
            return text;
        }
        return {};
    }

    static inline std::string s_pdf, s_xlsx, s_renamed;
    static inline nlohmann::json* s_output = nullptr;
};

TEST_F(ClientingReportTest, EverySectionIsOnThePageTheContentsGive) {
    const int pages = s_output->at("pages");
    EXPECT_EQ(pdfPages(pdf()), pages);
    const auto sections = SectionRegistry::standard().sections(ReportKind::Clienting);
    const auto& contents = s_output->at("contents");
    const QString contentsPage = pdfText(pdf(), 2);
    for (const auto* s : sections) {
        bool listed = false;
        for (const auto& e : contents)
            if (e.at("level") == 1 && QString::fromStdString(e.at("title")) == s->title()) {
                listed = true;
                EXPECT_TRUE(pdfText(pdf(), e.at("page")).contains(s->title())) << s->title().toStdString();
            }
        EXPECT_TRUE(listed) << s->title().toStdString() << " is not in the contents";
        EXPECT_TRUE(contentsPage.contains(s->title()) || pdfText(pdf(), 3).contains(s->title()));
    }
    for (int p = 2; p <= pages; ++p)
        EXPECT_TRUE(pdfText(pdf(), p).contains(QStringLiteral("page %1 of %2").arg(p).arg(pages))) << "page " << p;
}

TEST_F(ClientingReportTest, KeyFiguresAreTheEnginesJson) {
    auto analyze = run("analyze -q --dry-run --json -w " + shellQuote(s_wb));
    ASSERT_EQ(analyze.code, 0) << analyze.err;
    const auto a = nlohmann::json::parse(analyze.out);
    const QString summary = sectionText(QStringLiteral("Executive summary"));
    ASSERT_FALSE(summary.isEmpty());
    for (const char* key : {"total", "profitable_exits", "anorexic", "exited"})
        EXPECT_TRUE(summary.contains(grouped(a.at("customers").at(key).get<std::int64_t>()))) << key;
    EXPECT_TRUE(summary.contains(grouped(std::llround(a.at("window").at("margin").get<double>())))) << "the window's margin";

    const QString matrices = sectionText(QStringLiteral("The five matrices"));
    for (const char* name : {"profitability-loyalty", "profitability-potential", "importance-satisfaction"}) {
        auto m = run(std::string("matrix ") + name + " -w " + shellQuote(s_wb) + " --format json");
        ASSERT_EQ(m.code, 0) << m.err;
        for (const auto& q : nlohmann::json::parse(m.out).at("quadrants")) {
            EXPECT_TRUE(matrices.contains(QString::fromStdString(q.at("name")))) << name;
            EXPECT_TRUE(matrices.contains(grouped(q.at("count").get<std::int64_t>()))) << name << " " << q.at("name");
        }
    }
}

TEST_F(ClientingReportTest, NoWordLeavesThePageAndTheFontsAreEmbedded) {
    const auto boxes = pdfBoxes(pdf());
    ASSERT_EQ(int(boxes.pages.size()), s_output->at("pages").get<int>());
    ASSERT_GT(boxes.words.size(), 500u);
    EXPECT_EQ(wordsOutsideThePage(boxes), QStringList());
    EXPECT_EQ(fontsNotEmbedded(pdf()), QStringList());
}

TEST_F(ClientingReportTest, DataTextIsPrintedAsWritten) {
    const QString exits = sectionText(QStringLiteral("Exits and anorexia"));
    EXPECT_TRUE(exits.contains(QString::fromStdString(s_renamed)));
    EXPECT_TRUE(exits.contains(QStringLiteral("<b>&\""))) << "the customer's name, exactly";
}

TEST_F(ClientingReportTest, TheSpreadsheetHasEveryRowOfEveryTable) {
    ASSERT_TRUE(QFile::exists(QString::fromStdString(s_xlsx)));
    const QString book = runTool(QStringLiteral("unzip"), {QStringLiteral("-p"), QString::fromStdString(s_xlsx),
                                                           QStringLiteral("xl/workbook.xml")});
    EXPECT_EQ(book.count(QStringLiteral("<sheet ")), s_output->at("tables").get<int>());
    // The sheet of profitable exits: a title, a blank row, the header, then one row per exit —
    // all of them, though the PDF prints the largest only.
    const auto sheets = book.split(QStringLiteral("<sheet "));
    int index = 0;
    for (int i = 1; i < sheets.size(); ++i)
        if (sheets[i].startsWith(QStringLiteral("name=\"Profitable exits\""))) index = i;
    ASSERT_GT(index, 0) << book.toStdString();
    const QString sheet = runTool(QStringLiteral("unzip"), {QStringLiteral("-p"), QString::fromStdString(s_xlsx),
                                                            QStringLiteral("xl/worksheets/sheet%1.xml").arg(index)});
    auto exits = run("customers -w " + shellQuote(s_wb) + " --profitable-exits --format json");
    const auto n = nlohmann::json::parse(exits.out).at("customers").size();
    ASSERT_GT(n, 40u) << "more exits than the PDF lists";
    EXPECT_EQ(sheet.count(QStringLiteral("<row ")), int(n) + 2 + 1) << "title, header, rows and the note";
}

TEST_F(ClientingReportTest, AnUnknownSectionIsAUsageErrorThatListsTheSections) {
    auto r = runCli("report -w " + shellQuote(s_wb) + " --out " + shellQuote(s_dir->file("x.pdf")) + " --sections summary,nope",
                    s_dir->file("e"), kNoDisplay);
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("unknown report section 'nope'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("matrices"), std::string::npos) << r.err;
    EXPECT_FALSE(QFile::exists(QString::fromStdString(s_dir->file("x.pdf"))));
}

}  // namespace
