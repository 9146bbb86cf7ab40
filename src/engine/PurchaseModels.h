#pragma once
// The purchase models inside an analysis: BG/NBD on the purchase days up to the analysis day
// (weeks, same-day purchases once), Gamma-Gamma on the repeat customers' spend, and from them
// P(alive), expected purchases and the discounted predicted margin (CLV) over the horizon.
// A fit that does not converge is reported and its columns stay empty; the analysis goes on.
#include <string>
#include <vector>

#include "core/Result.h"
#include "engine/Analysis.h"
#include "engine/CustomerMetrics.h"

namespace cw::engine {

struct BgNbdFit;
struct GammaGammaFit;
struct RfmSummary;

enum class TimeUnit;
/// The time unit named by the time_unit setting ("days", "weeks", "months"; weeks otherwise).
TimeUnit timeUnitOf(const std::string& name);

/// The model reports as stored in model_fits and printed by `clienting model --json`.
std::string bgNbdFitJson(const BgNbdFit& fit, const RfmSummary& data);
std::string gammaGammaFitJson(const GammaGammaFit& fit);

struct PurchaseModelsOutcome {
    std::vector<ModelReport> reports;
    std::vector<std::string> warnings;
};

/// Fills m.pAlive, m.expectedPurchases, m.expectedSpend and m.clv of the customers in `log`
/// (`logIndex[k]` is the metrics index of log customer k).
Result<PurchaseModelsOutcome> fitPurchaseModels(const PurchaseLog& log, const std::vector<std::int32_t>& logIndex,
                                                const AnalysisSettings& settings, const AnalysisCalendar& cal,
                                                MetricsTable& m);

}  // namespace cw::engine
