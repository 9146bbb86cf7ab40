#pragma once
// Text conversions and number/date formatting shared by the item models and pages, so every
// view shows counts, dates and table names the same way (in the user's locale).
#include <QString>

#include <cstdint>
#include <string>

namespace cw::app {

/// UTF-8 std::string from the store to QString.
QString toQString(const std::string& s);
/// QString to the UTF-8 std::string the store expects (paths included: the store uses UTF-8).
std::string toStdString(const QString& s);
/// A count with the locale's group separators ("43,308").
QString formatCount(std::int64_t n);
/// A share 0..1 as a percentage with one decimal ("98.3 %").
QString formatShare(double share);
/// A store table name for people: "survey_responses" -> "Survey responses".
QString tableTitle(const std::string& table);
/// An ISO date or date-time from the store ("2026-11-22T08:58:25") in the locale's short format.
QString formatIsoDateTime(const std::string& iso);
/// An ISO date ("2025-12-31") in the locale's short format.
QString formatIsoDate(const std::string& iso);

}  // namespace cw::app
