// clienting analyze: computes every metric, fits the models and stores the results.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/Commands.h"
#include "cli/ProgressLine.h"
#include "core/Text.h"
#include "core/TextTable.h"
#include "core/CivilTime.h"
#include "core/Error.h"
#include "engine/Analysis.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

struct AnalyzeArgs {
    std::string workbook, analysisDate, potential;
    int windowMonths = 0;
    bool asJson = false, quiet = false, dryRun = false, saveSettings = false;
};

std::string thousands(double v) {
    const auto n = static_cast<long long>(std::llround(v));
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (n < 0 ? "-" : "") + out;
}

std::string num(const nlohmann::json& j, const char* key, int decimals = 4) {
    if (!j.contains(key) || !j[key].is_number()) return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, j[key].get<double>());
    return buf;
}

void printText(const engine::AnalysisSummary& s, const std::string& path) {
    const auto& c = s.calendar;
    std::printf("Analysis #%lld of %s\n", static_cast<long long>(s.runId), text::printable(path, 1000).c_str());
    if (s.surveyOnly) {  // nothing but the survey to report
        std::printf("  survey            %s responses up to %s", thousands(double(s.surveyResponses)).c_str(),
                    formatDate(c.analysisDay).c_str());
        if (s.nps) std::printf(", NPS %+.1f", *s.nps);
        if (s.surveyR2) std::printf(", R² of overall on attributes %.3f", *s.surveyR2);
        std::printf("\n");
        for (const auto& w : s.warnings) std::printf("warning: %s\n", text::printable(w, 1000).c_str());
        std::printf("\nNext: clienting matrix importance-satisfaction -w %s\n", text::printable(path, 1000).c_str());
        return;
    }
    std::printf("  window            %s to %s (%d months)\n", formatDate(c.windowStart).c_str(),
                formatDate(c.analysisDay).c_str(), c.windowMonths);
    std::printf("  customers         %s (%s with purchases, %s surveyed in the window)\n", thousands(double(s.customers)).c_str(),
                thousands(double(s.withTransactions)).c_str(), thousands(double(s.surveyed)).c_str());
    std::printf("  active            %s\n", thousands(double(s.active)).c_str());
    std::printf("  exits             %s (profitable exits %s)\n", thousands(double(s.exited)).c_str(),
                thousands(double(s.profitableExits)).c_str());
    std::printf("  anorexic          %s (spend or frequency down more than %.0f %% over %d months)\n",
                thousands(double(s.anorexic)).c_str(), 100 * s.settings.anorexiaDrop, s.settings.anorexiaWindowMonths);
    std::printf("  revenue / margin  %s / %s in the window\n", thousands(s.revenue).c_str(), thousands(s.margin).c_str());
    if (s.surveyResponses > 0) {
        std::printf("  survey            %s responses in the window", thousands(double(s.surveyResponses)).c_str());
        if (s.nps) std::printf(", NPS %+.1f", *s.nps);
        if (s.surveyR2) std::printf(", R² of overall on attributes %.3f", *s.surveyR2);
        std::printf("\n");
    }
    std::printf("\nModels\n");
    for (const auto& r : s.models) {
        const auto j = nlohmann::json::parse(r.json);
        if (r.name == "bgnbd")
            std::printf("  BG/NBD       r %s  alpha %s  a %s  b %s  log-likelihood %s", num(j, "r").c_str(),
                        num(j, "alpha").c_str(), num(j, "a").c_str(), num(j, "b").c_str(), num(j, "loglik", 2).c_str());
        else if (r.name == "gamma_gamma")
            std::printf("  Gamma-Gamma  p %s  q %s  gamma %s", num(j, "p").c_str(), num(j, "q").c_str(),
                        num(j, "gamma").c_str());
        else
            std::printf("  %s", r.name.c_str());
        std::printf("  %s\n", r.converged ? "converged" : ("NOT USED: " + r.message).c_str());
    }
    if (!s.links.empty()) {
        std::printf("\nEconomies of loyalty (Spearman rho; * = broken link)\n");
        std::vector<std::vector<std::string>> rows{
            {"group", "satisfaction→loyalty", "loyalty→profitability", "satisfaction→profitability"}};
        for (const auto& g : s.links) {
            auto& row = rows.emplace_back(std::vector<std::string>{g.group});
            for (const auto& l : g.links) {
                char cell[48];
                if (std::isfinite(l.rho))
                    std::snprintf(cell, sizeof cell, "%+.2f%s (n=%zu)", l.rho, l.broken ? "*" : " ", l.pairs);
                else
                    std::snprintf(cell, sizeof cell, "- (n=%zu)", l.pairs);
                row.emplace_back(cell);
            }
        }
        std::fputs(text::renderTable(rows, {}, 40, "  ").c_str(), stdout);
    }
    for (const auto& w : s.warnings) std::printf("warning: %s\n", text::printable(w, 1000).c_str());
    std::printf("\nPhases:");
    for (const auto& p : s.phases) std::printf(" %s %.3f s;", p.name.c_str(), p.seconds);
    std::printf(" total %.3f s\n", s.seconds);
}

int runAnalyzeCommand(const AnalyzeArgs& a) {
    auto wb = store::Workbook::open(a.workbook, a.dryRun ? store::Workbook::OpenMode::ReadOnly
                                                          : store::Workbook::OpenMode::ReadWrite);
    if (!wb) return fail(wb.error());
    auto settings = engine::AnalysisSettings::load(*wb);
    if (!settings) return fail(settings.error());
    if (!a.analysisDate.empty()) settings->analysisDate = a.analysisDate;
    if (a.windowMonths > 0) settings->windowMonths = a.windowMonths;
    if (!a.potential.empty())
        settings->potential = a.potential == "wallet" ? engine::PotentialMethod::Wallet
                              : a.potential == "peer" ? engine::PotentialMethod::Peer
                                                      : engine::PotentialMethod::Model;
    if (auto st = settings->validate(); !st) return fail(st.error());
    if (a.saveSettings && !a.dryRun)
        if (auto st = settings->save(*wb); !st) return fail(st.error());
    engine::AnalysisOptions options;
    options.settings = *settings;
    options.store = !a.dryRun;
    ProgressLine line(a.quiet, std::chrono::milliseconds(200));
    ProgressFn progress = [&](const ProgressInfo& p) {
        const std::string phase = "analysing: " + std::string(p.phase);
        line.show({phase, 0, 0});
        return true;
    };
    auto summary = engine::runAnalysis(*wb, options, progress);
    line.clear();
    if (!summary) return fail(summary.error());
    if (a.asJson)
        std::cout << summary->toJson() << '\n';
    else
        printText(*summary, a.workbook);
    return 0;
}

}  // namespace

void addAnalyzeCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<AnalyzeArgs>();
    auto* cmd = app.add_subcommand("analyze",
                                   "Compute per-customer metrics, fit the models, analyse the survey and store "
                                   "the results (one transaction)");
    addWorkbookOption(*cmd, a->workbook);
    cmd->add_option("--analysis-date", a->analysisDate, "Last day of the analysis window (YYYY-MM-DD); "
                                                         "default: the workbook's setting or the last transaction day");
    cmd->add_option("--window-months", a->windowMonths, "Length of the analysis window in months")->check(CLI::Range(1, 120));
    cmd->add_option("--potential", a->potential, "Potential method")->check(CLI::IsMember({"model", "wallet", "peer"}));
    cmd->add_flag("--save-settings", a->saveSettings, "Store the given definitions in the workbook");
    cmd->add_flag("--dry-run", a->dryRun, "Compute and print, store nothing (the workbook is opened read-only)");
    cmd->add_flag("--json", a->asJson, "Print the summary as one JSON object");
    cmd->add_flag("-q,--quiet", a->quiet, "No progress on stderr");
    cmd->callback([&run, a] { run = [a] { return runAnalyzeCommand(*a); }; });
}

}  // namespace cw::cli
