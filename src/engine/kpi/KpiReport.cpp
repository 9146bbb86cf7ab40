#include "engine/kpi/KpiReport.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/CivilTime.h"
#include "core/Text.h"
#include "core/TextTable.h"

namespace cw::engine::kpi {

std::string_view toString(TargetStatus s) {
    switch (s) {
    case TargetStatus::NoTarget: return "";
    case TargetStatus::Met: return "met";
    case TargetStatus::Missed: return "missed";
    case TargetStatus::NoValue: return "no value";
    }
    return "";
}

std::optional<bool> IndicatorFigure::improved() const {
    const auto d = change();
    if (!d || *d == 0) return std::nullopt;
    return (*d > 0) == (indicator(id).good == Direction::Up);
}

std::optional<std::size_t> KpiSeries::indexOf(std::int32_t start) const {
    auto it = std::lower_bound(periods.begin(), periods.end(), start,
                               [](const Period& p, std::int32_t s) { return p.start < s; });
    if (it == periods.end() || it->start != start) return std::nullopt;
    return static_cast<std::size_t>(it - periods.begin());
}

IndicatorFigure KpiSeries::figure(IndicatorId id, std::size_t i) const {
    IndicatorFigure f;
    f.id = id;
    const auto& p = periods[i];
    auto at = [&](std::size_t k) -> std::optional<double> {
        if (auto live = latestLive.find(id); live != latestLive.end())
            return k + 1 == periods.size() ? std::optional(live->second) : std::nullopt;
        return value(id, parts[k]);
    };
    f.value = at(i);
    // The period before: the same kind, ending the day before this one starts.
    if (i > 0 && periods[i - 1].end + 1 == p.start) f.previous = at(i - 1);
    else if (auto k = indexOf(monthStart(p.firstMonth - monthsIn(p.kind)))) f.previous = at(*k);
    if (auto k = indexOf(monthStart(p.firstMonth - 12))) f.yearBefore = at(*k);
    if (auto t = targets.find({id, p.start}); t != targets.end()) {
        f.target = t->second;
        if (!f.value) f.status = TargetStatus::NoValue;
        else
            f.status = (indicator(id).good == Direction::Up ? *f.value >= t->second : *f.value <= t->second)
                           ? TargetStatus::Met
                           : TargetStatus::Missed;
    }
    return f;
}

std::vector<IndicatorFigure> KpiSeries::figures(std::size_t i) const {
    std::vector<IndicatorFigure> out;
    for (const auto& ind : indicators()) out.push_back(figure(ind.id, i));
    return out;
}

std::vector<std::optional<double>> KpiSeries::values(IndicatorId id) const {
    std::vector<std::optional<double>> out;
    for (std::size_t i = 0; i < periods.size(); ++i) out.push_back(figure(id, i).value);
    return out;
}

namespace {

// For people: thousands grouped with commas, a true minus sign (CSV and JSON write plain numbers).
std::string number(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(v));
    std::string digits(buf);
    const auto point = digits.find('.');
    std::string whole = digits.substr(0, point), rest = point == std::string::npos ? "" : digits.substr(point);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), ",");
    const bool negative = v < 0 && std::stod(digits) != 0;
    return (negative ? "−" : "") + whole + rest;
}

int decimalsOf(Unit u) {
    switch (u) {
    case Unit::Count: return 0;
    case Unit::Currency: return 2;
    case Unit::Percent:
    case Unit::Score:
    case Unit::NpsScore: return 1;
    }
    return 0;
}

std::string withUnit(IndicatorId id, std::string n, const std::string& currency, bool change) {
    switch (indicator(id).unit) {
    case Unit::Count:
    case Unit::Score:
    case Unit::NpsScore: return n;
    case Unit::Currency: return n + " " + (currency.empty() ? std::string("currency") : currency);
    case Unit::Percent: return n + (change ? " pt" : " %");
    }
    return n;
}

}  // namespace

std::string formatValue(IndicatorId id, const std::optional<double>& v, const std::string& currency) {
    if (!v) return "—";
    return withUnit(id, number(*v, decimalsOf(indicator(id).unit)), currency, false);
}

std::string formatChange(IndicatorId id, const std::optional<double>& d, const std::string& currency) {
    if (!d) return "";
    const int dec = decimalsOf(indicator(id).unit);
    const double r = std::round(*d * std::pow(10, dec)) / std::pow(10, dec);
    std::string n = number(std::abs(r), dec);
    n = (r > 0 ? "+" : r < 0 ? "−" : "±") + n;
    return withUnit(id, n, currency, true);
}

std::string kpiToText(const std::vector<KpiBlock>& blocks, const std::string& currency) {
    std::ostringstream out;
    bool first = true;
    for (const auto& b : blocks) {
        if (!first) out << '\n';
        first = false;
        out << b.node;
        if (!b.segment.empty()) out << " — segment " << text::printable(b.segment);
        out << " — " << toString(b.period.kind) << ' ' << periodLabel(b.period) << " (" << formatDate(b.period.start)
            << " … " << formatDate(b.period.end) << ")\n";
        std::vector<std::vector<std::string>> rows{
            {"indicator", "value", "vs previous", "vs year before", "target", "status"}};
        for (const auto& f : b.figures)
            rows.push_back({std::string(indicator(f.id).name), formatValue(f.id, f.value, currency),
                            formatChange(f.id, f.change(), currency), formatChange(f.id, f.changeOnYear(), currency),
                            f.target ? formatValue(f.id, f.target, currency) : "", std::string(toString(f.status))});
        out << text::renderTable(rows, {text::Align::Left}, text::kCellCap, "  ");
    }
    return out.str();
}

void rankBlocks(std::vector<KpiBlock>& blocks, IndicatorId rank) {
    const bool up = indicator(rank).good == Direction::Up;
    auto valueOf = [&](const KpiBlock& b) -> std::optional<double> {
        for (const auto& f : b.figures)
            if (f.id == rank) return f.value;
        return std::nullopt;
    };
    std::stable_sort(blocks.begin(), blocks.end(), [&](const KpiBlock& a, const KpiBlock& b) {
        const auto va = valueOf(a), vb = valueOf(b);
        if (!va || !vb) return va.has_value() && !vb.has_value();
        return up ? *va > *vb : *va < *vb;
    });
}

std::string kpiSideBySideText(const std::vector<KpiBlock>& blocks, IndicatorId rank,
                              const std::vector<IndicatorId>& columns, const std::string& currency) {
    std::ostringstream out;
    if (blocks.empty()) return {};
    const auto& p = blocks.front().period;
    out << toString(p.kind) << ' ' << periodLabel(p) << " (" << formatDate(p.start) << " … " << formatDate(p.end)
        << "), ranked by " << indicator(rank).name << '\n';
    std::vector<std::string> header{"#", "node", std::string(indicator(rank).name), "vs previous"};
    for (auto c : columns)
        if (c != rank) header.emplace_back(indicator(c).name);
    std::vector<std::vector<std::string>> rows{header};
    auto figureOf = [](const KpiBlock& b, IndicatorId id) {
        for (const auto& f : b.figures)
            if (f.id == id) return f;
        return IndicatorFigure{id};
    };
    int n = 0;
    for (const auto& b : blocks) {
        const auto r = figureOf(b, rank);
        std::vector<std::string> row{std::to_string(++n), b.node, formatValue(rank, r.value, currency),
                                     formatChange(rank, r.change(), currency)};
        for (auto c : columns)
            if (c != rank) row.push_back(formatValue(c, figureOf(b, c).value, currency));
        rows.push_back(std::move(row));
    }
    std::vector<text::Align> align{text::Align::Right, text::Align::Left};
    out << text::renderTable(rows, align, text::kCellCap, "  ");
    return out.str();
}

std::string kpiToCsv(const std::vector<KpiBlock>& blocks) {
    std::ostringstream out;
    out << "node,segment,period,label,start,end,indicator,value,previous,change,year_before,change_on_year,target,status\n";
    for (const auto& b : blocks)
        for (const auto& f : b.figures)
            out << text::csvField(text::neutralizeFormula(b.nodeCode)) << ','
                << text::csvField(text::neutralizeFormula(b.segment)) << ',' << toString(b.period.kind) << ','
                << periodLabel(b.period) << ',' << formatDate(b.period.start) << ',' << formatDate(b.period.end) << ','
                << indicator(f.id).key << ',' << text::csvNumber(f.value) << ',' << text::csvNumber(f.previous) << ','
                << text::csvNumber(f.change()) << ',' << text::csvNumber(f.yearBefore) << ','
                << text::csvNumber(f.changeOnYear()) << ',' << text::csvNumber(f.target) << ',' << toString(f.status)
                << '\n';
    return out.str();
}

std::string kpiToJson(const std::vector<KpiBlock>& blocks, const std::string& currency) {
    auto opt = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    auto arr = nlohmann::json::array();
    for (const auto& b : blocks) {
        nlohmann::json jb;
        jb["node"] = b.nodeCode.empty() ? nlohmann::json(nullptr) : nlohmann::json(b.nodeCode);
        jb["node_name"] = b.node;
        jb["segment"] = b.segment.empty() ? nlohmann::json(nullptr) : nlohmann::json(b.segment);
        jb["period"] = {{"kind", toString(b.period.kind)},
                        {"label", periodLabel(b.period)},
                        {"start", formatDate(b.period.start)},
                        {"end", formatDate(b.period.end)}};
        auto ind = nlohmann::json::object();
        for (const auto& f : b.figures) {
            const auto& def = indicator(f.id);
            ind[std::string(def.key)] = {{"value", opt(f.value)},
                                         {"previous", opt(f.previous)},
                                         {"change", opt(f.change())},
                                         {"year_before", opt(f.yearBefore)},
                                         {"change_on_year", opt(f.changeOnYear())},
                                         {"target", opt(f.target)},
                                         {"status", f.target ? nlohmann::json(toString(f.status)) : nlohmann::json(nullptr)},
                                         {"unit", toString(def.unit)},
                                         {"good", toString(def.good)}};
        }
        jb["indicators"] = ind;
        arr.push_back(jb);
    }
    nlohmann::json j;
    j["currency"] = currency.empty() ? "currency" : currency;
    j["blocks"] = arr;
    return j.dump(2);
}

}  // namespace cw::engine::kpi
