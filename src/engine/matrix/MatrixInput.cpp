#include "engine/matrix/MatrixInput.h"

#include <algorithm>
#include <cctype>

namespace cw::engine {

const char* toString(GroupField f) {
    switch (f) {
        case GroupField::Segment:
            return "segment";
        case GroupField::Channel:
            return "channel";
        case GroupField::Region:
            return "region";
        case GroupField::Manager:
            return "manager";
    }
    return "segment";
}

Result<GroupField> parseGroupField(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (int f = 0; f < kGroupFieldCount; ++f)
        if (lower == toString(static_cast<GroupField>(f))) return static_cast<GroupField>(f);
    return makeError(ErrorKind::Usage, "unknown field '" + std::string(name) + "'",
                     "use segment, channel, region or manager");
}

std::int32_t Category::intern(const std::string& name, const std::string& alt) {
    // Linear search is fine: categorical fields have tens to a few thousand values, and loaders
    // intern through their own hash map when that matters.
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name && (altNames.empty() || altNames[i] == alt))
            return static_cast<std::int32_t>(i);
    names.push_back(name);
    if (!alt.empty() || !altNames.empty()) {
        altNames.resize(names.size() - 1);
        altNames.push_back(alt);
    }
    return static_cast<std::int32_t>(names.size() - 1);
}

Result<MatrixFilter> MatrixFilter::parse(std::string_view text) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
        return makeError(ErrorKind::Usage, "filter '" + std::string(text) + "' is not FIELD=VALUE",
                         "e.g. --filter region=North (fields: segment, channel, region, manager)");
    auto field = parseGroupField(text.substr(0, eq));
    if (!field) return field.takeError();
    return MatrixFilter{*field, std::string(text.substr(eq + 1))};
}

Status MatrixInput::validate() const {
    const auto n = xs.size();
    auto bad = [](const std::string& what) {
        return makeError(ErrorKind::Internal, "matrix input: " + what);
    };
    if (ys.size() != n || ids.size() != n) return bad("x, y and ids differ in length");
    if (!revenue.empty() && revenue.size() != n) return bad("revenue has the wrong length");
    if (!margin.empty() && margin.size() != n) return bad("margin has the wrong length");
    if (!labels.empty() && labels.size() != n) return bad("labels have the wrong length");
    if (!codes.empty() && codes.size() != n) return bad("codes have the wrong length");
    for (const auto& f : fields) {
        if (f.loaded() && f.codes.size() != n) return bad("a field has the wrong length");
        if (!f.altNames.empty() && f.altNames.size() != f.names.size())
            return bad("alt names differ");
        for (auto c : f.codes)
            if (c != Category::kNone && (c < 0 || static_cast<std::size_t>(c) >= f.names.size()))
                return bad("a field code is out of range");
    }
    return {};
}

}  // namespace cw::engine
