#include "engine/CustomerMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "core/CivilTime.h"
#include "store/Database.h"

namespace cw::engine {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kDaysPerYear = 365.25;

int monthIndex(std::int32_t day) {
    int y;
    unsigned m, d;
    civilFromDays(day, y, m, d);
    return y * 12 + static_cast<int>(m);
}

// The p-quantile (0..1) of the finite values, by linear interpolation; NaN when there are none.
double quantile(std::vector<double> v, double p) {
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return std::isnan(x); }), v.end());
    if (v.empty()) return kNaN;
    std::sort(v.begin(), v.end());
    const double pos = p * double(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
}

}  // namespace

CostToServe::Rate CostToServe::rateFor(const std::string& channel) const {
    if (auto it = byChannel.find(channel); it != byChannel.end()) return it->second;
    if (auto it = byChannel.find(""); it != byChannel.end()) return it->second;
    return {};
}

Result<CustomerInfo> loadCustomers(store::Database& db, const std::string& walletField) {
    return store::readCustomerColumns(db, walletField);
}

Result<CostToServe> loadCostToServe(store::Database& db) {
    auto rows = store::readCostToServe(db);
    if (!rows) return rows.takeError();
    CostToServe c;
    for (const auto& r : *rows) c.byChannel[r.channel] = {r.perOrder, r.perCustomerYear};
    return c;
}

AnalysisCalendar AnalysisCalendar::make(std::int32_t analysisDay, const AnalysisSettings& s) {
    AnalysisCalendar c;
    c.analysisDay = analysisDay;
    c.windowMonths = s.windowMonths;
    c.windowStart = static_cast<std::int32_t>(addMonths(analysisDay + 1, -s.windowMonths));
    c.recentStart = static_cast<std::int32_t>(addMonths(analysisDay + 1, -s.anorexiaWindowMonths));
    c.previousStart = static_cast<std::int32_t>(addMonths(analysisDay + 1, -2 * s.anorexiaWindowMonths));
    return c;
}

MetricsTable computeBaseMetrics(const CustomerRows& rows, const CustomerInfo& customers, const CostToServe& cts,
                                const AnalysisSettings& settings, const AnalysisCalendar& cal, PurchaseLog& log,
                                std::vector<std::int32_t>& logIndex) {
    const std::size_t n = rows.customers();
    MetricsTable m;
    m.resize(n);
    log = PurchaseLog{};
    logIndex.clear();
    const double keep = 1.0 - settings.grossMarginRate;
    const std::int32_t ad = cal.analysisDay, ws = cal.windowStart;
    const double windowYears = double(settings.windowMonths) / 12.0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto a = static_cast<std::size_t>(rows.offset[i]), b = static_cast<std::size_t>(rows.offset[i + 1]);
        if (a == b || rows.day[a] > ad) continue;  // no data up to the analysis day
        double rev = 0, cost = 0, prevRev = 0, recentRev = 0;
        int purchaseDays = 0, orders = 0, prevOrders = 0, recentOrders = 0, months = 0;
        std::int32_t first = -1, last = -1, lastSaleDay = std::numeric_limits<std::int32_t>::min();
        int lastMonth = -1;
        bool logged = false;
        std::size_t end = a;
        for (std::size_t k = a; k < b && rows.day[k] <= ad; ++k, ++end) {
            const std::int32_t d = rows.day[k];
            const double r = rows.revenue[k];
            const double c = std::isnan(rows.cost[k]) ? r * keep : rows.cost[k];
            if (rows.kind[k] == 0) {
                if (d != lastSaleDay) {
                    ++purchaseDays;
                    if (!logged) {
                        log.customerId.push_back(rows.customerId[i]);
                        logIndex.push_back(static_cast<std::int32_t>(i));
                        logged = true;
                    }
                    log.day.push_back(d);
                    log.value.push_back(r);
                    if (d >= ws) {
                        ++orders;
                        const int mi = monthIndex(d);
                        if (mi != lastMonth) ++months, lastMonth = mi;
                    }
                    if (d >= cal.recentStart) ++recentOrders;
                    else if (d >= cal.previousStart) ++prevOrders;
                    lastSaleDay = d;
                } else {
                    log.value.back() += r;
                }
                if (first < 0) first = d;
                last = d;
            }
            if (d >= ws) {
                rev += r, cost += c;
                (std::isnan(rows.cost[k]) ? m.revenueAssumedCost : m.revenueWithCost) += std::abs(r);
            }
            if (d >= cal.recentStart) recentRev += r;
            else if (d >= cal.previousStart) prevRev += r;
        }
        if (logged) log.offset.push_back(static_cast<std::int64_t>(log.day.size()));
        const auto rate = cts.rateFor(customers.channel[i]);
        double serve = orders * rate.perOrder;
        if (first >= 0 && last >= ws) serve += rate.perCustomerYear * double(ad - std::max(ws, first) + 1) / kDaysPerYear;
        m.firstDay[i] = first;
        m.lastDay[i] = last;
        m.purchaseDays[i] = purchaseDays;
        m.orders[i] = orders;
        m.prevOrders[i] = prevOrders;
        m.recentOrders[i] = recentOrders;
        m.monthsActive[i] = months;
        m.revenue[i] = rev;
        m.cost[i] = cost;
        m.costToServe[i] = serve;
        m.margin[i] = rev - cost - serve;
        m.prevRevenue[i] = prevRev;
        m.recentRevenue[i] = recentRev;
        if (first >= 0) {
            m.recencyDays[i] = ad - last;
            m.tenureDays[i] = ad - first;
            if (purchaseDays > 1) m.rhythmDays[i] = double(last - first) / double(purchaseDays - 1);
            // Margin over the window that ends at the last purchase: what the customer was worth
            // when last seen, for judging whether an exit was a profitable one.
            const auto from = static_cast<std::int32_t>(addMonths(last + 1, -settings.windowMonths));
            double r2 = 0, c2 = 0;
            int o2 = 0;
            std::int32_t prevDay = std::numeric_limits<std::int32_t>::min();
            for (std::size_t k = a; k < end; ++k) {
                if (rows.day[k] < from) continue;
                r2 += rows.revenue[k];
                c2 += std::isnan(rows.cost[k]) ? rows.revenue[k] * keep : rows.cost[k];
                if (rows.kind[k] == 0 && rows.day[k] != prevDay) ++o2, prevDay = rows.day[k];
            }
            m.marginBeforeLast[i] = r2 - c2 - o2 * rate.perOrder - rate.perCustomerYear * windowYears;
        }
    }
    return m;
}

std::vector<std::int8_t> quintileScores(const std::vector<double>& values, bool higherIsBetter) {
    std::vector<std::size_t> idx;
    idx.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isnan(values[i])) idx.push_back(i);
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
        return higherIsBetter ? values[a] < values[b] : values[a] > values[b];
    });
    std::vector<std::int8_t> out(values.size(), 0);
    const std::size_t n = idx.size();
    // Ties share the score of their first member, so equal values never get different scores.
    std::size_t k = 0;
    while (k < n) {
        std::size_t e = k;
        while (e + 1 < n && values[idx[e + 1]] == values[idx[k]]) ++e;
        const auto score = static_cast<std::int8_t>(1 + (5 * k) / n);
        for (std::size_t j = k; j <= e; ++j) out[idx[j]] = score;
        k = e + 1;
    }
    return out;
}

void finishMetrics(MetricsTable& m, const CustomerInfo& customers, const AnalysisSettings& s,
                   const AnalysisCalendar& cal) {
    const std::size_t n = m.size();
    std::vector<double> orders(n, kNaN);
    for (std::size_t i = 0; i < n; ++i)
        if (m.lastDay[i] >= 0) orders[i] = m.orders[i];
    m.rScore = quintileScores(m.recencyDays, false);
    m.fScore = quintileScores(orders, true);
    m.mScore = quintileScores(m.revenue, true);

    // Profitability tiers: 1 = the top share by margin, 3 = losing money, 2 = the rest.
    const double topCut = quantile(m.margin, 1.0 - s.profitableTopShare);
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(m.margin[i])) continue;
        m.profitTier[i] = m.margin[i] >= topCut && m.margin[i] > 0 ? 1 : m.margin[i] < 0 ? 3 : 2;
    }

    // Exits: inactive beyond the customer's own rhythm (or the minimum), or judged gone by the model.
    for (std::size_t i = 0; i < n; ++i) {
        if (m.lastDay[i] < 0) continue;
        const double rhythm = m.rhythmDays[i];
        const double limit = std::max(std::isnan(rhythm) ? 0.0 : s.exitRhythmMultiple * rhythm, double(s.exitMinDays));
        const bool inactive = m.recencyDays[i] > limit;
        const bool modelGone = !std::isnan(m.pAlive[i]) && m.pAlive[i] < s.exitPAlive;
        if (inactive || modelGone) {
            m.exited[i] = 1;
            m.exitDay[i] = inactive ? static_cast<std::int32_t>(m.lastDay[i] + std::ceil(limit)) : cal.analysisDay;
            m.exitDay[i] = std::min(m.exitDay[i], cal.analysisDay);
            m.profitableExit[i] = m.marginBeforeLast[i] >= topCut && m.marginBeforeLast[i] > 0;
        } else {
            m.active[i] = 1;
        }
    }

    // Anorexia: active customers whose spend or frequency fell by more than the set share.
    const double keep = 1.0 - s.anorexiaDrop;
    for (std::size_t i = 0; i < n; ++i) {
        if (!m.active[i] || !(m.prevRevenue[i] > 0) || m.prevOrders[i] < s.anorexiaMinOrders) continue;
        const bool spend = m.recentRevenue[i] < keep * m.prevRevenue[i];
        // Fewer than three earlier purchase days make a frequency drop mostly chance.
        constexpr int kMinOrdersForFrequency = 3;
        const bool frequency = m.prevOrders[i] >= std::max(kMinOrdersForFrequency, s.anorexiaMinOrders) &&
                               m.recentOrders[i] < keep * m.prevOrders[i];
        m.anorexic[i] = spend || frequency;
    }

    // Potential.
    const double annualise = 12.0 / double(s.windowMonths);
    switch (s.potential) {
    case PotentialMethod::Model:
        m.potential = m.clv;
        break;
    case PotentialMethod::Wallet:
        for (std::size_t i = 0; i < n; ++i)
            if (!std::isnan(customers.wallet[i]) && !std::isnan(m.revenue[i]))
                m.potential[i] = std::max(0.0, customers.wallet[i] - m.revenue[i] * annualise);
        break;
    case PotentialMethod::Peer: {
        std::unordered_map<std::string, std::vector<double>> groups;
        for (std::size_t i = 0; i < n; ++i)
            if (!std::isnan(m.revenue[i])) groups[customers.region[i] + '\x1f' + customers.channel[i]].push_back(m.revenue[i]);
        std::unordered_map<std::string, double> cut;
        for (auto& [k, v] : groups) cut[k] = quantile(std::move(v), s.peerPercentile);
        for (std::size_t i = 0; i < n; ++i)
            if (!std::isnan(m.revenue[i]))
                m.potential[i] = std::max(0.0, cut[customers.region[i] + '\x1f' + customers.channel[i]] - m.revenue[i]) * annualise;
        break;
    }
    }

    // Loyalty 0..100: weighted mean of the components the customer has.
    const auto& w = s.loyalty;
    for (std::size_t i = 0; i < n; ++i) {
        double sum = 0, weight = 0;
        auto add = [&](double wk, double value) {
            if (wk <= 0 || std::isnan(value)) return;
            sum += wk * std::clamp(value, 0.0, 1.0);
            weight += wk;
        };
        if (m.lastDay[i] >= 0) {
            add(w.tenure, m.tenureDays[i] / (5 * kDaysPerYear));
            add(w.repeat, double(m.monthsActive[i]) / double(s.windowMonths));
            const double rhythm = m.rhythmDays[i];
            add(w.recency, std::isnan(rhythm) ? std::exp(-m.recencyDays[i] / double(s.exitMinDays))
                                              : std::exp(-std::max(0.0, m.recencyDays[i] / std::max(rhythm, 1.0) - 1.0)));
            add(w.pAlive, m.pAlive[i]);
        }
        add(w.recommend, m.recommend[i] / 10.0);
        add(w.repurchase, m.repurchase[i] / 100.0);
        if (weight > 0) m.loyalty[i] = 100.0 * sum / weight;
    }
}

}  // namespace cw::engine
