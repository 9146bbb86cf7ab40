#pragma once
// How a report writes numbers: thousands grouped, no NaN (a missing value is "n/a"), shares as
// "12.3 %", days as ISO dates. One place, so every section reads alike.
#include <QString>

#include <cstdint>
#include <optional>
#include <string>

#include "report/ReportDocument.h"

namespace cw::report::fmt {

QString text(const std::string& utf8);
QString count(std::int64_t n);
/// Money without decimals from 10 up (and for 0), with two below 10 ("1,234,567"; "85"; "2.50").
QString money(double v);
/// A share (0.123 → "12.3 %").
QString percent(double share, int decimals = 1);
/// A plain number with `decimals` ("0.82").
QString number(double v, int decimals);
/// Days since 1970-01-01 as "2024-03-31".
QString day(std::int64_t days);

inline QString orNa(const std::optional<double>& v, QString (*f)(double)) { return v ? f(*v) : QStringLiteral("n/a"); }

/// Cells that carry their number for the spreadsheet.
Cell countCell(std::int64_t n);
Cell moneyCell(double v);
Cell percentCell(double share);
Cell numberCell(double v, int decimals);
Cell moneyCell(const std::optional<double>& v);
Cell percentCell(const std::optional<double>& v);

}  // namespace cw::report::fmt
