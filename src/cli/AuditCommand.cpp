// clienting audit: the data-quality report of a workbook (read-only).
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/Commands.h"
#include "cli/ProgressLine.h"
#include "core/Error.h"
#include "store/Audit.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

struct AuditArgs {
    std::string workbook, failOn = "never";
    bool asJson = false, quiet = false;
};

int runAuditCommand(const AuditArgs& a) {
    auto wb = store::Workbook::open(a.workbook, store::Workbook::OpenMode::ReadOnly);
    if (!wb) return fail(wb.error());
    ProgressLine line(a.quiet || a.asJson);
    ProgressFn progress = [&](const ProgressInfo& p) {
        const std::string phase = "checking " + std::string(p.phase);
        line.show({phase, 0, 0});
        return true;
    };
    auto report = store::runAudit(*wb, progress);
    line.clear();
    if (!report) return fail(report.error());
    if (a.asJson)
        std::cout << report->toJson() << '\n';
    else
        std::cout << report->toText();
    // Exit 2 lets scripts and CI stop on bad data (docs/cli.md: input data error).
    if (a.failOn == "error" && report->hasSeverity(store::Severity::Error)) return 2;
    if (a.failOn == "warning" && report->hasSeverity(store::Severity::Warning)) return 2;
    return 0;
}

}  // namespace

void addAuditCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<AuditArgs>();
    auto* cmd = app.add_subcommand("audit",
                                   "Data-quality report: completeness, duplicates, "
                                   "orphans, out-of-range values, gaps, outliers");
    addWorkbookOption(*cmd, a->workbook);
    cmd->add_flag("--json", a->asJson, "Print one JSON object");
    cmd->add_option("--fail-on", a->failOn,
                    "Exit with 2 when a finding of this severity or worse exists")
        ->check(CLI::IsMember({"error", "warning", "never"}))
        ->capture_default_str();
    cmd->add_flag("-q,--quiet", a->quiet, "No progress on stderr");
    cmd->callback([&run, a] { run = [a] { return runAuditCommand(*a); }; });
}

}  // namespace cw::cli
