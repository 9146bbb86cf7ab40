#include "report/sections/SectionFacts.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "report/ReportContext.h"

namespace cw::report {

std::optional<Concentration> marginConcentration(ReportContext& ctx, double topShare) {
    auto view = ctx.matrix(engine::MatrixKind::ProfitabilityLoyalty);
    if (!view) return std::nullopt;
    std::vector<double> margins;
    margins.reserve((*view)->input.margin.size());
    for (double m : (*view)->input.margin) margins.push_back(std::isfinite(m) ? m : 0.0);
    if (margins.empty()) return std::nullopt;
    Concentration c;
    c.customers = std::int64_t(margins.size());
    c.top = std::max<std::int64_t>(1, std::int64_t(std::ceil(topShare * double(c.customers))));
    std::nth_element(margins.begin(), margins.begin() + (c.top - 1), margins.end(), std::greater<>());
    double top = 0, all = 0;
    for (std::int64_t i = 0; i < c.customers; ++i) {
        all += margins[std::size_t(i)];
        if (i < c.top) top += margins[std::size_t(i)];
    }
    if (all <= 0) return std::nullopt;
    c.share = top / all;
    return c;
}

std::optional<double> revenueDrop(const std::optional<double>& earlier, const std::optional<double>& recent) {
    if (!earlier || !recent) return std::nullopt;
    return std::max(0.0, *earlier - *recent);
}

std::optional<LostMargin> lostMargin(ReportContext& ctx) {
    auto analysis = ctx.analysis();
    auto exits = ctx.customers(engine::CustomerFlag::ProfitableExits);
    auto anorexic = ctx.customers(engine::CustomerFlag::Anorexic);
    if (!analysis || !*analysis || !exits || !anorexic) return std::nullopt;
    LostMargin l;
    l.totalMargin = (**analysis).at("window").value("margin", 0.0);
    l.profitableExits = std::int64_t((*exits)->rows.size());
    for (const auto& r : (*exits)->rows) l.exitMargin += r.margin.value_or(0.0);
    l.anorexic = std::int64_t((*anorexic)->rows.size());
    for (const auto& r : (*anorexic)->rows) l.anorexicDrop += revenueDrop(r.prevRevenue, r.recentRevenue).value_or(0.0);
    return l;
}

Result<std::vector<ManagerLoss>> managersLosingMost(ReportContext& ctx, std::size_t count) {
    auto exits = ctx.customers(engine::CustomerFlag::ProfitableExits);
    if (!exits) return exits.takeError();
    auto anorexic = ctx.customers(engine::CustomerFlag::Anorexic);
    if (!anorexic) return anorexic.takeError();
    std::map<std::string, ManagerLoss> by;
    for (const auto& r : (*exits)->rows) {
        auto& m = by[r.manager];
        ++m.profitableExits;
        m.exitMargin += r.margin.value_or(0.0);
    }
    for (const auto& r : (*anorexic)->rows) {
        auto& m = by[r.manager];
        ++m.anorexic;
        m.anorexicDrop += revenueDrop(r.prevRevenue, r.recentRevenue).value_or(0.0);
    }
    std::vector<ManagerLoss> out;
    for (auto& [name, m] : by) {
        m.manager = name.empty() ? std::string("(no manager)") : name;
        out.push_back(m);
    }
    std::stable_sort(out.begin(), out.end(), [](const ManagerLoss& a, const ManagerLoss& b) { return a.lost() > b.lost(); });
    if (out.size() > count) out.resize(count);
    return out;
}

Result<std::vector<AttributeToImprove>> attributesToImprove(ReportContext& ctx) {
    auto view = ctx.matrix(engine::MatrixKind::ImportanceSatisfaction);
    if (!view) return view.takeError();
    const auto& in = (*view)->input;
    const auto& assignment = (*view)->result.assignment;
    std::vector<AttributeToImprove> out;
    for (std::size_t i = 0; i < in.size(); ++i)
        if (assignment[i] == static_cast<std::int8_t>(engine::Quadrant::HighLow))
            out.push_back({i < in.labels.size() ? in.labels[i] : std::string(), in.xs[i], in.ys[i]});
    std::stable_sort(out.begin(), out.end(),
                     [](const AttributeToImprove& a, const AttributeToImprove& b) { return a.importance > b.importance; });
    return out;
}

}  // namespace cw::report
