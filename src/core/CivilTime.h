#pragma once
// Calendar arithmetic on plain integers (no time zones: workbook times are
// naive local times of the source system, stored as seconds since
// 1970-01-01T00:00:00 as if UTC).
#include <cstdint>
#include <string>

namespace cw {

/// Days since 1970-01-01 of a proleptic Gregorian date; month 1..12, day 1..31 (unchecked).
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);
/// Inverse of daysFromCivil.
void civilFromDays(std::int64_t days, int& year, unsigned& month, unsigned& day);
/// True when year-month-day is a real calendar date.
bool isValidDate(int year, unsigned month, unsigned day);
/// Days since 1970-01-01 for "YYYY-MM-DD" (years 1900–2999), or -1 when it is not a real date.
std::int64_t parseIsoDay(const std::string& text);
/// The same day of month `months` later (negative: earlier), clamped to the month's end.
std::int64_t addMonths(std::int64_t day, int months);
/// "YYYY-MM-DD" for a day number.
std::string formatDate(std::int64_t days);
/// "YYYY-MM-DD HH:MM:SS" (or "YYYY-MM-DD" when the time is midnight and `compact`).
std::string formatDateTime(std::int64_t epochSeconds, bool compact = true);

}  // namespace cw
