#include "store/Database.h"

#include <set>

#include <cctype>
#include <cstdlib>
#include <cstring>

namespace cw::store {
namespace {

constexpr const char* kOutsideTransaction =
    "a change to the workbook was attempted outside a transaction (a bug); nothing was written";

bool startsWithWord(const char* sql, const char* word) {
    while (*sql && std::isspace(static_cast<unsigned char>(*sql))) ++sql;
    const std::size_t n = std::strlen(word);
    return strncasecmp(sql, word, n) == 0 && !std::isalnum(static_cast<unsigned char>(sql[n]));
}

// A path as the path part of a file: URI (RFC 3986 percent-encoding of what is not plain).
std::string uriPath(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || std::strchr("/-._~", c)) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

}  // namespace

int busyTimeoutMs() {
    static const int ms = [] {
        const char* v = std::getenv("CLIENTING_BUSY_TIMEOUT_MS");
        if (!v || !*v) return 5000;
        char* end = nullptr;
        const long n = std::strtol(v, &end, 10);
        return (*end == '\0' && n >= 0 && n <= 3'600'000) ? static_cast<int>(n) : 5000;
    }();
    return ms;
}

bool changesData(sqlite3_stmt* stmt) {
    if (!stmt || sqlite3_stmt_readonly(stmt)) return false;
    const char* sql = sqlite3_sql(stmt);
    if (!sql) return true;
    for (const char* w : {"PRAGMA", "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "VACUUM"})
        if (startsWithWord(sql, w)) return false;
    return true;
}

bool Statement::mayRun() {
    if (!m_changesData || sqlite3_get_autocommit(m_db) == 0) return true;
    m_error = kOutsideTransaction;
    return false;
}

Statement& Statement::operator=(Statement&& o) noexcept {
    if (this != &o) {
        if (m_stmt) sqlite3_finalize(m_stmt);
        m_db = o.m_db;
        m_stmt = o.m_stmt;
        m_changesData = o.m_changesData;
        o.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement() {
    if (m_stmt) sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int i, std::int64_t v) {
    sqlite3_bind_int64(m_stmt, i, v);
    return *this;
}
Statement& Statement::bind(int i, double v) {
    sqlite3_bind_double(m_stmt, i, v);
    return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
    sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bindStatic(int i, std::string_view v) {
    sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
}
Statement& Statement::bindNull(int i) {
    sqlite3_bind_null(m_stmt, i);
    return *this;
}

bool Statement::step() {
    if (!mayRun()) return false;
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) m_error = sqlite3_errmsg(m_db);
    return false;
}

bool Statement::exec() {
    m_error.clear();
    if (!mayRun()) return false;
    int rc;
    while ((rc = sqlite3_step(m_stmt)) == SQLITE_ROW) {
    }
    bool ok = rc == SQLITE_DONE;
    if (!ok) m_error = sqlite3_errmsg(m_db);
    sqlite3_reset(m_stmt);
    return ok;
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
std::int64_t Statement::int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
double Statement::real(int col) const { return sqlite3_column_double(m_stmt, col); }
std::string Statement::text(int col) const { return std::string(textView(col)); }
std::string_view Statement::textView(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    if (!p) return {};
    return {p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, col))};
}
std::optional<double> Statement::optReal(int col) const {
    if (isNull(col)) return std::nullopt;
    return real(col);
}
std::optional<std::int64_t> Statement::optInt64(int col) const {
    if (isNull(col)) return std::nullopt;
    return int64(col);
}
int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }
std::string Statement::columnName(int col) const { return sqlite3_column_name(m_stmt, col); }

Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        if (m_db) sqlite3_close_v2(m_db);
        m_db = o.m_db;
        m_path = std::move(o.m_path);
        o.m_db = nullptr;
    }
    return *this;
}

Database::~Database() {
    if (m_db) sqlite3_close_v2(m_db);
}

Result<Database> Database::open(const std::string& path, Mode mode) {
    int flags = SQLITE_OPEN_NOMUTEX;
    std::string name = path;
    switch (mode) {
        case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
        case Mode::Immutable:
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
            name = "file:" + uriPath(path) + "?immutable=1";
            break;
        case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
        case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = makeError(ErrorKind::Workbook,
                            std::string("cannot open: ") + (db ? sqlite3_errmsg(db) : "out of memory"),
                            "check that the file exists and that you may read and write it");
        e.file = path;
        if (db) sqlite3_close_v2(db);
        return e;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busyTimeoutMs());
    Database d;
    d.m_db = db;
    d.m_path = path;
    return d;
}

Status Database::exec(std::string_view sql) {
    const char* p = sql.data();
    const char* end = sql.data() + sql.size();
    while (p < end) {
        sqlite3_stmt* raw = nullptr;
        const char* tail = nullptr;
        if (sqlite3_prepare_v2(m_db, p, static_cast<int>(end - p), &raw, &tail) != SQLITE_OK)
            return sqliteError(*this, "SQL failed");
        p = tail;
        if (!raw) continue;  // white space or a comment
        Statement st(m_db, raw);
        if (!st.exec()) {
            if (st.lastError() == kOutsideTransaction) {
                Error e = makeError(ErrorKind::Internal, kOutsideTransaction);
                e.file = m_path;
                return e;
            }
            return sqliteError(*this, "SQL failed");
        }
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &s, nullptr) != SQLITE_OK) {
        Error e = makeError(ErrorKind::Internal,
                            std::string("cannot prepare SQL: ") + sqlite3_errmsg(m_db) + " in: " +
                                std::string(sql.substr(0, 200)));
        e.file = m_path;
        return e;
    }
    return Statement(m_db, s);
}

Statement Database::prepareOrThrow(std::string_view sql) {
    auto r = prepare(sql);
    if (!r) throw SqlError{r.error().message};
    return std::move(r).value();
}

std::optional<std::int64_t> Database::queryInt(std::string_view sql) {
    auto st = prepare(sql);
    if (!st || !st->step() || st->isNull(0)) return std::nullopt;
    return st->int64(0);
}

std::optional<std::string> Database::queryText(std::string_view sql) {
    auto st = prepare(sql);
    if (!st || !st->step() || st->isNull(0)) return std::nullopt;
    return st->text(0);
}

Result<WriteTransaction> WriteTransaction::begin(Database& db) {
    if (db.inTransaction())
        return makeError(ErrorKind::Internal, "a write transaction was begun inside another (a bug)");
    if (auto st = db.exec("BEGIN IMMEDIATE"); !st) return st.takeError();
    return WriteTransaction(db);
}

WriteTransaction::~WriteTransaction() {
    if (m_active && m_db->inTransaction()) (void)m_db->exec("ROLLBACK");
}

Status WriteTransaction::commit() {
    if (!m_active) return makeError(ErrorKind::Internal, "the transaction was committed already (a bug)");
    m_active = false;
    if (auto st = m_db->exec("COMMIT"); !st) {
        if (m_db->inTransaction()) (void)m_db->exec("ROLLBACK");
        return st.takeError();
    }
    return {};
}

namespace {
constexpr const char* kBusyMessage = "the workbook is busy: another program is writing to it";
}  // namespace

bool isBusyError(const Error& e) { return e.kind == ErrorKind::Workbook && e.message == kBusyMessage; }

Error sqliteError(const Database& db, const std::string& context) {
    const int code = db.handle() ? sqlite3_extended_errcode(db.handle()) : SQLITE_CANTOPEN;
    const std::string detail = db.errorMessage();
    Error e;
    switch (code & 0xFF) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            e = makeError(ErrorKind::Workbook, kBusyMessage,
                          "wait until the other import or analysis has finished (or close the program "
                          "that holds it) and try again; nothing was changed");
            break;
        case SQLITE_READONLY:
            e = makeError(ErrorKind::Workbook, "the workbook is read-only (" + detail + ")",
                          "copy it to a folder where you may write, or change its permissions; nothing was changed");
            break;
        case SQLITE_FULL:
            e = makeError(ErrorKind::Internal, context + ": the disk is full; nothing was stored",
                          "free some disk space and try again; the workbook is as it was before");
            break;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            e = makeError(ErrorKind::Workbook, "the workbook is corrupt: " + detail,
                          "restore it from a backup; the file was not modified");
            break;
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
            e = makeError(ErrorKind::Internal, context + ": the workbook file could not be read or written (" +
                                                   detail + ")",
                          "check that the disk is available and that you may write to the workbook's folder; "
                          "nothing was stored");
            break;
        default:
            e = makeError(ErrorKind::Internal, context + ": " + detail);
    }
    e.file = db.path();
    return e;
}

Error sqliteError(const Database& db, const SqlError& err) {
    const int code = db.handle() ? sqlite3_extended_errcode(db.handle()) & 0xFF : SQLITE_OK;
    if (code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE || code == SQLITE_ERROR) {
        Error e = makeError(ErrorKind::Internal, err.message);
        e.file = db.path();
        return e;
    }
    return sqliteError(db, err.message);
}

BulkWriteMode::BulkWriteMode(Database& db, int cacheMiB) : m_db(db) {
    (void)m_db.exec("PRAGMA foreign_keys=OFF; PRAGMA cache_size=-" + std::to_string(cacheMiB * 1024));
}

BusyTimeoutScope::BusyTimeoutScope(Database& db, int ms) : m_db(db) {
    if (m_db.handle()) sqlite3_busy_timeout(m_db.handle(), ms);
}

BusyTimeoutScope::~BusyTimeoutScope() {
    if (m_db.handle()) sqlite3_busy_timeout(m_db.handle(), busyTimeoutMs());
}

RollbackJournalScope::RollbackJournalScope(Database& db) : m_db(db) {
    if (m_db.inTransaction() || !m_db.handle()) return;
    m_active = setModeWithoutWaiting("DELETE") == "delete";
}

RollbackJournalScope::~RollbackJournalScope() {
    if (m_active && !m_db.inTransaction()) (void)setModeWithoutWaiting("WAL");
}

std::optional<std::string> RollbackJournalScope::setModeWithoutWaiting(const char* mode) {
    sqlite3_busy_timeout(m_db.handle(), 0);
    auto now = m_db.queryText(std::string("PRAGMA journal_mode=") + mode);
    sqlite3_busy_timeout(m_db.handle(), busyTimeoutMs());
    return now;
}

BulkWriteMode::~BulkWriteMode() { (void)m_db.exec("PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536"); }

}  // namespace cw::store

namespace cw::store {

std::optional<std::int64_t> Database::dataVersion() { return queryInt("PRAGMA data_version"); }

std::string multiRowInsert(std::string_view head, int columns, int rows) {
    std::string group = "(";
    for (int c = 0; c < columns; ++c) group += c ? ",?" : "?";
    group += ")";
    std::string sql(head);
    for (int r = 0; r < rows; ++r) sql += (r ? "," : " VALUES") + group;
    return sql;
}

std::optional<Error> unknownMetricColumn(Database& db, const std::vector<std::string>& names) {
    if (names.empty()) return std::nullopt;
    std::set<std::string, std::less<>> known;
    auto cols = db.prepareOrThrow("SELECT name FROM pragma_table_info('customer_metrics')");
    while (cols.step()) known.insert(cols.text(0));
    for (const auto& n : names)
        if (!known.contains(n) || n == "customer_id")
            return makeError(ErrorKind::Internal, "customer_metrics has no column '" + n + "'");
    return std::nullopt;
}

}  // namespace cw::store
