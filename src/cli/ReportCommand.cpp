// clienting report: the Clienting report or the managers' portfolio packs as PDF (and their
// tables as XLSX), with no display: Qt GUI on the offscreen platform, no X server.
#ifdef CW_WITH_REPORT
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <QGuiApplication>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "cli/ProgressLine.h"
#include "core/Error.h"
#include "report/Report.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

struct ReportArgs {
    std::string workbook, out, outDir, node, period, paper = "a4", title, client, logo, xlsx, today, format = "text";
    std::vector<std::string> sections, managers;
    bool pack = false, perManager = false, tables = false, quiet = false;
    int rows = 40, portfolioRows = 100;
};

Result<report::ReportOptions> options(const ReportArgs& a) {
    report::ReportOptions o;
    o.kind = a.pack || a.perManager || !a.managers.empty() ? report::ReportKind::PortfolioPack
                                                            : report::ReportKind::Clienting;
    o.sections = a.sections;
    o.node = a.node;
    o.managers = a.managers;
    o.period = a.period;
    o.paper = a.paper == "letter" ? report::Paper::Letter : report::Paper::A4;
    o.title = QString::fromStdString(a.title);
    o.client = QString::fromStdString(a.client);
    o.logoPath = QString::fromStdString(a.logo);
    o.listRows = a.rows;
    o.portfolioRows = a.portfolioRows;
    if (!a.today.empty()) {
        auto day = dayOption(a.today, "--today");
        if (!day) return day.takeError();
        o.today = *day;
    }
    if (a.perManager && a.outDir.empty())
        return makeError(ErrorKind::Usage, "--per-manager writes one file per manager into a folder",
                         "give the folder with --out-dir DIR");
    if (!a.perManager && a.out.empty())
        return makeError(ErrorKind::Usage, "no output file", "give the PDF to write with --out FILE.pdf");
    if (a.perManager && !a.xlsx.empty())
        return makeError(ErrorKind::Usage, "--xlsx names one spreadsheet",
                         "with --per-manager use --tables for one CODE.xlsx beside each CODE.pdf");
    if (auto st = o.validate(); !st) return st.error();
    return o;
}

void print(const ReportArgs& a, const report::ReportOutput& out) {
    if (a.format == "json") {
        nlohmann::ordered_json j;
        j["files"] = nlohmann::json::array();
        for (const auto& f : out.files) j["files"].push_back(f.toStdString());
        j["pages"] = out.pages;
        j["tables"] = out.tables;
        if (out.managers > 0) j["managers"] = out.managers;
        j["contents"] = nlohmann::json::array();
        for (const auto& e : out.contents)
            j["contents"].push_back({{"level", e.level}, {"title", e.text.toStdString()}, {"page", e.page}});
        j["seconds"] = out.seconds;
        std::cout << j.dump(2) << '\n';
        return;
    }
    if (a.quiet) return;
    for (const auto& f : out.files) std::cout << "wrote " << f.toStdString() << '\n';
    std::printf("%d page%s, %d table%s%s in %.2f s\n", out.pages, out.pages == 1 ? "" : "s", out.tables,
                out.tables == 1 ? "" : "s",
                out.managers > 0 ? (", " + std::to_string(out.managers) + " manager(s)").c_str() : "", out.seconds);
}

int runReportCommand(const ReportArgs& a) {
    // No display needed: the offscreen platform draws fonts through fontconfig like any other.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "clienting";
    static char* argv[] = {name, nullptr};
    QGuiApplication app(argc, argv);
    auto o = options(a);
    if (!o) return fail(o.error());
    // Read-only and without the whole-file check first (like kpi): a damaged page still fails the read.
    auto wb = store::Workbook::open(a.workbook, store::Workbook::OpenMode::ReadOnly, store::Workbook::Integrity::Trust);
    if (!wb) return fail(wb.error());
    ProgressLine line(a.quiet || a.format == "json");
    auto progress = [&line](const ProgressInfo& p) {
        line.show(p);
        return true;
    };
    auto out = a.perManager
                   ? report::writePortfolioPacks(*wb, *o, QString::fromStdString(a.outDir), a.tables, progress)
                   : report::writeReport(*wb, *o, QString::fromStdString(a.out), QString::fromStdString(a.xlsx),
                                         progress);
    line.clear();
    if (!out) return fail(out.error());
    print(a, *out);
    return 0;
}

}  // namespace

void addReportCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<ReportArgs>();
    auto* cmd = app.add_subcommand(
        "report",
        "The Clienting report, or the managers' portfolio packs, as PDF with their tables as XLSX (no display needed)");
    addWorkbookOption(*cmd, a->workbook);
    cmd->add_option("--out", a->out, "The PDF to write");
    cmd->add_option("--sections", a->sections,
                    "Comma-separated section ids, printed in report order (default: all of the report's kind): "
                    "summary, quality, matrices, breakdowns, loyalty, segments, exits, insights, plans, "
                    "indicators, appendix; packs: portfolio, alerts, account-plans, manager-matrices")
        ->delimiter(',');
    cmd->add_option("--node", a->node,
                    "Manager or region code: the indicators' node; for packs, the managers at and under it");
    cmd->add_option("--period", a->period, "The indicators' period: 2024, 2024-Q3 or 2024-09 (default: the latest)");
    cmd->add_option("--paper", a->paper, "Paper size")->check(CLI::IsMember({"a4", "letter"}))->capture_default_str();
    cmd->add_option("--title", a->title, "Title on the cover and in the header");
    cmd->add_option("--client", a->client, "The client's name, on the cover and in the footer");
    cmd->add_option("--logo", a->logo, "A PNG or JPEG logo for the cover")->check(CLI::ExistingFile);
    cmd->add_option("--xlsx", a->xlsx, "Also write every table of the report to this XLSX file");
    cmd->add_flag("--pack", a->pack, "A portfolio pack (managers at and under --node) instead of the Clienting report");
    cmd->add_flag("--per-manager", a->perManager, "One portfolio pack per manager, into --out-dir, named CODE.pdf");
    cmd->add_option("--out-dir", a->outDir, "The folder for --per-manager");
    cmd->add_option("--managers", a->managers, "Packs: exactly these managers (comma-separated codes) instead of --node's")
        ->delimiter(',');
    cmd->add_flag("--tables", a->tables, "With --per-manager: each pack's tables as CODE.xlsx too");
    cmd->add_option("--today", a->today, "Count overdue actions from this day, YYYY-MM-DD (default: today)");
    cmd->add_option("--rows", a->rows, "Rows printed of the long lists (customers at stake, managers by level); the spreadsheet has all")->capture_default_str();
    cmd->add_option("--portfolio-rows", a->portfolioRows, "Customers listed in a pack's portfolio table")
        ->capture_default_str();
    cmd->add_option("--format", a->format, "What to print when done")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    cmd->add_flag("-q,--quiet", a->quiet, "Print nothing when done");
    cmd->callback([&run, a] { run = [a] { return runReportCommand(*a); }; });
}

}  // namespace cw::cli
#endif
