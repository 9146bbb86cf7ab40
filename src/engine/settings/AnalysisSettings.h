#pragma once
// The definitions the analysis uses (DESIGN §3), stored in the workbook as the JSON setting
// "analysis.settings" so that a consultant's choices travel with the file. Every field has the
// documented default; unknown keys are ignored and missing keys keep the default.
#include <optional>
#include <string>

#include "core/Result.h"

namespace cw::store {
class Workbook;
}

namespace cw::engine {

enum class PotentialMethod { Model, Wallet, Peer };

struct LoyaltyWeights {
    double tenure = 1.0;      ///< years as a customer, saturating at 5
    double repeat = 1.0;      ///< share of months with a purchase in the window
    double recency = 1.0;     ///< days since last purchase against the customer's own rhythm
    double pAlive = 1.0;      ///< BG/NBD probability of being alive
    double recommend = 1.0;   ///< likelihood to recommend (survey)
    double repurchase = 1.0;  ///< repurchase intention (survey)
};

struct AnalysisSettings {
    std::optional<std::string> analysisDate;  ///< YYYY-MM-DD; default: the last transaction day
    int windowMonths = 12;                    ///< profitability window ending on the analysis date
    double grossMarginRate = 0.30;            ///< margin rate where a transaction has no cost

    PotentialMethod potential = PotentialMethod::Model;
    int horizonMonths = 12;          ///< potential and CLV horizon
    std::string timeUnit = "weeks";  ///< purchase models: days | weeks | months
    /// Purchase models: last day of the calibration period (YYYY-MM-DD); default: the analysis date.
    std::optional<std::string> calibrationEnd;
    double annualDiscountRate = 0.10;
    std::string walletField = "wallet";  ///< custom field holding the external wallet estimate
    double peerPercentile = 0.80;        ///< peer potential: this percentile of spend in the peer group

    LoyaltyWeights loyalty;

    double exitPAlive = 0.5;          ///< exit when P(alive) falls below this …
    double exitRhythmMultiple = 3.0;  ///< … or no purchase for max(k × own rhythm, exitMinDays)
    int exitMinDays = 180;
    double profitableTopShare = 0.20;  ///< top tier of profitability (share of customers)

    int anorexiaWindowMonths = 6;  ///< recent window compared with the one before it
    double anorexiaDrop = 0.40;    ///< spend or frequency fell by more than this share
    int anorexiaMinOrders = 2;     ///< purchase days needed in the earlier window (one is no rhythm)

    /// How money is labelled on axes and in tables ("€", "GBP", "US$"); empty: "currency". The
    /// workbook's amounts are in this currency as imported: nothing is converted.
    std::string currency;
    /// The currency for people: the setting, or "currency" when unset.
    std::string currencyLabel() const { return currency.empty() ? "currency" : currency; }

    Status validate() const;
    std::string toJson() const;
    static Result<AnalysisSettings> fromJson(const std::string& json);

    /// Reads "analysis.settings" (defaults when absent).
    static Result<AnalysisSettings> load(store::Workbook& wb);
    Status save(store::Workbook& wb) const;
};

const char* toString(PotentialMethod m);

}  // namespace cw::engine
