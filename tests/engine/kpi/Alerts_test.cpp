// The alert rules of docs/alerts.md on hand-made customers: each situation raises its alert and
// only at its threshold, and value at risk is margin at stake × probability, ranked.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/CivilTime.h"
#include "engine/kpi/Alerts.h"

namespace cw::engine::kpi {
namespace {

constexpr std::int32_t kAsOf = 20453;  // 2025-12-31

AlertCustomer healthy(std::int64_t id, double margin) {
    AlertCustomer c;
    c.id = id;
    c.code = "C" + std::to_string(id);
    c.margin = margin;
    c.prevRevenue = 1000;
    c.recentRevenue = 1000;
    c.prevOrders = 5;
    c.recentOrders = 5;
    c.pAlive = 0.95;
    c.profitTier = 2;
    c.active = true;
    c.lastPurchaseDay = kAsOf - 10;
    c.lastContactDay = kAsOf - 5;
    c.firstDay = kAsOf - 700;
    return c;
}

AlertInput inputOf(std::vector<AlertCustomer> customers) {
    AlertInput in;
    in.customers = std::move(customers);
    in.asOfDay = kAsOf;
    in.annualise = 1;
    return in;
}

std::multiset<std::pair<AlertKind, std::int64_t>> kindsOf(const std::vector<Alert>& alerts) {
    std::multiset<std::pair<AlertKind, std::int64_t>> out;
    for (const auto& a : alerts) out.insert({a.kind, a.customerId});
    return out;
}

TEST(Alerts, AHealthyCustomerRaisesNothing) {
    auto c = healthy(1, 500);
    c.profitTier = 1;
    EXPECT_TRUE(computeAlerts(inputOf({c})).empty());
}

TEST(Alerts, KeysRoundTrip) {
    for (int k = 0; k < kAlertKindCount; ++k) {
        const auto kind = static_cast<AlertKind>(k);
        EXPECT_EQ(findAlertKind(alertKey(kind)), kind);
        EXPECT_FALSE(alertTitle(kind).empty());
    }
    EXPECT_FALSE(findAlertKind("nope"));
}

TEST(Alerts, SatisfactionFallAtTheThresholdForProfitableCustomersOnly) {
    auto fell = healthy(1, 400);
    fell.satisfaction = 50;
    fell.prevSatisfaction = 65;  // exactly 15 points
    fell.satisfactionDay = kAsOf - 30;
    fell.prevSatisfactionDay = kAsOf - 400;
    auto almost = fell;
    almost.id = 2;
    almost.code = "C2";
    almost.satisfaction = 50.5;  // 14.5 points
    auto losing = fell;
    losing.id = 3;
    losing.code = "C3";
    losing.margin = -10;  // not profitable
    auto once = healthy(4, 400);
    once.satisfaction = 10;  // one answer: nothing to compare
    const auto alerts = computeAlerts(inputOf({fell, almost, losing, once}));
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0].kind, AlertKind::SatisfactionFell);
    EXPECT_EQ(alerts[0].customerId, 1);
    EXPECT_DOUBLE_EQ(alerts[0].probability, 0.15);
    EXPECT_DOUBLE_EQ(alerts[0].marginAtStake, 400);
    EXPECT_DOUBLE_EQ(alerts[0].valueAtRisk, 60);
    EXPECT_EQ(alerts[0].sinceDay, kAsOf - 30);
    EXPECT_NE(alerts[0].evidence.find("down 15 points from 65"), std::string::npos) << alerts[0].evidence;
}

TEST(Alerts, AnorexiaProbabilityIsTheShareAlreadyLost) {
    auto spend = healthy(1, 1000);
    spend.anorexic = true;
    spend.recentRevenue = 300;  // 70 % less spend
    spend.recentOrders = 4;     // 20 % fewer days
    auto days = healthy(2, 1000);
    days.anorexic = true;
    days.recentRevenue = 900;
    days.recentOrders = 1;  // 80 % fewer days
    auto gone = days;
    gone.id = 3;
    gone.code = "C3";
    gone.active = false;  // an exit is not anorexic
    const auto alerts = computeAlerts(inputOf({spend, days, gone}));
    ASSERT_EQ(alerts.size(), 2u);
    EXPECT_EQ(alerts[0].customerId, 2);
    EXPECT_NEAR(alerts[0].probability, 0.8, 1e-12);
    EXPECT_EQ(alerts[1].customerId, 1);
    EXPECT_NEAR(alerts[1].probability, 0.7, 1e-12);
    EXPECT_NE(alerts[0].evidence.find("1 purchase day against 5"), std::string::npos) << alerts[0].evidence;
}

TEST(Alerts, LowPAliveBelowTheSettingForActiveCustomers) {
    auto low = healthy(1, 200);
    low.pAlive = 0.6;
    auto edge = healthy(2, 200);
    edge.pAlive = 0.7;  // not below
    auto unknown = healthy(3, 200);
    unknown.pAlive = AlertCustomer::kNaN;
    AlertInput in = inputOf({low, edge, unknown});
    auto alerts = computeAlerts(in);
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0].kind, AlertKind::LowPAlive);
    EXPECT_NEAR(alerts[0].valueAtRisk, 200 * 0.4, 1e-9);
    in.settings.pAliveBelow = 0.75;
    EXPECT_EQ(computeAlerts(in).size(), 2u);
}

TEST(Alerts, NoContactForTopTierCustomersOnly) {
    auto stale = healthy(1, 3000);
    stale.profitTier = 1;
    stale.lastContactDay = kAsOf - 91;
    auto recent = healthy(2, 3000);
    recent.profitTier = 1;
    recent.lastContactDay = kAsOf - 90;  // exactly the limit: still in contact
    auto never = healthy(3, 3000);
    never.profitTier = 1;
    never.lastContactDay.reset();
    auto newcomer = never;
    newcomer.id = 4;
    newcomer.code = "C4";
    newcomer.firstDay = kAsOf - 30;  // a customer for a month
    auto middle = healthy(5, 3000);
    middle.lastContactDay = kAsOf - 400;  // not top tier
    const auto alerts = computeAlerts(inputOf({stale, recent, never, newcomer, middle}));
    EXPECT_EQ(kindsOf(alerts), (std::multiset<std::pair<AlertKind, std::int64_t>>{{AlertKind::NoContact, 1},
                                                                                   {AlertKind::NoContact, 3}}));
    for (const auto& a : alerts) EXPECT_NEAR(a.probability, 0.05, 1e-12);  // 1 − P(alive)
}

TEST(Alerts, OverdueActionPutsItsCustomersMarginAtStake) {
    auto a = healthy(1, 1000);
    a.pAlive = 0.9;
    auto b = healthy(2, 3000);
    b.pAlive = 0.75;
    AlertInput in = inputOf({a, b});
    in.annualise = 2;  // a six-month window
    in.overdue.push_back({7, "call", "Ann", "Plan", kAsOf - 3, 3, {1, 2}});
    const auto alerts = computeAlerts(in);
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0].kind, AlertKind::OverdueAction);
    EXPECT_EQ(alerts[0].actionId, 7);
    EXPECT_EQ(alerts[0].customerId, 1);
    EXPECT_DOUBLE_EQ(alerts[0].marginAtStake, 8000);
    // margin-weighted: (2000 × 0.1 + 6000 × 0.25) / 8000
    EXPECT_NEAR(alerts[0].probability, 1700.0 / 8000.0, 1e-12);
    EXPECT_NEAR(alerts[0].valueAtRisk, 1700, 1e-9);
}

TEST(Alerts, RankedByValueAtRiskAndLosingCustomersPutNothingAtStake) {
    std::vector<AlertCustomer> cs;
    for (int i = 1; i <= 6; ++i) {
        auto c = healthy(i, 100.0 * i * (i % 2 ? 1 : 3));
        c.pAlive = 0.3 + 0.05 * i;
        cs.push_back(c);
    }
    cs[5].margin = -50;
    const auto alerts = computeAlerts(inputOf(cs));
    ASSERT_EQ(alerts.size(), 6u);
    for (std::size_t i = 0; i + 1 < alerts.size(); ++i) EXPECT_GE(alerts[i].valueAtRisk, alerts[i + 1].valueAtRisk);
    for (const auto& al : alerts) {
        const auto& c = cs[static_cast<std::size_t>(al.customerId - 1)];
        EXPECT_DOUBLE_EQ(al.marginAtStake, std::max(0.0, c.margin));
        EXPECT_NEAR(al.valueAtRisk, al.marginAtStake * (1 - c.pAlive), 1e-9);
    }
    EXPECT_EQ(alerts.back().customerId, 6);
    EXPECT_EQ(alerts.back().valueAtRisk, 0);
}

}  // namespace
}  // namespace cw::engine::kpi
