// clienting model: fit the purchase models (BG/NBD, Gamma-Gamma) on a workbook's sales
// and print their parameters and diagnostics (read-only).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <optional>

#include "cli/Commands.h"
#include "engine/PurchaseModels.h"
#include "core/CivilTime.h"
#include "core/Error.h"
#include "engine/models/BgNbd.h"
#include "engine/models/GammaGamma.h"
#include "engine/settings/AnalysisSettings.h"
#include "engine/CustomerMetrics.h"
#include "engine/TransactionScan.h"
#include "engine/models/RfmSummary.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

struct ModelArgs {
    std::string workbook, timeUnit, calibrationEnd;
    bool asJson = false;
};

nlohmann::ordered_json toJson(const engine::RfmSummary& s, const engine::BgNbdFit& bg,
                              const engine::GammaGammaFit& gg) {
    return {{"summary",
             {{"customers", s.customers()},
              {"excluded_after_calibration_end", s.excluded},
              {"time_unit", engine::unitName(s.unit)},
              {"calibration_end", formatDate(s.calibrationEnd)}}},
            {"bgnbd", nlohmann::ordered_json::parse(engine::bgNbdFitJson(bg, s))},
            {"gamma_gamma", nlohmann::ordered_json::parse(engine::gammaGammaFitJson(gg))}};
}

void printText(const engine::RfmSummary& s, const engine::BgNbdFit& bg,
               const engine::GammaGammaFit& gg) {
    std::printf("Purchase models: %zu customers, time unit %s, calibration end %s", s.customers(),
                engine::unitName(s.unit), formatDate(s.calibrationEnd).c_str());
    if (s.excluded) std::printf(" (%zu customers first bought later, left out)", s.excluded);
    std::printf("\n\nBG/NBD (Fader, Hardie & Lee 2005): %s\n", bg.message.c_str());
    if (bg.converged) {
        std::printf("  r %.4f   alpha %.4f   a %.4f   b %.4f\n", bg.params.r, bg.params.alpha,
                    bg.params.a, bg.params.b);
        std::printf("  log-likelihood %.2f, %zu repeat customers, %zu patterns, %d evaluations\n",
                    bg.logLikelihood, bg.repeatCustomers, bg.patterns, bg.evaluations);
    }
    std::printf("\nGamma-Gamma spend (Fader & Hardie 2013): %s\n", gg.message.c_str());
    if (gg.converged) {
        std::printf("  p %.4f   q %.4f   gamma %.4f\n", gg.params.p, gg.params.q, gg.params.gamma);
        std::printf("  log-likelihood %.2f, %zu repeat customers", gg.logLikelihood, gg.customers);
        if (gg.nonPositive) std::printf(" (%zu with zero spend left out)", gg.nonPositive);
        std::printf(", correlation of frequency and spend %.3f\n", gg.correlation);
    }
    if (!gg.warning.empty()) std::printf("  warning: %s\n", gg.warning.c_str());
}

int runModelCommand(const ModelArgs& a) {
    auto wb = store::Workbook::open(a.workbook, store::Workbook::OpenMode::ReadOnly);
    if (!wb) return fail(wb.error());
    // The analysis settings give the defaults; the command's options override them.
    auto settings = engine::AnalysisSettings::load(*wb);
    if (!settings) return fail(settings.error());
    engine::CalibrationOptions co;
    co.unit = engine::timeUnitOf(a.timeUnit.empty() ? settings->timeUnit : a.timeUnit);
    const std::optional<std::string> end = !a.calibrationEnd.empty() ? std::optional(a.calibrationEnd)
                                           : settings->calibrationEnd     ? settings->calibrationEnd
                                                                          : settings->analysisDate;
    if (end) {
        const std::int64_t day = parseIsoDay(*end);
        if (day < 0)
            return fail(makeError(ErrorKind::Usage, "--calibration-end is not a date: " + *end, "write it as YYYY-MM-DD"));
        co.calibrationEnd = static_cast<std::int32_t>(day);
    }
    // The same scan as the analysis (threads, no SQL per customer): the same log, in the same time.
    auto customers = engine::loadCustomers(wb->db(), settings->walletField);
    if (!customers) return fail(customers.error());
    auto rows = engine::scanTransactions(wb->path(), customers->id);
    if (!rows) return fail(rows.error());
    auto log = engine::purchaseLogOf(*rows, co.calibrationEnd.value_or(std::numeric_limits<std::int32_t>::max()));
    *rows = engine::CustomerRows{};
    if (log.customers() == 0)
        return fail(
            makeError(ErrorKind::Input, "no sales of identified customers to model",
                      "import transactions with a customer id (and check --calibration-end)"));
    const engine::RfmSummary summary = engine::summarizePurchases(log, co);
    auto bg = engine::fitBgNbd(summary);
    if (!bg) return fail(bg.error());
    auto gg = engine::fitGammaGamma(summary);
    if (!gg) return fail(gg.error());

    if (a.asJson)
        std::cout << toJson(summary, *bg, *gg).dump(2) << '\n';
    else
        printText(summary, *bg, *gg);
    // A fit that did not converge is not presented: exit 2 (input data cannot be used).
    if (!bg->converged)
        return fail(
            makeError(ErrorKind::Input, "the BG/NBD fit cannot be presented: " + bg->message,
                      "more customers with repeat purchases or a longer calibration period"));
    if (!gg->converged)
        return fail(makeError(ErrorKind::Input,
                              "the Gamma-Gamma fit cannot be presented: " + gg->message,
                              "more customers with repeat purchases of positive value"));
    return 0;
}

}  // namespace

void addModelCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<ModelArgs>();
    auto* cmd = app.add_subcommand("model",
                                   "Fit the purchase models: BG/NBD (transactions, P(alive)) and "
                                   "Gamma-Gamma (spend per transaction)");
    addWorkbookOption(*cmd, a->workbook);
    cmd->add_option("--time-unit", a->timeUnit,
                    "Unit of t_x and T (a month is 30.4375 days); default: the time_unit setting (weeks)")
        ->check(CLI::IsMember({"days", "weeks", "months"}));
    cmd->add_option("--calibration-end", a->calibrationEnd,
                    "Last day (YYYY-MM-DD, inclusive) of the calibration period; default: the calibration_end "
                    "setting, else the analysis_date setting, else the last sale");
    cmd->add_flag("--json", a->asJson, "Print one JSON object");
    cmd->callback([&run, a] { run = [a] { return runModelCommand(*a); }; });
}

}  // namespace cw::cli
