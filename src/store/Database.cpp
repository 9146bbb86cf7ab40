#include "store/Database.h"

namespace cw::store {

Statement& Statement::operator=(Statement&& o) noexcept {
    if (this != &o) {
        if (m_stmt) sqlite3_finalize(m_stmt);
        m_db = o.m_db;
        m_stmt = o.m_stmt;
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
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) m_error = sqlite3_errmsg(m_db);
    return false;
}

bool Statement::exec() {
    m_error.clear();
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
    switch (mode) {
        case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
        case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
        case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = makeError(ErrorKind::Workbook,
                            std::string("cannot open: ") + (db ? sqlite3_errmsg(db) : "out of memory"),
                            "check that the file exists and that you may read and write it");
        e.file = path;
        if (db) sqlite3_close_v2(db);
        return e;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    Database d;
    d.m_db = db;
    d.m_path = path;
    return d;
}

Status Database::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    if (sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(m_db);
        sqlite3_free(err);
        Error e = makeError(ErrorKind::Internal, "SQL failed: " + msg);
        e.file = m_path;
        return e;
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

Transaction::Transaction(Database& db) : m_db(db) {
    m_active = db.exec("BEGIN IMMEDIATE").ok();
}

Transaction::~Transaction() {
    if (m_active) (void)m_db.exec("ROLLBACK");
}

Status Transaction::commit() {
    if (!m_active) return makeError(ErrorKind::Internal, "no active transaction to commit");
    auto st = m_db.exec("COMMIT");
    if (st) m_active = false;
    return st;
}

BulkWriteMode::BulkWriteMode(Database& db, int cacheMiB) : m_db(db) {
    (void)m_db.exec("PRAGMA foreign_keys=OFF; PRAGMA cache_size=-" + std::to_string(cacheMiB * 1024));
}

BulkWriteMode::~BulkWriteMode() { (void)m_db.exec("PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536"); }

}  // namespace cw::store
