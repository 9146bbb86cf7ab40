#pragma once
// A workbook: one SQLite file with the imported data, derived results and
// every user decision. Opening never modifies a file that is newer, corrupt
// or not a workbook; an older workbook is migrated forward in one transaction.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "store/Database.h"

namespace cw::store {

struct ImportSummary {
    std::int64_t id = 0;
    std::string file;
    std::string fileName;
    std::string table;
    std::string profile;
    std::string startedAt;
    std::int64_t records = 0;
    std::int64_t loaded = 0;
    std::int64_t rejected = 0;
    std::map<std::string, std::int64_t> reasons;  ///< reject reason -> count
    std::string detailsJson;                      ///< counts, mapping, warnings (JSON object)
};

class Workbook {
public:
    enum class OpenMode { ReadOnly, ReadWrite };
    /// Check: verify the whole file (PRAGMA quick_check) before use. Trust: skip that scan, for
    /// a further read-only connection to a workbook this process has already opened and checked
    /// (the GUI's workers), and for read-only lookups of a few stored rows (`clienting kpi`),
    /// where SQLite checks the pages it reads; ignored for read-write opens, which always check.
    /// A trusted read-only connection also reads the file through a memory map (PRAGMA mmap_size).
    enum class Integrity { Check, Trust };

    /// Creates a new, empty workbook; fails if `path` exists.
    static Result<Workbook> create(const std::string& path);
    /// Opens an existing workbook, migrating it forward when opened ReadWrite.
    static Result<Workbook> open(const std::string& path, OpenMode mode = OpenMode::ReadWrite,
                                 Integrity integrity = Integrity::Check);

    Database& db() { return m_db; }
    const std::string& path() const { return m_db.path(); }
    int schemaVersion();
    bool readOnly() const { return m_readOnly; }

    /// Rows per user-facing table (customers, managers, transactions, survey_responses, …).
    std::map<std::string, std::int64_t> tableCounts();
    std::vector<ImportSummary> imports();

    /// Settings are JSON values stored by key.
    std::optional<std::string> setting(const std::string& key);
    /// Stores one setting in its own transaction (see writeSetting() inside a larger one).
    Status setSetting(const std::string& key, const std::string& jsonValue);

private:
    Database m_db;
    bool m_readOnly = false;
};

/// The stored JSON text of one setting (none when unset). Keys and types are defined once, in
/// engine/settings/WorkbookSettings.h; these are the untyped primitives under them.
std::optional<std::string> readSetting(Database& db, const std::string& key);
/// Stores one setting inside the caller's transaction.
Status writeSetting(WriteTransaction& tx, const std::string& key, const std::string& jsonValue);
/// Removes one setting inside the caller's transaction (nothing to do when unset).
Status removeSetting(WriteTransaction& tx, const std::string& key);

/// Customers, managers, transactions and survey responses in all: 0 for a workbook with no data.
Result<std::int64_t> countDataRecords(Database& db);

/// Names of the tables reported by tableCounts(), in display order.
const std::vector<std::string>& userTables();

}  // namespace cw::store
