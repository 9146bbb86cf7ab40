#include "store/ImportContext.h"

#include <cctype>
#include <cmath>
#include <ctime>

#include "core/Text.h"

namespace cw::store::detail {
namespace {

std::string clip(std::string_view v) {
    constexpr std::size_t kMax = 120;
    return v.size() <= kMax ? std::string(v) : std::string(v.substr(0, kMax)) + "…";
}

}  // namespace

namespace {

std::string lowerCase(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

void CellTransforms::addNa(const std::string& text) {
    m_na.push_back(lowerCase(csv::trim(text)));
}

void CellTransforms::addMap(int col, const std::map<std::string, std::string>& map) {
    if (col < 0) return;
    if (m_maps.size() <= std::size_t(col)) m_maps.resize(std::size_t(col) + 1);
    for (const auto& [from, to] : map) m_maps[std::size_t(col)][lowerCase(csv::trim(from))] = to;
}

std::string_view CellTransforms::apply(int col, std::string_view text) const {
    if (text.empty()) return text;
    // Most cells are neither: compare without allocating unless a candidate has the length.
    auto equalNoCase = [](std::string_view a, std::string_view lower) {
        if (a.size() != lower.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(a[i])) != static_cast<unsigned char>(lower[i])) return false;
        return true;
    };
    for (const auto& na : m_na)
        if (equalNoCase(text, na)) return {};
    if (std::size_t(col) < m_maps.size() && !m_maps[std::size_t(col)].empty()) {
        const auto& m = m_maps[std::size_t(col)];
        if (auto it = m.find(lowerCase(text)); it != m.end()) return it->second;
    }
    return text;
}

Reject ImportContext::reject(const csv::Record& r, const std::string& fieldName, std::string reason,
                             std::string message) const {
    Reject j;
    j.line = r.line;
    j.reason = std::move(reason);
    j.message = std::move(message);
    int c = columns.col(fieldName);
    if (c >= 0) {
        j.column = c + 1;
        j.columnName = c < static_cast<int>(columns.header.size()) ? columns.header[c] : fieldName;
        if (c < static_cast<int>(r.fields.size())) j.value = clip(r.fields[c]);
    } else {
        j.columnName = fieldName;
    }
    return j;
}

std::optional<double> numberField(const ImportContext& ctx, const csv::Record& r, const std::string& name,
                                  std::optional<Reject>& bad) {
    return numberAt(ctx, r, ctx.columns.col(name), name, bad);
}

namespace {

// Values no real file holds: they come from typing errors or placeholders (9999-12-31) and
// would poison every result (the analysis date, sums that overflow). Documented in import.md.
constexpr double kLargestAmount = 1e12;
constexpr std::int64_t kEarliestDate = -2208988800;  // 1900-01-01T00:00:00
std::int64_t latestDate() {
    static const std::int64_t t = static_cast<std::int64_t>(std::time(nullptr)) + 366 * 86400;
    return t;
}

}  // namespace

std::optional<double> numberAt(const ImportContext& ctx, const csv::Record& r, int col, const std::string& name,
                               std::optional<Reject>& bad) {
    auto text = ctx.at(r, col);
    if (text.empty()) return std::nullopt;
    auto v = csv::parseNumber(text, ctx.decimal);
    if (v && !(std::abs(*v) <= kLargestAmount)) {  // also catches inf and NaN
        if (!bad)
            bad = ctx.reject(r, name, "implausible_amount",
                             "\"" + text::printable(text, 60) + "\" in " + name +
                                 " is beyond the largest value accepted (1e12 in magnitude)");
        return std::nullopt;
    }
    if (!v && !bad)
        bad = ctx.reject(r, name, "invalid_number",
                         "\"" + text::printable(text, 60) + "\" is not a number in " + name +
                             " (expected e.g. 12.50" +
                             (ctx.decimal == csv::DecimalSeparator::Comma ? ", decimal comma" : "") + ")");
    return v;
}

std::optional<std::int64_t> dateField(const ImportContext& ctx, const csv::Record& r, const std::string& name,
                                      std::optional<Reject>& bad) {
    return dateAt(ctx, r, ctx.columns.col(name), name, bad);
}

std::optional<std::int64_t> dateAt(const ImportContext& ctx, const csv::Record& r, int col, const std::string& name,
                                   std::optional<Reject>& bad) {
    auto text = ctx.at(r, col);
    if (text.empty()) return std::nullopt;
    bool ambiguous = false;
    auto v = csv::parseDateTime(text, ctx.dateOrder, &ambiguous);
    if (v && (v->seconds < kEarliestDate || v->seconds > latestDate())) {
        if (!bad)
            bad = ctx.reject(r, name, "date_out_of_range",
                             "\"" + text::printable(text, 60) + "\" in " + name +
                                 " is outside the dates accepted (1900-01-01 to one year from today)");
        return std::nullopt;
    }
    if (!v && !bad)
        bad = ctx.reject(r, name, "invalid_date",
                         "\"" + text::printable(text, 60) + "\" is not a valid date in " + name +
                             (ambiguous ? " (day and month order unknown: pass --date-format)" : ""));
    return v ? std::optional<std::int64_t>(v->seconds) : std::nullopt;
}

void CodeMap::set(std::string_view code, std::uint64_t h, std::int64_t id) {
    std::size_t i = h & (m_slots.size() - 1);
    for (;; i = (i + 1) & (m_slots.size() - 1)) {
        Slot& s = m_slots[i];
        if (s.len == kEmpty) break;
        if (s.hash == h && key(s) == code) {
            s.id = id;
            return;
        }
    }
    m_slots[i] = {h, id, m_arena.size(), static_cast<std::uint32_t>(code.size())};
    m_arena.append(code);
    if (++m_size * 2 > m_slots.size()) grow();
}

void CodeMap::grow() {
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    for (const Slot& s : old) {
        if (s.len == kEmpty) continue;
        std::size_t i = s.hash & (m_slots.size() - 1);
        while (m_slots[i].len != kEmpty) i = (i + 1) & (m_slots.size() - 1);
        m_slots[i] = s;
    }
}

std::optional<Reject> checkFieldCount(const ImportContext& ctx, const csv::Record& r) {
    if (static_cast<int>(r.fields.size()) == ctx.columns.expectedFields) return std::nullopt;
    Reject j;
    j.line = r.line;
    j.reason = "wrong_field_count";
    j.message = "the record has " + std::to_string(r.fields.size()) + " fields, the file's first record has " +
                std::to_string(ctx.columns.expectedFields) + " (a missing quote or delimiter?)";
    return j;
}

void countOutcome(ImportContext& ctx, std::optional<Reject> bad) {
    auto& rep = *ctx.report;
    ++rep.records;
    if (!bad) {
        ++rep.loaded;
        return;
    }
    ++rep.rejected;
    ++rep.reasons[bad->reason];
    ctx.rejects.push_back(std::move(*bad));
}

CodeMap loadCodes(Database& db, std::string_view table) {
    CodeMap m;
    auto st = db.prepareOrThrow(std::string("SELECT code, id FROM ") + std::string(table));
    while (st.step()) m.set(st.textView(0), st.int64(1));
    return m;
}

std::int64_t ensureCustomer(ImportContext& ctx, CodeMap& codes, Statement& insert, std::string_view code,
                            std::string_view region, std::string_view channel, std::string_view origin) {
    if (auto* id = codes.find(code)) return *id;
    insert.bind(1, code);
    if (region.empty()) insert.bindNull(2); else insert.bind(2, region);
    if (channel.empty()) insert.bindNull(3); else insert.bind(3, channel);
    insert.bind(4, origin).bind(5, ctx.importId);
    if (!insert.exec()) throw SqlError{"cannot create customer: " + insert.lastError()};
    std::int64_t id = ctx.db->lastInsertRowId();
    codes.set(code, id);
    ++ctx.report->customersCreated;
    return id;
}

}  // namespace cw::store::detail
