#pragma once
// A connection of the test's own that holds a workbook's write lock (BEGIN IMMEDIATE) while it
// lives, as another program writing to it would; rolled back on destruction.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

namespace cw::test {

class LockHolder {
public:
    explicit LockHolder(const std::string& path) {
        EXPECT_EQ(sqlite3_open(path.c_str(), &m_db), SQLITE_OK);
        EXPECT_EQ(sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(m_db);
    }
    ~LockHolder() {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(m_db);
    }
    LockHolder(const LockHolder&) = delete;
    LockHolder& operator=(const LockHolder&) = delete;

private:
    sqlite3* m_db = nullptr;
};

}  // namespace cw::test
