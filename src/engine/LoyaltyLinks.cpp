#include "engine/LoyaltyLinks.h"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace cw::engine {
namespace {

std::vector<double> averageRanks(const std::vector<double>& v) {
    std::vector<std::size_t> idx(v.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> rank(v.size());
    for (std::size_t k = 0; k < idx.size();) {
        std::size_t e = k;
        while (e + 1 < idx.size() && v[idx[e + 1]] == v[idx[k]]) ++e;
        const double r = 0.5 * double(k + e) + 1.0;
        for (std::size_t j = k; j <= e; ++j) rank[idx[j]] = r;
        k = e + 1;
    }
    return rank;
}

}  // namespace

LinkStrength rankCorrelation(const std::vector<double>& a, const std::vector<double>& b, const LinkOptions& o) {
    LinkStrength s;
    std::vector<double> x, y;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        if (std::isfinite(a[i]) && std::isfinite(b[i])) x.push_back(a[i]), y.push_back(b[i]);
    s.pairs = x.size();
    if (s.pairs < 3) {
        s.rho = std::numeric_limits<double>::quiet_NaN();
        return s;
    }
    const auto rx = averageRanks(x), ry = averageRanks(y);
    const double n = double(s.pairs), mean = (n + 1) / 2;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < s.pairs; ++i) {
        sxy += (rx[i] - mean) * (ry[i] - mean);
        sxx += (rx[i] - mean) * (rx[i] - mean);
        syy += (ry[i] - mean) * (ry[i] - mean);
    }
    if (sxx <= 0 || syy <= 0) {
        s.rho = 0;
        return s;  // a constant variable carries no link
    }
    s.rho = sxy / std::sqrt(sxx * syy);
    const double r2 = std::min(s.rho * s.rho, 1.0 - 1e-15);
    const double t = s.rho * std::sqrt((n - 2) / (1 - r2));
    boost::math::students_t dist(n - 2);
    s.pValue = 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(t)));
    s.broken = s.pairs < o.minPairs || s.rho < o.minRho || s.pValue >= o.alpha;
    return s;
}

std::vector<GroupLinks> loyaltyLinks(const std::vector<double>& satisfaction, const std::vector<double>& loyalty,
                                     const std::vector<double>& profitability, const std::vector<std::string>& group,
                                     const LinkOptions& options) {
    auto chain = [&](const std::string& name, const std::vector<std::size_t>* members) {
        GroupLinks g{name, {}};
        auto pick = [&](const std::vector<double>& v) {
            if (!members) return v;
            std::vector<double> out;
            out.reserve(members->size());
            for (auto i : *members) out.push_back(v[i]);
            return out;
        };
        const auto s = pick(satisfaction), l = pick(loyalty), p = pick(profitability);
        for (auto [from, to, a, b] : {std::tuple{"satisfaction", "loyalty", &s, &l},
                                      std::tuple{"loyalty", "profitability", &l, &p},
                                      std::tuple{"satisfaction", "profitability", &s, &p}}) {
            auto link = rankCorrelation(*a, *b, options);
            link.from = from;
            link.to = to;
            g.links.push_back(link);
        }
        return g;
    };
    std::vector<GroupLinks> out{chain("(all)", nullptr)};
    std::map<std::string, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < group.size(); ++i)
        if (!group[i].empty()) members[group[i]].push_back(i);
    if (members.size() > 1)
        for (const auto& [name, idx] : members) out.push_back(chain(name, &idx));
    return out;
}

}  // namespace cw::engine
