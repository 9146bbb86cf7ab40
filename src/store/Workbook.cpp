#include "store/Workbook.h"

#include <spdlog/spdlog.h>

#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "core/Log.h"
#include "store/Schema.h"

namespace cw::store {
namespace {

namespace fs = std::filesystem;

std::string newerMessage(std::int64_t version) {
    return "this workbook was made by a newer Clienting Workbench (schema " + std::to_string(version) +
           ", this version reads up to " + std::to_string(currentSchemaVersion()) + ")";
}

Error workbookError(const std::string& path, std::string message, std::string hint) {
    Error e = makeError(ErrorKind::Workbook, std::move(message), std::move(hint));
    e.file = path;
    return e;
}

struct FileHeader {
    std::uint32_t applicationId = 0;
    std::uint32_t userVersion = 0;
};

std::uint32_t bigEndian32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// Checks the first bytes before any SQL runs: a text file, a truncated file, another program's
// database or a newer workbook is refused before SQLite reads it (so nothing, not even a -wal or
// -shm file, is created beside it). The bytes are read through the connection's own file
// handle, never through a second descriptor: closing any descriptor of a file drops every POSIX
// lock the process holds on it, so another process could take the workbook as unused,
// checkpoint it under this process's readers and delete its WAL and shared memory. The header in
// the main file may lag behind a write-ahead log, so only what it proves is refused here.
Result<FileHeader> checkHeader(Database& db, const std::string& path) {
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
        !file->pMethods)
        return workbookError(path, "cannot read the file", "check that you may read it");
    sqlite3_int64 size = 0;
    if (file->pMethods->xFileSize(file, &size) != SQLITE_OK)
        return workbookError(path, "cannot read the file", "check that you may read it");
    if (size == 0) return workbookError(path, "the file is empty, not a workbook", "create a workbook with 'clienting new'");
    unsigned char header[100] = {};
    const int rc = size < 100 ? SQLITE_IOERR_SHORT_READ : file->pMethods->xRead(file, header, sizeof header, 0);
    if (rc != SQLITE_OK || std::memcmp(header, "SQLite format 3", 16) != 0)
        return workbookError(path, "not a Clienting workbook (not an SQLite database)",
                             "open a .cwb workbook, or import this file into one");
    FileHeader h;
    h.userVersion = bigEndian32(header + 60);
    h.applicationId = bigEndian32(header + 68);
    if (h.applicationId != 0 && h.applicationId != std::uint32_t(kApplicationId))
        return workbookError(path, "not a Clienting workbook (an SQLite database of another program)",
                             "open a workbook made by Clienting Workbench, or import the data");
    if (h.applicationId != 0 && h.userVersion > std::uint32_t(currentSchemaVersion()))
        return workbookError(path, newerMessage(h.userVersion), "open it with a newer version; the file was not modified");
    return h;
}

// What a path is, by a stat (no descriptor, see checkHeader): refused unless a regular file.
Status checkPath(const std::string& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status))
        return workbookError(path, "no such workbook", "check the path, or create a workbook with 'clienting new'");
    if (fs::is_directory(status)) return workbookError(path, "this is a folder, not a workbook", "name a .cwb file");
    if (!fs::is_regular_file(status))
        return workbookError(path, "not a regular file, so not a workbook", "name a .cwb file");
    return {};
}

// Is the file in write-ahead-log mode (header bytes 18 and 19)? Read like checkHeader.
bool walMode(Database& db) {
    sqlite3_file* file = nullptr;
    unsigned char v[2] = {};
    return sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK && file &&
           file->pMethods && file->pMethods->xRead(file, v, 2, 18) == SQLITE_OK && v[0] == 2 && v[1] == 2;
}

// May this process create files (the -wal and -shm of a WAL workbook) beside `path`?
bool folderWritable(const std::string& path) {
    auto dir = fs::path(path).parent_path();
    if (dir.empty()) dir = ".";
    return ::access(dir.c_str(), W_OK) == 0;
}

// A read-only open. Where the file and its folder may be written, the connection is opened
// read-write with PRAGMA query_only, so that closing it removes the -wal and -shm files as any
// last connection does (a SQLITE_OPEN_READONLY connection leaves them behind). A folder that
// cannot be written to holds no -wal that a writer could be using: the file is then opened
// immutable, which needs no -shm.
Result<Database> openForReading(const std::string& path) {
    const bool fileWritable = ::access(path.c_str(), W_OK) == 0;
    const bool dirWritable = folderWritable(path);
    if (fileWritable && dirWritable) {
        auto db = Database::open(path, Database::Mode::ReadWrite);
        if (!db) return db;
        if (auto st = db->exec("PRAGMA query_only=ON"); !st) return st.takeError();
        return db;
    }
    auto db = Database::open(path, Database::Mode::ReadOnly);
    if (!db) return db;
    std::error_code ec;
    if (!dirWritable && walMode(*db) && !fs::exists(path + "-wal", ec))
        return Database::open(path, Database::Mode::Immutable);
    return db;
}

// quick_check, and "corrupt" only when SQLite's checks say so: a check that could not read a
// page (an I/O error, "error code=…") is an I/O error, and a quick_check finding is confirmed
// by the full integrity_check before the file is called corrupt.
Status checkIntegrity(Database& db) {
    auto quick = db.queryText("PRAGMA quick_check(1)");
    if (quick && *quick == "ok") return {};
    if (!quick) return sqliteError(db, "checking the workbook");
    auto full = db.queryText("PRAGMA integrity_check(1)");
    if (full && *full == "ok") {
        log::get("store")->warn("{}: quick_check said '{}', integrity_check found nothing", db.path(), *quick);
        return {};
    }
    if (!full) return sqliteError(db, "checking the workbook");
    if (full->find("error code=") != std::string::npos) {
        Error e = makeError(ErrorKind::Internal, "the workbook could not be read completely: " + *full,
                            "try again; if this persists, check the disk; the file was not modified");
        e.file = db.path();
        return e;
    }
    return workbookError(db.path(), "the workbook is corrupt: " + *full,
                         "restore it from a backup; the file was not modified");
}

Status applyPragmas(Database& db, bool readOnly) {
    // threads: SQLite may sort with a helper thread (large ORDER BY and GROUP BY).
    std::string sql = "PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA threads=2;";
    if (!readOnly) sql += "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
    return db.exec(sql);
}

Status migrate(Database& db, int from) {
    auto log = log::get("store");
    // Foreign keys off while migrating (outside the transaction: SQLite ignores the pragma inside
    // one): migration 4 rebuilds the customers table, and dropping the old one with foreign keys
    // on would delete or null every reference to it. Ids are kept, so references stay valid.
    // BulkWriteMode turns them on again (and restores the default page cache) when it ends.
    BulkWriteMode keysOff(db, 64);
    return inOwnTransaction(db, [&](WriteTransaction&) -> Status {
        for (const auto& m : migrations()) {
            if (m.version <= from) continue;
            log->info("migrating workbook to schema {}: {}", m.version, m.description);
            if (auto st = db.exec(m.sql); !st) return st;
        }
        return db.exec("PRAGMA user_version=" + std::to_string(currentSchemaVersion()) +
                       "; PRAGMA application_id=" + std::to_string(kApplicationId) + ";");
    });
}

}  // namespace

Result<std::int64_t> countDataRecords(Database& db) {
    auto n = db.queryInt(
        "SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM managers) + "
        "(SELECT count(*) FROM transactions) + (SELECT count(*) FROM survey_responses)");
    if (!n) return makeError(ErrorKind::Workbook, "cannot read the workbook: " + db.errorMessage());
    return *n;
}

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
    if (auto st = checkPath(path); !st) return st.takeError();
    const bool ro = mode == OpenMode::ReadOnly;
    if (!ro) {
        if (::access(path.c_str(), W_OK) != 0)
            return workbookError(path, "the workbook is read-only (you may not write to the file)",
                                 "open it read-only, or copy it to a folder where you may write; nothing was changed");
        if (!folderWritable(path))
            return workbookError(path, "the workbook's folder is read-only (its journal files cannot be made there)",
                                 "copy the workbook to a folder where you may write; nothing was changed");
    }
    auto db = ro ? openForReading(path) : Database::open(path, Database::Mode::ReadWrite);
    if (!db) return db.takeError();
    if (auto header = checkHeader(*db, path); !header) return header.takeError();
    if (!ro && sqlite3_db_readonly(db->handle(), "main") == 1)
        return workbookError(path, "the workbook is read-only",
                             "open it read-only, or copy it to a folder where you may write; nothing was changed");

    // Read-only probes first: nothing is written until the file is known to be ours.
    auto appId = db->queryInt("PRAGMA application_id");
    auto version = appId ? db->queryInt("PRAGMA user_version") : std::nullopt;
    if (!appId || !version) return sqliteError(*db, "reading the workbook");
    if (*appId != kApplicationId)
        return workbookError(path, "not a Clienting workbook (an SQLite database of another program)",
                             "open a workbook made by Clienting Workbench, or import the data");
    if (*version > currentSchemaVersion())
        return workbookError(path, newerMessage(*version), "open it with a newer version; the file was not modified");
    if (!(ro && integrity == Integrity::Trust))
        if (auto st = checkIntegrity(*db); !st) return st.takeError();
    if (auto st = applyPragmas(*db, ro); !st) return st.takeError();
    // Lookups of a few stored rows scattered over a large file (a manager's customers among a
    // million) read their pages through the map instead of a system call each (0.12 s → 0.06 s
    // for 800 customers of a 1.3 GB workbook). A read error there is a signal rather than an
    // error code, so only read-only connections that read, never one that writes.
    if (ro && integrity == Integrity::Trust) (void)db->exec("PRAGMA mmap_size=2147418112");
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

std::optional<std::string> Workbook::setting(const std::string& key) { return readSetting(m_db, key); }

std::optional<std::string> readSetting(Database& db, const std::string& key) {
    auto st = db.prepareOrThrow("SELECT value FROM settings WHERE key=?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

Status Workbook::setSetting(const std::string& key, const std::string& jsonValue) {
    return inOwnTransaction(m_db, [&](WriteTransaction& tx) { return writeSetting(tx, key, jsonValue); });
}

Status writeSetting(WriteTransaction& tx, const std::string& key, const std::string& jsonValue) {
    auto st = tx.db().prepareOrThrow(
        "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    st.bind(1, key).bind(2, jsonValue);
    if (!st.exec()) return sqliteError(tx.db(), "saving setting " + key);
    return {};
}

Status removeSetting(WriteTransaction& tx, const std::string& key) {
    auto st = tx.db().prepareOrThrow("DELETE FROM settings WHERE key=?");
    st.bind(1, key);
    if (!st.exec()) return sqliteError(tx.db(), "removing setting " + key);
    return {};
}

}  // namespace cw::store
