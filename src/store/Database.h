#pragma once
// Thin RAII layer over the SQLite C API. One Database per thread; statements
// bind parameters only (never SQL built from data).
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <string_view>
#include <utility>

#include "core/Result.h"

namespace cw::store {

class Database;

/// How long a connection waits for another program's write lock before it reports the workbook
/// busy: 5 s, or CLIENTING_BUSY_TIMEOUT_MS (0 … 3,600,000) from the environment.
int busyTimeoutMs();

/// True for SQL that changes data and so must run inside a WriteTransaction (PRAGMAs and
/// transaction control are not counted).
bool changesData(sqlite3_stmt* stmt);

/// A prepared statement. Bind indexes are 1-based, column indexes 0-based.
class Statement {
public:
    Statement() = default;
    Statement(Statement&& o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt), m_changesData(o.m_changesData) {
        o.m_stmt = nullptr;
    }
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
    /// Runs to completion (for INSERT/UPDATE/DDL); returns false on error. A statement that
    /// changes data is refused (false, lastError() says why) when no transaction is open.
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
    Statement(sqlite3* db, sqlite3_stmt* s) : m_db(db), m_stmt(s), m_changesData(changesData(s)) {}
    /// False (with lastError() set) for a data-changing statement outside a transaction.
    bool mayRun();
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_changesData = false;
    std::string m_error;
};

/// An open SQLite connection.
class Database {
public:
    /// Immutable: read-only, and SQLite assumes nobody changes the file meanwhile (no locks, no
    /// -shm): only for a file in a folder nobody may write to.
    enum class Mode { ReadOnly, Immutable, ReadWrite, Create };

    Database() = default;
    Database(Database&& o) noexcept : m_db(o.m_db), m_path(std::move(o.m_path)) { o.m_db = nullptr; }
    Database& operator=(Database&& o) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    static Result<Database> open(const std::string& path, Mode mode);

    /// Executes one or more statements with no parameters and no results (DDL, PRAGMA). Like
    /// Statement::exec, refuses a statement that changes data outside a transaction.
    /// Changes when another connection commits to the file (PRAGMA data_version); none on error.
    std::optional<std::int64_t> dataVersion();
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
    /// True while a transaction is open on this connection.
    bool inTransaction() const { return m_db && sqlite3_get_autocommit(m_db) == 0; }

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

/// A bulk load by the workbook's only connection runs with a rollback journal instead of the
/// WAL: each page is written once (the WAL writes it to the log, then again into the file at
/// the checkpoint) and pages appended past the file's old end need no journal at all, so the
/// page cache can stay small. With any other connection open (the window, a reader, another
/// process) the WAL stays: the switch is tried without waiting for the busy timeout. Other
/// programs opening the workbook meanwhile wait, as for any writer, and are told it is busy
/// after the timeout. The WAL is restored on destruction; after a crash SQLite rolls the
/// journal back on the next open, which also sets the WAL again (applyPragmas).
/// A shorter wait for other writers on one connection for the scope's life (the window's edits
/// wait at most a second instead of freezing for the full timeout); the timeout is put back on
/// destruction.
class BusyTimeoutScope {
public:
    BusyTimeoutScope(Database& db, int ms);
    ~BusyTimeoutScope();
    BusyTimeoutScope(const BusyTimeoutScope&) = delete;
    BusyTimeoutScope& operator=(const BusyTimeoutScope&) = delete;

private:
    Database& m_db;
};

class RollbackJournalScope {
public:
    explicit RollbackJournalScope(Database& db);
    ~RollbackJournalScope();
    RollbackJournalScope(const RollbackJournalScope&) = delete;
    RollbackJournalScope& operator=(const RollbackJournalScope&) = delete;
    /// True when the load runs with the rollback journal.
    bool active() const { return m_active; }

private:
    std::optional<std::string> setModeWithoutWaiting(const char* mode);
    Database& m_db;
    bool m_active = false;
};

/// An open write transaction (BEGIN IMMEDIATE … COMMIT), rolled back on destruction unless
/// committed. Only begin() makes one, and it fails — the workbook is busy, read-only, or the
/// disk refuses — instead of letting the writes that follow run one by one in autocommit mode.
/// Functions that write several statements take a WriteTransaction&: they cannot be called
/// outside one. (The connection also refuses a data-changing statement outside a transaction
/// at run time, see Statement::exec.)
class WriteTransaction {
public:
    static Result<WriteTransaction> begin(Database& db);
    WriteTransaction(WriteTransaction&& o) noexcept : m_db(o.m_db), m_active(o.m_active) { o.m_active = false; }
    WriteTransaction& operator=(WriteTransaction&&) = delete;
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    ~WriteTransaction();

    /// COMMIT; on failure (disk full, I/O error) the transaction is rolled back and nothing
    /// of it is stored.
    Status commit();
    Database& db() const { return *m_db; }

private:
    explicit WriteTransaction(Database& db) : m_db(&db), m_active(true) {}
    Database* m_db;
    bool m_active;
};

/// Runs `work(tx)` — a callable taking WriteTransaction& and returning a Result — in a new
/// write transaction, committed when it returns a value. A returned error, or a SqlError thrown
/// by the store's own SQL, rolls all of it back.
template <class F>
auto inOwnTransaction(Database& db, F&& work) -> decltype(work(std::declval<WriteTransaction&>()));

/// The user-facing error for a failed SQLite call on `db` (its last error code): busy or
/// locked and read-only are workbook errors (exit 3), a full disk or an I/O error is an
/// environment error (exit 4) that says nothing was stored; "corrupt" only for SQLite's own
/// corruption codes. `context` says what was being done ("storing the analysis").
/// "HEAD VALUES(?,…),(?,…)…": `rows` groups of `columns` placeholders, for writing many rows per
/// statement step. Built from constants only; the values are bound.
std::string multiRowInsert(std::string_view head, int columns, int rows);

/// The first of `names` that is not a column of customer_metrics (or is its key), as an
/// Internal error: the names are spliced into SQL, so they are checked against the table.
/// Throws SqlError when the table cannot be read.
std::optional<Error> unknownMetricColumn(Database& db, const std::vector<std::string>& names);

Error sqliteError(const Database& db, const std::string& context);
/// Whether `e` is sqliteError's "the workbook is busy" (another connection held the write lock
/// past the timeout): the window names who holds it when it knows.
bool isBusyError(const Error& e);
/// The same for a thrown SqlError of the store's own SQL on `db`.
Error sqliteError(const Database& db, const SqlError& e);

template <class F>
auto inOwnTransaction(Database& db, F&& work) -> decltype(work(std::declval<WriteTransaction&>())) {
    auto tx = WriteTransaction::begin(db);
    if (!tx) return tx.takeError();
    try {
        auto result = work(*tx);
        if (!result) return result;
        if (auto st = tx->commit(); !st) return st.takeError();
        return result;
    } catch (const SqlError& e) {
        return sqliteError(db, e);
    }
}

}  // namespace cw::store
