#include "store/MappingProfile.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cw::store {

// Defined in the generated ShippedProfiles.cpp (cmake/EmbedProfiles.cmake).
const std::vector<std::pair<std::string, std::string>>& shippedProfileTexts();

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string getString(const json& j, const char* key, const std::string& def) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : def;
}

Error profileError(const std::string& origin, std::string message) {
    Error e = makeError(ErrorKind::Usage, "mapping profile: " + std::move(message),
                        "fix the profile JSON (see docs/import.md for its format)");
    e.file = origin;
    return e;
}

}  // namespace

Result<MappingProfile> MappingProfile::fromJson(const std::string& text, const std::string& origin) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& ex) {
        Error e = profileError(origin, std::string("invalid JSON: ") + ex.what());
        return e;
    }
    if (!j.is_object()) return profileError(origin, "the top level must be an object");
    MappingProfile p;
    p.name = getString(j, "name", "");
    p.table = getString(j, "table", "");
    if (p.name.empty()) return profileError(origin, "\"name\" is missing");
    if (p.table.empty()) return profileError(origin, "\"table\" is missing");
    p.title = getString(j, "title", p.name);
    p.description = getString(j, "description", "");
    p.delimiter = getString(j, "delimiter", "auto");
    p.encoding = getString(j, "encoding", "auto");
    p.header = getString(j, "header", "auto");
    p.dateFormat = getString(j, "date_format", "auto");
    p.decimal = getString(j, "decimal", "auto");
    p.returnPrefix = getString(j, "return_prefix", "");
    if (auto it = j.find("negative_quantity_is_return"); it != j.end() && it->is_boolean())
        p.negativeQuantityIsReturn = it->get<bool>();
    if (auto it = j.find("columns"); it != j.end()) {
        if (!it->is_object()) return profileError(origin, "\"columns\" must be an object of field: column");
        for (auto& [field, col] : it->items()) {
            if (!col.is_string()) return profileError(origin, "column of field \"" + field + "\" must be a string");
            p.columns[field] = col.get<std::string>();
        }
    }
    return p;
}

std::string MappingProfile::toJson() const {
    json j = {{"name", name},           {"title", title},         {"table", table},
              {"description", description}, {"delimiter", delimiter}, {"encoding", encoding},
              {"header", header},       {"date_format", dateFormat}, {"decimal", decimal},
              {"columns", columns}};
    if (!returnPrefix.empty()) j["return_prefix"] = returnPrefix;
    j["negative_quantity_is_return"] = negativeQuantityIsReturn;
    return j.dump(2);
}

std::string defaultUserProfileDir() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::string(x) + "/clienting/profiles";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.config/clienting/profiles";
    return {};
}

std::vector<MappingProfile> availableProfiles(const std::string& userDir) {
    std::vector<MappingProfile> out;
    for (const auto& [file, text] : shippedProfileTexts())
        if (auto p = MappingProfile::fromJson(text, file)) out.push_back(std::move(*p));
    const std::string dir = userDir.empty() ? defaultUserProfileDir() : userDir;
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) return out;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f);
        std::stringstream ss;
        ss << in.rdbuf();
        if (auto p = MappingProfile::fromJson(ss.str(), f.string())) out.push_back(std::move(*p));
    }
    return out;
}

Result<MappingProfile> findProfile(const std::string& nameOrPath, const std::string& userDir) {
    std::error_code ec;
    if (nameOrPath.size() > 5 && nameOrPath.ends_with(".json")) {
        std::ifstream in(nameOrPath);
        if (!in) {
            Error e = makeError(ErrorKind::Usage, "cannot read the mapping profile",
                                "check the path of the .json file");
            e.file = nameOrPath;
            return e;
        }
        std::stringstream ss;
        ss << in.rdbuf();
        return MappingProfile::fromJson(ss.str(), nameOrPath);
    }
    auto all = availableProfiles(userDir);
    // User profiles come last, so a user's profile of the same name wins.
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->name == nameOrPath) return *it;
    std::string names;
    for (const auto& p : all) names += (names.empty() ? "" : ", ") + p.name;
    return makeError(ErrorKind::Usage, "unknown mapping profile \"" + nameOrPath + "\"",
                     "use one of: " + names + " (or a path to a .json profile)");
}

}  // namespace cw::store
