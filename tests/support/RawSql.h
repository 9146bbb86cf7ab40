#pragma once
// SQL run on a file with the SQLite C API alone, outside the store: for tests that make a file
// the store would not make (another program's database, an older schema, a damaged header).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

namespace cw::test {

inline void rawSql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
}

}  // namespace cw::test
