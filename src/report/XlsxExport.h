#pragma once
// Every table of a report as a sheet of an XLSX workbook (libxlsxwriter), for consultants who go
// on in a spreadsheet: the title above, the header in bold and frozen, numbers as numbers with
// their format, text as text (never a formula: a cell starting with '=' stays text).
#include <QString>

#include "core/Result.h"
#include "report/ReportDocument.h"

namespace cw::report {

/// Writes the tables, whole or not at all (a temporary file renamed at the end).
Status writeXlsx(const ReportDocument& doc, const QString& path);

/// A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not empty, unique among
/// `taken` (a number appended).
QString sheetName(const QString& wanted, const std::vector<QString>& taken);

}  // namespace cw::report
