#pragma once
// The `clienting` subcommands. Each lives in its own file and registers
// itself on the CLI11 app; its callback sets the runner that main() calls,
// so parsing errors (exit 1) are separated from running (exit 0/2/3/4).
#include <cstdint>
#include <functional>
#include <string>

#include "core/Result.h"

namespace CLI {
class App;
}

namespace cw {
struct Error;
}

namespace cw::cli {

/// Runs the chosen subcommand and returns the process exit code.
using Runner = std::function<int()>;

void addNewCommand(CLI::App& app, Runner& run);
void addInfoCommand(CLI::App& app, Runner& run);
void addImportCommand(CLI::App& app, Runner& run);
void addRejectsCommand(CLI::App& app, Runner& run);
void addProfilesCommand(CLI::App& app, Runner& run);
void addAuditCommand(CLI::App& app, Runner& run);
void addDemoCommand(CLI::App& app, Runner& run);
void addModelCommand(CLI::App& app, Runner& run);
void addAnalyzeCommand(CLI::App& app, Runner& run);
void addSegmentCommand(CLI::App& app, Runner& run);
void addSettingsCommand(CLI::App& app, Runner& run);
void addMatrixCommand(CLI::App& app, Runner& run);
void addCustomersCommand(CLI::App& app, Runner& run);
void addKpiCommand(CLI::App& app, Runner& run);
void addTargetsCommand(CLI::App& app, Runner& run);
void addAccountsCommand(CLI::App& app, Runner& run);
void addPortfolioCommand(CLI::App& app, Runner& run);
#ifdef CW_WITH_REPORT
void addReportCommand(CLI::App& app, Runner& run);  // needs Qt GUI: built with the workbench
#endif

/// Prints an error to stderr ("clienting: error: …") and returns its exit code.
int fail(const Error& e);
/// A day given to `option` as YYYY-MM-DD, as days since 1970-01-01; else a Usage error that quotes it.
Result<std::int32_t> dayOption(const std::string& value, const char* option);
/// Adds the standard -w/--workbook option (required).
void addWorkbookOption(CLI::App& cmd, std::string& path);

}  // namespace cw::cli
