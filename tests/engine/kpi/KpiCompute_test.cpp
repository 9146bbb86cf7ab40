// The indicators' computation on random customers with segments, checked against a brute-force
// computation written here: for every row (company or node, every customer or a segment,
// period), each additive part is the sum over the customers of that node's subtree (found by
// walking up from the customer's manager) and segment, computed from each customer's months
// directly; the top-fifth margin by sorting those customers' margins; anorexia at a month end by
// the rule on whole months. The workbook-level check against SQL is tests/engine/KpiValues_test.cpp
// (it has no segments); this one covers segments, the company's own customers and the bit masks.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <random>

#include "core/CivilTime.h"
#include "engine/kpi/KpiCompute.h"

using namespace cw::engine::kpi;

namespace {

struct Case {
    KpiInput in;
    Hierarchy h{{}};
};

// 3 levels (1 → 10, 20 → 11, 12, 21), 3 segments, 400 customers over 2022-01 … 2024-05-17.
Case randomCase(unsigned seed) {
    std::mt19937 rng(seed);
    Case c;
    c.h = Hierarchy({{21, 20}, {11, 10}, {1, std::nullopt}, {10, 1}, {12, 10}, {20, 1}});
    auto& in = c.in;
    in.firstDay = static_cast<std::int32_t>(cw::daysFromCivil(2022, 1, 3));
    in.analysisDay = static_cast<std::int32_t>(cw::daysFromCivil(2024, 5, 17));
    in.segments = 3;
    in.anorexiaMonths = 3;
    const int firstMonth = monthOf(in.firstDay), lastMonth = monthOf(in.analysisDay);
    std::uniform_real_distribution<double> u(0, 1);
    for (int i = 0; i < 400; ++i) {
        KpiCustomer k;
        k.node = static_cast<int>(rng() % 7) - 1;  // -1: no manager
        k.segment = static_cast<int>(rng() % 4) - 1;  // -1: outside the segmentation
        k.costPerOrder = (rng() % 3) * 1.5;
        k.costPerYear = (rng() % 2) * 12.0;
        if (u(rng) < 0.7) k.loyalty = 100 * u(rng);
        if (u(rng) < 0.6) k.potential = 500 * u(rng);
        k.anorexicNow = u(rng) < 0.2;
        // Months with activity: a random start, a random density, sometimes a stop.
        const int start = firstMonth + static_cast<int>(rng() % 20);
        const int stop = u(rng) < 0.3 ? start + static_cast<int>(rng() % 10) : lastMonth;
        const double density = 0.2 + 0.8 * u(rng);
        bool any = false;
        for (int m = start; m <= std::min(stop, lastMonth); ++m) {
            if (u(rng) > density) continue;
            MonthActivity a;
            a.month = m;
            a.purchaseDays = static_cast<std::int32_t>(rng() % 4);
            a.revenue = a.purchaseDays ? 50 + 200 * u(rng) : -20 * u(rng);  // a return-only month
            a.cost = a.revenue * 0.6;
            if (!any && a.purchaseDays) {
                k.firstDay = monthStart(m) + static_cast<std::int32_t>(rng() % 28);
                any = true;
            }
            in.activity.push_back(a);
        }
        if (any && stop < lastMonth && u(rng) < 0.8) {
            k.exitDay = std::min(in.analysisDay, monthStart(stop + 2) + static_cast<std::int32_t>(rng() % 20));
            k.profitableExit = u(rng) < 0.4;
        }
        in.activityOffset.push_back(static_cast<std::int64_t>(in.activity.size()));
        in.customers.push_back(k);
        for (int a = 0, n = static_cast<int>(rng() % 3); a < n; ++a) {
            SurveyAnswer s;
            s.customer = i;
            s.day = in.firstDay + static_cast<std::int32_t>(rng() % static_cast<unsigned>(in.analysisDay - in.firstDay + 1));
            s.time = std::int64_t{s.day} * 86400 + static_cast<std::int64_t>(rng() % 86400);
            s.order = static_cast<std::int64_t>(in.answers.size());
            if (u(rng) < 0.9) s.satisfaction = 100 * u(rng);
            if (u(rng) < 0.8) s.recommend = static_cast<double>(rng() % 11);
            in.answers.push_back(s);
        }
    }
    return c;
}

bool inNode(const Hierarchy& h, int customerNode, int node) {
    if (node < 0) return true;  // the company
    for (std::optional<std::size_t> v = customerNode < 0 ? std::nullopt : std::optional<std::size_t>(customerNode); v;
         v = h.parent(*v))
        if (static_cast<int>(*v) == node) return true;
    return false;
}

// The rule of docs/analysis.md on whole months, directly from a customer's months.
bool anorexicAtMonthEnd(const KpiInput& in, std::size_t i, int lastMonth) {
    double prevRevenue = 0, recentRevenue = 0;
    double prevDays = 0, recentDays = 0;
    for (auto k = in.activityOffset[i]; k < in.activityOffset[i + 1]; ++k) {
        const auto& a = in.activity[static_cast<std::size_t>(k)];
        if (a.month > lastMonth) continue;
        if (a.month > lastMonth - in.anorexiaMonths) recentRevenue += a.revenue, recentDays += a.purchaseDays;
        else if (a.month > lastMonth - 2 * in.anorexiaMonths) prevRevenue += a.revenue, prevDays += a.purchaseDays;
    }
    if (!(prevRevenue > 0) || prevDays < in.anorexiaMinOrders) return false;
    const double keep = 1 - in.anorexiaDrop;
    return recentRevenue < keep * prevRevenue || (prevDays >= 3 && recentDays < keep * prevDays);
}

KpiParts bruteForce(const Case& c, const Period& per, const Period* prev, bool last, int node, int segment) {
    const auto& in = c.in;
    KpiParts p;
    std::vector<double> margins;
    for (std::size_t i = 0; i < in.customers.size(); ++i) {
        const auto& k = in.customers[i];
        if (!inNode(c.h, k.node, node) || (segment >= 0 && k.segment != segment)) continue;
        const bool inBase = k.firstDay >= 0 && k.firstDay <= per.end && (k.exitDay < 0 || k.exitDay > per.end);
        p.customers += inBase;
        p.newCustomers += k.firstDay >= 0 && per.contains(k.firstDay);
        p.exits += k.exitDay >= 0 && per.contains(k.exitDay);
        p.profitableExits += k.exitDay >= 0 && per.contains(k.exitDay) && k.profitableExit;
        if (inBase) p.anorexic += last ? k.anorexicNow : anorexicAtMonthEnd(in, i, per.firstMonth + monthsIn(per.kind) - 1);
        double revenue = 0, cost = 0, days = 0, prevDays = 0;
        for (auto j = in.activityOffset[i]; j < in.activityOffset[i + 1]; ++j) {
            const auto& a = in.activity[static_cast<std::size_t>(j)];
            if (a.month >= per.firstMonth && a.month <= monthOf(per.end)) revenue += a.revenue, cost += a.cost, days += a.purchaseDays;
            if (prev && a.month >= prev->firstMonth && a.month <= monthOf(prev->end)) prevDays += a.purchaseDays;
        }
        const double cts = days > 0 ? days * k.costPerOrder + k.costPerYear * per.days() / 365.25 : 0;
        const double margin = revenue - cost - cts;
        p.revenue += revenue;
        p.margin += margin;
        p.costToServe += cts;
        if (prevDays > 0) p.prevActive += 1;
        if (days > 0) {
            p.active += 1;
            p.retained += prevDays > 0;
            margins.push_back(margin);
            if (!std::isnan(k.loyalty)) p.loyaltySum += k.loyalty, p.loyaltyN += 1;
            if (!std::isnan(k.potential)) {
                p.potentialMargin += margin;
                p.potentialOpen += k.potential * per.days() / (in.horizonMonths * 30.4375);
            }
        }
        // The latest answer of the period.
        const SurveyAnswer* latest = nullptr;
        for (const auto& s : in.answers)
            if (s.customer == static_cast<std::int32_t>(i) && per.contains(s.day) &&
                (!latest || std::tie(s.time, s.order) > std::tie(latest->time, latest->order)))
                latest = &s;
        if (latest && !std::isnan(latest->satisfaction)) p.satisfactionSum += latest->satisfaction, p.satisfactionN += 1;
        if (latest && !std::isnan(latest->recommend)) {
            p.npsNet += latest->recommend >= 9 ? 1 : latest->recommend <= 6 ? -1 : 0;
            p.npsN += 1;
        }
    }
    if (!margins.empty()) {
        std::sort(margins.begin(), margins.end(), std::greater<>());
        p.topMargin = 0;
        for (std::size_t k = 0; k < (margins.size() + 4) / 5; ++k) p.topMargin += margins[k];
    }
    return p;
}

void expectNear(double expected, double actual, const std::string& what) {
    if (std::isnan(expected)) {
        EXPECT_TRUE(std::isnan(actual)) << what;
        return;
    }
    EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

TEST(KpiCompute, EveryRowOfEveryNodeAndSegmentEqualsABruteForceSum) {
    for (unsigned seed : {1u, 2u, 3u}) {
        const auto c = randomCase(seed);
        const auto rows = computeKpis(c.in, c.h);
        std::map<std::tuple<int, int, int, std::int32_t>, const KpiRow*> index;
        for (const auto& r : rows) index[{static_cast<int>(r.period.kind), r.node, r.segment, r.period.start}] = &r;
        std::size_t checked = 0;
        for (auto kind : kPeriodKinds) {
            const auto periods = periodsCovering(kind, c.in.firstDay, c.in.analysisDay);
            for (int node = -1; node < static_cast<int>(c.h.size()); ++node)
                for (int seg = -1; seg < c.in.segments; ++seg)
                    for (std::size_t p = 0; p < periods.size(); ++p) {
                        const auto expected = bruteForce(c, periods[p], p ? &periods[p - 1] : nullptr,
                                                         p + 1 == periods.size(), node, seg);
                        auto it = index.find({static_cast<int>(kind), node, seg, periods[p].start});
                        ASSERT_NE(it, index.end()) << "seed " << seed << " node " << node << " segment " << seg;
                        const auto& got = it->second->parts;
                        const std::string at = "seed " + std::to_string(seed) + " " + periodLabel(periods[p]) +
                                               " node " + std::to_string(node) + " segment " + std::to_string(seg);
                        EXPECT_EQ(got.customers, expected.customers) << at;
                        EXPECT_EQ(got.active, expected.active) << at;
                        EXPECT_EQ(got.newCustomers, expected.newCustomers) << at;
                        EXPECT_EQ(got.exits, expected.exits) << at;
                        EXPECT_EQ(got.profitableExits, expected.profitableExits) << at;
                        EXPECT_EQ(got.retained, expected.retained) << at;
                        EXPECT_EQ(got.prevActive, expected.prevActive) << at;
                        EXPECT_EQ(got.anorexic, expected.anorexic) << at;
                        EXPECT_EQ(got.satisfactionN, expected.satisfactionN) << at;
                        EXPECT_EQ(got.npsNet, expected.npsNet) << at;
                        EXPECT_EQ(got.npsN, expected.npsN) << at;
                        EXPECT_EQ(got.loyaltyN, expected.loyaltyN) << at;
                        expectNear(expected.revenue, got.revenue, at + " revenue");
                        expectNear(expected.margin, got.margin, at + " margin");
                        expectNear(expected.costToServe, got.costToServe, at + " cost to serve");
                        expectNear(expected.topMargin, got.topMargin, at + " top margin");
                        expectNear(expected.satisfactionSum, got.satisfactionSum, at + " satisfaction");
                        expectNear(expected.loyaltySum, got.loyaltySum, at + " loyalty");
                        expectNear(expected.potentialMargin, got.potentialMargin, at + " potential margin");
                        expectNear(expected.potentialOpen, got.potentialOpen, at + " potential open");
                        ++checked;
                    }
        }
        EXPECT_EQ(rows.size(), checked) << "one row per node × segment × period, none else";
    }
}

TEST(KpiCompute, RatiosAreRecomputedFromTheirParts) {
    KpiParts p;
    p.retained = 3, p.prevActive = 4, p.margin = 90, p.active = 3, p.topMargin = 60;
    p.npsNet = -1, p.npsN = 4, p.potentialMargin = 30, p.potentialOpen = 90;
    EXPECT_DOUBLE_EQ(*value(IndicatorId::RetentionRate, p), 75);
    EXPECT_DOUBLE_EQ(*value(IndicatorId::MarginPerCustomer, p), 30);
    EXPECT_DOUBLE_EQ(*value(IndicatorId::TopShareOfMargin, p), 60.0 / 90 * 100);
    EXPECT_DOUBLE_EQ(*value(IndicatorId::Nps, p), -25);
    EXPECT_DOUBLE_EQ(*value(IndicatorId::PotentialCaptured, p), 25);
    EXPECT_FALSE(value(IndicatorId::Satisfaction, p)) << "no answers: no value, not 0";
    p.margin = -5;
    EXPECT_FALSE(value(IndicatorId::TopShareOfMargin, p)) << "a share of a loss is no value";
    EXPECT_FALSE(value(IndicatorId::OverdueActions, p)) << "account plans are not in the parts";
}

TEST(KpiPeriods, CalendarPeriodsEndOnTheAnalysisDateAndParseTheirLabels) {
    const auto first = static_cast<std::int32_t>(cw::daysFromCivil(2023, 2, 14));
    const auto last = static_cast<std::int32_t>(cw::daysFromCivil(2024, 5, 17));
    const auto q = periodsCovering(PeriodKind::Quarter, first, last);
    ASSERT_EQ(q.size(), 6u);  // 2023-Q1 … 2024-Q2
    EXPECT_EQ(cw::formatDate(q.front().start), "2023-01-01");
    EXPECT_EQ(cw::formatDate(q.front().end), "2023-03-31");
    EXPECT_EQ(cw::formatDate(q.back().end), "2024-05-17");
    EXPECT_EQ(periodLabel(q.back()), "2024-Q2");
    EXPECT_EQ(periodsCovering(PeriodKind::Year, first, last).size(), 2u);
    EXPECT_EQ(periodsCovering(PeriodKind::Month, first, last).size(), 16u);
    EXPECT_EQ(cw::formatDate(parsePeriod(PeriodKind::Quarter, "2024-Q2")->start), "2024-04-01");
    EXPECT_EQ(cw::formatDate(parsePeriod(PeriodKind::Quarter, "2024-05-30")->start), "2024-04-01");
    EXPECT_EQ(cw::formatDate(parsePeriod(PeriodKind::Month, "2024-02")->end), "2024-02-29");
    EXPECT_EQ(cw::formatDate(parsePeriod(PeriodKind::Year, "2024")->end), "2024-12-31");
    EXPECT_FALSE(parsePeriod(PeriodKind::Quarter, "2024"));
    EXPECT_FALSE(parsePeriod(PeriodKind::Month, "2024-13"));
    EXPECT_FALSE(parsePeriod(PeriodKind::Month, "2024-02-30"));
}

}  // namespace
