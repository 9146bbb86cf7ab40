#include "store/Workbook.h"

#include <spdlog/spdlog.h>

#include <cstring>
#include <filesystem>

#include "core/Log.h"
#include "store/Schema.h"

namespace cw::store {
namespace {

Error workbookError(const std::string& path, std::string message, std::string hint) {
    Error e = makeError(ErrorKind::Workbook, std::move(message), std::move(hint));
    e.file = path;
    return e;
}

// Checks the first bytes before any SQL runs: a text file or a truncated file is refused
// without being written. The bytes are read through the connection's own file handle, never
// through a second descriptor: closing any descriptor of the file drops every POSIX lock this
// process holds on it (fcntl semantics), so another process could take the workbook as
// unused, checkpoint it under this process's readers and delete its WAL and shared memory.
Status checkHeader(Database& db, const std::string& path) {
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
        !file->pMethods)
        return workbookError(path, "cannot read the file", "check the path and its permissions");
    sqlite3_int64 size = 0;
    if (file->pMethods->xFileSize(file, &size) != SQLITE_OK)
        return workbookError(path, "cannot read the file", "check the path and its permissions");
    if (size == 0) return workbookError(path, "the file is empty, not a workbook", "create a workbook with 'clienting new'");
    char header[100] = {};
    const int rc = size < 100 ? SQLITE_IOERR_SHORT_READ : file->pMethods->xRead(file, header, sizeof header, 0);
    if (rc != SQLITE_OK || std::memcmp(header, "SQLite format 3", 16) != 0)
        return workbookError(path, "not a Clienting workbook (not an SQLite database)",
                             "open a .cwb workbook, or import this file into one");
    return {};
}

Status applyPragmas(Database& db, bool readOnly) {
    // threads: SQLite may sort with a helper thread (CREATE INDEX after a bulk import).
    std::string sql = "PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA threads=2;";
    if (!readOnly) sql += "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
    return db.exec(sql);
}

Status migrate(Database& db, int from) {
    auto log = log::get("store");
    Transaction tx(db);
    if (!tx.active()) return makeError(ErrorKind::Workbook, "the workbook is locked by another program",
                                       "close the other program and try again");
    for (const auto& m : migrations()) {
        if (m.version <= from) continue;
        log->info("migrating workbook to schema {}: {}", m.version, m.description);
        if (auto st = db.exec(m.sql); !st) return st;
    }
    if (auto st = db.exec("PRAGMA user_version=" + std::to_string(currentSchemaVersion()) +
                          "; PRAGMA application_id=" + std::to_string(kApplicationId) + ";");
        !st)
        return st;
    return tx.commit();
}

}  // namespace

const std::vector<std::string>& userTables() {
    static const std::vector<std::string> t = {
        "customers", "managers", "transactions", "survey_responses", "survey_scores",
        "service_attributes", "cost_to_serve", "notes", "custom_fields", "import_rejects"};
    return t;
}

Result<Workbook> Workbook::create(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return workbookError(path, "a file with this name exists already",
                             "choose another name, or open the existing workbook");
    auto db = Database::open(path, Database::Mode::Create);
    if (!db) return db.takeError();
    // 8 KiB pages: fewer page splits and less per-page work for tables of millions of rows.
    if (auto st = db->exec("PRAGMA page_size=8192"); !st) return st.takeError();
    if (auto st = applyPragmas(*db, false); !st) return st.takeError();
    if (auto st = migrate(*db, 0); !st) {
        db = Database();
        std::filesystem::remove(path, ec);
        return st.takeError();
    }
    Workbook wb;
    wb.m_db = std::move(*db);
    return wb;
}

Result<Workbook> Workbook::open(const std::string& path, OpenMode mode, Integrity integrity) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))  // a stat: no descriptor (see checkHeader)
        return workbookError(path, "cannot read the file", "check the path and its permissions");
    const bool ro = mode == OpenMode::ReadOnly;
    auto db = Database::open(path, ro ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
    if (!db) return db.takeError();
    if (auto st = checkHeader(*db, path); !st) return st.takeError();

    // Read-only probes first: nothing is written until the file is known to be ours.
    auto appId = db->queryInt("PRAGMA application_id");
    auto version = db->queryInt("PRAGMA user_version");
    if (!appId || !version)
        return workbookError(path, "the file is corrupt or not a workbook: " + db->errorMessage(),
                             "restore it from a backup; the file was not modified");
    if (*appId != kApplicationId)
        return workbookError(path, "not a Clienting workbook (an SQLite database of another program)",
                             "open a workbook made by Clienting Workbench, or import the data");
    if (*version > currentSchemaVersion())
        return workbookError(path,
                             "this workbook was made by a newer Clienting Workbench (schema " +
                                 std::to_string(*version) + ", this version reads up to " +
                                 std::to_string(currentSchemaVersion()) + ")",
                             "open it with a newer version; the file was not modified");
    const bool trusted = ro && integrity == Integrity::Trust;
    auto check = trusted ? std::optional<std::string>("ok") : db->queryText("PRAGMA quick_check(1)");
    if (!check || *check != "ok")
        return workbookError(path, "the workbook is corrupt: " + check.value_or(db->errorMessage()),
                             "restore it from a backup; the file was not modified");
    if (auto st = applyPragmas(*db, ro); !st) return st.takeError();
    if (*version < currentSchemaVersion()) {
        if (ro)
            return workbookError(path, "the workbook needs upgrading, which a read-only open cannot do",
                                 "open it for writing once to upgrade it");
        if (auto st = migrate(*db, static_cast<int>(*version)); !st) return st.takeError();
    }
    Workbook wb;
    wb.m_db = std::move(*db);
    wb.m_readOnly = ro;
    return wb;
}

int Workbook::schemaVersion() { return static_cast<int>(m_db.queryInt("PRAGMA user_version").value_or(0)); }

std::map<std::string, std::int64_t> Workbook::tableCounts() {
    std::map<std::string, std::int64_t> out;
    for (const auto& t : userTables())  // table names are constants, not data
        out[t] = m_db.queryInt("SELECT count(*) FROM " + t).value_or(0);
    return out;
}

std::vector<ImportSummary> Workbook::imports() {
    std::vector<ImportSummary> out;
    auto st = m_db.prepareOrThrow(
        "SELECT id, file, file_name, table_name, coalesce(profile,''), started_at, records, loaded, "
        "rejected, details FROM imports ORDER BY id");
    while (st.step()) {
        ImportSummary s;
        s.id = st.int64(0);
        s.file = st.text(1);
        s.fileName = st.text(2);
        s.table = st.text(3);
        s.profile = st.text(4);
        s.startedAt = st.text(5);
        s.records = st.int64(6);
        s.loaded = st.int64(7);
        s.rejected = st.int64(8);
        s.detailsJson = st.text(9);
        out.push_back(std::move(s));
    }
    auto rs = m_db.prepareOrThrow("SELECT reason, count(*) FROM import_rejects WHERE import_id=? GROUP BY reason");
    for (auto& s : out) {
        rs.bind(1, s.id);
        while (rs.step()) s.reasons[rs.text(0)] = rs.int64(1);
        rs.reset();
    }
    return out;
}

std::optional<std::string> Workbook::setting(const std::string& key) {
    auto st = m_db.prepareOrThrow("SELECT value FROM settings WHERE key=?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

Status Workbook::setSetting(const std::string& key, const std::string& jsonValue) {
    auto st = m_db.prepareOrThrow(
        "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    st.bind(1, key).bind(2, jsonValue);
    if (!st.exec()) return makeError(ErrorKind::Internal, "cannot save setting " + key + ": " + st.lastError());
    return {};
}

}  // namespace cw::store
