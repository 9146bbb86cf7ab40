#include "engine/DemoFeedback.h"

#include <algorithm>
#include <cmath>

#include "engine/DemoCatalog.h"
#include "engine/DemoRandom.h"

namespace cw::engine::demo {
namespace {

double clampRound(double x, double lo, double hi) {
    return std::clamp(std::round(x), lo, hi);
}
double round2(double x) {
    return std::round(x * 100.0) / 100.0;
}

SurveyAnswer drawAnswer(const CustomerSpec& c, std::int64_t waveDay,
                        const std::vector<double>& weights, Rng& rng) {
    SurveyAnswer a;
    a.ts = (waveDay + rng.between(0, 27)) * 86400 + 9 * 3600 + rng.below(600) * 60;
    // Attribute scores share a halo (the customer's mood at the time) plus their own noise.
    const double mood = c.satisfaction + rng.normal(0.0, 0.35);
    const auto k = weights.size();
    double weighted = 0, wmax = *std::max_element(weights.begin(), weights.end());
    a.scores.resize(k);
    a.importance.resize(k);
    for (std::size_t j = 0; j < k; ++j) {
        const double score = clampRound(
            3.2 + kAttributes[j].bias + 0.75 * mood + rng.normal(0.0, 0.75), kScoreMin, kScoreMax);
        weighted += weights[j] * score;
        if (!rng.chance(kAttributes[j].naShare)) a.scores[j] = score;
        // Stated importance: everything sounds important, the planted weights only a little.
        a.importance[j] = clampRound(3.4 + 1.6 * weights[j] / wmax + rng.normal(0.0, 0.7), 1, 5);
    }
    // Overall is linear in the attribute scores with the planted weights: a 1–5 mean maps
    // onto 1–10. Scores hidden as "not applicable" still shaped the customer's judgement.
    const double wsum = [&] {
        double s = 0;
        for (double w : weights) s += w;
        return s;
    }();
    const double latent = 1.0 + 2.25 * (weighted / wsum - 1.0) + rng.normal(0.0, 0.55);
    a.overall = clampRound(latent, kOverallMin, kOverallMax);
    a.satisfaction = round2((a.overall - kOverallMin) / (kOverallMax - kOverallMin) * 100.0);
    a.recommend = clampRound(a.overall - 0.7 + rng.normal(0.0, 1.2), 0, 10);
    const double intent = clampRound(
        1.0 + 4.0 * (a.overall - 1.0) / 9.0 + rng.normal(0.0, 0.6) - (c.churner ? 0.5 : 0.0), 1, 5);
    a.repurchase = (intent - 1.0) / 4.0 * 100.0;
    return a;
}

NoteMood pickMood(const CustomerSpec& c, Rng& rng) {
    if (c.churner) return rng.chance(0.5) ? NoteMood::Leaving : NoteMood::Complaint;
    if (c.shrinking) return rng.chance(0.6) ? NoteMood::Shrinking : NoteMood::Complaint;
    if (c.satisfaction < -0.8) return rng.chance(0.8) ? NoteMood::Complaint : NoteMood::Neutral;
    if (c.satisfaction > 0.8) return rng.chance(0.6) ? NoteMood::Positive : NoteMood::Neutral;
    const double u = rng.uniform();
    return u < 0.7 ? NoteMood::Neutral : u < 0.85 ? NoteMood::Positive : NoteMood::Complaint;
}

}  // namespace

std::vector<std::int64_t> surveyWaves(const Calendar& cal) {
    std::vector<std::int64_t> waves;
    for (int w = 2; w >= 0; --w) {
        const std::int64_t day = addMonths(cal.endDay + 1, -2 - 12 * w);
        if (day >= cal.startDay + 30) waves.push_back(day);
    }
    return waves;
}

bool canAnswer(const CustomerSpec& c, std::int64_t waveDay) {
    if (waveDay < c.acquisitionDay + 60) return false;
    return !c.churner || waveDay + 30 < c.churnDay;
}

void drawAnswers(const CustomerSpec& c, const std::vector<std::int64_t>& waves,
                 const std::vector<double>& weights, Rng& rng, std::vector<SurveyAnswer>& out) {
    out.clear();
    std::vector<std::int64_t> open;
    for (auto w : waves)
        if (canAnswer(c, w)) open.push_back(w);
    if (open.empty()) return;
    const auto sure = rng.below(static_cast<std::int64_t>(open.size()));
    for (std::size_t i = 0; i < open.size(); ++i)
        if (static_cast<std::int64_t>(i) == sure || rng.chance(0.5))
            out.push_back(drawAnswer(c, open[i], weights, rng));
}

SurveyAnswer answerWithOverall(const CustomerSpec& c, std::int64_t waveDay, const std::vector<double>& weights,
                               double overall, Rng& rng) {
    // The mood whose attribute scores give about this overall answer (drawAnswer's scale
    // inverted), so that the scores agree with it.
    CustomerSpec moody = c;
    moody.satisfaction = (1.0 + (overall - 1.0) / 2.25 - 3.2) / 0.75;
    SurveyAnswer a = drawAnswer(moody, waveDay, weights, rng);
    a.overall = clampRound(overall, kOverallMin, kOverallMax);
    a.satisfaction = round2((a.overall - kOverallMin) / (kOverallMax - kOverallMin) * 100.0);
    a.recommend = clampRound(a.overall - 0.7 + rng.normal(0.0, 0.5), 0, 10);
    a.repurchase = (clampRound(1.0 + 4.0 * (a.overall - 1.0) / 9.0, 1, 5) - 1.0) / 4.0 * 100.0;
    return a;
}

void drawNotes(const CustomerSpec& c, const Calendar& cal, Rng& rng, std::vector<NoteDraft>& out) {
    out.clear();
    double p = 0.04;
    if (c.segment == kKeyAccounts) p = 0.35;
    if (c.churner || c.shrinking || c.satisfaction < -1.0) p = std::max(p, 0.30);
    if (!rng.chance(p)) return;
    const int n = std::min(4, 1 + rng.poisson(0.6));
    const std::int64_t first = std::max(c.acquisitionDay, cal.startDay);
    std::int64_t lo = first, hi = cal.endDay;
    if (c.churner) {
        hi = c.churnDay - 1;
        lo = std::max(first, hi - 120);
    } else if (c.shrinking) {
        lo = c.shrinkDay;
    }
    for (int i = 0; i < n; ++i) {
        NoteDraft d;
        d.ts = rng.between(lo, hi) * 86400 + 9 * 3600 + rng.below(540) * 60;
        d.text = noteText(pickMood(c, rng), rng);
        out.push_back(d);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const NoteDraft& a, const NoteDraft& b) { return a.ts < b.ts; });
}

}  // namespace cw::engine::demo
