// Typed parsing of CSV fields. These run once per field of every imported record, so
// they scan the text by hand (no regex, sscanf or locale) and hand fast_float a plain
// ASCII number.
#include "store/csv/ValueParser.h"

#include <cmath>
#include <cstring>
#include <limits>

#include <fast_float/fast_float.h>

namespace cw::store::csv {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isTrimmed(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

constexpr std::string_view kNbsp = "\xC2\xA0";            // U+00A0, French/Swiss grouping
constexpr std::string_view kNarrowNbsp = "\xE2\x80\xAF";  // U+202F, newer French locales

// Trims ASCII blanks and no-break spaces (spreadsheets pad numbers with them).
std::string_view trimNumber(std::string_view s) {
    for (;;) {
        s = trim(s);
        if (s.starts_with(kNbsp) || s.starts_with(kNarrowNbsp)) {
            s.remove_prefix(s.starts_with(kNbsp) ? kNbsp.size() : kNarrowNbsp.size());
        } else if (s.ends_with(kNbsp) || s.ends_with(kNarrowNbsp)) {
            s.remove_suffix(s.ends_with(kNbsp) ? kNbsp.size() : kNarrowNbsp.size());
        } else {
            return s;
        }
    }
}

// Length of a thousands separator at `p`, 0 if there is none. With a decimal comma the
// separator is a dot or a (no-break) space; with a decimal dot it is a comma.
std::size_t groupSeparatorAt(const char* p, const char* e, DecimalSeparator sep) {
    if (sep == DecimalSeparator::Dot) return *p == ',' ? 1 : 0;
    if (*p == '.' || *p == ' ') return 1;
    const std::string_view rest(p, static_cast<std::size_t>(e - p));
    if (rest.starts_with(kNbsp)) return kNbsp.size();
    if (rest.starts_with(kNarrowNbsp)) return kNarrowNbsp.size();
    return 0;
}

// Copies the integer digits at `p` to `out`, accepting thousands grouping only in the
// strict form 1-3 digits then groups of exactly 3, all with one separator.
bool scanIntegerPart(const char*& p, const char* e, DecimalSeparator sep, std::string& out,
                     bool& grouped) {
    std::size_t run = 0;
    std::string_view groupSep;
    for (;;) {
        while (p < e && isDigit(*p)) {
            out += *p++;
            ++run;
        }
        if (p == e) break;
        const std::size_t g = groupSeparatorAt(p, e, sep);
        if (g == 0) break;
        const std::string_view thisSep(p, g);
        if ((groupSep.empty() ? (run < 1 || run > 3) : run != 3) ||
            (!groupSep.empty() && thisSep != groupSep))
            return false;
        groupSep = thisSep;
        p += g;
        run = 0;
        if (p == e || !isDigit(*p)) return false;
    }
    grouped = !groupSep.empty();
    return !grouped || run == 3;
}

// Digits of an exponent ("e-5") appended to `out`; false when malformed.
bool scanExponent(const char*& p, const char* e, std::string& out) {
    out += 'e';
    ++p;
    if (p < e && (*p == '+' || *p == '-')) out += *p++;
    if (p == e || !isDigit(*p)) return false;
    while (p < e && isDigit(*p)) out += *p++;
    return true;
}

}  // namespace

std::string_view trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && isTrimmed(s[b])) ++b;
    while (e > b && isTrimmed(s[e - 1])) --e;
    return s.substr(b, e - b);
}

std::optional<double> parseNumber(std::string_view s, DecimalSeparator sep) {
    s = trimNumber(s);
    if (s.empty()) return std::nullopt;
    const char* p = s.data();
    const char* const e = p + s.size();
    // Fast path for the common "-12.5": fast_float reads exactly the plain forms, and the
    // digit check up front keeps its "nan"/"inf" spellings out.
    const bool plainStart = isDigit(*p) || (*p == '-' && s.size() > 1 && isDigit(p[1]));
    if (plainStart && (sep == DecimalSeparator::Dot || s.find('.') == std::string_view::npos)) {
        double value = 0;
        const auto r = fast_float::from_chars(p, e, value);
        if (r.ec == std::errc() && r.ptr == e) {
            if (!std::isfinite(value)) return std::nullopt;
            return value;
        }
    }
    // Normalised to what fast_float reads: [-]digits[.digits][e[+-]digits]. Short
    // numbers stay in the string's inline buffer, so this does not allocate.
    std::string norm;
    if (*p == '+' || *p == '-') {
        if (*p == '-') norm += '-';
        ++p;
    }
    bool grouped = false;
    const std::size_t before = norm.size();
    if (!scanIntegerPart(p, e, sep, norm, grouped)) return std::nullopt;
    bool anyDigit = norm.size() > before;
    const char decimal = sep == DecimalSeparator::Dot ? '.' : ',';
    if (p < e && *p == decimal) {
        ++p;
        norm += '.';
        while (p < e && isDigit(*p)) {
            norm += *p++;
            anyDigit = true;
        }
    }
    if (!anyDigit) return std::nullopt;
    if (p < e && (*p == 'e' || *p == 'E') && !scanExponent(p, e, norm)) return std::nullopt;
    if (p != e) return std::nullopt;
    double value = 0;
    const auto r = fast_float::from_chars(norm.data(), norm.data() + norm.size(), value);
    if (r.ec != std::errc() || r.ptr != norm.data() + norm.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<std::int64_t> parseInteger(std::string_view s) {
    s = trim(s);
    const char* p = s.data();
    const char* const e = p + s.size();
    const bool neg = p < e && *p == '-';
    if (p < e && (*p == '-' || *p == '+')) ++p;
    // Fast path: plain digits, accumulated with an overflow check.
    if (p < e && static_cast<std::size_t>(e - p) <= 19) {
        std::uint64_t v = 0;
        const char* q = p;
        while (q < e && isDigit(*q)) v = v * 10 + static_cast<unsigned>(*q++ - '0');
        const std::uint64_t limit =
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + neg;
        if (q == e) {
            if (v > limit) return std::nullopt;
            return neg ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
        }
    }
    const auto d = parseNumber(s);
    // 2^63 is exactly representable; anything at or above it does not fit.
    if (!d || *d != std::floor(*d) || *d >= 9223372036854775808.0 || *d < -9223372036854775808.0)
        return std::nullopt;
    return static_cast<std::int64_t>(*d);
}

std::string normalizeId(std::string_view s) {
    s = trim(s);
    const auto dot = s.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == s.size()) return std::string(s);
    const std::string_view whole = s.substr(0, dot), frac = s.substr(dot + 1);
    bool digits = true;
    for (char c : whole) digits = digits && isDigit(c);
    bool zeros = true;
    for (char c : frac) zeros = zeros && c == '0';
    return std::string(digits && zeros ? whole : s);
}

std::optional<DateOrder> parseDateOrderSpec(std::string_view spec) {
    std::string s;
    for (char c : spec) {
        if (c == '/' || c == '.' || c == '-' || c == ' ' || c == '_' || c == '%') continue;
        s += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    for (const char* k : {"", "auto", "ymd", "yyyymmdd", "iso", "iso8601"})
        if (s == k) return DateOrder::Auto;
    for (const char* k : {"dmy", "ddmmyyyy", "ddmmyy", "dmyy", "dayfirst", "daymonthyear"})
        if (s == k) return DateOrder::DayFirst;
    for (const char* k : {"mdy", "mmddyyyy", "mmddyy", "mdyy", "monthfirst", "monthdayyear"})
        if (s == k) return DateOrder::MonthFirst;
    return std::nullopt;
}

}  // namespace cw::store::csv
