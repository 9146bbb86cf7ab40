// clienting demo: fill a new (or empty) workbook with a generated company
// whose truth is known (churners, shrinking customers, segments, attribute weights, and alert
// situations planted in three managers' portfolios).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/Commands.h"
#include "cli/ProgressLine.h"
#include "core/Error.h"
#include "engine/DemoGenerator.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

struct DemoArgs {
    std::string workbook;
    engine::DemoOptions opt;
    bool asJson = false, quiet = false;
};

// Ctrl-C asks the generator to stop; it rolls back and the command exits with 130.
volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void onInterrupt(int) {
    g_interrupted = 1;
}

void printSummary(const DemoArgs& a, const engine::DemoSummary& s, double seconds) {
    if (a.asJson) {
        nlohmann::ordered_json j = {{"workbook", a.workbook},
                                    {"seed", a.opt.seed},
                                    {"months", a.opt.months},
                                    {"end_date", a.opt.endDate},
                                    {"attributes", a.opt.attributes},
                                    {"managers", s.managers},
                                    {"customers", s.customers},
                                    {"transactions", s.transactions},
                                    {"survey_responses", s.surveyResponses},
                                    {"churners", s.churners},
                                    {"shrinking", s.shrinking},
                                    {"notes", s.notes},
                                    {"planted_alerts", s.plantedAlerts},
                                    {"alert_managers", s.alertManagers},
                                    {"seconds", seconds}};
        std::cout << j.dump(2) << '\n';
        return;
    }
    auto line = [](const char* label, std::int64_t n) {
        std::printf("  %-18s %12lld\n", label, static_cast<long long>(n));
    };
    std::printf("Demo workbook %s (seed %llu, %d months to %s, %.1f s)\n", a.workbook.c_str(),
                static_cast<unsigned long long>(a.opt.seed), a.opt.months, a.opt.endDate.c_str(),
                seconds);
    line("managers", s.managers);
    line("customers", s.customers);
    line("transactions", s.transactions);
    line("survey responses", s.surveyResponses);
    line("notes", s.notes);
    line("planted churners", s.churners);
    line("planted shrinking", s.shrinking);
    line("planted alerts", s.plantedAlerts);
    if (!s.alertManagers.empty()) {
        std::string managers;
        for (const auto& m : s.alertManagers) managers += (managers.empty() ? "" : ", ") + m;
        std::printf("Alert situations planted for managers %s (one customer per alert kind each).\n",
                    managers.c_str());
    }
    std::printf("The planted truth is in table demo_truth and settings %s and %s.\n",
                engine::settings::demoAttributeWeights().key.c_str(),
                engine::settings::demoPlantedAlerts().key.c_str());
}

int runDemo(DemoArgs& a) {
    if (auto st = a.opt.validate(); !st) return fail(st.error());
    std::error_code ec;
    const bool created = !std::filesystem::exists(a.workbook, ec);
    auto wb = created ? store::Workbook::create(a.workbook) : store::Workbook::open(a.workbook);
    if (!wb) return fail(wb.error());

    const auto start = std::chrono::steady_clock::now();
    ProgressLine line(a.quiet || a.asJson);
    ProgressFn progress = [&](const ProgressInfo& p) {
        line.show(p);
        return g_interrupted == 0;
    };
    auto previous = std::signal(SIGINT, onInterrupt);
    auto summary = engine::generateDemo(*wb, a.opt, progress);
    std::signal(SIGINT, previous);
    line.clear();
    if (!summary) {
        // A workbook made only for this run is not left behind half-explained.
        if (created) {
            *wb = store::Workbook();
            for (const char* suffix : {"", "-wal", "-shm"})
                std::filesystem::remove(a.workbook + suffix, ec);
        }
        return fail(summary.error());
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    printSummary(a, *summary, took.count());
    return 0;
}

}  // namespace

void addDemoCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<DemoArgs>();
    auto* cmd = app.add_subcommand(
        "demo", "Generate a demo workbook with planted truth (created if the path does not exist)");
    addWorkbookOption(*cmd, a->workbook);
    cmd->add_option("--customers", a->opt.customers, "Number of customers (10 to 2,000,000)")
        ->capture_default_str();
    cmd->add_option("--seed", a->opt.seed, "Random seed: the same seed gives the same workbook")
        ->capture_default_str();
    cmd->add_option("--months", a->opt.months, "Months of history (12 to 120)")
        ->capture_default_str();
    cmd->add_option("--end-date", a->opt.endDate, "Last day of the history, YYYY-MM-DD")
        ->capture_default_str();
    cmd->add_option("--attributes", a->opt.attributes, "Service attributes in the survey (8 to 12)")
        ->capture_default_str();
    cmd->add_option("--survey-share", a->opt.surveyShare,
                    "Share of customers who answered the survey (0 to 1)")
        ->capture_default_str();
    cmd->add_flag("--json", a->asJson, "Print the summary as one JSON object");
    cmd->add_flag("-q,--quiet", a->quiet, "No progress on stderr");
    cmd->callback([&run, a] { run = [a] { return runDemo(*a); }; });
}

}  // namespace cw::cli
