#include "store/Importer.h"

#include "store/FileHash.h"

#include <sys/stat.h>

#include <cerrno>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "core/Log.h"
#include "core/OutputFile.h"
#include "core/Text.h"
#include "store/ImportMapping.h"
#include "store/csv/ValueParser.h"
#include "store/Workbook.h"

namespace cw::store {
namespace {

using namespace detail;
namespace fs = std::filesystem;

std::string nowIso() {
    std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", std::gmtime(&t));
    return buf;
}

// What identifies the bytes of a file without reading them: a change of any of these between
// the start and the end of an import means the file changed while it was read.
struct FileStamp {
    std::int64_t size = -1, mtimeNs = 0, inode = 0;
    bool operator==(const FileStamp&) const = default;
};

// Refuses what is not a regular file before anything opens it: opening a FIFO blocks, and
// /dev/zero or a terminal never ends.
Result<FileStamp> stampRegularFile(const std::string& path) {
    struct stat st {};
    auto fail = [&](std::string message, std::string hint) {
        Error e = makeError(ErrorKind::Input, std::move(message), std::move(hint));
        e.file = path;
        return e;
    };
    if (::stat(path.c_str(), &st) != 0)
        return fail(std::string("cannot read the file: ") + std::strerror(errno), "check the path and its permissions");
    if (S_ISDIR(st.st_mode)) return fail("this is a folder, not a file", "name the file to import");
    if (!S_ISREG(st.st_mode))
        return fail("not a regular file (a device, pipe or socket); nothing was read",
                    "save the data to a file first and import that file");
    return FileStamp{std::int64_t(st.st_size), std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                     std::int64_t(st.st_ino)};
}

// A binary file (an image, a spreadsheet's .xlsx, an executable) is refused before any record is
// read: NUL bytes, or more than one byte in ten a control character, in its first 64 KiB.
Status checkText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> buf(64 * 1024);
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    std::size_t controls = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(buf[i]);
        if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) ++controls;
        if (c == 0 || controls * 10 > std::max<std::size_t>(n, 64)) {
            Error e = makeError(ErrorKind::Input, "not a text file (binary data near byte " + std::to_string(i + 1) +
                                                      "); nothing was read",
                                "import a delimited text file: save the data as CSV first");
            e.file = path;
            return e;
        }
    }
    return {};
}

std::unique_ptr<TableLoader> makeLoader(TargetTable t) {
    switch (t) {
        case TargetTable::Transactions: return makeTransactionLoader();
        case TargetTable::Customers: return makeCustomerLoader();
        case TargetTable::Managers: return makeManagerLoader();
        case TargetTable::Survey: return makeSurveyLoader();
        case TargetTable::CostToServe: return makeCostToServeLoader();
        case TargetTable::Notes: return makeNotesLoader();
    }
    return makeTransactionLoader();
}

// A previous import of the same bytes into the same table, if any (by either hash: imports
// recorded before the current hash carry the earlier one).
std::optional<std::pair<std::int64_t, std::string>> findPrevious(Database& db, const FileHashes& hash,
                                                                  std::string_view table) {
    auto st = db.prepareOrThrow(
        "SELECT id, started_at FROM imports WHERE content_hash IN (?1, ?2) AND table_name=?3 ORDER BY id LIMIT 1");
    st.bind(1, hash.current).bind(2, hash.legacy.value_or(hash.current)).bind(3, table);
    if (!st.step()) return std::nullopt;
    return std::make_pair(st.int64(0), st.text(1));
}

Status deletePrevious(Database& db, std::int64_t id) {
    // Foreign keys are off during an import (see BulkWriteMode), so the rows of the
    // import are removed explicitly; customers and managers stay, other data may refer to them.
    static const char* const kSql[] = {
        "DELETE FROM transactions WHERE import_id=?1",
        "DELETE FROM survey_scores WHERE response_id IN (SELECT id FROM survey_responses WHERE import_id=?1)",
        "DELETE FROM survey_responses WHERE import_id=?1",
        "DELETE FROM cost_to_serve WHERE import_id=?1",
        "DELETE FROM notes WHERE import_id=?1",
        "DELETE FROM import_rejects WHERE import_id=?1",
        "UPDATE customers SET import_id=NULL WHERE import_id=?1",
        "UPDATE managers SET import_id=NULL WHERE import_id=?1",
        "UPDATE custom_fields SET import_id=NULL WHERE import_id=?1",
        "DELETE FROM imports WHERE id=?1"};
    for (const char* sql : kSql) {
        auto st = db.prepareOrThrow(sql);
        st.bind(1, id);
        if (!st.exec()) return makeError(ErrorKind::Internal, "cannot remove the previous import: " + st.lastError());
    }
    return {};
}

std::int64_t insertImportRow(Database& db, const ImportOptions& o, const ImportReport& rep,
                             const std::string& hash, std::int64_t size) {
    auto st = db.prepareOrThrow(
        "INSERT INTO imports(file, file_name, table_name, profile, content_hash, file_size, started_at) "
        "VALUES(?,?,?,?,?,?,?)");
    st.bind(1, o.file).bind(2, fs::path(o.file).filename().string()).bind(3, rep.table).bind(4, rep.profile);
    st.bind(5, hash).bind(6, size).bind(7, nowIso());
    if (!st.exec()) throw SqlError{"cannot record the import: " + st.lastError()};
    return db.lastInsertRowId();
}

void storeRejects(Database& db, std::int64_t importId, const std::vector<Reject>& rejects) {
    auto st = db.prepareOrThrow(
        "INSERT INTO import_rejects(import_id, line, column_no, column_name, reason, message, value) "
        "VALUES(?,?,?,?,?,?,?)");
    for (const auto& r : rejects) {
        st.bind(1, importId).bind(2, r.line);
        if (r.column > 0) st.bind(3, r.column); else st.bindNull(3);
        st.bind(4, r.columnName).bind(5, r.reason).bind(6, r.message).bind(7, r.value);
        if (!st.exec()) throw SqlError{"cannot store rejects: " + st.lastError()};
    }
}

void finishImportRow(Database& db, const ImportReport& rep) {
    nlohmann::json d = {{"dialect", rep.dialect},   {"mapping", rep.mapping},
                        {"returns", rep.returns},   {"anonymous", rep.anonymous},
                        {"customers_created", rep.customersCreated},
                        {"customers_updated", rep.customersUpdated},
                        {"managers_created", rep.managersCreated},
                        {"custom_fields", rep.customFields}, {"warnings", rep.warnings}};
    auto st = db.prepareOrThrow(
        "UPDATE imports SET finished_at=?, records=?, loaded=?, rejected=?, details=? WHERE id=?");
    st.bind(1, nowIso()).bind(2, rep.records).bind(3, rep.loaded).bind(4, rep.rejected).bind(5, d.dump());
    st.bind(6, rep.importId);
    if (!st.exec()) throw SqlError{"cannot finish the import record: " + st.lastError()};
}

Status checkRejectShare(const ImportOptions& o, const ImportReport& rep, const std::vector<Reject>& rejects) {
    if (rep.records == 0 || double(rep.rejected) <= o.maxRejectShare * double(rep.records)) return {};
    Error e = makeError(ErrorKind::Input,
                        std::to_string(rep.rejected) + " of " + std::to_string(rep.records) +
                            " records would be rejected; nothing was imported. First: " + rejects.front().message,
                        "check the mapping and the file's format (clienting import --preview), or raise "
                        "--max-reject-share");
    e.file = o.file;
    e.line = rejects.front().line;
    e.column = rejects.front().column;
    return e;
}

// Reads every record through the loader inside the open transaction.
Status runRecords(ImportContext& ctx, csv::Reader& reader, TableLoader& loader, const ProgressFn& progress) {
    if (auto done = loader.runAll(ctx, reader, progress)) return *done;
    csv::Record r;
    const auto total = reader.totalBytes();
    while (reader.next(r)) {
        auto bad = checkFieldCount(ctx, r);
        if (!bad) bad = loader.load(ctx, r);
        countOutcome(ctx, std::move(bad));
        if ((ctx.report->records & 0x3FFF) == 0 && progress &&
            !progress({"reading", reader.bytesConsumed(), total}))
            return makeError(ErrorKind::Cancelled, "import cancelled; nothing was stored");
    }
    if (reader.error()) return *reader.error();
    return {};
}

Result<ImportReport> importInTransaction(Workbook& wb, ImportContext& ctx, csv::Reader& reader,
                                         const FileHashes& hash, const FileStamp& stamp,
                                         const ProgressFn& progress) {
    auto& db = wb.db();
    auto& rep = *ctx.report;
    // Foreign-key checks cost a B-tree lookup per reference per row; the loaders take every
    // reference from the workbook itself. The rows are appended in file order, so a page is
    // rarely touched again once full: a small page cache spills it early, which costs less
    // (memory, page faults, one write at the commit) than holding the whole load. With the
    // WAL (another connection is open) a spilled page may be logged twice: a larger cache.
    RollbackJournalScope journal(db);
    BulkWriteMode bulk(db, journal.active() ? 2 : 16);
    // A customers file is upserted row by row: each statement keeps a statement journal (the
    // pages it changes, to undo that statement alone), a temporary file by default — six writes
    // per customer. In memory it holds one row's pages at a time. Set before the transaction
    // (SQLite refuses the change inside one); other tables keep temporary files for their
    // large sorts (the transactions index).
    const bool upserts = ctx.options->table == TargetTable::Customers;
    if (upserts) (void)db.exec("PRAGMA temp_store=MEMORY");
    struct TempStoreDefault {
        Database& db;
        bool on;
        ~TempStoreDefault() {
            if (on) (void)db.exec("PRAGMA temp_store=DEFAULT");
        }
    } tempStoreDefault{db, upserts};
    auto tx = WriteTransaction::begin(db);
    if (!tx) return tx.takeError();
    if (auto prev = findPrevious(db, hash, rep.table)) {
        if (!ctx.options->replace) {
            Error e = makeError(ErrorKind::Input,
                                "this file was imported already (import #" + std::to_string(prev->first) + " on " +
                                    prev->second + ")",
                                "nothing was changed; pass --replace to replace that import's rows");
            e.file = ctx.options->file;
            return e;
        }
        if (auto st = deletePrevious(db, prev->first); !st) return st.takeError();
        rep.warnings.push_back("replaced import #" + std::to_string(prev->first));
    }
    ctx.db = &db;
    rep.importId = ctx.importId = insertImportRow(db, *ctx.options, rep, hash.current, hash.size);
    auto loader = makeLoader(ctx.options->table);
    if (auto st = loader->begin(ctx); !st) return st.takeError();
    auto log = log::get("store");
    auto t0 = std::chrono::steady_clock::now();
    auto lap = [&](const char* what) {
        auto now = std::chrono::steady_clock::now();
        log->debug("import phase {}: {:.3f} s", what, std::chrono::duration<double>(now - t0).count());
        t0 = now;
    };
    if (auto st = runRecords(ctx, reader, *loader, progress); !st) return st.takeError();
    lap("records");
    if (rep.records == 0) {
        Error e = makeError(ErrorKind::Input, "the file has a header but no records; nothing was stored",
                            "check that this is the right file, or pass --header no if its only line is data");
        e.file = ctx.options->file;
        return e;
    }
    // The stored size and hash must describe exactly the bytes loaded.
    auto after = stampRegularFile(ctx.options->file);
    if (!after || !(*after == stamp) || reader.bytesConsumed() != hash.size) {
        Error e = makeError(ErrorKind::Input, "the file changed while it was being imported; nothing was stored",
                            "import it again once the program writing it has finished");
        e.file = ctx.options->file;
        return e;
    }
    if (progress && !progress({"indexing", reader.totalBytes(), reader.totalBytes()}))
        return makeError(ErrorKind::Cancelled, "import cancelled; nothing was stored");
    if (auto st = loader->finish(ctx); !st) return st.takeError();
    lap("finish (index)");
    if (auto st = checkRejectShare(*ctx.options, rep, ctx.rejects); !st) return st.takeError();
    for (const auto& w : reader.warnings()) rep.warnings.push_back(w);
    storeRejects(db, rep.importId, ctx.rejects);
    finishImportRow(db, rep);
    if (auto st = tx->commit(); !st) return st.takeError();
    lap("commit");
    return rep;
}

}  // namespace

Result<ImportReport> importFile(Workbook& wb, const ImportOptions& options, const ProgressFn& progress) {
    const auto t0 = std::chrono::steady_clock::now();
    if (wb.readOnly()) return makeError(ErrorKind::Usage, "the workbook is open read-only");
    ImportReport rep;
    rep.file = options.file;
    rep.table = std::string(targetTableName(options.table));
    ImportContext ctx;
    ctx.options = &options;
    ctx.report = &rep;
    ctx.fileName = fs::path(options.file).filename().string();
    try {
        auto profile = resolveProfile(options);
        if (!profile) return profile.takeError();
        ctx.profile = std::move(*profile);
        rep.profile = ctx.profile.name;
        auto stamp = stampRegularFile(options.file);
        if (!stamp) return stamp.takeError();
        if (auto st = checkText(options.file); !st) return st.takeError();
        auto hash = hashFile(options.file, hasLegacyHashes(wb.db()));
        if (!hash) return hash.takeError();
        log::get("store")->debug("import: hashed in {:.3f} s", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        auto reader = openAndMap(ctx, rep.dialect);
        if (!reader) return reader.takeError();
        if (auto st = decideDateOrder(ctx); !st) return st.takeError();
        log::get("store")->debug("import: mapped and dates decided at {:.3f} s", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        auto result = importInTransaction(wb, ctx, **reader, *hash, *stamp, progress);
        if (!result) return result;
        rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        log::get("store")->info("imported {} into {}: {} loaded, {} rejected in {:.2f} s", ctx.fileName, rep.table,
                                rep.loaded, rep.rejected, rep.seconds);
        return rep;
    } catch (const SqlError& e) {
        return sqliteError(wb.db(), e);
    }
}

Result<ImportPreview> previewImport(const ImportOptions& options, int maxRows) {
    ImportPreview pv;
    ImportReport rep;
    ImportContext ctx;
    ctx.options = &options;
    ctx.report = &rep;
    if (auto stamp = stampRegularFile(options.file); !stamp) return stamp.takeError();
    if (auto st = checkText(options.file); !st) return st.takeError();
    auto profile = resolveProfile(options);
    if (!profile) return profile.takeError();
    ctx.profile = std::move(*profile);
    auto reader = openAndMap(ctx, pv.dialect);
    if (!reader) return reader.takeError();
    pv.header = ctx.columns.header;
    pv.columnRoles = ctx.columns.roles;
    pv.mapping = rep.mapping;
    if (auto st = decideDateOrder(ctx); !st) pv.warnings.push_back(st.error().message + " (" + st.error().hint + ")");
    auto loader = makeLoader(options.table);
    pv.parsedColumns = loader->previewColumns();
    try {
        if (auto st = loader->begin(ctx); !st) return st.takeError();
        csv::Record r;
        for (int i = 0; i < maxRows && (*reader)->next(r); ++i) {
            std::vector<std::string> raw(r.fields.begin(), r.fields.end());
            pv.rows.push_back(std::move(raw));
            auto bad = checkFieldCount(ctx, r);
            if (!bad) bad = loader->load(ctx, r);
            pv.rowStatus.push_back(bad ? bad->reason + ": " + bad->message : "ok");
            pv.parsed.push_back(bad ? std::vector<std::string>{} : loader->previewValues(ctx, r));
        }
        if ((*reader)->error()) pv.warnings.push_back((*reader)->error()->describe());
        for (const auto& w : (*reader)->warnings()) pv.warnings.push_back(w);
    } catch (const SqlError& e) {
        return makeError(ErrorKind::Internal, e.message);
    }
    return pv;
}

Status writeRejectsCsv(Workbook& wb, std::int64_t importId, const std::string& path) {
    auto file = OutputFile::create(path);
    if (!file) return file.takeError();
    std::FILE* out = file->stream();
    // Text from the input file is quoted and kept from being read as a spreadsheet formula.
    auto cell = [out](std::string_view s) {
        const std::string v = text::neutralizeFormula(s);
        std::fputc('"', out);
        for (char c : v) {
            if (c == '"') std::fputc('"', out);
            std::fputc(c, out);
        }
        std::fputc('"', out);
    };
    std::fputs("file,line,column,column_name,reason,message,value\n", out);
    auto st = wb.db().prepareOrThrow(
        "SELECT i.file, r.line, r.column_no, r.column_name, r.reason, r.message, r.value FROM import_rejects r "
        "JOIN imports i ON i.id=r.import_id WHERE r.import_id=? ORDER BY r.line");
    st.bind(1, importId);
    while (st.step()) {
        cell(st.textView(0));
        std::fprintf(out, ",%lld,", static_cast<long long>(st.int64(1)));
        if (!st.isNull(2)) std::fprintf(out, "%lld", static_cast<long long>(st.int64(2)));
        std::fputc(',', out);
        cell(st.textView(3));
        std::fprintf(out, ",%s,", std::string(st.textView(4)).c_str());
        cell(st.textView(5));
        std::fputc(',', out);
        cell(st.textView(6));
        std::fputc('\n', out);
    }
    return file->commit();
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) {
            out.push_back(cur);
            cur.clear();
        } else cur += c;
    }
    out.push_back(cur);
    for (auto& x : out) x = std::string(csv::trim(x));
    return out;
}

Status addValueMap(const std::string& spec, std::map<std::string, std::map<std::string, std::string>>& into) {
    const auto colon = spec.find(':');
    const std::string field(colon == std::string::npos ? std::string_view() : csv::trim(std::string_view(spec).substr(0, colon)));
    if (field.empty())
        return makeError(ErrorKind::Usage, "a value map needs FIELD:TEXT=VALUE,…, not \"" + spec + "\"",
                         "e.g. overall:Satisfied=1,\"Neutral or Dissatisfied\"=0 or channel:1=Horeca,2=Retail");
    std::map<std::string, std::string> items;
    for (const auto& item : splitList(spec.substr(colon + 1))) {
        const auto eq = item.rfind('=');
        if (eq == std::string::npos || eq == 0)
            return makeError(ErrorKind::Usage, "value map item \"" + item + "\" of " + field + " needs TEXT=VALUE",
                             "e.g. " + field + ":Satisfied=1,\"Neutral or Dissatisfied\"=0");
        items[std::string(csv::trim(std::string_view(item).substr(0, eq)))] =
            std::string(csv::trim(std::string_view(item).substr(eq + 1)));
    }
    auto& m = into[field];
    for (auto& [k, v] : items) m[k] = v;
    return {};
}

}  // namespace cw::store
