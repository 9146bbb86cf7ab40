#pragma once
// Thin RAII layer over the SQLite C API. One Database per thread; statements
// bind parameters only (never SQL built from data).
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/Result.h"

namespace cw::store {

class Database;

/// A prepared statement. Bind indexes are 1-based, column indexes 0-based.
class Statement {
public:
    Statement() = default;
    Statement(Statement&& o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt) { o.m_stmt = nullptr; }
    Statement& operator=(Statement&& o) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    bool valid() const { return m_stmt != nullptr; }

    Statement& bind(int i, std::int64_t v);
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, double v);
    Statement& bind(int i, std::string_view v);  ///< copied by SQLite (SQLITE_TRANSIENT)
    Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Statement& bindNull(int i);
    /// Binds the value, or NULL when empty.
    template <class T>
    Statement& bind(int i, const std::optional<T>& v) {
        return v ? bind(i, *v) : bindNull(i);
    }
    /// Binds text without copying: the caller keeps `v` alive until step().
    Statement& bindStatic(int i, std::string_view v);

    /// Runs one step: true when a row is available, false when done. Errors are thrown as
    /// cw::store::SqlError only by stepOrThrow(); step() records them in lastError().
    bool step();
    /// Runs to completion (for INSERT/UPDATE/DDL); returns false on error.
    bool exec();
    void reset();

    bool isNull(int col) const;
    std::int64_t int64(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    std::string_view textView(int col) const;
    std::optional<double> optReal(int col) const;
    std::optional<std::int64_t> optInt64(int col) const;
    int columnCount() const;
    std::string columnName(int col) const;

    const std::string& lastError() const { return m_error; }
    sqlite3_stmt* handle() const { return m_stmt; }

private:
    friend class Database;
    Statement(sqlite3* db, sqlite3_stmt* s) : m_db(db), m_stmt(s) {}
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    std::string m_error;
};

/// An open SQLite connection.
class Database {
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    Database() = default;
    Database(Database&& o) noexcept : m_db(o.m_db), m_path(std::move(o.m_path)) { o.m_db = nullptr; }
    Database& operator=(Database&& o) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    static Result<Database> open(const std::string& path, Mode mode);

    /// Executes one or more statements with no parameters and no results (DDL, PRAGMA).
    Status exec(std::string_view sql);
    /// Prepares one statement; errors name the SQL.
    Result<Statement> prepare(std::string_view sql);
    /// Prepares and panics (ErrorKind::Internal in a thrown SqlError) on failure: for the
    /// store's own constant SQL, where a failure is a bug.
    Statement prepareOrThrow(std::string_view sql);

    /// Value of a single-value query (first column of first row).
    std::optional<std::int64_t> queryInt(std::string_view sql);
    std::optional<std::string> queryText(std::string_view sql);

    std::int64_t lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }
    int changes() const { return sqlite3_changes(m_db); }
    std::string errorMessage() const { return m_db ? sqlite3_errmsg(m_db) : "no database"; }
    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    bool isOpen() const { return m_db != nullptr; }

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

/// Thrown only for failures of the store's own SQL (bugs, disk full); caught at the
/// store's public boundary and turned into an Error.
struct SqlError {
    std::string message;
};

/// Foreign keys off and a larger page cache for a bulk write whose references all come from
/// the workbook itself (imports, derived results); restored on destruction. Must be created
/// outside a transaction (SQLite ignores the pragma inside one). The writer deletes dependent
/// rows explicitly: no cascade fires meanwhile.
class BulkWriteMode {
public:
    BulkWriteMode(Database& db, int cacheMiB);
    ~BulkWriteMode();
    BulkWriteMode(const BulkWriteMode&) = delete;
    BulkWriteMode& operator=(const BulkWriteMode&) = delete;

private:
    Database& m_db;
};

/// BEGIN IMMEDIATE … COMMIT, rolled back on destruction unless committed.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Status commit();
    bool active() const { return m_active; }

private:
    Database& m_db;
    bool m_active = false;
};

}  // namespace cw::store
