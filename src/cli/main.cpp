// clienting: the Clienting Workbench command line. Exit codes: 0 success,
// 1 usage error, 2 input data error (nothing stored), 3 workbook error,
// 4 internal error, 130 cancelled. Results on stdout, errors on stderr.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <exception>
#include <iostream>

#include "cli/Commands.h"
#include "core/Error.h"
#include "core/Log.h"
#include "core/Text.h"
#include "core/CivilTime.h"
#include "core/OutputFile.h"

namespace cw::cli {

int fail(const Error& e) {
    // Messages quote input: no control character reaches the terminal, and no message is huge.
    Error shown = e;
    shown.message = text::printable(e.message, 1000);
    shown.file = text::printable(e.file, 1000);
    shown.hint = text::printable(e.hint, 1000);
    std::fprintf(stderr, "clienting: error: %s\n", shown.describe().c_str());
    return e.exitCode();
}

Result<std::int32_t> dayOption(const std::string& value, const char* option) {
    const auto day = parseIsoDay(value);
    if (day >= 0) return static_cast<std::int32_t>(day);
    return makeError(ErrorKind::Usage, std::string(option) + " '" + text::printable(value) + "' is not a date",
                     "write the date as YYYY-MM-DD");
}

void addWorkbookOption(CLI::App& cmd, std::string& path) {
    cmd.add_option("-w,--workbook", path, "Workbook file (.cwb)")->required();
}

}  // namespace cw::cli

int main(int argc, char** argv) {
    using namespace cw::cli;
    CLI::App app{"Clienting Workbench command line: workbooks, imports, data quality, analysis.\n"
                 "Exit codes: 0 ok, 1 usage, 2 input data error (nothing stored), 3 workbook error, "
                 "4 internal error."};
    app.require_subcommand(1);
    bool verbose = false;
    app.add_flag("-v,--verbose", verbose, "Log details to stderr");
    app.set_version_flag("--version", std::string("clienting 0.1.0"));

    Runner run;
    addNewCommand(app, run);
    addInfoCommand(app, run);
    addImportCommand(app, run);
    addRejectsCommand(app, run);
    addProfilesCommand(app, run);
    addAuditCommand(app, run);
    addDemoCommand(app, run);
    addModelCommand(app, run);
    addAnalyzeCommand(app, run);
    addSegmentCommand(app, run);
    addSettingsCommand(app, run);
    addMatrixCommand(app, run);
    addCustomersCommand(app, run);
    addKpiCommand(app, run);
    addTargetsCommand(app, run);
    addAccountsCommand(app, run);
    addPortfolioCommand(app, run);
#ifdef CW_WITH_REPORT
    addReportCommand(app, run);
#endif

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : 1;
    }
    cw::log::init(verbose);
    try {
        const int rc = run ? run() : 1;
        // Output that did not arrive whole (a full disk behind a redirection) is a failure.
        if (auto st = cw::checkStdout(); !st) {
            const int failed = fail(st.error());
            return rc == 0 ? failed : rc;
        }
        return rc;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "clienting: internal error: %s\n", e.what());
        return 4;
    } catch (...) {
        std::fprintf(stderr, "clienting: internal error\n");
        return 4;
    }
}
