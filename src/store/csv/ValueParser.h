#pragma once
// Typed parsing of CSV text: numbers (decimal comma, thousands separators),
// ids written as floats ("17850.0" -> "17850"), dates and date-times in
// common formats with day/month order detection. Pure functions; no Qt.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cw::store::csv {

/// Trims ASCII blanks (space, tab, CR, LF) at both ends.
std::string_view trim(std::string_view s);

enum class DecimalSeparator { Dot, Comma };

/// Parses a decimal number: optional sign, digits with optional thousands grouping
/// ("1,234.56" with Dot, "1.234,56" or "1 234,56" with Comma), optional exponent.
/// Returns nullopt for empty text or anything else (letters, two separators…).
std::optional<double> parseNumber(std::string_view s, DecimalSeparator sep = DecimalSeparator::Dot);
/// An integer, also accepting "12.0" and "1e3" when the value is whole.
std::optional<std::int64_t> parseInteger(std::string_view s);

/// Normalises an identifier: trims, and turns a whole float ("17850.0", "17850.00") into its
/// integer text ("17850"). Leading zeros are kept ("00001" stays "00001"). Empty stays empty.
std::string normalizeId(std::string_view s);

/// Order of day and month in numeric dates written with '/', '.' or '-' and the year last.
enum class DateOrder { Auto, DayFirst, MonthFirst };

struct DateTimeValue {
    std::int64_t seconds = 0;  ///< since 1970-01-01T00:00:00 (naive local time)
    bool hasTime = false;
};

/// Parses a date or date-time. Accepted: ISO "2011-12-09", "2011-12-09 12:50[:00]",
/// "2011-12-09T12:50:00[.fff][Z]", "20111209", "2011/12/09"; with the year last
/// "9/12/2011", "09.12.2011", "9-12-2011" (two-digit years are 19xx/20xx by a 70 pivot), each
/// optionally followed by " HH:MM[:SS]" and " AM"/" PM". Year-last forms need `order`
/// DayFirst or MonthFirst unless one of day/month is > 12 (then it is unambiguous);
/// with Auto and both <= 12 the result is nullopt and `ambiguous` is set.
std::optional<DateTimeValue> parseDateTime(std::string_view s, DateOrder order = DateOrder::Auto,
                                           bool* ambiguous = nullptr);

/// Watches the values of a date column and decides the day/month order from the
/// unambiguous ones (a first part > 12 means day first, a second part > 12 month first).
class DateOrderDetector {
public:
    void observe(std::string_view s);
    /// Decided order, or Auto when undecided (all values ambiguous or none year-last).
    DateOrder order() const;
    bool conflicting() const { return m_dayFirst > 0 && m_monthFirst > 0; }
    bool sawAmbiguous() const { return m_ambiguous > 0; }
    /// An example of each kind, for messages ("13/01/2011" proves day first…).
    const std::string& dayFirstExample() const { return m_dayFirstExample; }
    const std::string& monthFirstExample() const { return m_monthFirstExample; }
    const std::string& ambiguousExample() const { return m_ambiguousExample; }

private:
    std::int64_t m_dayFirst = 0, m_monthFirst = 0, m_ambiguous = 0;
    std::string m_dayFirstExample, m_monthFirstExample, m_ambiguousExample;
};

/// "auto", "d/m/Y" (any day-first), "m/d/Y" (any month-first), "Y-m-d".
std::optional<DateOrder> parseDateOrderSpec(std::string_view spec);

}  // namespace cw::store::csv
