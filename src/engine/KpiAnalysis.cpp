#include "engine/KpiAnalysis.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>

#include "engine/load/KpiValues.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/Database.h"
#include "store/Segmentations.h"

namespace cw::engine {

kpi::KpiInput kpiActivityOf(const CustomerRows& rows, const AnalysisSettings& settings, const AnalysisCalendar& cal) {
    kpi::KpiInput in;
    // At most one month per row; untouched capacity costs no memory.
    in.activity.reserve(rows.rows());
    in.activityOffset.reserve(rows.customers() + 1);
    const double keep = 1.0 - settings.grossMarginRate;
    std::int32_t first = cal.analysisDay + 1;
    kpi::ActivityBuilder b(in);
    for (std::size_t i = 0; i < rows.customers(); ++i) {
        const auto a = static_cast<std::size_t>(rows.offset[i]), e = static_cast<std::size_t>(rows.offset[i + 1]);
        if (a < e) first = std::min(first, rows.day[a]);
        for (std::size_t k = a; k < e && rows.day[k] <= cal.analysisDay; ++k) {
            const double r = rows.revenue[k];
            b.add(rows.day[k], rows.kind[k] == 0, r, std::isnan(rows.cost[k]) ? r * keep : rows.cost[k]);
        }
        b.endCustomer();
    }
    in.firstDay = first;
    in.analysisDay = cal.analysisDay;
    return in;
}

std::vector<store::KpiValueRow> computeIndicators(store::Database& db, kpi::KpiInput in, const CustomerInfo& customers,
                                                  const MetricsTable& m, const CostToServe& cts,
                                                  const AnalysisSettings& settings, const AnalysisCalendar& cal) {
    const std::size_t n = customers.size();
    if (in.activityOffset.size() != n + 1) {  // a survey-only analysis: no activity
        in.activityOffset.assign(n + 1, 0);
        in.activity.clear();
        in.firstDay = cal.analysisDay + 1;
    }
    in.analysisDay = cal.analysisDay;
    in.anorexiaMonths = settings.anorexiaWindowMonths;
    in.anorexiaDrop = settings.anorexiaDrop;
    in.anorexiaMinOrders = settings.anorexiaMinOrders;
    in.horizonMonths = settings.horizonMonths;

    auto tree = loadManagerTree(db, CustomerCounts::No);
    if (!tree) throw store::SqlError{tree.error().message};
    const auto& h = tree->hierarchy;

    // The active segmentation's segments, by index.
    std::vector<std::int64_t> segmentIds;
    std::unordered_map<std::int64_t, int> segmentIndex;
    std::vector<int> segmentOf(n, -1);
    if (const auto active = settings::readOr(db, settings::activeSegmentation()))
        if (const auto seg = store::readSegmentation(db, *active)) {
            for (const auto& s : store::readSegments(db, seg->id)) {
                segmentIndex.emplace(s.id, static_cast<int>(segmentIds.size()));
                segmentIds.push_back(s.id);
            }
            for (const auto& [customer, segment] : store::readMemberships(db, seg->id)) {
                auto it = std::lower_bound(customers.id.begin(), customers.id.end(), customer);
                if (it != customers.id.end() && *it == customer)
                    segmentOf[std::size_t(it - customers.id.begin())] = segmentIndex.at(segment);
            }
        }
    in.segments = static_cast<int>(segmentIds.size());

    in.customers.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto& c = in.customers[i];
        if (customers.managerId[i] != 0)
            if (auto node = h.node(customers.managerId[i])) c.node = static_cast<int>(*node);
        c.segment = segmentOf[i];
        c.firstDay = m.firstDay[i];
        c.exitDay = m.exited[i] ? m.exitDay[i] : -1;
        c.profitableExit = m.profitableExit[i] != 0;
        c.anorexicNow = m.anorexic[i] != 0;
        c.loyalty = m.loyalty[i];
        c.potential = m.potential[i];
        const auto rate = cts.rateFor(customers.channel[i]);
        c.costPerOrder = rate.perOrder;
        c.costPerYear = rate.perCustomerYear;
    }
    for (const auto& a : store::readDatedAnswers(db)) {
        auto it = std::lower_bound(customers.id.begin(), customers.id.end(), a.customerId);
        if (it == customers.id.end() || *it != a.customerId) continue;
        in.answers.push_back({static_cast<std::int32_t>(it - customers.id.begin()), a.day, a.ts, a.responseId,
                              a.satisfaction.value_or(kpi::kNoValue), a.recommend.value_or(kpi::kNoValue)});
        if (a.day <= cal.analysisDay) in.firstDay = std::min(in.firstDay, a.day);
    }

    const auto rows = kpi::computeKpis(in, h);
    std::vector<store::KpiValueRow> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        store::KpiValueRow s;
        s.period = std::string(kpi::toString(r.period.kind));
        s.startDay = r.period.start;
        s.endDay = r.period.end;
        s.nodeId = r.node < 0 ? 0 : h.id(static_cast<std::size_t>(r.node));
        s.segmentId = r.segment < 0 ? 0 : segmentIds[static_cast<std::size_t>(r.segment)];
        s.parts = toColumns(r.parts);
        out.push_back(std::move(s));
    }
    // In the table's key order: the rows are appended to its B-tree instead of inserted all over it.
    std::sort(out.begin(), out.end(), [](const store::KpiValueRow& a, const store::KpiValueRow& b) {
        return std::tie(a.nodeId, a.segmentId, a.period, a.startDay) < std::tie(b.nodeId, b.segmentId, b.period, b.startDay);
    });
    return out;
}

}  // namespace cw::engine
