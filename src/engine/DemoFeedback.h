#pragma once
// What customers say: survey answers (service attributes on 1–5, overall
// satisfaction on 1–10 built from the attributes with the planted weights,
// likelihood to recommend, repurchase intention) and front-line notes.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/DemoPopulation.h"

namespace cw::engine::demo {

class Rng;

inline constexpr double kScoreMin = 1, kScoreMax = 5;       // attribute scale
inline constexpr double kOverallMin = 1, kOverallMax = 10;  // overall satisfaction scale

struct SurveyAnswer {
    std::int64_t ts = 0;
    double overall = 0;                         ///< raw, 1–10
    double satisfaction = 0;                    ///< overall rescaled to 0–100
    double recommend = 0;                       ///< 0–10
    double repurchase = 0;                      ///< intention 1–5 rescaled to 0–100
    std::vector<std::optional<double>> scores;  ///< per attribute; empty = not applicable
    std::vector<double> importance;             ///< stated importance, 1–5
};

/// Days of the yearly survey waves inside the history (one to three).
std::vector<std::int64_t> surveyWaves(const Calendar& cal);
/// Whether the customer was a customer (and had not left) when the wave ran.
bool canAnswer(const CustomerSpec& c, std::int64_t waveDay);
/// One to three answers of a respondent, over the waves they could answer.
void drawAnswers(const CustomerSpec& c, const std::vector<std::int64_t>& waves,
                 const std::vector<double>& weights, Rng& rng, std::vector<SurveyAnswer>& out);

/// One answer in the wave of `waveDay` whose overall satisfaction is `overall` (1–10), the
/// attribute scores drawn to agree with it (the planted satisfaction falls).
SurveyAnswer answerWithOverall(const CustomerSpec& c, std::int64_t waveDay, const std::vector<double>& weights,
                               double overall, Rng& rng);

struct NoteDraft {
    std::int64_t ts = 0;
    std::string_view text;
};
/// Front-line notes: more for key accounts and for unhappy, leaving or shrinking customers.
void drawNotes(const CustomerSpec& c, const Calendar& cal, Rng& rng, std::vector<NoteDraft>& out);

}  // namespace cw::engine::demo
