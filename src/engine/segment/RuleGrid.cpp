#include "engine/segment/RuleGrid.h"

#include <algorithm>
#include <cmath>

#include "engine/segment/Quantile.h"

namespace cw::engine {
namespace {

Status checkCuts(const std::vector<double>& cuts, const std::vector<std::string>& names,
                 const char* what) {
    for (std::size_t i = 0; i < cuts.size(); ++i) {
        if (!(cuts[i] > 0 && cuts[i] < 1) || (i && cuts[i] <= cuts[i - 1]))
            return makeError(ErrorKind::Usage,
                             std::string(what) + " cuts must be ascending probabilities in (0, 1)");
    }
    if (!names.empty() && names.size() != cuts.size() + 1)
        return makeError(ErrorKind::Usage,
                         std::string(what) + " tier names must be one more than the cuts");
    return {};
}

std::vector<std::string> tierNames(const std::vector<std::string>& given, std::size_t tiers) {
    if (!given.empty()) return given;
    if (tiers == 3) return {"low", "mid", "high"};
    if (tiers == 2) return {"low", "high"};
    std::vector<std::string> names;
    for (std::size_t t = 0; t < tiers; ++t) names.push_back("tier " + std::to_string(t + 1));
    return names;
}

std::vector<double> cutValues(const std::vector<double>& values, const std::vector<double>& probs) {
    const std::vector<double> sorted = sortedFinite(values);
    std::vector<double> cuts;
    for (double p : probs) cuts.push_back(quantileSorted(sorted, p));
    return cuts;
}

// Number of cut values strictly below x.
int tierOf(double x, const std::vector<double>& cuts) {
    return static_cast<int>(std::lower_bound(cuts.begin(), cuts.end(), x) - cuts.begin());
}

}  // namespace

Status RuleGridOptions::validate() const {
    if (auto s = checkCuts(profitCuts, profitTierNames, "profitability"); !s) return s;
    return checkCuts(potentialCuts, potentialTierNames, "potential");
}

Result<RuleGridResult> ruleGrid(const std::vector<double>& profitability,
                                const std::vector<double>& potential,
                                const RuleGridOptions& options) {
    if (auto s = options.validate(); !s) return s.takeError();
    if (profitability.size() != potential.size())
        return makeError(ErrorKind::Input, "rule grid: profitability and potential differ in size");
    RuleGridResult r;
    r.profitTiers = static_cast<int>(options.profitCuts.size()) + 1;
    r.potentialTiers = static_cast<int>(options.potentialCuts.size()) + 1;
    const auto pn = tierNames(options.profitTierNames, r.profitTiers);
    const auto qn = tierNames(options.potentialTierNames, r.potentialTiers);
    for (int p = r.profitTiers - 1; p >= 0; --p)
        for (int q = r.potentialTiers - 1; q >= 0; --q)
            r.labels.push_back(pn[p] + " profit / " + qn[q] + " potential");
    r.labels.push_back("no data");
    const int noData = static_cast<int>(r.labels.size()) - 1;
    r.counts.assign(r.labels.size(), 0);
    // Both measures must be known for a customer to be placed, but each measure's cut points
    // use every customer for whom that measure is known.
    r.profitCutValues = cutValues(profitability, options.profitCuts);
    r.potentialCutValues = cutValues(potential, options.potentialCuts);
    r.label.resize(profitability.size());
    for (std::size_t i = 0; i < profitability.size(); ++i) {
        const double x = profitability[i], y = potential[i];
        const int l = std::isfinite(x) && std::isfinite(y)
                          ? r.cell(tierOf(x, r.profitCutValues), tierOf(y, r.potentialCutValues))
                          : noData;
        r.label[i] = l;
        ++r.counts[l];
    }
    return r;
}

}  // namespace cw::engine
