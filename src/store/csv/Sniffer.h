#pragma once
// Dialect and header sniffing behind Reader::sniffText / sniffFile. Internal to the reader.
#include <string_view>

#include "store/csv/CsvReader.h"

namespace cw::store::csv::detail {

/// Sniffs `data`, the start of a file; `truncated` says the file goes on, so the last
/// (possibly cut) line is ignored and a character cut in two is not an encoding error.
Sniff sniffSample(std::string_view data, bool truncated);

/// A field that looks like a value rather than a column name: a number (either decimal
/// separator, optionally with a currency sign or a percent sign) or a date.
bool looksLikeValue(std::string_view field);

}  // namespace cw::store::csv::detail
