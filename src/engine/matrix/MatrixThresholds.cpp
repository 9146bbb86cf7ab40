#include "engine/matrix/MatrixThresholds.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include <charconv>

namespace cw::engine {
namespace {

std::optional<ThresholdMode> modeFromString(std::string_view s) {
    if (s == "median") return ThresholdMode::Median;
    if (s == "mean") return ThresholdMode::Mean;
    if (s == "target") return ThresholdMode::Target;
    if (s == "custom") return ThresholdMode::Custom;
    return std::nullopt;
}

std::optional<double> parseNumber(std::string_view s) {
    // std::from_chars for double is in libstdc++ 11+; strtod would accept locale quirks.
    double v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

nlohmann::json axisToJson(const AxisThreshold& t) {
    nlohmann::json j{{"mode", toString(t.mode)}};
    if (t.needsValue()) j["value"] = t.value;
    return j;
}

Result<AxisThreshold> axisFromJson(const nlohmann::json& j, const char* axis) {
    auto bad = [axis](const std::string& what) {
        return makeError(ErrorKind::Input,
                         std::string("matrix threshold for ") + axis + ": " + what,
                         "set mode to median, mean, target or custom (the last two with a value)");
    };
    if (!j.is_object()) return bad("not an object");
    AxisThreshold t;
    if (auto it = j.find("mode"); it != j.end()) {
        if (!it->is_string()) return bad("mode is not a string");
        auto m = modeFromString(it->get<std::string>());
        if (!m) return bad("unknown mode '" + it->get<std::string>() + "'");
        t.mode = *m;
    }
    if (t.needsValue()) {
        auto it = j.find("value");
        if (it == j.end() || !it->is_number())
            return bad("mode " + std::string(toString(t.mode)) + " needs a numeric value");
        t.value = it->get<double>();
    }
    if (auto st = t.validate(); !st) return bad(st.error().message);
    return t;
}

}  // namespace

const char* toString(ThresholdMode m) {
    switch (m) {
        case ThresholdMode::Median:
            return "median";
        case ThresholdMode::Mean:
            return "mean";
        case ThresholdMode::Target:
            return "target";
        case ThresholdMode::Custom:
            return "custom";
    }
    return "median";
}

Status AxisThreshold::validate() const {
    if (needsValue() && !std::isfinite(value))
        return makeError(ErrorKind::Usage, "a threshold value must be a finite number");
    return {};
}

Result<AxisThreshold> AxisThreshold::parse(std::string_view text) {
    if (auto m = modeFromString(text);
        m && (*m == ThresholdMode::Median || *m == ThresholdMode::Mean))
        return AxisThreshold{*m, 0.0};
    AxisThreshold t{ThresholdMode::Custom, 0.0};
    if (text.starts_with("target:")) {
        t.mode = ThresholdMode::Target;
        text.remove_prefix(7);
    }
    auto v = parseNumber(text);
    if (!v)
        return makeError(ErrorKind::Usage,
                         "threshold '" + std::string(text) + "' is not understood",
                         "use median, mean, a number (custom) or target:NUMBER");
    t.value = *v;
    return t;
}

Status MatrixThresholds::validate() const {
    if (auto st = x.validate(); !st) return st;
    return y.validate();
}

std::string MatrixThresholds::toJson() const {
    return nlohmann::json{{"x", axisToJson(x)}, {"y", axisToJson(y)}}.dump();
}

Result<MatrixThresholds> MatrixThresholds::fromJson(std::string_view json) {
    auto j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return makeError(ErrorKind::Input, "matrix thresholds are not a JSON object",
                         "save them again, e.g. {\"x\": {\"mode\": \"median\"}}");
    MatrixThresholds t;
    if (auto it = j.find("x"); it != j.end()) {
        auto a = axisFromJson(*it, "x");
        if (!a) return a.takeError();
        t.x = *a;
    }
    if (auto it = j.find("y"); it != j.end()) {
        auto a = axisFromJson(*it, "y");
        if (!a) return a.takeError();
        t.y = *a;
    }
    return t;
}

}  // namespace cw::engine
