#include "engine/kpi/KpiCompute.h"

#include <algorithm>
#include <bit>
#include <climits>
#include <cstdint>
#include <numeric>
#include <exception>
#include <thread>
#include <tuple>

namespace cw::engine::kpi {

void ActivityBuilder::add(std::int32_t day, bool sale, double revenue, double cost) {
    if (day < m_monthFirst || day > m_monthLast) {  // civil calendar only when the month changes
        m_month = monthOf(day);
        m_monthFirst = monthStart(m_month);
        m_monthLast = monthStart(m_month + 1) - 1;
    }
    const int month = m_month;
    const auto begin = static_cast<std::size_t>(m_in.activityOffset.back());
    if (m_in.activity.size() == begin || m_in.activity.back().month != month) {
        m_in.activity.push_back({month, 0, 0, 0});
    }
    auto& a = m_in.activity.back();
    a.revenue += revenue;
    a.cost += cost;
    if (sale && day != m_lastSaleDay) {
        ++a.purchaseDays;
        m_lastSaleDay = day;
    }
}

void ActivityBuilder::endCustomer() {
    m_in.activityOffset.push_back(static_cast<std::int64_t>(m_in.activity.size()));
    m_lastSaleDay = -1;
}

KpiParts& KpiParts::operator+=(const KpiParts& o) {
    customers += o.customers;
    active += o.active;
    newCustomers += o.newCustomers;
    exits += o.exits;
    profitableExits += o.profitableExits;
    retained += o.retained;
    prevActive += o.prevActive;
    revenue += o.revenue;
    margin += o.margin;
    costToServe += o.costToServe;
    satisfactionSum += o.satisfactionSum;
    satisfactionN += o.satisfactionN;
    npsNet += o.npsNet;
    npsN += o.npsN;
    loyaltySum += o.loyaltySum;
    loyaltyN += o.loyaltyN;
    potentialMargin += o.potentialMargin;
    potentialOpen += o.potentialOpen;
    anorexic += o.anorexic;
    return *this;
}

std::optional<double> value(IndicatorId id, const KpiParts& p) {
    auto ratio = [](double num, double den, double scale) -> std::optional<double> {
        if (!(den > 0)) return std::nullopt;
        return num / den * scale;
    };
    using enum IndicatorId;
    switch (id) {
    case Customers: return p.customers;
    case Active: return p.active;
    case New: return p.newCustomers;
    case Exits: return p.exits;
    case ProfitableExits: return p.profitableExits;
    case RetentionRate: return ratio(p.retained, p.prevActive, 100);
    case Revenue: return p.revenue;
    case Margin: return p.margin;
    case MarginPerCustomer: return ratio(p.margin, p.active, 1);
    case CostToServe: return p.costToServe;
    case TopShareOfMargin:
        if (std::isnan(p.topMargin) || !(p.margin > 0)) return std::nullopt;
        return p.topMargin / p.margin * 100;
    case Satisfaction: return ratio(p.satisfactionSum, p.satisfactionN, 1);
    case Nps: return ratio(p.npsNet, p.npsN, 100);
    case LoyaltyIndex: return ratio(p.loyaltySum, p.loyaltyN, 1);
    case PotentialCaptured: return ratio(p.potentialMargin, p.potentialMargin + p.potentialOpen, 100);
    case Anorexic: return p.anorexic;
    case UnderAccountPlan:
    case OverdueActions: return std::nullopt;
    }
    return std::nullopt;
}

namespace {

// The sum of the largest ceil(n / 5) values (n = values.size() > 0); reorders `values`.
double topFifthSum(std::vector<double>& values) {
    const std::size_t k = (values.size() + 4) / 5;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k - 1), values.end(),
                     std::greater<>());
    return std::accumulate(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), 0.0);
}

// Indexes [node][segment slot] with node N = the company's own customers (no manager) and
// segment slot S = no segment.
struct Slots {
    std::size_t nodes, segments;  // with the extra slot each
    std::size_t of(int node, int segment) const {
        const auto n = node < 0 ? nodes - 1 : static_cast<std::size_t>(node);
        const auto s = segment < 0 ? segments - 1 : static_cast<std::size_t>(segment);
        return n * segments + s;
    }
};

// For each customer, the month ends (before the analysis date's month) at which it buys less by
// docs/analysis.md's anorexia rule on whole months: the recent window is the
// anorexia_window_months ending with the month, the previous one as many months before. One bit
// per month of the history; the same for every period kind (a period ends with a month).
struct AnorexiaByMonth {
    int firstMonth = 0;
    std::size_t words = 0;
    std::vector<std::uint64_t> bits;  ///< customer i's words at [i * words, (i + 1) * words)
};

AnorexiaByMonth anorexiaByMonth(const KpiInput& in) {
    AnorexiaByMonth out;
    out.firstMonth = monthOf(in.firstDay);
    const int months = monthOf(in.analysisDay) - out.firstMonth + 1;
    if (months <= 0) return out;
    out.words = static_cast<std::size_t>(months + 63) / 64;
    out.bits.assign(in.customers.size() * out.words, 0);
    const int n = in.anorexiaMonths;
    const double keep = 1 - in.anorexiaDrop;
    // Sums over the months before k (index k of months since firstMonth).
    std::vector<double> revenueTo(static_cast<std::size_t>(months) + 1);
    std::vector<std::int64_t> daysTo(static_cast<std::size_t>(months) + 1);
    for (std::size_t i = 0; i < in.customers.size(); ++i) {
        const auto* a = in.activity.data() + in.activityOffset[i];
        const auto* e = in.activity.data() + in.activityOffset[i + 1];
        std::int64_t totalDays = 0;
        for (auto* x = a; x != e; ++x) totalDays += x->purchaseDays;
        if (totalDays < in.anorexiaMinOrders) continue;  // never enough purchase days in a window
        std::fill(revenueTo.begin(), revenueTo.end(), 0.0);
        std::fill(daysTo.begin(), daysTo.end(), 0);
        for (; a != e; ++a) {
            const int k = a->month - out.firstMonth + 1;
            if (k < 1 || k > months) continue;
            revenueTo[static_cast<std::size_t>(k)] += a->revenue;
            daysTo[static_cast<std::size_t>(k)] += a->purchaseDays;
        }
        for (std::size_t k = 1; k < revenueTo.size(); ++k) {
            revenueTo[k] += revenueTo[k - 1];
            daysTo[k] += daysTo[k - 1];
        }
        auto to = [&](const auto& v, int k) { return v[static_cast<std::size_t>(std::clamp(k, 0, months))]; };
        std::uint64_t* bits = out.bits.data() + i * out.words;
        for (int m = 0; m + 1 < months; ++m) {  // the analysis date's month: the customer's flag
            const int end = m + 1;              // months before `end`: up to and including m
            const double prevRevenue = to(revenueTo, end - n) - to(revenueTo, end - 2 * n);
            const std::int64_t prevDays = to(daysTo, end - n) - to(daysTo, end - 2 * n);
            if (!(prevRevenue > 0) || prevDays < in.anorexiaMinOrders) continue;
            const double recentRevenue = to(revenueTo, end) - to(revenueTo, end - n);
            const std::int64_t recentDays = to(daysTo, end) - to(daysTo, end - n);
            if (recentRevenue < keep * prevRevenue || (prevDays >= 3 && recentDays < keep * double(prevDays)))
                bits[m / 64] |= std::uint64_t{1} << (m % 64);
        }
    }
    return out;
}

// One period kind: every customer's contribution to its own slot, then the roll-up.
class KindComputation {
public:
    KindComputation(const KpiInput& in, const Hierarchy& h, const AnorexiaByMonth& anorexic, PeriodKind kind)
        : m_in(in), m_h(h), m_anorexic(anorexic), m_periods(periodsCovering(kind, in.firstDay, in.analysisDay)),
          m_slots{h.size() + 1, static_cast<std::size_t>(in.segments) + 1},
          m_own(m_slots.nodes * m_slots.segments * m_periods.size()),
          m_margins(m_periods.size()), m_customersInSlot(m_slots.nodes * m_slots.segments) {}

    void run(std::vector<KpiRow>& out) {
        if (m_periods.empty()) return;
        for (std::size_t i = 0; i < m_in.customers.size(); ++i) addCustomer(i);
        addAnswers();
        emit(out);
    }

private:
    KpiParts& own(std::size_t slot, std::size_t period) { return m_own[slot * m_periods.size() + period]; }

    // The period holding `day`, or none before the first / after the last.
    std::optional<std::size_t> periodOf(std::int32_t day) const {
        if (day < m_periods.front().start || day > m_periods.back().end) return std::nullopt;
        auto it = std::upper_bound(m_periods.begin(), m_periods.end(), day,
                                   [](std::int32_t d, const Period& p) { return d < p.start; });
        return static_cast<std::size_t>(it - m_periods.begin()) - 1;
    }
    std::size_t periodOfMonth(int month) const {
        const int len = monthsIn(m_periods.front().kind);
        return static_cast<std::size_t>((month - m_periods.front().firstMonth) / len);
    }

    void addCustomer(std::size_t i) {
        const auto& c = m_in.customers[i];
        const auto slot = m_slots.of(c.node, c.segment);
        const std::size_t np = m_periods.size();
        ++m_customersInSlot[slot];
        // Customer base at each period's end: from the period of the first purchase to the one
        // before the period of the exit.
        if (c.firstDay >= 0 && c.firstDay <= m_in.analysisDay) {
            const auto first = periodOf(c.firstDay);
            std::size_t last = np;  // exclusive
            if (c.exitDay >= 0)
                if (auto pe = periodOf(c.exitDay)) last = *pe;
            if (first) {
                own(slot, *first).newCustomers += 1;
                // In the base from `first` to `last` (exclusive): counted as a difference, summed
                // over the periods when emitted.
                own(slot, *first).customers += 1;
                if (last < np) own(slot, last).customers -= 1;
            }
            if (c.exitDay >= 0)
                if (auto pe = periodOf(c.exitDay)) {
                    own(slot, *pe).exits += 1;
                    own(slot, *pe).profitableExits += c.profitableExit;
                }
            // Anorexia at each period's end while in the base: the month ends found by
            // anorexiaByMonth; the period ending on the analysis date takes the customer's flag.
            if (first && *first < last) {
                if (last == np && c.anorexicNow) own(slot, np - 1).anorexic += 1;
                const std::uint64_t* bits = m_anorexic.bits.data() + i * m_anorexic.words;
                for (std::size_t w = 0; w < m_anorexic.words; ++w)
                    for (std::uint64_t word = bits[w]; word; word &= word - 1) {
                        const int month = m_anorexic.firstMonth + static_cast<int>(w * 64) + std::countr_zero(word);
                        const auto p = periodOfMonth(month);
                        if (p < *first || p >= last || p + 1 == np || (month - m_periods[p].firstMonth + 1) != monthsIn(m_periods[p].kind)) continue;
                        own(slot, p).anorexic += 1;
                    }
            }
        }
        // Activity summed per period.
        const auto begin = static_cast<std::size_t>(m_in.activityOffset[i]);
        const auto end = static_cast<std::size_t>(m_in.activityOffset[i + 1]);
        std::size_t j = begin;
        bool prevActive = false;
        std::size_t prevPeriod = 0;
        while (j < end) {
            const auto p = periodOfMonth(m_in.activity[j].month);
            if (p >= np) break;
            double revenue = 0, cost = 0;
            std::int32_t days = 0;
            for (; j < end && periodOfMonth(m_in.activity[j].month) == p; ++j) {
                revenue += m_in.activity[j].revenue;
                cost += m_in.activity[j].cost;
                days += m_in.activity[j].purchaseDays;
            }
            const auto& per = m_periods[p];
            const bool active = days > 0;
            const double cts =
                active ? days * c.costPerOrder + c.costPerYear * per.days() / 365.25 : 0.0;
            const double margin = revenue - cost - cts;
            auto& o = own(slot, p);
            o.revenue += revenue;
            o.margin += margin;
            o.costToServe += cts;
            if (!active) continue;
            o.active += 1;
            if (p + 1 < np) own(slot, p + 1).prevActive += 1;
            if (prevActive && prevPeriod + 1 == p) o.retained += 1;
            prevActive = true;
            prevPeriod = p;
            if (!std::isnan(c.loyalty)) {
                o.loyaltySum += c.loyalty;
                o.loyaltyN += 1;
            }
            if (!std::isnan(c.potential)) {
                o.potentialMargin += margin;
                o.potentialOpen += c.potential * per.days() / (m_in.horizonMonths * 30.4375);
            }
            m_margins[p].push_back({slot, margin});
        }
    }

    // Each customer's latest answer of each period.
    void addAnswers() {
        std::vector<const SurveyAnswer*> answers;
        answers.reserve(m_in.answers.size());
        for (const auto& a : m_in.answers)
            if (a.day <= m_in.analysisDay && a.day >= m_periods.front().start) answers.push_back(&a);
        std::sort(answers.begin(), answers.end(), [](const SurveyAnswer* x, const SurveyAnswer* y) {
            return std::tie(x->customer, x->time, x->order) < std::tie(y->customer, y->time, y->order);
        });
        for (std::size_t k = 0; k < answers.size(); ++k) {
            const auto& a = *answers[k];
            const auto p = *periodOf(a.day);
            const bool latest = k + 1 == answers.size() || answers[k + 1]->customer != a.customer ||
                                *periodOf(answers[k + 1]->day) != p;
            if (!latest) continue;
            const auto& c = m_in.customers[static_cast<std::size_t>(a.customer)];
            auto& o = own(m_slots.of(c.node, c.segment), p);
            if (!std::isnan(a.satisfaction)) {
                o.satisfactionSum += a.satisfaction;
                o.satisfactionN += 1;
            }
            if (!std::isnan(a.recommend)) {
                o.npsNet += a.recommend >= 9 ? 1 : a.recommend <= 6 ? -1 : 0;
                o.npsN += 1;
            }
        }
    }

    struct SlotMargin {
        std::size_t slot;
        double margin;
    };

    void emit(std::vector<KpiRow>& out) {
        const std::size_t np = m_periods.size();
        const std::size_t nodes = m_h.size();
        const std::size_t segs = m_slots.segments;  // the last is "no segment"
        // Position of each node in pre-order and the size of its subtree: a subtree is a range.
        std::vector<std::size_t> pos(nodes), size(nodes, 1);
        const auto& pre = m_h.preorder();
        for (std::size_t k = 0; k < nodes; ++k) pos[pre[k]] = k;
        for (auto it = pre.rbegin(); it != pre.rend(); ++it)
            if (auto p = m_h.parent(*it)) size[*p] += size[*it];
        // Customers per node (with descendants) and segment slot, to leave out empty rows.
        std::vector<std::int64_t> count(m_customersInSlot);
        for (auto it = pre.rbegin(); it != pre.rend(); ++it)
            if (auto p = m_h.parent(*it))
                for (std::size_t s = 0; s < segs; ++s) count[*p * segs + s] += count[*it * segs + s];
        auto nodeCount = [&](int node, int seg) {  // node -1: company; seg -1: all
            std::int64_t n = 0;
            auto add = [&](std::size_t nodeSlot) {
                for (std::size_t s = 0; s < segs; ++s)
                    if (seg < 0 || s == static_cast<std::size_t>(seg)) n += count[nodeSlot * segs + s];
            };
            if (node >= 0) add(static_cast<std::size_t>(node));
            else {
                for (auto r : m_h.roots()) add(r);
                add(nodes);
            }
            return n;
        };

        // The customer base was counted as differences: sum them over the periods.
        for (std::size_t slot = 0; slot < m_slots.nodes * segs; ++slot)
            for (std::size_t p = 1; p < np; ++p) own(slot, p).customers += own(slot, p - 1).customers;
        std::vector<KpiParts> total;  // per slot, rolled up
        std::vector<std::size_t> keyOf(m_slots.nodes * segs);  // slot -> pre-order position (company's own last)
        for (std::size_t slot = 0; slot < keyOf.size(); ++slot) {
            const auto n = slot / segs;
            keyOf[slot] = n == nodes ? nodes : pos[n];
        }
        std::vector<std::size_t> keyStart(nodes + 2);
        std::vector<SlotMargin> sorted;
        std::vector<std::vector<double>> bySegment(segs + 1);
        std::vector<double> tops(segs + 1);
        for (std::size_t p = 0; p < np; ++p) {
            total.assign(m_slots.nodes * segs, KpiParts{});
            for (std::size_t n = 0; n < m_slots.nodes; ++n)
                for (std::size_t s = 0; s < segs; ++s) total[n * segs + s] = own(n * segs + s, p);
            for (auto it = pre.rbegin(); it != pre.rend(); ++it)
                if (auto par = m_h.parent(*it))
                    for (std::size_t s = 0; s < segs; ++s) total[*par * segs + s] += total[*it * segs + s];
            // Active customers' margins ordered by their node's pre-order position (the company's
            // own last), so that a node's customers with its descendants' are one range
            // (a counting sort on the position).
            const auto& margins = m_margins[p];
            std::fill(keyStart.begin(), keyStart.end(), 0);
            for (const auto& m : margins) ++keyStart[keyOf[m.slot] + 1];
            for (std::size_t k = 1; k < keyStart.size(); ++k) keyStart[k] += keyStart[k - 1];
            sorted.resize(margins.size());
            {
                auto next = keyStart;
                for (const auto& m : margins) sorted[next[keyOf[m.slot]]++] = m;
            }
            // The top-fifth margin of the node range [from, to) for every customer (index 0) and
            // each segment (1 + segment), in one pass.
            auto topsOf = [&](std::size_t from, std::size_t to) {
                for (auto& v : bySegment) v.clear();
                for (auto k = keyStart[from]; k < keyStart[to]; ++k) {
                    const auto& m = sorted[k];
                    bySegment[0].push_back(m.margin);
                    bySegment[1 + m.slot % segs].push_back(m.margin);
                }
                for (std::size_t s = 0; s < bySegment.size(); ++s)
                    tops[s] = bySegment[s].empty() ? kNoValue : topFifthSum(bySegment[s]);
            };
            std::size_t topsFrom = SIZE_MAX, topsTo = SIZE_MAX;
            auto topOf = [&](std::size_t from, std::size_t to, int seg) {
                if (from != topsFrom || to != topsTo) {
                    topsOf(from, to);
                    topsFrom = from;
                    topsTo = to;
                }
                return tops[static_cast<std::size_t>(seg + 1)];
            };
            auto emitRow = [&](int node, int seg, KpiParts parts, std::size_t from, std::size_t to) {
                parts.topMargin = topOf(from, to, seg);
                KpiRow row;
                row.period = m_periods[p];
                row.node = node;
                row.segment = seg;
                row.parts = parts;
                out.push_back(row);
            };
            for (int node = -1; node < static_cast<int>(nodes); ++node) {
                // All customers, then each segment (the "no segment" slot is not a row of its own).
                for (int seg = -1; seg + 1 < static_cast<int>(segs); ++seg) {
                    if (nodeCount(node, seg) == 0) continue;
                    KpiParts parts;
                    auto addSlots = [&](std::size_t nodeSlot) {
                        for (std::size_t s = 0; s < segs; ++s)
                            if (seg < 0 || s == static_cast<std::size_t>(seg)) parts += total[nodeSlot * segs + s];
                    };
                    std::size_t from = 0, to = nodes + 1;
                    if (node >= 0) {
                        addSlots(static_cast<std::size_t>(node));
                        from = pos[static_cast<std::size_t>(node)];
                        to = from + size[static_cast<std::size_t>(node)];
                    } else {
                        for (auto r : m_h.roots()) addSlots(r);
                        addSlots(nodes);
                    }
                    emitRow(node, seg, parts, from, to);
                }
            }
        }
    }

    const KpiInput& m_in;
    const Hierarchy& m_h;
    const AnorexiaByMonth& m_anorexic;
    std::vector<Period> m_periods;
    Slots m_slots;
    std::vector<KpiParts> m_own;
    std::vector<std::vector<SlotMargin>> m_margins;
    std::vector<std::int64_t> m_customersInSlot;
};

}  // namespace

std::vector<KpiRow> computeKpis(const KpiInput& input, const Hierarchy& hierarchy) {
    std::vector<KpiRow> rows;
    const auto anorexic = anorexiaByMonth(input);
    // Months on a thread of their own, quarters and years on this one (about equal work).
    std::vector<KpiRow> monthRows;
    std::exception_ptr failed;
    std::thread months([&] {
        try {
            KindComputation(input, hierarchy, anorexic, PeriodKind::Month).run(monthRows);
        } catch (...) {
            failed = std::current_exception();
        }
    });
    std::vector<KpiRow> longer;
    KindComputation(input, hierarchy, anorexic, PeriodKind::Quarter).run(longer);
    KindComputation(input, hierarchy, anorexic, PeriodKind::Year).run(longer);
    months.join();
    if (failed) std::rethrow_exception(failed);
    rows = std::move(monthRows);
    rows.insert(rows.end(), longer.begin(), longer.end());
    return rows;
}

}  // namespace cw::engine::kpi
