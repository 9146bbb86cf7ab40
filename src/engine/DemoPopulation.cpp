#include "engine/DemoPopulation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/CivilTime.h"
#include "engine/DemoAlerts.h"
#include "engine/DemoCatalog.h"
#include "engine/DemoGenerator.h"
#include "engine/DemoRandom.h"

namespace cw::engine::demo {
namespace {

constexpr double kChurnShare = 0.25;       // of all customers
constexpr double kShrinkShare = 0.125;     // of the customers who stay
constexpr int kChurnQuietMonths = 7;       // churners buy nothing in the last 7+ months…
constexpr int kChurnQuietMonthsRare = 10;  // …10+ for occasional buyers, whose gaps are long

std::string code(const char* prefix, std::int64_t n, int width) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%0*lld", prefix, width, static_cast<long long>(n));
    return buf;
}

CustomerSpec drawCustomer(const Calendar& cal, const std::vector<double>& regionWeights, Rng& rng) {
    CustomerSpec c;
    std::array<double, kSegmentCount> shares{};
    for (int s = 0; s < kSegmentCount; ++s) shares[s] = kSegments[s].share;
    c.segment = rng.pick(shares);
    const SegmentSpec& seg = kSegments[c.segment];
    c.region = rng.pick(regionWeights);
    c.channel = rng.pick(seg.channelWeights);
    // Company size drives the heavy tail of revenue (a few big buyers make most of it).
    c.size = std::min(rng.pareto(1.0, 2.1), 80.0);
    c.ordersPerYear = seg.ordersPerYear * rng.lognormal(0.0, 0.25) * std::pow(c.size, 0.12);
    c.ticket = seg.ticket * std::pow(c.size, 0.8) * rng.lognormal(0.0, 0.25);
    c.growth = c.segment == kGrowingMid ? rng.uniform(0.10, 0.30) : rng.uniform(-0.03, 0.05);
    const std::int64_t span = cal.endDay - cal.startDay + 1;
    if (rng.chance(seg.oldCustomerShare))
        c.acquisitionDay = cal.startDay - rng.between(30, 8 * 365);
    else
        c.acquisitionDay = cal.startDay + rng.below(std::max<std::int64_t>(1, span - 45));
    const double bias[kSegmentCount] = {0.25, 0.10, -0.20, 0.0};
    c.satisfaction = rng.normal() + bias[c.segment];
    return c;
}

void buildManagers(Population& pop, const DemoOptions& options, Rng& rng) {
    std::vector<std::int64_t> perRegion(pop.regions, 0);
    for (const auto& c : pop.customers) ++perRegion[c.region];
    const int width = options.customers >= 200000 ? 5 : 4;
    auto add = [&](std::string level, int region, int parent) {
        ManagerSpec m;
        m.code = code("MGR-", static_cast<std::int64_t>(pop.managers.size()) + 1, width);
        m.name = personName(rng);
        m.level = std::move(level);
        m.region = region;
        m.parent = parent;
        pop.managers.push_back(std::move(m));
        return static_cast<int>(pop.managers.size()) - 1;
    };
    add("company", -1, -1);
    std::vector<std::vector<int>> leaves(pop.regions);
    for (int r = 0; r < pop.regions; ++r) {
        const int head = add("region", r, 0);
        const auto n = std::max<std::int64_t>(
            1, std::llround(static_cast<double>(perRegion[r]) / rng.uniform(40.0, 80.0)));
        for (std::int64_t i = 0; i < n; ++i) leaves[r].push_back(add("manager", r, head));
    }
    for (auto& c : pop.customers) {
        const auto& pool = leaves[c.region];
        c.manager = pool[rng.below(static_cast<std::int64_t>(pool.size()))];
    }
}

// Churn follows dissatisfaction and segment; the quiet period before the end is long
// enough that the exit shows in the transactions, not only in the truth table.
void plantChurners(Population& pop, Rng& rng) {
    const Calendar& cal = pop.cal;
    std::vector<double> weight(pop.customers.size(), 0.0);
    double total = 0;
    for (std::size_t i = 0; i < pop.customers.size(); ++i) {
        const auto& c = pop.customers[i];
        const int quiet = c.segment == kOccasional ? kChurnQuietMonthsRare : kChurnQuietMonths;
        const std::int64_t lo = std::max(c.acquisitionDay, cal.startDay) + 60;
        const std::int64_t hi = addMonths(cal.endDay + 1, -quiet) - 1;
        if (hi - lo < 30) continue;
        weight[i] = kSegments[c.segment].churnFactor * std::exp(-0.8 * c.satisfaction);
        total += weight[i];
    }
    if (total <= 0) return;
    const double target = kChurnShare * static_cast<double>(pop.customers.size());
    for (std::size_t i = 0; i < pop.customers.size(); ++i) {
        auto& c = pop.customers[i];
        if (weight[i] <= 0 || !rng.chance(std::min(0.95, target * weight[i] / total))) continue;
        const int quiet = c.segment == kOccasional ? kChurnQuietMonthsRare : kChurnQuietMonths;
        const std::int64_t lo = std::max(c.acquisitionDay, cal.startDay) + 60;
        const std::int64_t hi = addMonths(cal.endDay + 1, -quiet) - 1;
        c.churner = true;
        c.churnDay = rng.between(lo, hi);
        c.satisfaction -= 0.4;
    }
}

// Shrinkers are regular buyers with a full year of history, so that a drop between the
// last six months and the six before is measurable rather than noise.
void plantShrinkers(Population& pop, Rng& rng) {
    const Calendar& cal = pop.cal;
    const std::int64_t latestAcquisition = addMonths(cal.endDay + 1, -15);
    auto eligible = [&](const CustomerSpec& c) {
        return !c.churner && c.segment != kOccasional && c.ordersPerYear >= 4.0 &&
               c.acquisitionDay <= latestAcquisition;
    };
    std::int64_t survivors = 0, candidates = 0;
    for (const auto& c : pop.customers) {
        survivors += !c.churner;
        candidates += eligible(c);
    }
    if (candidates == 0) return;
    const double p = std::min(0.95, kShrinkShare * double(survivors) / double(candidates));
    for (auto& c : pop.customers) {
        if (!eligible(c) || !rng.chance(p)) continue;
        c.shrinking = true;
        c.shrinkDay = cal.recentStart - rng.between(0, 45);
        const double drop = rng.uniform(0.30, 0.50);  // spend keeps 30–50 %
        c.shrinkRate = rng.uniform(std::max(drop, 0.45), 0.85);
        c.shrinkTicket = drop / c.shrinkRate;
        c.satisfaction -= 0.5;
    }
}

// Distinct weights (K, K-1, … 1, normalised) in a seed-dependent order, rounded to four
// decimals so that the stored truth is exactly what generated the answers.
std::vector<double> plantWeights(int k, Rng& rng) {
    std::vector<int> order(k);
    for (int i = 0; i < k; ++i) order[i] = i;
    for (int i = k - 1; i > 0; --i) std::swap(order[i], order[rng.below(i + 1)]);
    const double sum = k * (k + 1) / 2.0;
    std::vector<double> w(k);
    for (int rank = 0; rank < k; ++rank)
        w[order[rank]] = std::round((k - rank) / sum * 10000.0) / 10000.0;
    return w;
}

}  // namespace

Calendar makeCalendar(std::int64_t endDay, int months) {
    Calendar cal;
    cal.endDay = endDay;
    cal.startDay = addMonths(endDay + 1, -months);
    cal.recentStart = addMonths(endDay + 1, -6);
    cal.previousStart = addMonths(endDay + 1, -12);
    return cal;
}

Population buildPopulation(const DemoOptions& options, Rng& rng) {
    Population pop;
    pop.cal = makeCalendar(parseIsoDay(options.endDate), options.months);
    pop.regions = 4 + static_cast<int>(rng.below(3));
    std::vector<double> regionWeights(pop.regions);
    for (auto& w : regionWeights) w = rng.uniform(0.6, 1.6);
    pop.customers.reserve(options.customers);
    for (int i = 0; i < options.customers; ++i)
        pop.customers.push_back(drawCustomer(pop.cal, regionWeights, rng));
    buildManagers(pop, options, rng);
    plantChurners(pop, rng);
    plantShrinkers(pop, rng);
    pop.attributeWeights = plantWeights(options.attributes, rng);
    // Last, drawing nothing from `rng`: the population above is the same with or without the
    // planted alerts.
    plantAlerts(pop);
    return pop;
}

}  // namespace cw::engine::demo
