// The streaming reader. The buffer holds the unparsed tail of the input plus a '\n'
// sentinel at its end, so the inner field loop needs no bounds check. A record that
// runs past the end of the buffer is rescanned from its start after more input arrives
// (the buffer doubles for long records, so this stays linear). Fields are views into
// the buffer; quoted fields are unescaped in place (the result is never longer) and only
// records that need transcoding are copied, into a reader-owned scratch string.
#include "store/csv/CsvReader.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "store/csv/Encoding.h"
#include "store/csv/Sniffer.h"

namespace cw::store::csv {

namespace {

constexpr std::size_t kSniffBytes = 1 << 16;
// A record this long is almost surely a quote opened by mistake swallowing the file;
// stop before buffering gigabytes.
constexpr std::size_t kMaxRecordBytes = std::size_t{256} << 20;
constexpr char kBom[] = "\xEF\xBB\xBF";
// Bytes kept readable after the sentinel, so the field scan can load 16 bytes at a time.
constexpr std::size_t kPad = 16;

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

Error inputError(std::string file, std::string message, std::string hint) {
    Error e = makeError(ErrorKind::Input, std::move(message), std::move(hint));
    e.file = std::move(file);
    return e;
}

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

// First byte at or after `p` that ends an unquoted field: `sep1`/`sep2` (the delimiter, or
// blank and tab), CR or LF. The sentinel guarantees a hit. Sixteen bytes per step find the
// end of a typical short field in one compare, without the per-byte loop whose exit the
// branch predictor misses on every field.
const char* findFieldEnd(const char* p, const unsigned char* cls, char sep1, char sep2) {
#if defined(__SSE2__)
    (void)cls;
    const __m128i a = _mm_set1_epi8(sep1), b = _mm_set1_epi8(sep2);
    const __m128i cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
    for (;; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, a), _mm_cmpeq_epi8(v, b)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
        if (const int m = _mm_movemask_epi8(hit))
            return p + std::countr_zero(static_cast<unsigned>(m));
    }
#else
    (void)sep1;
    (void)sep2;
    while (!cls[static_cast<unsigned char>(*p)]) ++p;
    return p;
#endif
}

// Line breaks inside [s, e): CRLF counts once, a lone CR or LF once each.
std::int64_t countLineBreaks(const char* s, const char* e) {
    std::int64_t n = 0;
    for (const char* p = s; p < e; ++p) {
        if (*p == '\n')
            ++n;
        else if (*p == '\r' && (p + 1 == e || p[1] != '\n'))
            ++n;
    }
    return n;
}

// Removes the opening quote, undoubles quotes and keeps text after the closing quote.
// Works in place: the output never outgrows the input.
std::string_view unescapeInPlace(char* s, char* e, char quote) {
    char* w = s;
    char* r = s + 1;
    while (r < e) {
        if (*r == quote) {
            if (r + 1 < e && r[1] == quote) {
                *w++ = quote;
                r += 2;
                continue;
            }
            ++r;
            break;
        }
        *w++ = *r++;
    }
    while (r < e) *w++ = *r++;
    return {s, static_cast<std::size_t>(w - s)};
}

}  // namespace

struct Reader::Impl {
    enum class Scan { Done, NeedMore, Failed };

    std::string m_name;
    FilePtr m_file;
    std::string m_memory;  ///< input of fromString() when it is streamed in chunks
    std::size_t m_memoryOffset = 0;
    std::int64_t m_totalBytes = -1;
    std::size_t m_chunkSize = 1 << 20;
    std::optional<Encoding> m_encoding;
    Dialect m_dialect;
    bool m_quoting = true;
    bool m_bom = false;
    unsigned char m_class[256] = {};  ///< non-zero for bytes that end an unquoted field

    std::string m_buf;  ///< [0, m_len) input, m_buf[m_len] == '\n', then kPad more bytes
    std::size_t m_pos = 0;
    std::size_t m_len = 0;
    std::int64_t m_base = 0;  ///< input offset of m_buf[0]
    bool m_eof = false;
    std::int64_t m_line = 1;
    std::int64_t m_index = 0;

    std::vector<std::size_t> m_quoted;  ///< quoted fields of the record being read
    std::string m_scratch;              ///< transcoded fields
    std::int64_t m_openQuoteLine = 0;   ///< a quote still open when more input was needed
    int m_openQuoteColumn = 0;
    std::optional<Error> m_error;
    std::vector<std::string> m_warnings;
    bool m_warnedEncoding = false;

    void setDialect(const Dialect& d);
    void start();
    bool fill();
    std::size_t read(char* dst, std::size_t n);
    bool skipEmptyLines();
    Scan scanRecord(Record& rec, std::size_t& end, std::int64_t& lines);
    const char* scanQuoted(const char* p, const char* e, std::int64_t& lines, bool& needMore);
    void finishRecord(Record& rec, std::size_t end);
    void transcode(Record& rec);
    void setUnclosedQuoteError(std::int64_t line, int column, bool tooLong);
    bool next(Record& rec);
};

void Reader::Impl::setDialect(const Dialect& d) {
    m_dialect = d;
    std::memset(m_class, 0, sizeof m_class);
    m_class[static_cast<unsigned char>('\n')] = 1;
    m_class[static_cast<unsigned char>('\r')] = 1;
    if (d.whitespace) {
        m_class[static_cast<unsigned char>(' ')] = 1;
        m_class[static_cast<unsigned char>('\t')] = 1;
    } else {
        m_class[static_cast<unsigned char>(d.delimiter)] = 1;
    }
    // A quote that is also a separator or a line end could never open a field.
    m_quoting = m_class[static_cast<unsigned char>(d.quote)] == 0;
}

// Loads the first bytes and skips a UTF-8 byte order mark.
void Reader::Impl::start() {
    while (m_len - m_pos < 3 && !m_eof && !m_error) fill();
    if (m_len - m_pos >= 3 && std::memcmp(m_buf.data() + m_pos, kBom, 3) == 0) {
        m_bom = true;
        m_pos += 3;
    }
}

std::size_t Reader::Impl::read(char* dst, std::size_t n) {
    if (!m_file) {
        const std::size_t k = std::min(n, m_memory.size() - m_memoryOffset);
        std::memcpy(dst, m_memory.data() + m_memoryOffset, k);
        m_memoryOffset += k;
        return k;
    }
    const std::size_t k = std::fread(dst, 1, n, m_file.get());
    if (k < n && std::ferror(m_file.get())) {
        Error e = makeError(ErrorKind::Internal,
                            std::string("cannot read the file: ") + std::strerror(errno),
                            "check that the disk or network share is still available");
        e.file = m_name;
        m_error = std::move(e);
    }
    return k;
}

// Moves the unparsed tail to the front and appends at least one chunk (more when the
// pending record is already longer than a chunk, so rescanning it stays linear).
bool Reader::Impl::fill() {
    if (m_eof || m_error) return false;
    if (m_pos > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_pos, m_len - m_pos);
        m_base += static_cast<std::int64_t>(m_pos);
        m_len -= m_pos;
        m_pos = 0;
    }
    if (m_len > kMaxRecordBytes) {
        setUnclosedQuoteError(m_openQuoteLine ? m_openQuoteLine : m_line, m_openQuoteColumn, true);
        return false;
    }
    const std::size_t want = std::max(m_chunkSize, m_len);
    if (m_buf.size() < m_len + want + 1 + kPad) m_buf.resize(m_len + want + 1 + kPad);
    const std::size_t got = read(m_buf.data() + m_len, want);
    m_len += got;
    m_buf[m_len] = '\n';
    if (m_error) return false;
    if (got < want) m_eof = true;
    return true;
}

void Reader::Impl::setUnclosedQuoteError(std::int64_t line, int column, bool tooLong) {
    Error e;
    if (column > 0) {
        e = inputError(
            m_name, "quoted field opened here is never closed",
            std::string(tooLong ? "the field runs on for more than 256 MiB; " : "") +
                "add the missing closing quote, or double the quote (\"\") if it is part of the "
                "text");
        e.column = column;
    } else {
        e = inputError(m_name, "a record is longer than 256 MiB",
                       "check the delimiter and line endings (--delimiter)");
    }
    e.line = line;
    m_error = std::move(e);
}

// Skips empty lines (blank ones too in whitespace mode), counting them. False at the end.
bool Reader::Impl::skipEmptyLines() {
    for (;;) {
        while (m_pos < m_len) {
            const char c = m_buf[m_pos];
            if (c == '\n') {
                ++m_pos;
                ++m_line;
            } else if (c == '\r') {
                if (m_pos + 1 == m_len && !m_eof) break;  // a following LF may be in the next chunk
                ++m_pos;
                if (m_pos < m_len && m_buf[m_pos] == '\n') ++m_pos;
                ++m_line;
            } else if (m_dialect.whitespace && isBlank(c)) {
                ++m_pos;
            } else {
                return true;
            }
        }
        if (m_pos == m_len && m_eof) return false;
        if (!fill()) return false;
    }
}

// Scans a quoted field from its opening quote at `p`; returns the position after the
// closing quote, or null when that is not in the buffer (`needMore` tells whether more
// input could still close it). Returning the pointer keeps the caller's in a register.
const char* Reader::Impl::scanQuoted(const char* p, const char* e, std::int64_t& lines,
                                     bool& needMore) {
    const char q = m_dialect.quote;
    const char* s = p + 1;
    for (;;) {
        const auto* hit =
            static_cast<const char*>(std::memchr(s, q, static_cast<std::size_t>(e - s)));
        if (!hit || (hit + 1 == e && !m_eof)) {
            // Either no quote yet or one whose successor (a doubled quote?) is still unread.
            needMore = !m_eof;
            return nullptr;
        }
        lines += countLineBreaks(s, hit);
        if (hit + 1 < e && hit[1] == q) {
            s = hit + 2;
            continue;
        }
        return hit + 1;
    }
}

Reader::Impl::Scan Reader::Impl::scanRecord(Record& rec, std::size_t& end, std::int64_t& linesOut) {
    auto& fields = rec.fields;
    fields.clear();
    m_quoted.clear();
    m_openQuoteLine = 0;
    m_openQuoteColumn = 0;
    std::int64_t lines = 0;
    const unsigned char* const cls = m_class;
    const char sep1 = m_dialect.whitespace ? ' ' : m_dialect.delimiter;
    const char sep2 = m_dialect.whitespace ? '\t' : m_dialect.delimiter;
    const char* const b = m_buf.data();
    const char* const e = b + m_len;
    const char* p = b + m_pos;
    const char q = m_dialect.quote;
    const bool ws = m_dialect.whitespace;
    for (;;) {
        const char* f = p;
        if (m_quoting && *p == q) {
            bool needMore = false;
            const std::int64_t openLine = m_line + lines;
            const char* after = scanQuoted(p, e, lines, needMore);
            if (!after) {
                m_openQuoteLine = openLine;
                m_openQuoteColumn = static_cast<int>(fields.size()) + 1;
                if (needMore) return Scan::NeedMore;
                setUnclosedQuoteError(m_openQuoteLine, m_openQuoteColumn, false);
                return Scan::Failed;
            }
            m_quoted.push_back(fields.size());
            p = after;
        }
        p = findFieldEnd(p, cls, sep1, sep2);  // the sentinel '\n' at `e` bounds it
        fields.emplace_back(f, static_cast<std::size_t>(p - f));
        if (ws)
            while (isBlank(*p)) ++p;
        if (p == e) {
            if (!m_eof) return Scan::NeedMore;
            break;
        }
        if (*p == '\n') {
            ++p;
            ++lines;
            break;
        }
        if (*p == '\r') {
            if (p + 1 == e && !m_eof) return Scan::NeedMore;
            ++p;
            if (p < e && *p == '\n') ++p;
            ++lines;
            break;
        }
        if (!ws) ++p;  // the delimiter; in whitespace mode `p` is already on the next field
    }
    end = static_cast<std::size_t>(p - b);
    linesOut = lines;
    return Scan::Done;
}

void Reader::Impl::transcode(Record& rec) {
    std::size_t total = 0;
    for (auto f : rec.fields) total += f.size();
    m_scratch.clear();
    // Reserved up front so the views taken below are not invalidated by growth.
    m_scratch.reserve(windows1252Utf8Bound(total));
    for (auto& f : rec.fields) {
        const std::size_t at = m_scratch.size();
        appendWindows1252AsUtf8(m_scratch, f);
        f = std::string_view(m_scratch.data() + at, m_scratch.size() - at);
    }
}

// Encoding check and unquoting of a complete record spanning [m_pos, end).
void Reader::Impl::finishRecord(Record& rec, std::size_t end) {
    bool recode = false;
    const std::string_view raw(m_buf.data() + m_pos, end - m_pos);
    if (!isAscii(raw)) {
        if (m_encoding == Encoding::Windows1252) {
            recode = true;
        } else if (!m_encoding && !isValidUtf8(raw)) {
            recode = true;
            if (!m_warnedEncoding) {
                m_warnedEncoding = true;
                m_warnings.push_back(
                    m_name + ": line " + std::to_string(m_line) +
                    " is not valid UTF-8; read as Windows-1252 (pass --encoding to choose)");
            }
        }
    }
    for (std::size_t i : m_quoted) {
        auto& f = rec.fields[i];
        char* s = m_buf.data() + (f.data() - m_buf.data());
        f = unescapeInPlace(s, s + f.size(), m_dialect.quote);
    }
    if (recode) transcode(rec);
}

bool Reader::Impl::next(Record& rec) {
    if (m_error) return false;
    for (;;) {
        if (!skipEmptyLines()) return false;
        std::size_t end = 0;
        std::int64_t lines = 0;
        const Scan s = scanRecord(rec, end, lines);
        if (s == Scan::Failed) return false;
        if (s == Scan::NeedMore) {
            if (!fill()) return false;
            continue;
        }
        // A delimited line holding only blanks is an empty line, not a one-field record.
        const bool blankLine = !m_dialect.whitespace && rec.fields.size() == 1 &&
                               m_quoted.empty() &&
                               std::all_of(rec.fields[0].begin(), rec.fields[0].end(), isBlank);
        if (!blankLine) {
            finishRecord(rec, end);
            rec.line = m_line;
            rec.index = m_index++;
        }
        m_pos = end;
        m_line += lines;
        if (!blankLine) return true;
    }
}

Reader::Reader() : m(std::make_unique<Impl>()) {}
Reader::~Reader() = default;

Result<std::unique_ptr<Reader>> Reader::open(const std::string& path,
                                             const ReaderOptions& options) {
    Dialect dialect;
    if (options.dialect) {
        dialect = *options.dialect;
    } else {
        auto sniff = sniffFile(path, kSniffBytes);
        if (!sniff) return sniff.takeError();
        dialect = sniff->dialect;
    }
    FilePtr f(std::fopen(path.c_str(), "rb"));
    if (!f)
        return inputError(path, std::string("cannot open the file: ") + std::strerror(errno),
                          "check the path and that you may read it");
    std::unique_ptr<Reader> r(new Reader());
    Impl& m = *r->m;
    m.m_name = path;
    m.m_file = std::move(f);
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) m.m_totalBytes = static_cast<std::int64_t>(size);
    m.m_chunkSize = std::max<std::size_t>(options.chunkSize, 1);
    m.m_encoding = options.encoding;
    m.setDialect(dialect);
    m.m_buf.assign(1 + kPad, '\n');
    m.start();
    return r;
}

std::unique_ptr<Reader> Reader::fromString(std::string data, const ReaderOptions& options,
                                           std::string name) {
    std::unique_ptr<Reader> r(new Reader());
    Impl& m = *r->m;
    m.m_name = std::move(name);
    m.m_totalBytes = static_cast<std::int64_t>(data.size());
    m.m_chunkSize = std::max<std::size_t>(options.chunkSize, 1);
    m.m_encoding = options.encoding;
    if (options.dialect)
        m.setDialect(*options.dialect);
    else
        m.setDialect(detail::sniffSample(std::string_view(data).substr(0, kSniffBytes),
                                         data.size() > kSniffBytes)
                         .dialect);
    if (data.size() < m.m_chunkSize) {
        // Small enough for one chunk: parse the string itself, no copy.
        m.m_len = data.size();
        m.m_buf = std::move(data);
        m.m_buf.append(1 + kPad, '\n');
        m.m_eof = true;
    } else {
        m.m_memory = std::move(data);
        m.m_buf.assign(1 + kPad, '\n');
    }
    m.start();
    return r;
}

const Dialect& Reader::dialect() const {
    return m->m_dialect;
}
bool Reader::hadBom() const {
    return m->m_bom;
}
bool Reader::next(Record& record) {
    return m->next(record);
}
const std::optional<Error>& Reader::error() const {
    return m->m_error;
}
const std::vector<std::string>& Reader::warnings() const {
    return m->m_warnings;
}
std::int64_t Reader::bytesConsumed() const {
    return m->m_base + static_cast<std::int64_t>(m->m_pos);
}
std::int64_t Reader::totalBytes() const {
    return m->m_totalBytes;
}

}  // namespace cw::store::csv
