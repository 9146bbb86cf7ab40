#pragma once
// Survey analysis (DESIGN §3): per service attribute its satisfaction (mean score on 0–100),
// stated importance and derived importance (Johnson's relative weights of the attribute scores
// in explaining overall satisfaction, with the standardised OLS coefficients as a second view);
// per customer the latest answer in the window; the NPS of the survey.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Progress.h"
#include "core/Result.h"
#include "engine/survey/Nps.h"
#include "engine/survey/RelativeWeights.h"
#include "engine/survey/SurveyData.h"

namespace cw::engine {

/// How responses with a missing attribute score enter the derived importance.
enum class MissingPolicy {
    Listwise,  ///< only responses with every attribute (in the model) and overall answered
    Pairwise   ///< each correlation from the responses that answered both of its variables
};

struct SurveyOptions {
    SurveyWindow window;  ///< default: every response
    MissingPolicy missing = MissingPolicy::Listwise;
    RelativeWeightsOptions weights;

    Status validate() const;
};

struct AttributeResult {
    std::int64_t id = 0;
    std::string name;
    std::int64_t responses = 0;               ///< answered scores in the window
    std::optional<double> satisfaction;       ///< mean score rescaled to 0–100
    std::int64_t statedResponses = 0;         ///< answers of stated importance
    std::optional<double> statedImportance;   ///< mean stated importance (raw), when asked
    std::optional<double> derivedImportance;  ///< relative weight (the weights sum to R²)
    std::optional<double> derivedShare;       ///< relative weight / R²
    std::optional<double> olsBeta;            ///< standardised OLS coefficient
    std::optional<double> correlation;        ///< correlation with overall satisfaction
    bool inModel = false;  ///< false: left out of the regression (no answers or constant)
};

/// A customer's latest answer in the window (latest by time, then by response id; an undated
/// response counts as older than any dated one).
struct CustomerAnswer {
    std::int64_t customerId = 0;
    std::int64_t responseId = 0;
    std::optional<std::int64_t> ts;
    std::optional<std::int64_t> day;            ///< days since 1970-01-01
    std::optional<double> satisfaction;         ///< 0–100
    std::optional<double> recommend;            ///< 0–10
    std::optional<double> repurchase;           ///< 0–100
    std::vector<std::optional<double>> scores;  ///< per attribute (SurveyAnalysis order), 0–100
};

struct SurveyAnalysis {
    std::vector<AttributeResult> attributes;  ///< in attribute-id order
    std::vector<CustomerAnswer>
        customers;               ///< by customer id; customers without an answer are absent
    std::int64_t responses = 0;  ///< responses in the window
    std::int64_t anonymousResponses = 0;  ///< of which from respondents who are not known customers
    std::optional<std::int64_t> lastDay;  ///< of the latest dated response (days since 1970-01-01)
    std::int64_t beforeWindow = 0, afterWindow = 0;  ///< responses dated outside the window, left out
    std::optional<double> satisfaction;   ///< mean overall satisfaction, 0–100
    NpsSummary nps;                       ///< over every response in the window

    // Derived importance and its diagnostics.
    bool derived = false;       ///< relative weights were computed
    std::optional<double> r2;   ///< R² of overall satisfaction on the attributes in the model
    std::int64_t rowsUsed = 0;  ///< listwise: complete responses; pairwise: smallest pair count
    std::optional<double> conditionNumber;
    std::string message;  ///< what was done or why derived importance is missing
    double seconds = 0;   ///< wall time of the analysis
};

/// Analyses survey answers read by readSurvey (engine/load/SurveyLoader.h reads and analyses a
/// workbook's). The derived importance failing (too few complete responses, collinear
/// attributes) is not an error: the rest is still returned, `derived` is false and `message`
/// says why. `seconds` is left 0 for the caller that also timed the read. Errors: Usage
/// (options), Cancelled.
Result<SurveyAnalysis> analyzeSurvey(const SurveyData& data, const SurveyOptions& options = {},
                                     const ProgressFn& progress = {});

}  // namespace cw::engine
