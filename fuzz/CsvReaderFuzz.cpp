// libFuzzer target for the CSV reader and the value parsers (docs/fuzzing.md).
//
// The first two bytes choose the options (dialect, quote, encoding, chunk size); the
// rest is the file. Beyond "no crash, no sanitizer report" it checks invariants:
// records come in order (index +1, line strictly increasing), reading in tiny chunks
// gives exactly what reading the whole buffer gives, fields are valid UTF-8 unless
// UTF-8 was forced, an error carries a position, and the value parsers agree with
// themselves (dates round-trip through formatDateTime, ids normalise idempotently).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/CivilTime.h"
#include "store/csv/CsvReader.h"
#include "store/csv/Encoding.h"
#include "store/csv/ValueParser.h"

using namespace cw::store::csv;

#define FUZZ_CHECK(cond)                                                                       \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            std::fprintf(stderr, "invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            std::abort();                                                                      \
        }                                                                                      \
    } while (0)

namespace {

struct Outcome {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::int64_t> lines;
    std::optional<cw::Error> error;
    std::vector<std::string> warnings;
    bool bom = false;
};

ReaderOptions optionsFrom(std::uint8_t a, std::uint8_t b) {
    ReaderOptions o;
    static const char kDelims[] = {',', ';', '\t', '|'};
    const int d = a % 6;
    if (d > 0) {
        Dialect dialect;
        if (d == 5) {
            dialect.whitespace = true;
            dialect.delimiter = ' ';
        } else {
            dialect.delimiter = kDelims[d - 1];
        }
        dialect.quote = (a & 0x08) ? '\'' : '"';
        o.dialect = dialect;
    }
    const int e = (a >> 4) % 3;
    if (e == 1) o.encoding = Encoding::Utf8;
    if (e == 2) o.encoding = Encoding::Windows1252;
    o.chunkSize = 1 + b % 16;
    return o;
}

void checkValues(std::string_view f) {
    for (auto sep : {DecimalSeparator::Dot, DecimalSeparator::Comma})
        if (auto v = parseNumber(f, sep)) FUZZ_CHECK(std::isfinite(*v));
    if (auto i = parseInteger(f)) {
        const auto d = parseNumber(f);
        FUZZ_CHECK(d && static_cast<double>(*i) == *d);
    }
    const std::string id = normalizeId(f);
    FUZZ_CHECK(normalizeId(id) == id);
    FUZZ_CHECK(id.size() <= f.size());
    bool ambiguous = false;
    auto a = parseDateTime(f, DateOrder::Auto, &ambiguous);
    FUZZ_CHECK(!(a && ambiguous));
    auto dmy = parseDateTime(f, DateOrder::DayFirst);
    auto mdy = parseDateTime(f, DateOrder::MonthFirst);
    if (ambiguous) FUZZ_CHECK(dmy && mdy);
    if (a) {
        // An unambiguous value is what one of the explicit orders gives.
        FUZZ_CHECK((dmy && dmy->seconds == a->seconds) || (mdy && mdy->seconds == a->seconds));
        auto back = parseDateTime(cw::formatDateTime(a->seconds, false));
        FUZZ_CHECK(back && back->seconds == a->seconds);
    }
    DateOrderDetector det;
    det.observe(f);
    (void)det.order();
}

Outcome readAll(const std::string& text, const ReaderOptions& o, bool checkFields) {
    Outcome out;
    auto reader = Reader::fromString(text, o, "fuzz.csv");
    Record rec;
    std::int64_t lastLine = 0;
    while (reader->next(rec)) {
        FUZZ_CHECK(rec.index == static_cast<std::int64_t>(out.rows.size()));
        FUZZ_CHECK(rec.line > lastLine);
        FUZZ_CHECK(!rec.fields.empty());
        FUZZ_CHECK(reader->bytesConsumed() <= reader->totalBytes());
        lastLine = rec.line;
        for (auto f : rec.fields) {
            if (o.encoding != Encoding::Utf8) FUZZ_CHECK(isValidUtf8(f));
            if (checkFields) checkValues(f);
        }
        out.rows.emplace_back(rec.fields.begin(), rec.fields.end());
        out.lines.push_back(rec.line);
    }
    out.error = reader->error();
    out.warnings = reader->warnings();
    out.bom = reader->hadBom();
    FUZZ_CHECK(out.warnings.size() <= 1);
    if (out.error) {
        FUZZ_CHECK(out.error->kind == cw::ErrorKind::Input);
        FUZZ_CHECK(out.error->line > lastLine && out.error->column >= 1);
        FUZZ_CHECK(!reader->next(rec));
    } else {
        FUZZ_CHECK(reader->bytesConsumed() == reader->totalBytes());
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    ReaderOptions o = optionsFrom(data[0], data[1]);
    const std::string text(reinterpret_cast<const char*>(data) + 2, size - 2);

    const std::size_t chunk = o.chunkSize;
    o.chunkSize = 1 << 20;
    const Outcome whole = readAll(text, o, true);
    o.chunkSize = chunk;
    const Outcome parts = readAll(text, o, false);
    FUZZ_CHECK(parts.rows == whole.rows);
    FUZZ_CHECK(parts.lines == whole.lines);
    FUZZ_CHECK(parts.warnings == whole.warnings);
    FUZZ_CHECK(parts.bom == whole.bom);
    FUZZ_CHECK(parts.error.has_value() == whole.error.has_value());
    if (parts.error) FUZZ_CHECK(parts.error->describe() == whole.error->describe());

    const Sniff s = Reader::sniffText(text);
    FUZZ_CHECK(s.fieldCount >= 0);
    (void)Dialect::parse(std::string_view(text).substr(0, 12));
    (void)parseDateOrderSpec(std::string_view(text).substr(0, 12));
    return 0;
}
