#include "engine/kpi/Alerts.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/CivilTime.h"

namespace cw::engine::kpi {
namespace {

struct KindInfo {
    AlertKind kind;
    std::string_view key, title;
};
constexpr std::array<KindInfo, kAlertKindCount> kKinds = {{
    {AlertKind::SatisfactionFell, "satisfaction_fell", "Satisfaction fell"},
    {AlertKind::Anorexia, "anorexia", "Buying less (anorexia)"},
    {AlertKind::LowPAlive, "low_p_alive", "Likely to leave (low P(alive))"},
    {AlertKind::NoContact, "no_contact", "No contact"},
    {AlertKind::OverdueAction, "overdue_action", "Overdue account-plan action"},
}};

std::string money(double v, const std::string& currency) {
    const long long n = std::llround(v);
    const std::string digits = std::to_string(n < 0 ? -n : n);
    std::string s = n < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) s += ',';
        s += digits[i];
    }
    return currency.empty() ? s : s + " " + currency;
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string days(std::int64_t n) {
    return std::to_string(n) + (n == 1 ? " purchase day" : " purchase days");
}

double yearOfMargin(const AlertCustomer& c, double annualise) {
    return std::isnan(c.margin) ? 0.0 : std::max(0.0, c.margin * annualise);
}

double lossProbability(const AlertCustomer& c) {
    return std::isnan(c.pAlive) ? kUnknownLossProbability : std::clamp(1.0 - c.pAlive, 0.0, 1.0);
}

Alert make(AlertKind kind, const AlertCustomer& c, double stake, double probability) {
    Alert a;
    a.kind = kind;
    a.customerId = c.id;
    a.marginAtStake = stake;
    a.probability = std::clamp(probability, 0.0, 1.0);
    a.valueAtRisk = a.marginAtStake * a.probability;
    return a;
}

}  // namespace

std::string_view alertKey(AlertKind k) {
    return kKinds[static_cast<int>(k)].key;
}

std::string_view alertTitle(AlertKind k) {
    return kKinds[static_cast<int>(k)].title;
}

std::optional<AlertKind> findAlertKind(std::string_view key) {
    for (const auto& k : kKinds)
        if (k.key == key) return k.kind;
    return std::nullopt;
}

std::vector<Alert> computeAlerts(const AlertInput& in) {
    const auto& s = in.settings;
    std::vector<Alert> out;
    std::unordered_map<std::int64_t, const AlertCustomer*> byId;
    byId.reserve(in.customers.size());
    for (const auto& c : in.customers) {
        byId.emplace(c.id, &c);
        const double stake = yearOfMargin(c, in.annualise);
        const std::string yearMargin = money(stake, in.currency) + " of margin a year";

        // A profitable customer whose latest answer fell by the set points or more.
        if (c.satisfaction && c.prevSatisfaction && c.margin > 0 &&
            *c.prevSatisfaction - *c.satisfaction >= s.satisfactionFall) {
            const double fall = *c.prevSatisfaction - *c.satisfaction;
            Alert a = make(AlertKind::SatisfactionFell, c, stake, fall / 100.0);
            a.evidence = "satisfaction " + fixed(*c.satisfaction, 0) + "/100 on " + formatDate(c.satisfactionDay) +
                         ", down " + fixed(fall, 0) + " points from " + fixed(*c.prevSatisfaction, 0) + " on " +
                         formatDate(c.prevSatisfactionDay) + "; " + yearMargin;
            a.recommendation = "Call to learn what changed since " + formatDate(c.prevSatisfactionDay) +
                               " and agree a fix; start with the service attributes they rated lowest";
            a.sinceDay = c.satisfactionDay;
            out.push_back(std::move(a));
        }

        // Anorexia (the analysis' flag): the share of purchases already lost.
        if (c.anorexic && c.active) {
            double drop = 0;
            if (c.prevRevenue > 0 && !std::isnan(c.recentRevenue))
                drop = std::max(drop, 1.0 - std::max(0.0, c.recentRevenue) / c.prevRevenue);
            if (c.prevOrders > 0) drop = std::max(drop, 1.0 - double(c.recentOrders) / double(c.prevOrders));
            Alert a = make(AlertKind::Anorexia, c, stake, drop);
            a.evidence = "revenue " + money(std::isnan(c.recentRevenue) ? 0.0 : c.recentRevenue, in.currency) +
                         " in the recent window against " + money(c.prevRevenue, in.currency) +
                         " in the one before, " + days(c.recentOrders) + " against " + std::to_string(c.prevOrders) + "; " +
                         yearMargin;
            a.recommendation =
                "Visit to learn where the rest of their purchases go, and win them back with the offers of an "
                "account plan";
            a.sinceDay = in.asOfDay;
            out.push_back(std::move(a));
        }

        // Still active, but the purchase model gives them little chance of buying again.
        if (c.active && !std::isnan(c.pAlive) && c.pAlive < s.pAliveBelow) {
            Alert a = make(AlertKind::LowPAlive, c, stake, 1.0 - c.pAlive);
            a.evidence = "P(alive) " + fixed(c.pAlive, 2) +
                         (c.lastPurchaseDay ? "; last purchase " + formatDate(*c.lastPurchaseDay) + ", " +
                                                  std::to_string(in.asOfDay - *c.lastPurchaseDay) +
                                                  " days before the analysis day"
                                            : std::string()) +
                         "; " + yearMargin;
            a.recommendation = "Contact them before they are lost, with a reason to buy again";
            a.sinceDay = in.asOfDay;
            out.push_back(std::move(a));
        }

        // A top-tier customer nobody has written a note about for the set days.
        if (c.active && c.profitTier == 1) {
            const std::int32_t limit = in.asOfDay - s.noContactDays;
            const bool stale = c.lastContactDay ? *c.lastContactDay < limit : (c.firstDay && *c.firstDay < limit);
            if (stale) {
                Alert a = make(AlertKind::NoContact, c, stake, lossProbability(c));
                a.evidence = c.lastContactDay
                                 ? "last note " + formatDate(*c.lastContactDay) + " (" +
                                       std::to_string(in.asOfDay - *c.lastContactDay) + " days before the analysis day" +
                                       (c.lastContactBy.empty() ? std::string() : ", by " + c.lastContactBy) + ")"
                                 : "no note since they became a customer on " + formatDate(*c.firstDay);
                a.evidence += "; a top-tier customer, " + yearMargin;
                a.recommendation = "Plan a visit or a call, and write a note of it";
                a.sinceDay = c.lastContactDay ? *c.lastContactDay + s.noContactDays : *c.firstDay + s.noContactDays;
                out.push_back(std::move(a));
            }
        }
    }

    // Overdue actions: the margin of the customers they are about, at those customers' risk.
    for (const auto& act : in.overdue) {
        double stake = 0, weighted = 0, unweighted = 0;
        std::int64_t first = 0, known = 0;
        for (auto id : act.customerIds) {
            auto it = byId.find(id);
            if (it == byId.end()) continue;
            const double m = yearOfMargin(*it->second, in.annualise);
            const double p = lossProbability(*it->second);
            stake += m;
            weighted += m * p;
            unweighted += p;
            ++known;
            if (first == 0) first = id;
        }
        Alert a;
        a.kind = AlertKind::OverdueAction;
        a.customerId = first;
        a.actionId = act.actionId;
        a.marginAtStake = stake;
        a.probability = stake > 0 ? weighted / stake : known ? unweighted / double(known) : kUnknownLossProbability;
        a.valueAtRisk = stake * a.probability;
        a.evidence = "\"" + act.what + "\" of plan \"" + act.planTitle + "\"" +
                     (act.owner.empty() ? std::string() : ", owner " + act.owner) + ", due " + formatDate(act.dueDay) +
                     ", " + std::to_string(act.daysOverdue) + " days overdue";
        a.recommendation = "Do it, or give it a new due day or cancel it in the account plan";
        a.sinceDay = act.dueDay;
        out.push_back(std::move(a));
    }

    std::stable_sort(out.begin(), out.end(), [&](const Alert& l, const Alert& r) {
        if (l.valueAtRisk != r.valueAtRisk) return l.valueAtRisk > r.valueAtRisk;
        if (l.kind != r.kind) return l.kind < r.kind;
        auto code = [&](const Alert& a) -> const std::string& {
            static const std::string none;
            auto it = byId.find(a.customerId);
            return it == byId.end() ? none : it->second->code;
        };
        if (code(l) != code(r)) return code(l) < code(r);
        return l.actionId < r.actionId;
    });
    return out;
}

}  // namespace cw::engine::kpi
