#include "engine/DemoTimeline.h"

#include <algorithm>
#include <cmath>

#include "core/CivilTime.h"
#include "engine/DemoCatalog.h"
#include "engine/DemoRandom.h"

namespace cw::engine::demo {
namespace {

constexpr double kGapShape = 2.5;         // gamma shape of inter-order gaps
constexpr double kMaxShrinkRatio = 0.55;  // shrinkers keep at most 55 % of their spend
constexpr int kShrinkAttempts = 60;

double round2(double x) {
    return std::round(x * 100.0) / 100.0;
}

int weekday(std::int64_t day) {
    return static_cast<int>(((day + 3) % 7 + 7) % 7);
}  // 0 = Monday

struct Context {
    const CustomerSpec& c;
    const Calendar& cal;
    Rng& rng;
    std::vector<TxRow>& rows;
    bool shrink = false;
    bool exact = false;  // planted alert situations: orders on exactly the days given
    std::int64_t first = 0, last = 0;
    int orders = 0;
};

// Staff place orders on working days; the web shop takes them any day, at any hour.
std::int64_t orderTime(std::int64_t day, int channel, std::int64_t lo, std::int64_t hi, Rng& rng) {
    if (channel != kWeb) {
        const int wd = weekday(day);
        if (wd == 5) day -= 1;
        if (wd == 6) day = day + 1 <= hi ? day + 1 : day - 2;
        day = std::clamp(day, lo, hi);
        return day * 86400 + 8 * 3600 + rng.below(600) * 60;
    }
    return day * 86400 + rng.below(1440) * 60;
}

void addReturn(Context& x, const TxRow& sale, double unitCost) {
    const std::int64_t day = sale.ts / 86400 + x.rng.between(2, 30);
    if (day > x.last) return;
    const auto q = static_cast<std::int64_t>(sale.quantity);
    const std::int64_t back = q <= 3 ? q : x.rng.between(1, q / 2);
    TxRow r = sale;
    r.kind = 1;
    r.ts = day * 86400 + 9 * 3600 + x.rng.below(480) * 60;
    r.quantity = -static_cast<double>(back);
    r.revenue = -round2(double(back) * sale.unitPrice);
    r.cost = -round2(double(back) * unitCost);
    x.rows.push_back(r);
}

// Products already on the invoice (at most three lines; no allocation per order).
struct Basket {
    int ids[3] = {};
    int n = 0;
    bool has(int id) const { return std::find(ids, ids + n, id) != ids + n; }
};

void addLine(Context& x, const TxRow& order, double value, Basket& used) {
    const SegmentSpec& seg = kSegments[x.c.segment];
    int cat = 0, prod = 0;
    for (int attempt = 0;; ++attempt) {
        cat = x.rng.pick(seg.categoryWeights);
        prod = static_cast<int>(
            x.rng.below(static_cast<std::int64_t>(kCategories[cat].products.size())));
        if (!used.has(cat * 64 + prod)) break;
        if (attempt == 3) return;  // lines of one invoice are distinct products
    }
    used.ids[used.n++] = cat * 64 + prod;
    const Category& category = kCategories[cat];
    const double list = category.products[prod].price;
    const double discount = seg.discount + (x.c.size > 10 ? 0.03 : 0.0);
    TxRow line = order;
    line.category = cat;
    line.product = prod;
    line.unitPrice = round2(std::max(0.5, list * (1.0 - discount) * (1.0 + 0.03 * x.rng.normal())));
    line.quantity =
        static_cast<double>(std::max<long long>(1, std::llround(value / line.unitPrice)));
    line.revenue = round2(line.quantity * line.unitPrice);
    const double unitCost = list * (1.0 - category.margin) * (1.0 + 0.02 * x.rng.normal());
    line.cost = round2(line.quantity * unitCost);
    x.rows.push_back(line);
    const double returnRate = x.c.segment == kPriceSensitive ? 0.025 : 0.012;
    if (x.rng.chance(returnRate)) addReturn(x, line, unitCost);
}

void addOrder(Context& x, std::int64_t day, std::int64_t lo) {
    const CustomerSpec& c = x.c;
    int channel = c.channel;
    if (!x.rng.chance(0.85)) channel = c.channel == kWeb ? kPhone : kWeb;
    TxRow order;
    order.ts = x.exact ? day * 86400 + 8 * 3600 + x.rng.below(600) * 60 : orderTime(day, channel, lo, x.last, x.rng);
    order.order = x.orders++;
    order.channel = channel;
    day = order.ts / 86400;

    int y;
    unsigned m, d;
    civilFromDays(day, y, m, d);
    const double years = double(day - x.cal.startDay) / 365.25;
    double value = c.ticket * kSeasonality[m - 1] * std::pow(1.0 + c.growth, years) *
                   x.rng.lognormal(0.0, 0.35);
    if (x.shrink && day >= c.shrinkDay) value *= c.shrinkTicket;

    const int lines = 1 + x.rng.chance(0.12) + x.rng.chance(0.03);
    double parts[3], sum = 0;
    for (int i = 0; i < lines; ++i) sum += parts[i] = 0.5 + x.rng.uniform();
    Basket used;
    for (int i = 0; i < lines; ++i) addLine(x, order, value * parts[i] / sum, used);
}

bool hasRecentSale(const Context& x) {
    for (const auto& r : x.rows)
        if (r.kind == 0 && r.ts / 86400 >= x.cal.recentStart) return true;
    return false;
}

void drawOrders(Context& x) {
    const CustomerSpec& c = x.c;
    x.rows.clear();
    x.orders = 0;
    x.first = std::max(c.acquisitionDay, x.cal.startDay);
    x.last = c.churner ? c.churnDay - 1 : x.cal.endDay;
    const double meanGap = 365.25 / c.ordersPerYear;
    // Customers older than the history are met mid-rhythm; new ones buy when acquired.
    double t = c.acquisitionDay >= x.cal.startDay
                   ? double(c.acquisitionDay)
                   : double(x.cal.startDay) + x.rng.uniform() * meanGap;
    while (t <= double(x.last)) {
        const auto day = static_cast<std::int64_t>(t);
        addOrder(x, day, x.first);
        double gap = x.rng.gamma(kGapShape, meanGap / kGapShape);
        if (x.shrink && day >= c.shrinkDay) gap /= c.shrinkRate;
        t += std::max(1.0, std::round(gap));
    }
    if (x.orders == 0) addOrder(x, x.rng.between(x.first, x.last), x.first);
    // A customer who stays shows it: at least one purchase in the last six months.
    if (!c.churner) {
        const std::int64_t lo = std::max(x.cal.recentStart, x.first);
        for (int i = 0; i < 4 && !hasRecentSale(x); ++i) addOrder(x, x.rng.between(lo, x.last), lo);
    }
}

bool shrinkVisible(const Context& x) {
    double prevNet = 0, recentNet = 0, prevSales = 0, recentSales = 0;
    int recentCount = 0;
    for (const auto& r : x.rows) {
        const std::int64_t day = r.ts / 86400;
        const bool recent = day >= x.cal.recentStart;
        if (!recent && day < x.cal.previousStart) continue;
        (recent ? recentNet : prevNet) += r.revenue;
        if (r.kind != 0) continue;
        (recent ? recentSales : prevSales) += r.revenue;
        recentCount += recent;
    }
    return recentCount > 0 && recentNet > 0 && recentNet <= kMaxShrinkRatio * prevNet &&
           recentSales <= kMaxShrinkRatio * prevSales;
}

void sortRows(std::vector<TxRow>& rows) {
    // stable: lines of one order keep their drawing order on every standard library
    std::stable_sort(rows.begin(), rows.end(), [](const TxRow& a, const TxRow& b) {
        if (a.ts != b.ts) return a.ts < b.ts;
        if (a.order != b.order) return a.order < b.order;
        return a.kind < b.kind;
    });
}

}  // namespace

void ordersOnDays(const CustomerSpec& c, const Calendar& cal, const std::vector<std::int64_t>& days, Rng& rng,
                  std::vector<TxRow>& rows) {
    Context x{c, cal, rng, rows};
    x.shrink = c.shrinking;
    x.exact = true;
    x.rows.clear();
    x.first = days.empty() ? cal.endDay : days.front();
    x.last = cal.endDay;
    for (auto day : days) addOrder(x, day, x.first);
    sortRows(rows);
}

bool generateTimeline(const CustomerSpec& c, const Calendar& cal, Rng& rng,
                      std::vector<TxRow>& rows) {
    Context x{c, cal, rng, rows};
    x.shrink = c.shrinking;
    bool ok = true;
    for (int attempt = 0;; ++attempt) {
        drawOrders(x);
        if (!c.shrinking || shrinkVisible(x)) break;
        if (attempt + 1 == kShrinkAttempts) {
            x.shrink = false;
            drawOrders(x);
            ok = false;
            break;
        }
    }
    sortRows(rows);
    return ok;
}

}  // namespace cw::engine::demo
