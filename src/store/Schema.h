#pragma once
// The workbook schema: an ordered list of forward migrations. Migration N
// takes a workbook from user_version N-1 to N. Never edit a released
// migration; add a new one. docs/workbook.md describes the tables.
#include <string_view>
#include <vector>

namespace cw::store {

/// Application id stored in the SQLite header ("CLWB"), to tell workbooks from other files.
inline constexpr int kApplicationId = 0x434C5742;

struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
};

/// All migrations in order; the last one's version is the current schema version.
const std::vector<Migration>& migrations();
int currentSchemaVersion();

}  // namespace cw::store
