#include "store/ImportMapping.h"

#include "core/Text.h"
#include "store/csv/Sniffer.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace cw::store::detail {
namespace {

std::string normalizeName(std::string_view s) {
    std::string out;
    for (unsigned char c : csv::trim(s))
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        auto p = s.find(sep, start);
        out.emplace_back(csv::trim(s.substr(start, p == std::string_view::npos ? s.npos : p - start)));
        if (p == std::string_view::npos) break;
        start = p + 1;
    }
    return out;
}

// The column of `spec` ("Name", "Name|Alias", "#3") in the header, or -1.
int findColumn(const std::string& spec, const std::vector<std::string>& header, bool hasHeader) {
    for (const auto& cand : split(spec, '|')) {
        if (cand.size() > 1 && cand[0] == '#') {
            int n = std::atoi(cand.c_str() + 1);
            if (n >= 1 && n <= static_cast<int>(header.size())) return n - 1;
            continue;
        }
        if (!hasHeader) continue;
        for (std::size_t i = 0; i < header.size(); ++i)  // exact first, then normalised
            if (header[i] == cand) return static_cast<int>(i);
        const auto nc = normalizeName(cand);
        for (std::size_t i = 0; i < header.size(); ++i)
            if (normalizeName(header[i]) == nc) return static_cast<int>(i);
    }
    return -1;
}

Error usage(const ImportContext& ctx, std::string message, std::string hint) {
    Error e = makeError(ErrorKind::Usage, std::move(message), std::move(hint));
    e.file = ctx.options->file;
    return e;
}

std::string listColumns(const std::vector<std::string>& header) {
    std::string s;
    for (std::size_t i = 0; i < header.size(); ++i)
        s += (i ? ", " : "") + std::string("\"") + header[i] + "\"";
    return s;
}

Status checkRequired(const ImportContext& ctx) {
    const auto table = ctx.options->table;
    std::vector<std::string> missing;
    for (const auto& f : targetFields(table))
        if (f.required && !ctx.columns.has(f.name)) missing.push_back(f.name);
    if (table == TargetTable::Transactions && !ctx.columns.has("revenue") &&
        !(ctx.columns.has("quantity") && ctx.columns.has("unit_price")))
        missing.push_back("revenue (or quantity and unit_price)");
    if (table == TargetTable::Survey && !ctx.columns.has("customer_id") && !ctx.columns.has("respondent_id"))
        missing.push_back("customer_id or respondent_id");
    if (table == TargetTable::Survey && !ctx.columns.has("overall") && ctx.options->attributes.empty() &&
        !ctx.columns.has("recommend"))
        missing.push_back("overall, recommend or --attributes");
    if (missing.empty()) return {};
    std::string m;
    for (const auto& f : missing) m += (m.empty() ? "" : ", ") + f;
    return usage(ctx, "no column for the required field(s) " + m + "; the file has " + listColumns(ctx.columns.header),
                 "map them with --map FIELD=COLUMN, or choose another --profile");
}

void assignRoles(ImportContext& ctx) {
    auto& cm = ctx.columns;
    cm.roles.assign(cm.header.size(), "");
    for (auto& [field, c] : cm.fieldColumn) cm.roles[c] = field;
    const bool keepsCustom = ctx.options->keepUnmapped && (ctx.options->table == TargetTable::Customers ||
                                                           ctx.options->table == TargetTable::Survey);
    for (std::size_t i = 0; i < cm.header.size(); ++i) {
        if (!cm.roles[i].empty()) continue;
        bool attr = std::find(ctx.options->attributes.begin(), ctx.options->attributes.end(), cm.header[i]) !=
                    ctx.options->attributes.end();
        cm.roles[i] = attr ? "attribute" : keepsCustom ? "custom" : "ignored";
    }
}

Status resolveFields(ImportContext& ctx, bool hasHeader) {
    auto& cm = ctx.columns;
    std::set<std::string> known;
    for (const auto& f : targetFields(ctx.options->table)) known.insert(f.name);
    std::map<std::string, std::string> specs;
    for (auto& [f, c] : ctx.profile.columns) specs[f] = c;
    for (auto& [f, c] : ctx.options->map) {
        if (!known.count(f)) {
            std::string all;
            for (const auto& k : targetFields(ctx.options->table)) all += (all.empty() ? "" : ", ") + k.name;
            return usage(ctx, "unknown field \"" + f + "\" in --map for table " +
                                  std::string(targetTableName(ctx.options->table)),
                         "fields are: " + all);
        }
        specs[f] = c;
    }
    // Columns of the same name: the one a field is read from would be a guess.
    std::map<std::string, std::vector<std::size_t>> positions;
    if (hasHeader)
        for (std::size_t i = 0; i < cm.header.size(); ++i) positions[normalizeName(cm.header[i])].push_back(i);
    auto duplicatesOf = [&](int c) -> const std::vector<std::size_t>* {
        const auto& p = positions[normalizeName(cm.header[std::size_t(c)])];
        return p.size() > 1 ? &p : nullptr;
    };
    auto listPositions = [](const std::vector<std::size_t>& p) {
        std::string out;
        for (std::size_t k = 0; k < p.size(); ++k)
            out += (k ? (k + 1 == p.size() ? " and " : ", ") : "") + std::to_string(p[k] + 1);
        return out;
    };
    for (auto& [field, spec] : specs) {
        if (!known.count(field)) continue;
        int c = findColumn(spec, cm.header, hasHeader);
        const bool byPosition = !spec.empty() && spec[0] == '#';
        if (c >= 0 && !byPosition && duplicatesOf(c)) {
            Error e = makeError(ErrorKind::Input,
                                "the header has column \"" + text::printable(cm.header[std::size_t(c)], 60) +
                                    "\" more than once (columns " + listPositions(*duplicatesOf(c)) +
                                    "), so which one holds " + field + " is unclear; nothing was stored",
                                "rename one of them, or map the field by position, e.g. --map " + field + "=#" +
                                    std::to_string(duplicatesOf(c)->front() + 1));
            e.file = ctx.options->file;
            e.line = 1;
            e.column = c + 1;
            return e;
        }
        if (c >= 0) {
            cm.fieldColumn[field] = c;
            if (ctx.report) ctx.report->mapping[field] = cm.header[c];
        } else if (ctx.options->map.count(field)) {  // explicit mappings must exist
            return usage(ctx, "column \"" + spec + "\" (mapped to " + field + ") is not in the file; it has " +
                                  listColumns(cm.header),
                         "check the spelling, or use #N for the N-th column");
        }
    }
    for (const auto& a : ctx.options->attributes)
        if (std::find(cm.header.begin(), cm.header.end(), a) == cm.header.end())
            return usage(ctx, "attribute column \"" + a + "\" is not in the file; it has " + listColumns(cm.header),
                         "list the service-attribute columns exactly as in the header, comma-separated");
    if (ctx.report)
        for (const auto& [name, p] : positions)
            if (p.size() > 1)
                ctx.report->warnings.push_back("the header has column \"" + text::printable(cm.header[p.front()], 60) +
                                               "\" more than once (columns " + listPositions(p) +
                                               "); a field can be read from one of them only by its position (#N)");
    assignRoles(ctx);
    return checkRequired(ctx);
}

// The first record names fields of the mapping (by the profile's or --map's column names)
// and holds nothing that reads as a value: a header, even when every column is text
// (customer_id,name,region,channel) or when it is the only line of the file.
bool namesMappedFields(const ImportContext& ctx, const csv::Record& first) {
    std::vector<std::string> cells;
    for (const auto& f : first.fields) {
        if (csv::detail::looksLikeValue(f)) return false;
        cells.emplace_back(csv::trim(f));
    }
    auto names = [&](const std::string& spec) { return !spec.empty() && spec[0] != '#' && findColumn(spec, cells, true) >= 0; };
    for (const auto& [field, spec] : ctx.profile.columns)
        if (!ctx.options->map.count(field) && names(spec)) return true;
    for (const auto& [field, spec] : ctx.options->map)
        if (names(spec)) return true;
    return false;
}

// --value-map by field (or column name, for survey attributes and custom columns) and the
// --na-value texts, resolved against the columns.
Status buildTransforms(ImportContext& ctx) {
    ctx.transforms = {};
    for (const auto& text : ctx.options->naTexts) ctx.transforms.addNa(text);
    const auto& header = ctx.columns.header;
    for (const auto& [key, map] : ctx.options->valueMaps) {
        int col = ctx.columns.col(key);
        if (col < 0)
            if (auto it = std::find(header.begin(), header.end(), key); it != header.end())
                col = static_cast<int>(it - header.begin());
        if (col < 0)
            return usage(ctx, "--value-map names \"" + text::printable(key, 60) + "\", which is neither a mapped field nor a column",
                         "name a field (e.g. overall, channel) or a column of the file; the file has " + listColumns(header));
        ctx.transforms.addMap(col, map);
    }
    return {};
}

enum class HeaderSource { Option, Profile, Detected, Assumed };

HeaderSource resolveHeaderFlag(const ImportContext& ctx, const csv::Sniff& sniff, const csv::Record& first,
                               bool& hasHeader) {
    if (ctx.options->header) {
        hasHeader = *ctx.options->header;
        return HeaderSource::Option;
    }
    if (ctx.profile.header == "yes" || ctx.profile.header == "no") {
        hasHeader = ctx.profile.header == "yes";
        return HeaderSource::Profile;
    }
    hasHeader = sniff.headerLikely || namesMappedFields(ctx, first);
    // Only text in the first line and no column name recognised: a guess either way.
    bool allText = true;
    for (const auto& f : first.fields) allText = allText && !csv::detail::looksLikeValue(f);
    return hasHeader || !allText ? HeaderSource::Detected : HeaderSource::Assumed;
}

}  // namespace

Result<MappingProfile> resolveProfile(const ImportOptions& o) {
    std::string name = o.profile;
    if (name.empty()) {
        name = "generic-" + std::string(targetTableName(o.table));
        std::replace(name.begin(), name.end(), '_', '-');
    }
    auto p = findProfile(name, o.userProfileDir);
    if (!p) return p;
    if (parseTargetTable(p->table) != o.table)
        return makeError(ErrorKind::Usage,
                         "profile \"" + p->name + "\" is for table " + p->table + ", not " +
                             std::string(targetTableName(o.table)),
                         "choose a profile for " + std::string(targetTableName(o.table)) + " (clienting profiles)");
    return p;
}

Result<std::unique_ptr<csv::Reader>> openAndMap(ImportContext& ctx, std::string& dialectText) {
    const auto& o = *ctx.options;
    auto dialect = csv::Dialect::parse(o.delimiter.empty() ? ctx.profile.delimiter : o.delimiter);
    if (!dialect) return dialect.takeError();
    const std::string enc = o.encoding.empty() ? ctx.profile.encoding : o.encoding;
    csv::ReaderOptions ro;
    ro.dialect = *dialect;
    if (enc == "windows-1252" || enc == "cp1252" || enc == "latin-1" || enc == "latin1" || enc == "iso-8859-1")
        ro.encoding = csv::Encoding::Windows1252;
    else if (enc == "utf-8" || enc == "utf8")
        ro.encoding = csv::Encoding::Utf8;
    else if (enc != "auto" && !enc.empty())
        return usage(ctx, "unknown encoding \"" + enc + "\"", "use auto, utf-8 or windows-1252");
    auto sniff = csv::Reader::sniffFile(o.file);
    if (!sniff) return sniff.takeError();
    auto reader = csv::Reader::open(o.file, ro);
    if (!reader) return reader.takeError();
    csv::Record first;
    const bool any = (*reader)->next(first);
    if ((*reader)->error()) return *(*reader)->error();
    if (!any) {
        Error e = makeError(ErrorKind::Input, "the file has no records", "check that this is the right file");
        e.file = o.file;
        return e;
    }
    bool hasHeader = false;
    const HeaderSource headerSource = resolveHeaderFlag(ctx, *sniff, first, hasHeader);
    auto& cm = ctx.columns;
    cm.expectedFields = static_cast<int>(first.fields.size());
    for (std::size_t i = 0; i < first.fields.size(); ++i)
        cm.header.push_back(hasHeader ? std::string(csv::trim(first.fields[i])) : "column " + std::to_string(i + 1));
    if (auto st = resolveFields(ctx, hasHeader); !st) {
        Error e = st.takeError();
        if (headerSource == HeaderSource::Assumed)
            e.hint += "; the first line was read as data: if it holds column names, pass --header yes";
        return e;
    }
    if (auto st = buildTransforms(ctx); !st) return st.takeError();
    // Without a header the first record is data: reopen so the loaders see it.
    if (!hasHeader) {
        reader = csv::Reader::open(o.file, ro);
        if (!reader) return reader.takeError();
    }
    dialectText = (*reader)->dialect().name() + (hasHeader ? ", header" : ", no header") +
                  ((*reader)->hadBom() ? ", UTF-8 BOM" : "");
    std::string dec = ctx.profile.decimal;
    ctx.decimal = dec == "comma" || (dec == "auto" && (*reader)->dialect().delimiter == ';' &&
                                     !(*reader)->dialect().whitespace)
                      ? csv::DecimalSeparator::Comma
                      : csv::DecimalSeparator::Dot;
    return reader;
}

Status decideDateOrder(ImportContext& ctx) {
    const auto& o = *ctx.options;
    const std::string spec = o.dateFormat.empty() ? ctx.profile.dateFormat : o.dateFormat;
    auto order = csv::parseDateOrderSpec(spec);
    if (!order)
        return usage(ctx, "unknown date format \"" + spec + "\"", "use auto, d/m/Y, m/d/Y or Y-m-d");
    ctx.dateOrder = *order;
    if (*order != csv::DateOrder::Auto) return {};
    std::vector<int> dateCols;
    for (const char* f : {"date", "acquisition_date"})
        if (ctx.columns.has(f)) dateCols.push_back(ctx.columns.col(f));
    if (dateCols.empty()) return {};
    // Scan the date columns of the whole file: cheap next to the import, and the only
    // way not to guess when the first day > 12 comes late in the file.
    std::string dummy;
    ImportContext probe = ctx;
    probe.report = nullptr;
    probe.columns = {};
    auto reader = openAndMap(probe, dummy);
    if (!reader) return reader.takeError();
    csv::DateOrderDetector det;
    csv::Record r;
    std::int64_t n = 0;
    while ((*reader)->next(r)) {
        for (int c : dateCols)
            if (c < static_cast<int>(r.fields.size())) det.observe(csv::trim(r.fields[c]));
        // ISO and YYYYMMDD dates carry their order: stop once the file shows no year-last dates.
        if (++n == 2000 && det.order() == csv::DateOrder::Auto && !det.sawAmbiguous()) break;
    }
    if (det.conflicting())
        return usage(ctx,
                     "dates are written both day-first (e.g. \"" + det.dayFirstExample() + "\") and month-first (e.g. \"" +
                         det.monthFirstExample() + "\")",
                     "fix the file, or force one order with --date-format d/m/Y or m/d/Y (rows that do not fit are rejected)");
    if (det.order() == csv::DateOrder::Auto && det.sawAmbiguous()) {
        Error e = makeError(ErrorKind::Input,
                            "dates such as \"" + det.ambiguousExample() +
                                "\" can be read day-first or month-first, and no date in the file settles it",
                            "pass --date-format d/m/Y (day first) or --date-format m/d/Y (month first)");
        e.file = o.file;
        return e;
    }
    ctx.dateOrder = det.order();
    return {};
}

}  // namespace cw::store::detail
