#include "engine/load/KpiTargets.h"

#include <algorithm>
#include <map>

#include "core/Text.h"
#include "store/Database.h"
#include "store/Workbook.h"
#include "store/csv/CsvReader.h"
#include "store/csv/ValueParser.h"

namespace cw::engine {

Result<store::KpiTarget> resolveTarget(const TargetSpec& spec, const ManagerTree& tree) {
    const auto id = kpi::findIndicator(spec.indicator);
    if (!id) {
        std::string keys;
        for (const auto& i : kpi::indicators()) keys += (keys.empty() ? "" : ", ") + std::string(i.key);
        return makeError(ErrorKind::Usage, "no indicator is called " + text::printable(spec.indicator),
                         "use one of " + keys);
    }
    if (kpi::indicator(*id).aggregation == kpi::Aggregation::Sum && kpi::indicator(*id).unit == kpi::Unit::Count &&
        spec.target < 0)
        return makeError(ErrorKind::Usage, "a target for " + spec.indicator + " cannot be negative");
    const auto kind = kpi::parsePeriodKind(spec.period);
    if (!kind)
        return makeError(ErrorKind::Usage, "the period " + text::printable(spec.period) + " is not a period kind",
                         "write month, quarter or year");
    const auto period = kpi::parsePeriod(*kind, spec.when);
    if (!period)
        return makeError(ErrorKind::Usage,
                         text::printable(spec.when) + " names no " + spec.period,
                         "write the period as 2025-10 (month), 2025-Q4 (quarter), 2025 (year) or any day in it "
                         "as YYYY-MM-DD");
    std::int64_t nodeId = 0;
    if (!spec.node.empty()) {
        auto n = tree.node(spec.node);
        if (!n) return n.takeError();
        nodeId = tree.managers[*n].id;
    }
    store::KpiTarget t;
    t.indicator = spec.indicator;
    t.nodeId = nodeId;
    t.period = spec.period;
    t.startDay = period->start;
    t.target = spec.target;
    return t;
}

Result<std::vector<store::KpiTarget>> readTargetsFile(const std::string& path, const ManagerTree& tree) {
    auto reader = store::csv::Reader::open(path);
    if (!reader) return reader.takeError();
    store::csv::Record rec;
    auto located = [&](Error e, std::int64_t line, int column) {
        e.file = path;
        e.line = line;
        e.column = column;
        return e;
    };
    if (!(*reader)->next(rec)) {
        if (auto& e = (*reader)->error()) return *e;
        return located(makeError(ErrorKind::Input, "the targets file is empty",
                                 "write a header: indicator,node,period,start,target"),
                       1, 0);
    }
    std::map<std::string, int> col;
    for (std::size_t i = 0; i < rec.fields.size(); ++i) {
        std::string name(store::csv::trim(rec.fields[i]));
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        col.emplace(name, static_cast<int>(i));
    }
    for (const char* need : {"indicator", "node", "period", "start", "target"})
        if (!col.count(need))
            return located(makeError(ErrorKind::Input, std::string("the targets file has no column \"") + need + "\"",
                                     "the header must name indicator, node, period, start and target"),
                           rec.line, 0);
    std::vector<store::KpiTarget> out;
    std::map<std::tuple<std::string, std::int64_t, std::string, std::int32_t>, std::int64_t> seen;
    while ((*reader)->next(rec)) {
        auto field = [&](const char* name) -> std::string {
            const auto i = static_cast<std::size_t>(col.at(name));
            return i < rec.fields.size() ? std::string(store::csv::trim(rec.fields[i])) : std::string();
        };
        if (rec.fields.size() == 1 && store::csv::trim(rec.fields[0]).empty()) continue;  // a blank line
        TargetSpec spec{field("indicator"), field("node"), field("period"), field("start"), 0};
        const auto value = store::csv::parseNumber(field("target"));
        if (!value)
            return located(makeError(ErrorKind::Input,
                                     "the target " + text::printable(field("target")) + " is not a number",
                                     "write it with a dot for decimals, without a currency or % sign"),
                           rec.line, col.at("target") + 1);
        spec.target = *value;
        auto t = resolveTarget(spec, tree);
        if (!t) {
            // Name the column the problem is in.
            const auto& m = t.error().message;
            const char* column = m.find("indicator") != std::string::npos ? "indicator"
                                 : m.find("manager") != std::string::npos  ? "node"
                                 : m.find("period kind") != std::string::npos ? "period"
                                 : m.find("names no") != std::string::npos ? "start"
                                                                           : "target";
            Error e = t.error();
            e.kind = ErrorKind::Input;
            return located(e, rec.line, col.at(column) + 1);
        }
        const auto key = std::make_tuple(t->indicator, t->nodeId, t->period, t->startDay);
        if (auto [it, fresh] = seen.emplace(key, rec.line); !fresh)
            return located(makeError(ErrorKind::Input,
                                     "this target repeats the one of line " + std::to_string(it->second),
                                     "keep one line per indicator, node and period"),
                           rec.line, 0);
        out.push_back(std::move(*t));
    }
    if (auto& e = (*reader)->error()) return *e;
    return out;
}

Result<std::size_t> storeTargets(store::Workbook& wb, const std::vector<store::KpiTarget>& targets) {
    return store::inOwnTransaction(wb.db(), [&](store::WriteTransaction& tx) -> Result<std::size_t> {
        store::writeTargets(tx, targets);
        return targets.size();
    });
}

}  // namespace cw::engine
