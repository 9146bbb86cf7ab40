#pragma once
// Column-mapping profiles: how the columns of a file become the fields of a
// workbook table. Shipped profiles are compiled in from resources/profiles/;
// users save their own as JSON (same format) in a profiles folder.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"

namespace cw::store {

struct MappingProfile {
    std::string name;    ///< key, e.g. "online-retail"
    std::string title;   ///< for menus
    std::string table;   ///< target table name (transactions, customers, …)
    std::string description;
    std::string delimiter = "auto";   ///< see csv::Dialect::parse
    std::string encoding = "auto";    ///< auto | utf-8 | windows-1252
    std::string header = "auto";      ///< auto | yes | no
    std::string dateFormat = "auto";  ///< auto | d/m/Y | m/d/Y | Y-m-d
    std::string decimal = "auto";     ///< auto | dot | comma
    /// field -> column name, or "#N" for the N-th column (1-based). Several candidate
    /// names may be given separated by '|' (the first present wins), as in the generic profile.
    std::map<std::string, std::string> columns;
    /// Transactions: a transaction id starting with this prefix is a return (e.g. "C").
    std::string returnPrefix;
    /// Transactions: rows with a negative quantity are returns.
    bool negativeQuantityIsReturn = true;

    static Result<MappingProfile> fromJson(const std::string& json, const std::string& origin);
    std::string toJson() const;
};

/// Shipped profiles (compiled in) followed by the user's (from `userDir`, if given).
std::vector<MappingProfile> availableProfiles(const std::string& userDir = {});
/// A profile by name (shipped or user), or loaded from a .json path.
Result<MappingProfile> findProfile(const std::string& nameOrPath, const std::string& userDir = {});
/// Default folder for user profiles: $XDG_CONFIG_HOME/clienting/profiles (or ~/.config/…).
std::string defaultUserProfileDir();

}  // namespace cw::store
