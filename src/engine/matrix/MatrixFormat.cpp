#include "engine/matrix/MatrixFormat.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "core/Text.h"
#include "core/TextTable.h"

namespace cw::engine {
namespace {

// ordered_json keeps the keys in the order of the contract, for people reading it.
using json = nlohmann::ordered_json;

json optional(const std::optional<double>& v) {
    return v ? json(*v) : json(nullptr);
}

json thresholdsJson(const MatrixSummary& s, bool perGroup) {
    auto axis = [perGroup](const ResolvedThreshold& t) {
        json j{{"mode", toString(t.mode)}, {"value", optional(t.value)}};
        if (perGroup) j["per_group"] = true;
        return j;
    };
    return {{"x", axis(s.x)}, {"y", axis(s.y)}};
}

json quadrantsJson(const MatrixSpec& spec, const MatrixSummary& s) {
    json a = json::array();
    for (int q = 0; q < kQuadrantCount; ++q) {
        const auto& qs = s.quadrants[q];
        a.push_back({{"name", spec.quadrants[q].name},
                     {"count", qs.count},
                     {"customer_share", optional(qs.customerShare)},
                     {"revenue_share", optional(qs.revenueShare)},
                     {"margin_share", optional(qs.marginShare)}});
    }
    return a;
}

json axisJson(const AxisSpec& a) {
    return {{"metric", a.metric}, {"label", a.label}, {"unit", a.unit}};
}

std::string number(const std::optional<double>& v, int decimals = 2) {
    if (!v) return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, *v);
    return buf;
}

std::string percent(const std::optional<double>& v) {
    return v ? number(*v * 100.0, 1) + " %" : "n/a";
}

std::string thresholdText(const ResolvedThreshold& t, bool perGroup) {
    std::string s = toString(t.mode);
    if (perGroup) return s + " (per group)";
    return s + " = " + number(t.value);
}

// Aligned columns: the first left-aligned, the others right-aligned.
std::string table(const std::vector<std::vector<std::string>>& rows) {
    return text::renderTable(rows);
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + '"';
}

std::string csvNumber(const std::optional<double>& v) {
    if (!v) return {};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", *v);
    return buf;
}

void csvRows(std::ostringstream& out, const MatrixSpec& spec, const std::string& by,
             const std::string& group, const MatrixSummary& s) {
    const auto tx = csvNumber(s.x.value), ty = csvNumber(s.y.value);
    for (int q = 0; q < kQuadrantCount; ++q) {
        const auto& qs = s.quadrants[q];
        out << csvField(by) << ',' << csvField(group) << ',' << csvField(spec.quadrants[q].name)
            << ',' << quadrantCode(static_cast<Quadrant>(q)) << ',' << qs.count << ','
            << csvNumber(qs.customerShare) << ',' << csvNumber(qs.revenueShare) << ','
            << csvNumber(qs.marginShare) << ',' << tx << ',' << ty << '\n';
    }
    out << csvField(by) << ',' << csvField(group) << ',' << kInsufficientName << ",,"
        << s.insufficient << ",,,," << tx << ',' << ty << '\n';
}

}  // namespace

std::string matrixToJson(const MatrixResult& r) {
    const auto& spec = *r.spec;
    json j;
    j["matrix"] = spec.name;
    j["x"] = axisJson(r.x);
    j["y"] = axisJson(r.y);
    j["thresholds"] = thresholdsJson(r.total, r.perGroupThresholds);
    j["quadrants"] = quadrantsJson(spec, r.total);
    j["insufficient_data"] = r.total.insufficient;
    j["groups"] = json::array();
    for (const auto& g : r.groups) {
        json gj{{"by", toString(g.by)},
                {"name", g.name},
                {"quadrants", quadrantsJson(spec, g.summary)},
                {"insufficient_data", g.summary.insufficient}};
        if (r.perGroupThresholds) gj["thresholds"] = thresholdsJson(g.summary, false);
        j["groups"].push_back(std::move(gj));
    }
    return j.dump();
}

std::string matrixToText(const MatrixResult& r) {
    const auto& spec = *r.spec;
    const bool customers = spec.points == PointKind::Customer;
    const std::string unit = customers ? "customers" : "attributes";
    std::ostringstream out;
    out << spec.title << " (" << spec.name << "): " << r.total.points() << ' ' << unit << ", "
        << r.total.plotted << " plotted, " << r.total.insufficient << " with insufficient data\n";
    out << "x: " << r.x.label << " [" << r.x.metric << ", " << r.x.unit << "], threshold "
        << thresholdText(r.total.x, r.perGroupThresholds) << '\n';
    out << "y: " << r.y.label << " [" << r.y.metric << ", " << r.y.unit << "], threshold "
        << thresholdText(r.total.y, r.perGroupThresholds) << "\n\n";

    std::vector<std::vector<std::string>> rows{
        {"quadrant", "position", "count", customers ? "customers" : "share", "revenue", "margin"}};
    for (int q = 0; q < kQuadrantCount; ++q) {
        const auto& qs = r.total.quadrants[q];
        rows.push_back({spec.quadrants[q].name, quadrantCode(static_cast<Quadrant>(q)),
                        std::to_string(qs.count), percent(qs.customerShare),
                        percent(qs.revenueShare), percent(qs.marginShare)});
    }
    rows.push_back({kInsufficientName, "", std::to_string(r.total.insufficient), "", "", ""});
    out << table(rows);

    if (!r.groups.empty()) {
        out << "\nby " << toString(r.groups.front().by) << '\n';
        std::vector<std::vector<std::string>> g{{toString(r.groups.front().by)}};
        for (const auto& q : spec.quadrants) g[0].push_back(q.name);
        g[0].push_back(kInsufficientName);
        if (r.perGroupThresholds) {
            g[0].push_back("x threshold");
            g[0].push_back("y threshold");
        }
        for (const auto& grp : r.groups) {
            std::vector<std::string> row{grp.name};
            for (const auto& qs : grp.summary.quadrants) row.push_back(std::to_string(qs.count));
            row.push_back(std::to_string(grp.summary.insufficient));
            if (r.perGroupThresholds) {
                row.push_back(number(grp.summary.x.value));
                row.push_back(number(grp.summary.y.value));
            }
            g.push_back(std::move(row));
        }
        out << table(g);
    }
    for (const auto& w : r.warnings) out << "\nwarning: " << text::printable(w) << '\n';
    return out.str();
}

std::string matrixToCsv(const MatrixResult& r) {
    std::ostringstream out;
    out << "by,group,quadrant,position,count,customer_share,revenue_share,margin_share,x_threshold,"
           "y_threshold\n";
    csvRows(out, *r.spec, "all", "", r.total);
    for (const auto& g : r.groups) csvRows(out, *r.spec, toString(g.by), g.name, g.summary);
    return out.str();
}

}  // namespace cw::engine
