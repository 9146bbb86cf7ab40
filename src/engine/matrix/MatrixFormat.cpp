#include "engine/matrix/MatrixFormat.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
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

using text::csvField;
using text::csvNumber;

void csvRows(std::ostringstream& out, const MatrixSpec& spec, const std::string& by,
             const std::string& group, const MatrixSummary& s) {
    const auto tx = csvNumber(s.x.value), ty = csvNumber(s.y.value);
    for (int q = 0; q < kQuadrantCount; ++q) {
        const auto& qs = s.quadrants[q];
        out << csvField(by) << ',' << csvField(text::neutralizeFormula(group)) << ',' << csvField(spec.quadrants[q].name)
            << ',' << quadrantCode(static_cast<Quadrant>(q)) << ',' << qs.count << ','
            << csvNumber(qs.customerShare) << ',' << csvNumber(qs.revenueShare) << ','
            << csvNumber(qs.marginShare) << ',' << tx << ',' << ty << '\n';
    }
    out << csvField(by) << ',' << csvField(text::neutralizeFormula(group)) << ',' << kInsufficientName << ",,"
        << s.insufficient << ",,,," << tx << ',' << ty << '\n';
}

std::string quadrantName(const MatrixSpec& spec, std::int8_t a) {
    return a >= 0 ? spec.quadrants[a].name : kInsufficientName;
}

json positionJson(std::int8_t a) {
    return a >= 0 ? json(quadrantCode(static_cast<Quadrant>(a))) : json(nullptr);
}

std::string position(std::int8_t a) {
    return a >= 0 ? quadrantCode(static_cast<Quadrant>(a)) : "";
}

json pointsJson(const MatrixSpec& spec, const std::vector<MatrixPointRow>& points) {
    json a = json::array();
    for (const auto& p : points) {
        if (p.attribute) {
            const auto& s = *p.attribute;
            a.push_back({{"id", p.id},
                         {"name", p.code},
                         {"relative_weight", optional(s.relativeWeight)},
                         {"share_of_r2", optional(s.shareOfR2)},
                         {"stated_importance", optional(s.statedImportance)},
                         {"satisfaction", optional(s.satisfaction)},
                         {"responses", s.responses},
                         {"quadrant", quadrantName(spec, p.assignment)},
                         {"position", positionJson(p.assignment)}});
        } else {
            a.push_back({{"id", p.id},
                         {"code", p.code},
                         {"x", optional(p.x)},
                         {"y", optional(p.y)},
                         {"quadrant", quadrantName(spec, p.assignment)},
                         {"position", positionJson(p.assignment)}});
        }
    }
    return a;
}

}  // namespace

std::vector<MatrixPointRow> matrixPoints(const MatrixInput& in, const MatrixResult& r,
                                         const std::vector<AttributeStats>& stats) {
    std::vector<MatrixPointRow> out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const std::int8_t a = i < r.assignment.size() ? r.assignment[i] : kInsufficientData;
        if (a == kFilteredOut) continue;
        MatrixPointRow p;
        p.id = in.ids[i];
        p.code = i < in.codes.size() ? in.codes[i] : i < in.labels.size() ? in.labels[i] : std::to_string(in.ids[i]);
        if (!std::isnan(in.xs[i])) p.x = in.xs[i];
        if (!std::isnan(in.ys[i])) p.y = in.ys[i];
        p.assignment = a;
        if (in.points == PointKind::Attribute) {
            auto it = std::find_if(stats.begin(), stats.end(), [&](const AttributeStats& s) { return s.id == p.id; });
            p.attribute = it != stats.end() ? *it : AttributeStats{p.id, p.code};
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::string matrixToJson(const MatrixResult& r, const std::vector<MatrixPointRow>& points) {
    const auto& spec = *r.spec;
    json j;
    j["matrix"] = spec.name;
    j["x"] = axisJson(r.x);
    j["y"] = axisJson(r.y);
    j["thresholds"] = thresholdsJson(r.total, r.perGroupThresholds);
    j["quadrants"] = quadrantsJson(spec, r.total);
    j["insufficient_data"] = r.total.insufficient;
    j["insufficient_reasons"] = {{"no_x", r.missingX}, {"no_y", r.missingY}, {"neither", r.missingBoth}};
    j["groups"] = json::array();
    for (const auto& g : r.groups) {
        json gj{{"by", toString(g.by)},
                {"name", g.name},
                {"quadrants", quadrantsJson(spec, g.summary)},
                {"insufficient_data", g.summary.insufficient}};
        if (r.perGroupThresholds) gj["thresholds"] = thresholdsJson(g.summary, false);
        j["groups"].push_back(std::move(gj));
    }
    j["warnings"] = r.warnings;
    j["currency"] = r.currency;
    if (!points.empty()) j[points.front().attribute ? "attributes" : "points"] = pointsJson(spec, points);
    return j.dump();
}

std::string matrixToText(const MatrixResult& r, const std::vector<MatrixPointRow>& points) {
    const auto& spec = *r.spec;
    const bool customers = spec.points == PointKind::Customer;
    const std::string unit = customers ? "customers" : "attributes";
    std::ostringstream out;
    out << spec.title << " (" << spec.name << "): " << r.total.points() << ' ' << unit << ", "
        << r.total.plotted << " plotted, " << r.total.insufficient << " with insufficient data\n";
    auto unitOf = [&r](const AxisSpec& a) { return a.unit == "currency" ? r.currency : a.unit; };
    out << "x: " << r.x.label << " [" << r.x.metric << ", " << unitOf(r.x) << "], threshold "
        << thresholdText(r.total.x, r.perGroupThresholds) << '\n';
    out << "y: " << r.y.label << " [" << r.y.metric << ", " << unitOf(r.y) << "], threshold "
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
    if (r.total.insufficient > 0) {
        std::string why;
        auto add = [&why](std::int64_t n, const std::string& what) {
            if (n > 0) why += (why.empty() ? "" : ", ") + std::to_string(n) + " " + what;
        };
        add(r.missingX, "without " + r.x.metric);
        add(r.missingY, "without " + r.y.metric);
        add(r.missingBoth, "without either");
        out << "insufficient data: " << why << '\n';
    }

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
    if (!points.empty() && points.front().attribute) {
        out << "\nattributes (relative weight: Johnson's, the weights sum to R²)\n";
        std::vector<std::vector<std::string>> t{{"attribute", "relative weight", "share of R²", "stated importance",
                                                 "satisfaction", "responses", "quadrant"}};
        for (const auto& p : points) {
            const auto& s = *p.attribute;
            t.push_back({p.code, number(s.relativeWeight, 4), percent(s.shareOfR2), number(s.statedImportance),
                         number(s.satisfaction, 1), std::to_string(s.responses), quadrantName(spec, p.assignment)});
        }
        out << text::renderTable(t, {text::Align::Left, text::Align::Right, text::Align::Right, text::Align::Right,
                                     text::Align::Right, text::Align::Right, text::Align::Left});
    } else if (!points.empty()) {
        out << "\npoints\n";
        std::vector<std::vector<std::string>> t{{"id", "code", "x", "y", "quadrant"}};
        for (const auto& p : points)
            t.push_back({std::to_string(p.id), p.code, number(p.x), number(p.y), quadrantName(spec, p.assignment)});
        out << text::renderTable(t, {text::Align::Right, text::Align::Left, text::Align::Right, text::Align::Right,
                                     text::Align::Left});
    }
    for (const auto& w : r.warnings) out << "\nwarning: " << text::printable(w) << '\n';
    return out.str();
}

std::string matrixToCsv(const MatrixResult& r, const std::vector<MatrixPointRow>& points) {
    std::ostringstream out;
    const auto& spec = *r.spec;
    if (!points.empty() && points.front().attribute) {
        out << "attribute_id,name,relative_weight,share_of_r2,stated_importance,satisfaction,responses,quadrant,"
               "position\n";
        for (const auto& p : points) {
            const auto& s = *p.attribute;
            out << p.id << ',' << csvField(text::neutralizeFormula(p.code)) << ',' << csvNumber(s.relativeWeight) << ','
                << csvNumber(s.shareOfR2) << ',' << csvNumber(s.statedImportance) << ',' << csvNumber(s.satisfaction)
                << ',' << s.responses << ',' << csvField(quadrantName(spec, p.assignment)) << ','
                << position(p.assignment) << '\n';
        }
        return out.str();
    }
    if (!points.empty()) {
        out << "customer_id,code,x,y,quadrant,position\n";
        for (const auto& p : points)
            out << p.id << ',' << csvField(text::neutralizeFormula(p.code)) << ',' << csvNumber(p.x) << ','
                << csvNumber(p.y) << ',' << csvField(quadrantName(spec, p.assignment)) << ',' << position(p.assignment)
                << '\n';
        return out.str();
    }
    out << "by,group,quadrant,position,count,customer_share,revenue_share,margin_share,x_threshold,"
           "y_threshold\n";
    csvRows(out, *r.spec, "all", "", r.total);
    for (const auto& g : r.groups) csvRows(out, *r.spec, toString(g.by), g.name, g.summary);
    return out.str();
}

std::string insightSourceText(const std::string& sourceJson) {
    const auto j = nlohmann::json::parse(sourceJson, nullptr, false);
    if (!j.is_object()) return {};
    std::string out;
    const std::string matrix = j.value("matrix", std::string());
    for (const auto& spec : matrixSpecs())
        if (spec.name == matrix) out = spec.title;
    if (out.empty()) out = matrix;
    if (j.contains("quadrant") && j["quadrant"].is_string()) {
        const auto quadrant = j["quadrant"].get<std::string>();
        out = out.empty() ? quadrant : out + " · " + quadrant;
    }
    return out;
}

}  // namespace cw::engine
