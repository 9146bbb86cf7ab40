#pragma once
// Net Promoter Score (Reichheld 2003) of answers to "how likely are you to recommend us" on 0–10:
// promoters answer 9–10, passives 7–8, detractors 0–6; NPS = % promoters − % detractors.
#include <cstdint>
#include <optional>
#include <vector>

namespace cw::engine {

struct NpsSummary {
    std::int64_t answers = 0;  ///< answers counted (promoters + passives + detractors)
    std::int64_t promoters = 0;
    std::int64_t passives = 0;
    std::int64_t detractors = 0;
    std::int64_t ignored = 0;   ///< values that are not a number or outside 0–10
    std::optional<double> nps;  ///< −100…100; empty when there is no answer
};

/// NPS of any group's answers. A fractional answer (e.g. a mean) counts as a promoter from 9,
/// as a detractor below 7. Values outside 0–10 and NaN are ignored and counted as such.
NpsSummary nps(const std::vector<double>& recommend);

}  // namespace cw::engine
