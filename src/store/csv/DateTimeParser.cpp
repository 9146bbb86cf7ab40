// Date and date-time parsing (parseDateTime, DateOrderDetector). Runs on every date
// field of an import, so the digits are read by hand: a syntax pass fills DateParts,
// then the calendar check and the day/month order decide the value.
#include "core/CivilTime.h"
#include "store/csv/ValueParser.h"

namespace cw::store::csv {

namespace {

enum class DateForm { YearFirst, YearLast };

struct DateParts {
    DateForm form = DateForm::YearFirst;
    int year = 0;
    unsigned a = 0;  ///< month (year first) or the first of day/month (year last)
    unsigned b = 0;  ///< day (year first) or the second of day/month (year last)
    std::int64_t secondsOfDay = 0;
    bool hasTime = false;
};

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isDateSeparator(char c) {
    return c == '-' || c == '/' || c == '.';
}

// Reads at most `maxDigits` digits into `value`; returns how many were read.
int readDigits(const char*& p, const char* e, int maxDigits, unsigned& value) {
    int n = 0;
    value = 0;
    while (p < e && n < maxDigits && isDigit(*p)) {
        value = value * 10 + static_cast<unsigned>(*p++ - '0');
        ++n;
    }
    return n;
}

// True when the rest is exactly "AM"/"PM" in any case; sets `pm`.
bool readMeridiem(const char* p, const char* e, bool& pm) {
    if (e - p != 2 || (p[1] != 'M' && p[1] != 'm')) return false;
    if (p[0] == 'A' || p[0] == 'a') {
        pm = false;
        return true;
    }
    if (p[0] == 'P' || p[0] == 'p') {
        pm = true;
        return true;
    }
    return false;
}

// "H:MM", "HH:MM:SS", "HH:MM:SS.fff", optional "Z", optional " AM"/" PM"; must reach `e`.
bool parseTime(const char* p, const char* e, std::int64_t& seconds) {
    unsigned h = 0, m = 0, s = 0;
    if (readDigits(p, e, 2, h) == 0 || p == e || *p != ':') return false;
    ++p;
    if (readDigits(p, e, 2, m) != 2) return false;
    if (p < e && *p == ':') {
        ++p;
        if (readDigits(p, e, 2, s) != 2) return false;
        if (p < e && *p == '.') {
            ++p;
            if (p == e || !isDigit(*p)) return false;
            while (p < e && isDigit(*p)) ++p;  // fractions of a second are dropped
        }
    }
    if (p < e && *p == 'Z') ++p;
    const char* q = p;
    while (q < e && *q == ' ') ++q;
    bool pm = false;
    if (q < e && readMeridiem(q, e, pm)) {
        if (h < 1 || h > 12) return false;
        h = h % 12 + (pm ? 12 : 0);
        p = e;
    }
    if (p != e || h > 23 || m > 59 || s > 59) return false;
    seconds = static_cast<std::int64_t>(h) * 3600 + m * 60 + s;
    return true;
}

// "YYYY-MM-DD" with '-', '/' or '.' (one kind), after the year's 4 digits were read.
bool parseYearFirst(const char*& p, const char* e, DateParts& d) {
    if (p == e || !isDateSeparator(*p)) return false;
    const char sep = *p++;
    const int nm = readDigits(p, e, 2, d.a);
    if (nm == 0 || p == e || *p != sep) return false;
    ++p;
    return readDigits(p, e, 2, d.b) > 0;
}

// "D/M/YYYY", "DD.MM.YY"… after the first 1-2 digits were read into d.a.
bool parseYearLast(const char*& p, const char* e, DateParts& d) {
    if (p == e || !isDateSeparator(*p)) return false;
    const char sep = *p++;
    if (readDigits(p, e, 2, d.b) == 0 || p == e || *p != sep) return false;
    ++p;
    unsigned y = 0;
    const int ny = readDigits(p, e, 4, y);
    if (ny == 2)
        d.year = static_cast<int>(y < 70 ? 2000 + y : 1900 + y);  // the usual 70 pivot
    else if (ny == 4)
        d.year = static_cast<int>(y);
    else
        return false;
    return true;
}

// Syntax only: fills `d` when `s` has one of the accepted shapes.
bool parseParts(std::string_view s, DateParts& d) {
    const char* p = s.data();
    const char* const e = p + s.size();
    unsigned first = 0;
    const int n = readDigits(p, e, 9, first);
    if (n == 8) {
        d.year = static_cast<int>(first / 10000);
        d.a = first / 100 % 100;
        d.b = first % 100;
    } else if (n == 4) {
        d.year = static_cast<int>(first);
        if (!parseYearFirst(p, e, d)) return false;
    } else if (n == 1 || n == 2) {
        d.form = DateForm::YearLast;
        d.a = first;
        if (!parseYearLast(p, e, d)) return false;
    } else {
        return false;
    }
    if (p == e) return true;
    if (*p == 'T' && d.form == DateForm::YearFirst) {
        ++p;
    } else {
        if (*p != ' ') return false;
        while (p < e && *p == ' ') ++p;
    }
    d.hasTime = true;
    return parseTime(p, e, d.secondsOfDay);
}

std::optional<DateTimeValue> makeValue(const DateParts& d, unsigned month, unsigned day) {
    if (!isValidDate(d.year, month, day)) return std::nullopt;
    DateTimeValue v;
    v.seconds = daysFromCivil(d.year, month, day) * 86400 + d.secondsOfDay;
    v.hasTime = d.hasTime;
    return v;
}

}  // namespace

std::optional<DateTimeValue> parseDateTime(std::string_view s, DateOrder order, bool* ambiguous) {
    if (ambiguous) *ambiguous = false;
    DateParts d;
    if (!parseParts(trim(s), d)) return std::nullopt;
    if (d.form == DateForm::YearFirst) return makeValue(d, d.a, d.b);
    switch (order) {
        case DateOrder::DayFirst:
            return makeValue(d, d.b, d.a);
        case DateOrder::MonthFirst:
            return makeValue(d, d.a, d.b);
        case DateOrder::Auto:
            break;
    }
    // Only a date both orders can read, differently, is ambiguous; a part above 12 (or
    // a zero) leaves one reading or none.
    const bool dayFirst = isValidDate(d.year, d.b, d.a);
    const bool monthFirst = isValidDate(d.year, d.a, d.b);
    if (dayFirst && monthFirst && d.a != d.b) {
        if (ambiguous) *ambiguous = true;
        return std::nullopt;
    }
    if (dayFirst) return makeValue(d, d.b, d.a);
    if (monthFirst) return makeValue(d, d.a, d.b);
    return std::nullopt;
}

void DateOrderDetector::observe(std::string_view s) {
    s = trim(s);
    DateParts d;
    if (!parseParts(s, d) || d.form != DateForm::YearLast) return;
    const bool dayFirst = isValidDate(d.year, d.b, d.a);
    const bool monthFirst = isValidDate(d.year, d.a, d.b);
    if (dayFirst && !monthFirst) {
        if (m_dayFirst++ == 0) m_dayFirstExample = std::string(s);
    } else if (monthFirst && !dayFirst) {
        if (m_monthFirst++ == 0) m_monthFirstExample = std::string(s);
    } else if (dayFirst && monthFirst && d.a != d.b) {
        if (m_ambiguous++ == 0) m_ambiguousExample = std::string(s);
    }
}

DateOrder DateOrderDetector::order() const {
    // With conflicting evidence the majority wins; callers check conflicting() first.
    if (m_dayFirst > m_monthFirst) return DateOrder::DayFirst;
    if (m_monthFirst > m_dayFirst) return DateOrder::MonthFirst;
    return DateOrder::Auto;
}

}  // namespace cw::store::csv
