#pragma once
// The rule grid segmentation (DESIGN §5): customers placed in profitability tiers x potential
// tiers, the cut points being quantiles of each measure, e.g. 3 x 3 cells labelled
// "high profit / high potential" … "low profit / low potential".
#include <cstdint>
#include <string>
#include <vector>

#include "core/Result.h"

namespace cw::engine {

struct RuleGridOptions {
    /// Quantile probabilities cutting each measure into tiers (ascending, inside (0, 1));
    /// n cut points give n + 1 tiers. Default: terciles.
    std::vector<double> profitCuts{1.0 / 3.0, 2.0 / 3.0};
    std::vector<double> potentialCuts{1.0 / 3.0, 2.0 / 3.0};
    /// Tier names from the lowest tier up; empty: "low"/"mid"/"high" for three tiers,
    /// "low"/"high" for two, "tier 1"… otherwise.
    std::vector<std::string> profitTierNames;
    std::vector<std::string> potentialTierNames;

    Status validate() const;
};

struct RuleGridResult {
    /// Per customer: a cell index into `labels`; the last label is "no data".
    std::vector<int> label;
    /// Cell names, "<profit tier> profit / <potential tier> potential", highest profit tier
    /// first and within it highest potential first; then "no data".
    std::vector<std::string> labels;
    std::vector<std::int64_t> counts;     ///< customers per label
    std::vector<double> profitCutValues;  ///< the quantiles that cut profitability
    std::vector<double> potentialCutValues;
    int profitTiers = 0, potentialTiers = 0;

    /// Label index of a cell (tiers counted from 0 = lowest).
    int cell(int profitTier, int potentialTier) const {
        return (profitTiers - 1 - profitTier) * potentialTiers +
               (potentialTiers - 1 - potentialTier);
    }
};

/// Places every customer: a value above a cut value is in the tier above it (a value equal to
/// a cut stays below). Cut values are quantiles of the finite values only. A customer with a
/// NaN (or infinite) profitability or potential gets "no data". Error (Input) when the sizes
/// differ.
Result<RuleGridResult> ruleGrid(const std::vector<double>& profitability,
                                const std::vector<double>& potential,
                                const RuleGridOptions& options = {});

}  // namespace cw::engine
