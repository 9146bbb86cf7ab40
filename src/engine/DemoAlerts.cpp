#include "engine/DemoAlerts.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "core/CivilTime.h"
#include "engine/DemoCatalog.h"
#include "engine/DemoRandom.h"

namespace cw::engine::demo {
namespace {

using kpi::AlertKind;

constexpr std::uint64_t kPlantStream = 4;  // DemoGenerator's streams are 1–3
constexpr int kKnownManagers = 3;
constexpr std::array<AlertKind, kpi::kAlertKindCount> kPlantOrder = {
    AlertKind::NoContact, AlertKind::Anorexia, AlertKind::SatisfactionFell, AlertKind::LowPAlive,
    AlertKind::OverdueAction};
constexpr int kAttempts = 50;  // redraws of a steady or shrinking timeline until it shows what it should

// Low P(alive): a new customer who bought on 8 days, 6 days apart, then nothing for 93 days. A
// steady buyer's P(alive) only falls under 0.7 after a gap longer than the analysis' inactivity
// limit (max(3 × rhythm, 180 days)), so it would be counted gone instead. With a few repeat
// purchases close together, a/(b + x − 1) is nearly the fitted mean drop-out probability, which
// varies little between populations: the BG/NBD fits of 14 demo workbooks (seeds 1, 7 and 42;
// 500, 2,000 and 20,000 customers) put this customer's P(alive) between 0.56 and 0.65, inside
// [0.5, 0.7) with room on both sides, while 93 days stays under the 180-day limit and every
// purchase falls in the last six months (no earlier window to compare: never anorexic).
constexpr int kBurstDays = 8, kBurstGap = 6, kBurstQuiet = 93;
constexpr int kOverdueDays = 30;  // the overdue action was due this many days before the end

// Gross margin of a euro sold to the customer: the basket's list margins less its discount.
double marginRate(const CustomerSpec& c) {
    const SegmentSpec& seg = kSegments[c.segment];
    double weight = 0, margin = 0;
    for (std::size_t k = 0; k < kCategories.size(); ++k) {
        weight += seg.categoryWeights[k];
        margin += seg.categoryWeights[k] * kCategories[k].margin;
    }
    const double discount = seg.discount + (c.size > 10 ? 0.03 : 0.0);
    return (margin / weight - discount) / (1.0 - discount);
}

// A year's margin after cost to serve, as the profile promises it.
double expectedMargin(const CustomerSpec& c) {
    const ChannelCost& cost = kCostToServe[c.channel];
    return c.ordersPerYear * (c.ticket * marginRate(c) - cost.perOrder) - cost.perCustomerYear;
}

double quantileOf(std::vector<double>& v, double q) {
    if (v.empty()) return 0;
    const auto k = static_cast<std::ptrdiff_t>(q * double(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + k, v.end());
    return v[std::size_t(k)];
}

void clearDrawnFates(CustomerSpec& c) {
    c.churner = c.shrinking = false;
    c.churnDay = c.shrinkDay = 0;
    c.shrinkRate = c.shrinkTicket = 1;
    c.growth = 0;
}

// A customer since before the history who buys every two to four weeks and, at its ticket, earns
// at least `targetMargin` a year.
void makeSteady(CustomerSpec& c, const Calendar& cal, double targetMargin) {
    clearDrawnFates(c);
    c.acquisitionDay = std::min(c.acquisitionDay, cal.startDay - 60);
    c.ordersPerYear = std::clamp(c.ordersPerYear, 12.0, 24.0);
    const double rate = std::max(0.05, marginRate(c));
    const ChannelCost& cost = kCostToServe[c.channel];
    c.ticket = std::max(c.ticket, ((targetMargin + cost.perCustomerYear) / c.ordersPerYear + cost.perOrder) / rate);
}

PlantedCase plant(AlertKind kind, std::int64_t index, int manager, const CustomerSpec& drawn, const Calendar& cal,
                  double steadyMargin, double topMargin) {
    PlantedCase p;
    p.kind = kind;
    p.customer = index;
    p.manager = manager;
    p.spec = drawn;
    CustomerSpec& c = p.spec;
    switch (kind) {
    case AlertKind::NoContact:
        p.marginTarget = topMargin;
        makeSteady(c, cal, topMargin);
        break;
    case AlertKind::Anorexia:
        p.marginTarget = steadyMargin;
        makeSteady(c, cal, steadyMargin);
        // From the start of the last six months: a purchase every 2.5 rhythms, at half the value.
        c.shrinking = true;
        c.shrinkDay = cal.recentStart;
        c.shrinkRate = 0.4;
        c.shrinkTicket = 0.5;
        break;
    case AlertKind::SatisfactionFell:
    case AlertKind::OverdueAction:
        p.marginTarget = steadyMargin;
        makeSteady(c, cal, steadyMargin);
        break;
    case AlertKind::LowPAlive:
        clearDrawnFates(c);
        c.acquisitionDay = cal.endDay - kBurstQuiet - std::int64_t(kBurstDays - 1) * kBurstGap;
        break;
    }
    return p;
}

// Purchase days every 365.25 / ordersPerYear days (± a fifth), back from the end, the gap
// stretched by 1 / shrinkRate from shrinkDay on.
std::vector<std::int64_t> rhythmDays(const CustomerSpec& c, const Calendar& cal, Rng& rng) {
    const double gap = 365.25 / c.ordersPerYear;
    const std::int64_t first = std::max(c.acquisitionDay, cal.startDay);
    std::vector<std::int64_t> days{cal.endDay - (c.shrinking ? 0 : rng.below(3))};
    for (double t = double(days.back());;) {
        const double g = c.shrinking && t >= double(c.shrinkDay) ? gap / c.shrinkRate : gap;
        t -= g;
        const auto day = static_cast<std::int64_t>(std::llround(t + rng.uniform(-g / 5, g / 5)));
        if (day < first) break;
        if (day < days.back()) days.push_back(day);
    }
    std::reverse(days.begin(), days.end());
    return days;
}

// What the analysis will measure (its default windows: 12 months of margin, 6 + 6 for anorexia).
struct Figures {
    double prev = 0, recent = 0, margin = 0;
    int prevDays = 0, recentDays = 0;
    std::int64_t lastSale = -1;
};

Figures measure(const CustomerSpec& c, const Calendar& cal, const std::vector<TxRow>& rows) {
    Figures f;
    int windowDays = 0;
    for (const auto& r : rows) {
        const std::int64_t day = r.ts / 86400;
        if (day < cal.previousStart) continue;
        f.margin += r.revenue - r.cost;
        (day >= cal.recentStart ? f.recent : f.prev) += r.revenue;
        if (r.kind != 0 || day == f.lastSale) continue;
        f.lastSale = day;
        ++windowDays;
        ++(day >= cal.recentStart ? f.recentDays : f.prevDays);
    }
    const ChannelCost& cost = kCostToServe[c.channel];
    f.margin -= windowDays * cost.perOrder + cost.perCustomerYear;
    return f;
}

bool shows(const PlantedCase& p, const Calendar& cal, const std::vector<TxRow>& rows) {
    const Figures f = measure(p.spec, cal, rows);
    if (p.kind == AlertKind::Anorexia)
        return f.lastSale == cal.endDay && f.prevDays >= 3 && f.recent > 0 && f.recent <= 0.45 * f.prev;
    // Steady: no drop anywhere near the anorexia limit, bought lately, and the margin promised.
    return f.prevDays >= 3 && f.recentDays >= 0.75 * f.prevDays && f.recent >= 0.75 * f.prev &&
           f.lastSale >= cal.endDay - 7 && f.margin >= 0.5 * p.marginTarget;
}

NoteDraft note(std::int64_t day, NoteMood mood, Rng& rng) {
    return {day * 86400 + 9 * 3600 + rng.below(540) * 60, noteText(mood, rng)};
}

}  // namespace

void plantAlerts(Population& pop) {
    pop.knownManagers.clear();
    pop.planted.clear();
    for (int r = 0; r < std::min(kKnownManagers, pop.regions); ++r)
        for (std::size_t m = 0; m < pop.managers.size(); ++m)
            if (pop.managers[m].level == "manager" && pop.managers[m].region == r) {
                pop.knownManagers.push_back(static_cast<int>(m));
                break;
            }
    // The known managers' customers that neither churn nor shrink, and what margins look like.
    std::vector<std::vector<std::int64_t>> candidates(pop.knownManagers.size());
    std::vector<double> margins;
    margins.reserve(pop.customers.size());
    for (std::size_t i = 0; i < pop.customers.size(); ++i) {
        const CustomerSpec& c = pop.customers[i];
        margins.push_back(expectedMargin(c));
        if (c.churner || c.shrinking) continue;
        for (std::size_t k = 0; k < pop.knownManagers.size(); ++k)
            if (c.manager == pop.knownManagers[k]) candidates[k].push_back(static_cast<std::int64_t>(i));
    }
    // Steady planted buyers earn a good margin (the 75th percentile); the uncontacted one twice the
    // 95th, so that it is surely in the top tier (the top 20 % by margin).
    const double top = 2.0 * std::max(100.0, quantileOf(margins, 0.95));
    const double steady = std::max(200.0, quantileOf(margins, 0.75));
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        auto& pool = candidates[k];
        for (AlertKind kind : kPlantOrder) {
            if (pool.empty()) break;
            auto pick = pool.begin();  // the first by index…
            if (kind == AlertKind::NoContact)  // …but the biggest buyer goes uncontacted
                pick = std::max_element(pool.begin(), pool.end(), [&](auto a, auto b) {
                    return expectedMargin(pop.customers[std::size_t(a)]) < expectedMargin(pop.customers[std::size_t(b)]);
                });
            pop.planted.push_back(
                plant(kind, *pick, pop.knownManagers[k], pop.customers[std::size_t(*pick)], pop.cal, steady, top));
            pool.erase(pick);
        }
    }
    std::sort(pop.planted.begin(), pop.planted.end(),
              [](const PlantedCase& a, const PlantedCase& b) { return a.customer < b.customer; });
}

void plantedRecords(const PlantedCase& p, const Population& pop, std::uint64_t seed, std::vector<TxRow>& rows,
                    std::vector<SurveyAnswer>& answers, std::vector<NoteDraft>& notes) {
    const Calendar& cal = pop.cal;
    Rng rng(mixSeed(seed, static_cast<std::uint64_t>(p.customer), kPlantStream));
    answers.clear();
    notes.clear();
    if (p.kind == AlertKind::LowPAlive) {
        std::vector<std::int64_t> days;
        for (int j = 0; j < kBurstDays; ++j) days.push_back(p.spec.acquisitionDay + std::int64_t(j) * kBurstGap);
        ordersOnDays(p.spec, cal, days, rng, rows);
    } else {
        for (int attempt = 0; attempt < kAttempts; ++attempt) {
            ordersOnDays(p.spec, cal, rhythmDays(p.spec, cal, rng), rng, rows);
            if (shows(p, cal, rows)) break;
        }
    }
    // Everyone but the uncontacted customer has a note of the last two months, so that no other
    // top-tier customer goes without contact.
    switch (p.kind) {
    case AlertKind::NoContact:
        break;
    case AlertKind::Anorexia:
        notes.push_back(note(cal.endDay - rng.between(10, 60), NoteMood::Shrinking, rng));
        break;
    case AlertKind::SatisfactionFell: {
        notes.push_back(note(cal.endDay - rng.between(10, 60), NoteMood::Complaint, rng));
        // Two answers, the later far lower: 9/10, then 4/10 in the last wave.
        const auto waves = surveyWaves(cal);
        const std::int64_t latest = waves.empty() ? cal.endDay - 60 : waves.back();
        const std::int64_t before = waves.size() >= 2 ? waves[waves.size() - 2] : latest - 120;
        answers.push_back(answerWithOverall(p.spec, before, pop.attributeWeights, 9, rng));
        answers.push_back(answerWithOverall(p.spec, latest, pop.attributeWeights, 4, rng));
        break;
    }
    case AlertKind::LowPAlive:
    case AlertKind::OverdueAction:
        notes.push_back(note(cal.endDay - rng.between(10, 60), NoteMood::Neutral, rng));
        break;
    }
}

store::AccountPlan overduePlan(const PlantedCase& p, const Population& pop) {
    const ManagerSpec& manager = pop.managers[std::size_t(p.manager)];
    store::AccountPlan plan;
    plan.managerId = manager.id;
    plan.title = "Yearly review";
    plan.notes = "Planted by the demo generator: its action is overdue.";
    plan.createdAt = formatDate(pop.cal.endDay - 90) + " 09:00:00";
    plan.createdBy = "demo";
    plan.customerIds = {p.spec.id};
    store::PlanAction action;
    action.customerId = p.spec.id;
    action.what = "Review the supply agreement with the customer";
    action.owner = manager.name;
    action.dueDay = static_cast<std::int32_t>(pop.cal.endDay - kOverdueDays);
    action.status = "open";
    plan.actions.push_back(std::move(action));
    return plan;
}

}  // namespace cw::engine::demo
