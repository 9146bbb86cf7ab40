#pragma once
// Internal to the importer: what every table loader shares (the resolved
// column mapping, the parsing conventions of the file, the reject list).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/CivilTime.h"
#include "core/Progress.h"
#include "store/Database.h"
#include "store/Importer.h"
#include "store/MappingProfile.h"
#include "store/csv/CsvReader.h"
#include "store/csv/ValueParser.h"

namespace cw::store::detail {

/// One rejected record: line, field and why.
struct Reject {
    std::int64_t line = 0;
    int column = 0;  ///< 1-based, 0 for the whole record
    std::string columnName;
    std::string reason;   ///< stable code
    std::string message;  ///< for the user
    std::string value;
};

/// Source-system code -> row id, looked up by string_view without allocating. Open
/// addressing over one flat array of (hash, id, key offset) with keys in one text arena:
/// one cache miss per lookup, which matters at a million lookups per import.
class CodeMap {
public:
    CodeMap() { m_slots.resize(1024); }
    static std::uint64_t hashOf(std::string_view s) {
        std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a, then a final mix for the low bits
        for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
        return h ^ (h >> 29);
    }
    /// Starts loading the slot of `code` into the cache: call it early, find() it later.
    void prefetch(std::string_view code) const { prefetchSlot(hashOf(code)); }
    void prefetchSlot(std::uint64_t h) const { __builtin_prefetch(&m_slots[h & (m_slots.size() - 1)]); }
    /// Starts loading the key stored in the home slot of `h` (that slot should be cached by now):
    /// with prefetchSlot() some lookups ahead, a lookup costs no cache miss of its own.
    void prefetchKey(std::uint64_t h) const {
        const Slot& s = m_slots[h & (m_slots.size() - 1)];
        if (s.len != kEmpty) __builtin_prefetch(m_arena.data() + s.offset);
    }
    const std::int64_t* find(std::string_view code) const { return find(code, hashOf(code)); }
    /// find() with the code's hashOf() already known.
    const std::int64_t* find(std::string_view code, std::uint64_t h) const {
        for (std::size_t i = h & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            const Slot& s = m_slots[i];
            if (s.len == kEmpty) return nullptr;
            if (s.hash == h && key(s) == code) return &s.id;
        }
    }
    bool contains(std::string_view code) const { return find(code) != nullptr; }
    void set(std::string_view code, std::int64_t id) { set(code, hashOf(code), id); }
    void set(std::string_view code, std::uint64_t h, std::int64_t id);
    std::size_t size() const { return m_size; }

private:
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
    struct Slot {
        std::uint64_t hash = 0;
        std::int64_t id = 0;
        std::uint64_t offset = 0;
        std::uint32_t len = kEmpty;
    };
    std::string_view key(const Slot& s) const { return {m_arena.data() + s.offset, s.len}; }
    void grow();

    std::vector<Slot> m_slots;
    std::string m_arena;
    std::size_t m_size = 0;
};

/// What a cell's text is read as: --value-map per column, --na-value texts in every column.
/// Keys are lower case; empty when the options have neither (the fast path).
class CellTransforms {
public:
    bool empty() const { return m_na.empty() && m_maps.empty(); }
    void addNa(const std::string& text);
    void addMap(int col, const std::map<std::string, std::string>& map);
    bool mapped(int col) const { return col >= 0 && std::size_t(col) < m_maps.size() && !m_maps[col].empty(); }
    std::string_view apply(int col, std::string_view text) const;

private:
    std::vector<std::string> m_na;
    std::vector<std::unordered_map<std::string, std::string>> m_maps;  ///< per column
};

/// Column mapping resolved against the file's header.
struct ColumnMap {
    std::vector<std::string> header;                 ///< names ("column N" without header)
    std::map<std::string, int> fieldColumn;          ///< field -> 0-based column
    std::vector<std::string> roles;                  ///< per column: field name, "attribute", "custom", "ignored"
    int expectedFields = 0;

    int col(const std::string& field) const {
        auto it = fieldColumn.find(field);
        return it == fieldColumn.end() ? -1 : it->second;
    }
    bool has(const std::string& field) const { return col(field) >= 0; }
};

struct ImportContext {
    const ImportOptions* options = nullptr;
    MappingProfile profile;
    ColumnMap columns;
    csv::DateOrder dateOrder = csv::DateOrder::Auto;
    csv::DecimalSeparator decimal = csv::DecimalSeparator::Dot;
    std::string fileName;
    Database* db = nullptr;  ///< null in preview
    std::int64_t importId = 0;
    ImportReport* report = nullptr;
    std::vector<Reject> rejects;
    CellTransforms transforms;

    /// Field text of a record (trimmed, through the value maps and "no value" texts), empty if
    /// the field is not mapped.
    std::string_view field(const csv::Record& r, const std::string& name) const { return at(r, columns.col(name)); }
    /// Field text at a 0-based column (trimmed, through the value maps and "no value" texts),
    /// empty if col < 0: for hot loops that resolved their columns once in begin().
    std::string_view at(const csv::Record& r, int col) const {
        if (col < 0 || col >= static_cast<int>(r.fields.size())) return {};
        const auto text = csv::trim(r.fields[col]);
        return transforms.empty() ? text : transforms.apply(col, text);
    }
    /// Builds a reject for `field` of record `r`.
    Reject reject(const csv::Record& r, const std::string& fieldName, std::string reason, std::string message) const;
};

/// Parses an optional number field; sets `bad` (and leaves the value empty) when the text is not a number.
std::optional<double> numberField(const ImportContext& ctx, const csv::Record& r, const std::string& name,
                                  std::optional<Reject>& bad);
/// The same for a column resolved beforehand (`col` = ctx.columns.col(name)).
std::optional<double> numberAt(const ImportContext& ctx, const csv::Record& r, int col, const std::string& name,
                               std::optional<Reject>& bad);
/// Parses an optional date field; sets `bad` when the text is not a date.
std::optional<std::int64_t> dateField(const ImportContext& ctx, const csv::Record& r, const std::string& name,
                                      std::optional<Reject>& bad);
std::optional<std::int64_t> dateAt(const ImportContext& ctx, const csv::Record& r, int col, const std::string& name,
                                   std::optional<Reject>& bad);

/// A table loader: validates records and writes them (or, in preview, only validates).
class TableLoader {
public:
    virtual ~TableLoader() = default;
    /// Called once before the first record (in a transaction when writing).
    virtual Status begin(ImportContext& ctx) = 0;
    /// Loads (or in preview just checks) one data record; returns the reject if any.
    virtual std::optional<Reject> load(ImportContext& ctx, const csv::Record& r) = 0;
    /// After the last record.
    virtual Status finish(ImportContext& ctx) = 0;
    /// Preview: the stored values of a record as text, in previewColumns() order.
    virtual std::vector<std::string> previewColumns() const = 0;
    virtual std::vector<std::string> previewValues(ImportContext& ctx, const csv::Record& r) = 0;
    /// A loader may run the whole record loop itself (e.g. parsing on a second thread while
    /// this one writes); it then returns the loop's status, otherwise nullopt and the
    /// importer calls load() per record.
    virtual std::optional<Status> runAll(ImportContext&, csv::Reader&, const ProgressFn&) { return std::nullopt; }
};

/// The reject for a record whose field count differs from the first record's, if it does.
std::optional<Reject> checkFieldCount(const ImportContext& ctx, const csv::Record& r);
/// Counts a record's outcome in the report (and keeps the reject).
void countOutcome(ImportContext& ctx, std::optional<Reject> bad);

std::unique_ptr<TableLoader> makeTransactionLoader();
std::unique_ptr<TableLoader> makeCustomerLoader();
std::unique_ptr<TableLoader> makeManagerLoader();
std::unique_ptr<TableLoader> makeSurveyLoader();
std::unique_ptr<TableLoader> makeCostToServeLoader();
std::unique_ptr<TableLoader> makeNotesLoader();

/// Loads code -> id of an entity table (customers, managers).
CodeMap loadCodes(Database& db, std::string_view table);
/// Finds or creates a customer known only by code (origin says from where).
std::int64_t ensureCustomer(ImportContext& ctx, CodeMap& codes, Statement& insert, std::string_view code,
                            std::string_view region, std::string_view channel, std::string_view origin);

}  // namespace cw::store::detail
