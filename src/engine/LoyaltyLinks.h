#pragma once
// The economies-of-loyalty check: per group of customers, how strongly satisfaction moves
// loyalty and loyalty moves profitability (Spearman rank correlations, which the skew of
// margins does not distort). A link that is weak or not significant is "broken": the method's
// chain from perceived value to profit does not hold there, and spending on satisfaction in that
// group may not pay back.
#include <string>
#include <vector>

namespace cw::engine {

struct LinkStrength {
    std::string from, to;  ///< "satisfaction" → "loyalty", "loyalty" → "profitability", …
    std::size_t pairs = 0; ///< customers with both values
    double rho = 0;        ///< Spearman's rank correlation (NaN with fewer than 3 pairs)
    double pValue = 1;     ///< two-sided, t approximation
    bool broken = true;    ///< rho < minRho or p ≥ alpha or too few pairs
};

struct GroupLinks {
    std::string group;  ///< "(all)" for the whole base
    std::vector<LinkStrength> links;
};

struct LinkOptions {
    double minRho = 0.10;
    double alpha = 0.05;
    std::size_t minPairs = 10;
};

/// Spearman's rank correlation of the pairs where both values are finite (average ranks for ties).
LinkStrength rankCorrelation(const std::vector<double>& a, const std::vector<double>& b, const LinkOptions& options);

/// The chain per group: satisfaction → loyalty, loyalty → profitability, satisfaction →
/// profitability. `group[i]` names customer i's group; the first entry covers everyone.
std::vector<GroupLinks> loyaltyLinks(const std::vector<double>& satisfaction, const std::vector<double>& loyalty,
                                     const std::vector<double>& profitability, const std::vector<std::string>& group,
                                     const LinkOptions& options = {});

}  // namespace cw::engine
