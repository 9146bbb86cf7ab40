#include "engine/PurchaseModels.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "core/CivilTime.h"
#include "engine/models/BgNbd.h"
#include "engine/models/Clv.h"
#include "engine/models/GammaGamma.h"
#include "engine/models/RfmSummary.h"

namespace cw::engine {

namespace {

// A parameter that must not be presented (fit refused) is null.
nlohmann::ordered_json number(double v, bool present) {
    return present && std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

}  // namespace

TimeUnit timeUnitOf(const std::string& name) {
    return name == "days" ? TimeUnit::Days : name == "months" ? TimeUnit::Months : TimeUnit::Weeks;
}

std::string bgNbdFitJson(const BgNbdFit& f, const RfmSummary& data) {
    const bool ok = f.converged;
    nlohmann::ordered_json j{{"r", number(f.params.r, ok)},
                             {"alpha", number(f.params.alpha, ok)},
                             {"a", number(f.params.a, ok)},
                             {"b", number(f.params.b, ok)},
                             {"loglik", number(f.logLikelihood, ok)},
                             {"converged", ok},
                             {"message", f.message},
                             {"customers", f.customers},
                             {"repeat_customers", f.repeatCustomers},
                             {"patterns", f.patterns},
                             {"iterations", f.iterations},
                             {"evaluations", f.evaluations},
                             {"gradient_max", f.gradientInf},
                             {"time_unit", unitName(data.unit)},
                             {"calibration_end", formatDate(data.calibrationEnd)}};
    return j.dump();
}

std::string gammaGammaFitJson(const GammaGammaFit& f) {
    const bool ok = f.converged;
    nlohmann::ordered_json j{{"p", number(f.params.p, ok)},
                             {"q", number(f.params.q, ok)},
                             {"gamma", number(f.params.gamma, ok)},
                             {"loglik", number(f.logLikelihood, ok)},
                             {"converged", ok},
                             {"message", f.message},
                             {"customers", f.customers},
                             {"excluded_non_positive_spend", f.nonPositive},
                             {"iterations", f.iterations},
                             {"evaluations", f.evaluations},
                             {"gradient_max", f.gradientInf},
                             {"frequency_spend_correlation", f.correlation},
                             {"warning", f.warning}};
    return j.dump();
}

Result<PurchaseModelsOutcome> fitPurchaseModels(const PurchaseLog& log, const std::vector<std::int32_t>& logIndex,
                                                const AnalysisSettings& settings, const AnalysisCalendar& cal,
                                                MetricsTable& m) {
    PurchaseModelsOutcome out;
    CalibrationOptions co;
    co.unit = timeUnitOf(settings.timeUnit);
    co.calibrationEnd = settings.calibrationEnd
                            ? std::min(static_cast<std::int32_t>(parseIsoDay(*settings.calibrationEnd)), cal.analysisDay)
                            : cal.analysisDay;
    const RfmSummary data = summarizePurchases(log, co);
    if (data.customers() == 0) return out;
    // Summary row k → metrics index, through the log's (ascending) customer ids.
    std::vector<std::int32_t> index(data.customers());
    for (std::size_t k = 0; k < data.customers(); ++k) {
        auto it = std::lower_bound(log.customerId.begin(), log.customerId.end(), data.customerId[k]);
        index[k] = logIndex[std::size_t(it - log.customerId.begin())];
    }

    auto bg = fitBgNbd(data);
    if (!bg) return bg.takeError();
    out.reports.push_back({"bgnbd", bg->converged, bg->message, bgNbdFitJson(*bg, data)});
    if (!bg->converged) {
        out.warnings.push_back("BG/NBD not used: " + bg->message +
                               " (P(alive), expected purchases and model potential are left empty)");
        return out;
    }
    const double horizon = settings.horizonMonths * unitDays(TimeUnit::Months) / unitDays(co.unit);
    const Eigen::ArrayXd alive = bgNbdProbabilityAlive(bg->params, data.x, data.tx, data.T);
    const Eigen::ArrayXd expected = bgNbdExpectedTransactions(bg->params, horizon, data.x, data.tx, data.T);
    for (std::size_t k = 0; k < data.customers(); ++k) {
        m.pAlive[std::size_t(index[k])] = alive[Eigen::Index(k)];
        m.expectedPurchases[std::size_t(index[k])] = expected[Eigen::Index(k)];
    }

    auto gg = fitGammaGamma(data);
    if (!gg) return gg.takeError();
    out.reports.push_back({"gamma_gamma", gg->converged, gg->message, gammaGammaFitJson(*gg)});
    if (!gg->warning.empty()) out.warnings.push_back("Gamma-Gamma: " + gg->warning);
    if (!gg->converged || gg->params.q <= 1) {
        out.warnings.push_back("Gamma-Gamma not used: " + gg->message + " (CLV and model potential are left empty)");
        return out;
    }
    const Eigen::ArrayXd spend = gammaGammaExpectedSpend(gg->params, data.x, data.mx);
    ClvOptions clv;
    clv.horizonMonths = settings.horizonMonths;
    clv.annualDiscountRate = settings.annualDiscountRate;
    // The customer's own margin share in the window; the configured rate when it has no revenue.
    clv.marginRatio.resize(Eigen::Index(data.customers()));
    for (std::size_t k = 0; k < data.customers(); ++k) {
        const auto i = std::size_t(index[k]);
        const double ratio = m.revenue[i] > 0 ? m.margin[i] / m.revenue[i] : settings.grossMarginRate;
        clv.marginRatio[Eigen::Index(k)] = std::clamp(ratio, -1.0, 1.0);
        m.expectedSpend[i] = spend[Eigen::Index(k)];
    }
    auto values = customerLifetimeValue(bg->params, gg->params, data, clv);
    if (!values) return values.takeError();
    for (std::size_t k = 0; k < data.customers(); ++k) m.clv[std::size_t(index[k])] = (*values)[Eigen::Index(k)];
    return out;
}

}  // namespace cw::engine
