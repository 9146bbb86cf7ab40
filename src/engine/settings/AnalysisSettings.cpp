#include "engine/settings/AnalysisSettings.h"

#include <nlohmann/json.hpp>

#include "core/CivilTime.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/Workbook.h"

namespace cw::engine {
namespace {

template <class T>
void read(const nlohmann::json& j, const char* key, T& out) {
    if (auto it = j.find(key); it != j.end() && !it->is_null()) out = it->get<T>();
}

}  // namespace

const char* toString(PotentialMethod m) {
    switch (m) {
    case PotentialMethod::Model: return "model";
    case PotentialMethod::Wallet: return "wallet";
    case PotentialMethod::Peer: return "peer";
    }
    return "model";
}

Status AnalysisSettings::validate() const {
    auto bad = [](const std::string& what) {
        return makeError(ErrorKind::Usage, "analysis setting " + what,
                         "change it with 'clienting settings --set KEY=VALUE' (docs/analysis.md lists the keys)");
    };
    for (const auto* date : {&analysisDate, &calibrationEnd})
        if (*date) {
            int y = 0;
            unsigned m = 0, d = 0;
            if (std::sscanf((*date)->c_str(), "%d-%u-%u", &y, &m, &d) != 3 || !isValidDate(y, m, d))
                return bad(std::string(date == &analysisDate ? "analysis_date" : "calibration_end") + " '" + **date +
                           "' is not a date YYYY-MM-DD");
        }
    if (timeUnit != "days" && timeUnit != "weeks" && timeUnit != "months")
        return bad("time_unit '" + timeUnit + "' is not days, weeks or months");
    if (windowMonths < 1 || windowMonths > 120) return bad("window_months must be 1..120");
    if (grossMarginRate < 0 || grossMarginRate > 1) return bad("gross_margin_rate must be 0..1");
    if (horizonMonths < 1 || horizonMonths > 120) return bad("horizon_months must be 1..120");
    if (annualDiscountRate < 0 || annualDiscountRate > 1) return bad("annual_discount_rate must be 0..1");
    if (peerPercentile <= 0 || peerPercentile >= 1) return bad("peer_percentile must be between 0 and 1");
    if (exitPAlive < 0 || exitPAlive > 1) return bad("exit_p_alive must be 0..1");
    if (exitRhythmMultiple <= 0) return bad("exit_rhythm_multiple must be positive");
    if (exitMinDays < 1) return bad("exit_min_days must be at least 1");
    if (profitableTopShare <= 0 || profitableTopShare >= 1) return bad("profitable_top_share must be between 0 and 1");
    if (anorexiaWindowMonths < 1 || 2 * anorexiaWindowMonths > 120) return bad("anorexia_window_months must be 1..60");
    if (anorexiaDrop <= 0 || anorexiaDrop >= 1) return bad("anorexia_drop must be between 0 and 1");
    if (anorexiaMinOrders < 1) return bad("anorexia_min_orders must be at least 1");
    if (currency.size() > 16) return bad("currency '" + currency + "' is longer than 16 bytes (a symbol or code: €, GBP)");
    for (unsigned char c : currency)
        if (c < 0x20 || c == 0x7f) return bad("currency must be printable text (a symbol or code: €, GBP)");
    const auto& w = loyalty;
    for (double v : {w.tenure, w.repeat, w.recency, w.pAlive, w.recommend, w.repurchase})
        if (v < 0) return bad("loyalty weights must not be negative");
    if (w.tenure + w.repeat + w.recency + w.pAlive + w.recommend + w.repurchase <= 0)
        return bad("at least one loyalty weight must be positive");
    return {};
}

std::string AnalysisSettings::toJson() const {
    nlohmann::json j;
    j["analysis_date"] = analysisDate ? nlohmann::json(*analysisDate) : nlohmann::json(nullptr);
    j["window_months"] = windowMonths;
    j["gross_margin_rate"] = grossMarginRate;
    j["potential_method"] = toString(potential);
    j["horizon_months"] = horizonMonths;
    j["time_unit"] = timeUnit;
    j["calibration_end"] = calibrationEnd ? nlohmann::json(*calibrationEnd) : nlohmann::json(nullptr);
    j["annual_discount_rate"] = annualDiscountRate;
    j["wallet_field"] = walletField;
    j["peer_percentile"] = peerPercentile;
    j["loyalty_weights"] = {{"tenure", loyalty.tenure},       {"repeat", loyalty.repeat},
                            {"recency", loyalty.recency},     {"p_alive", loyalty.pAlive},
                            {"recommend", loyalty.recommend}, {"repurchase", loyalty.repurchase}};
    j["exit_p_alive"] = exitPAlive;
    j["exit_rhythm_multiple"] = exitRhythmMultiple;
    j["exit_min_days"] = exitMinDays;
    j["profitable_top_share"] = profitableTopShare;
    j["anorexia_window_months"] = anorexiaWindowMonths;
    j["anorexia_drop"] = anorexiaDrop;
    j["anorexia_min_orders"] = anorexiaMinOrders;
    j["currency"] = currency;
    return j.dump();
}

Result<AnalysisSettings> AnalysisSettings::fromJson(const std::string& text) {
    AnalysisSettings s;
    try {
        const auto j = nlohmann::json::parse(text);
        if (!j.is_object()) return makeError(ErrorKind::Workbook, "setting analysis.settings is not a JSON object");
        if (auto it = j.find("analysis_date"); it != j.end() && it->is_string()) s.analysisDate = it->get<std::string>();
        read(j, "window_months", s.windowMonths);
        read(j, "gross_margin_rate", s.grossMarginRate);
        std::string method = toString(s.potential);
        read(j, "potential_method", method);
        if (method == "model") s.potential = PotentialMethod::Model;
        else if (method == "wallet") s.potential = PotentialMethod::Wallet;
        else if (method == "peer") s.potential = PotentialMethod::Peer;
        else return makeError(ErrorKind::Usage, "potential_method '" + method + "' is not model, wallet or peer");
        read(j, "horizon_months", s.horizonMonths);
        read(j, "time_unit", s.timeUnit);
        if (auto it = j.find("calibration_end"); it != j.end() && it->is_string()) s.calibrationEnd = it->get<std::string>();
        read(j, "annual_discount_rate", s.annualDiscountRate);
        read(j, "wallet_field", s.walletField);
        read(j, "peer_percentile", s.peerPercentile);
        if (auto it = j.find("loyalty_weights"); it != j.end() && it->is_object()) {
            read(*it, "tenure", s.loyalty.tenure);
            read(*it, "repeat", s.loyalty.repeat);
            read(*it, "recency", s.loyalty.recency);
            read(*it, "p_alive", s.loyalty.pAlive);
            read(*it, "recommend", s.loyalty.recommend);
            read(*it, "repurchase", s.loyalty.repurchase);
        }
        read(j, "exit_p_alive", s.exitPAlive);
        read(j, "exit_rhythm_multiple", s.exitRhythmMultiple);
        read(j, "exit_min_days", s.exitMinDays);
        read(j, "profitable_top_share", s.profitableTopShare);
        if (auto it = j.find("currency"); it != j.end() && !it->is_null())
            s.currency = it->is_string() ? it->get<std::string>() : it->dump();
        read(j, "anorexia_window_months", s.anorexiaWindowMonths);
        read(j, "anorexia_drop", s.anorexiaDrop);
        read(j, "anorexia_min_orders", s.anorexiaMinOrders);
    } catch (const nlohmann::json::exception& e) {
        return makeError(ErrorKind::Usage, std::string("analysis settings: ") + e.what());
    }
    if (auto st = s.validate(); !st) return st.takeError();
    return s;
}

Result<AnalysisSettings> AnalysisSettings::load(store::Workbook& wb) {
    return settings::read(wb.db(), settings::analysis());
}

Status AnalysisSettings::save(store::Workbook& wb) const {
    return settings::save(wb.db(), settings::analysis(), *this);
}

}  // namespace cw::engine
