#include "engine/settings/WorkbookSettings.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <cmath>

#include "core/Log.h"

namespace cw::engine::settings {
namespace {

using nlohmann::json;

Error notA(const std::string& key, const std::string& what) {
    return makeError(ErrorKind::Workbook, "setting " + key + " is not " + what,
                     "change it with the window or the clienting command that sets it");
}

// Parses stored text; nothing thrown (a hand-edited workbook may hold anything).
json parse(const std::string& text) { return json::parse(text, nullptr, false); }

}  // namespace

void warnUnreadable(const Error& e) { log::get("engine")->warn("{}; using the default", e.message); }

const Setting<AnalysisSettings>& analysis() {
    static const Setting<AnalysisSettings> s{
        "analysis.settings", "the definitions of the analysis", AnalysisSettings{},
        [](const std::string& text) { return AnalysisSettings::fromJson(text); },
        [](const AnalysisSettings& v) { return v.toJson(); }};
    return s;
}

const Setting<std::optional<std::string>>& activeSegmentation() {
    static const Setting<std::optional<std::string>> s{
        "segmentation.active", "the saved segmentation the matrices and breakdowns use", std::nullopt,
        [](const std::string& text) -> Result<std::optional<std::string>> {
            const auto j = parse(text);
            if (j.is_null()) return std::optional<std::string>{};
            if (!j.is_string() || j.get<std::string>().empty()) return notA("segmentation.active", "a segmentation name (a JSON string)");
            return std::optional<std::string>{j.get<std::string>()};
        },
        [](const std::optional<std::string>& v) { return v ? json(*v).dump() : std::string("null"); }};
    return s;
}

const Setting<ImportanceSource>& importanceSource() {
    static const Setting<ImportanceSource> s{
        "matrix.importance_source", "the attribute matrix's importance: derived or stated", ImportanceSource::Derived,
        [](const std::string& text) -> Result<ImportanceSource> {
            const auto j = parse(text);
            if (j == "derived") return ImportanceSource::Derived;
            if (j == "stated") return ImportanceSource::Stated;
            return notA("matrix.importance_source", "\"derived\" or \"stated\"");
        },
        [](const ImportanceSource& v) { return json(v == ImportanceSource::Stated ? "stated" : "derived").dump(); }};
    return s;
}

Setting<MatrixThresholds> matrixThresholds(const std::string& matrixName) {
    auto key = "matrix." + matrixName + ".thresholds";
    return {key, "where each axis of the matrix splits", MatrixThresholds{},
            [key](const std::string& text) -> Result<MatrixThresholds> {
                auto t = MatrixThresholds::fromJson(text);
                if (t) return t;
                Error e = t.takeError();
                e.message = "setting " + key + ": " + e.message;
                return e;
            },
            [](const MatrixThresholds& v) { return v.toJson(); }};
}

const Setting<std::vector<std::pair<std::string, double>>>& demoAttributeWeights() {
    using Weights = std::vector<std::pair<std::string, double>>;
    static const Setting<Weights> s{
        "demo.planted_attribute_weights", "the attribute weights a demo workbook was generated with", Weights{},
        [](const std::string& text) -> Result<Weights> {
            const auto j = nlohmann::ordered_json::parse(text, nullptr, false);  // in the stored order
            if (!j.is_object()) return notA("demo.planted_attribute_weights", "an object of attribute weights");
            Weights w;
            for (const auto& [name, v] : j.items()) {
                if (!v.is_number()) return notA("demo.planted_attribute_weights", "an object of numbers");
                w.emplace_back(name, v.get<double>());
            }
            return w;
        },
        [](const Weights& w) {
            nlohmann::ordered_json j = nlohmann::ordered_json::object();  // in the attributes' order
            for (const auto& [name, v] : w) j[name] = v;
            return j.dump();
        }};
    return s;
}

const Setting<kpi::AlertSettings>& alerts() {
    static const Setting<kpi::AlertSettings> s{
        "alerts", "when a portfolio's situations raise alerts", kpi::AlertSettings{},
        [](const std::string& text) -> Result<kpi::AlertSettings> {
            const auto j = parse(text);
            if (!j.is_object()) return notA("alerts", "an object such as {\"no_contact_days\": 90}");
            kpi::AlertSettings a;
            for (const auto& [key, v] : j.items()) {
                if (!v.is_number()) return notA("alerts", "an object of numbers (" + key + " is not a number)");
                const double x = v.get<double>();
                if (key == "satisfaction_fall") {
                    if (!(x > 0 && x <= 100)) return notA("alerts", "valid: satisfaction_fall must be in (0, 100] points");
                    a.satisfactionFall = x;
                } else if (key == "p_alive_below") {
                    if (!(x > 0 && x <= 1)) return notA("alerts", "valid: p_alive_below must be in (0, 1]");
                    a.pAliveBelow = x;
                } else if (key == "no_contact_days") {
                    if (!(x >= 1 && x <= 3650) || x != std::floor(x))
                        return notA("alerts", "valid: no_contact_days must be a whole number of days, 1 to 3650");
                    a.noContactDays = static_cast<int>(x);
                } else {
                    return notA("alerts", "valid: unknown key '" + key +
                                              "' (known: satisfaction_fall, p_alive_below, no_contact_days)");
                }
            }
            return a;
        },
        [](const kpi::AlertSettings& a) {
            return json{{"satisfaction_fall", a.satisfactionFall},
                        {"p_alive_below", a.pAliveBelow},
                        {"no_contact_days", a.noContactDays}}
                .dump();
        }};
    return s;
}

const Setting<std::vector<PlantedAlert>>& demoPlantedAlerts() {
    using Planted = std::vector<PlantedAlert>;
    static const Setting<Planted> s{
        "demo.planted_alerts", "the alert situations a demo workbook was generated with", Planted{},
        [](const std::string& text) -> Result<Planted> {
            const auto j = parse(text);
            if (!j.is_array()) return notA("demo.planted_alerts", "an array of planted alerts");
            Planted out;
            for (const auto& e : j) {
                if (!e.is_object() || !e.contains("kind") || !e.contains("customer") || !e.contains("manager") ||
                    !e["kind"].is_string() || !e["customer"].is_string() || !e["manager"].is_string())
                    return notA("demo.planted_alerts", "an array of {kind, customer, manager} texts");
                out.push_back({e["kind"].get<std::string>(), e["customer"].get<std::string>(),
                               e["manager"].get<std::string>()});
            }
            return out;
        },
        [](const Planted& v) {
            json j = json::array();
            for (const auto& p : v) j.push_back({{"kind", p.kind}, {"customer", p.customer}, {"manager", p.manager}});
            return j.dump();
        }};
    return s;
}

}  // namespace cw::engine::settings
