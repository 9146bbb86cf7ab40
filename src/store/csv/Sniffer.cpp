// Sniffing: try each candidate delimiter with the real parser (so quotes are respected)
// and keep the one that splits the sampled records most consistently into more than one
// field; fall back to whitespace-aligned columns, then to a single comma column.
#include "store/csv/Sniffer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

#include "store/csv/Encoding.h"
#include "store/csv/ValueParser.h"

namespace cw::store::csv {
namespace detail {

namespace {

constexpr std::size_t kMaxRows = 100;
using Rows = std::vector<std::vector<std::string>>;

Rows readRows(std::string_view sample, const Dialect& d) {
    ReaderOptions o;
    o.dialect = d;
    o.chunkSize = sample.size() + 1;
    auto reader = Reader::fromString(std::string(sample), o, "<sniff>");
    Rows rows;
    Record rec;
    while (rows.size() < kMaxRows && reader->next(rec))
        rows.emplace_back(rec.fields.begin(), rec.fields.end());
    return rows;
}

struct Score {
    bool valid = false;
    int fields = 0;         ///< the most common field count
    double share = 0;       ///< of the rows having it
    double valueShare = 0;  ///< of their fields that look like values
    int valueColumn = -1;   ///< a column holding values in most rows after the first
};

Score score(const Rows& rows) {
    Score s;
    if (rows.empty()) return s;
    std::map<std::size_t, std::size_t> freq;
    for (const auto& r : rows) ++freq[r.size()];
    std::size_t best = 0;
    for (const auto& [count, n] : freq)
        if (n >= best) {  // ties go to the larger count (the map is ascending)
            best = n;
            s.fields = static_cast<int>(count);
        }
    s.share = static_cast<double>(best) / static_cast<double>(rows.size());
    std::size_t values = 0, total = 0;
    std::vector<std::size_t> perColumn(static_cast<std::size_t>(s.fields));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].size() != static_cast<std::size_t>(s.fields)) continue;
        for (std::size_t c = 0; c < rows[i].size(); ++c) {
            const bool v = looksLikeValue(rows[i][c]);
            values += v;
            if (v && i > 0) ++perColumn[c];
        }
        total += rows[i].size();
    }
    s.valueShare = total ? static_cast<double>(values) / static_cast<double>(total) : 0;
    const std::size_t later = rows.size() - 1;
    for (std::size_t c = 0; c < perColumn.size() && later > 0; ++c)
        if (perColumn[c] * 2 > later) {
            s.valueColumn = static_cast<int>(c);
            break;
        }
    // One odd line in ten is tolerated: a title line or a truncated last record.
    s.valid = s.fields > 1 && best * 10 >= rows.size() * 9;
    return s;
}

// Consistency first (a semicolon file with decimal commas can split evenly on commas
// too, but rarely as evenly), then value-looking fields, then more fields.
bool better(const Score& a, const Score& b) {
    if (!b.valid) return a.valid;
    if (!a.valid) return false;
    if (a.share != b.share) return a.share > b.share;
    if (a.valueShare != b.valueShare) return a.valueShare > b.valueShare;
    return a.fields > b.fields;
}

bool headerLikely(const Rows& rows) {
    if (rows.size() < 2) return false;
    const auto& first = rows[0];
    for (const auto& f : first)
        if (looksLikeValue(f)) return false;
    const std::size_t later = rows.size() - 1;
    for (std::size_t c = 0; c < first.size(); ++c) {
        std::size_t n = 0;
        for (std::size_t i = 1; i < rows.size(); ++i)
            n += c < rows[i].size() && looksLikeValue(rows[i][c]);
        if (n * 2 > later) return true;
    }
    return false;
}

}  // namespace

bool looksLikeValue(std::string_view field) {
    std::string_view s = trim(field);
    for (std::string_view sign : {"$", "\xE2\x82\xAC", "\xC2\xA3"})  // $ € £
        if (s.substr(0, sign.size()) == sign) s = trim(s.substr(sign.size()));
    if (!s.empty() && s.back() == '%') s = trim(s.substr(0, s.size() - 1));
    if (s.empty()) return false;
    if (parseNumber(s, DecimalSeparator::Dot) || parseNumber(s, DecimalSeparator::Comma))
        return true;
    bool ambiguous = false;
    return parseDateTime(s, DateOrder::Auto, &ambiguous).has_value() || ambiguous;
}

Sniff sniffSample(std::string_view data, bool truncated) {
    Sniff out;
    if (data.substr(0, 3) == "\xEF\xBB\xBF") {
        out.bom = true;
        data.remove_prefix(3);
    }
    out.utf8 = isValidUtf8(data, truncated);
    if (truncated) {
        const auto cut = data.find_last_of("\r\n");
        if (cut != std::string_view::npos) data = data.substr(0, cut + 1);
    }
    Rows rows;
    Score best;
    for (char c : {',', ';', '\t', '|'}) {
        Dialect d;
        d.delimiter = c;
        Rows r = readRows(data, d);
        const Score s = score(r);
        if (better(s, best)) {
            best = s;
            out.dialect = d;
            rows = std::move(r);
        }
    }
    if (!best.valid) {
        Dialect ws;
        ws.whitespace = true;
        ws.delimiter = ' ';
        Rows r = readRows(data, ws);
        const Score s = score(r);
        // Aligned columns hold values (ids, dates, amounts); prose with spaces does not.
        if (s.valid && s.valueColumn >= 0) {
            best = s;
            out.dialect = ws;
            rows = std::move(r);
        } else {
            out.dialect = Dialect{};
            rows = readRows(data, out.dialect);
            best = score(rows);
        }
    }
    out.fieldCount = best.fields;
    if (!rows.empty()) out.firstRow = rows[0];
    out.headerLikely = headerLikely(rows);
    return out;
}

}  // namespace detail

Sniff Reader::sniffText(std::string_view data) {
    return detail::sniffSample(data, false);
}

Result<Sniff> Reader::sniffFile(const std::string& path, std::size_t bytes) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) {
        Error e = makeError(ErrorKind::Input,
                            std::string("cannot open the file: ") + std::strerror(errno),
                            "check the path and that you may read it");
        e.file = path;
        return e;
    }
    // One byte more than asked tells whether the sample is the whole file.
    std::string data(bytes + 1, '\0');
    data.resize(std::fread(data.data(), 1, data.size(), f.get()));
    if (std::ferror(f.get())) {
        Error e = makeError(ErrorKind::Internal, "cannot read the file",
                            "check that it is still available");
        e.file = path;
        return e;
    }
    const bool truncated = data.size() > bytes;
    if (truncated) data.resize(bytes);
    return detail::sniffSample(data, truncated);
}

}  // namespace cw::store::csv
