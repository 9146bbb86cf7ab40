#pragma once
// Text that quotes user input safely: in terminal messages and tables (no control
// characters reach the terminal, quoted values are capped) and in CSV exports (no cell
// is read as a formula by a spreadsheet, following the OWASP "CSV injection" guidance).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cw::text {

/// Longest quoted input kept in a message, in bytes, before "…" is appended.
inline constexpr std::size_t kQuoteCap = 200;

/// `s` with every control character (C0, DEL, C1 in UTF-8) and every byte that is not part
/// of valid UTF-8 escaped as \n, \t, \r, \e or \xHH; cut to at most `cap` bytes of the input
/// (on a character boundary) with "…" appended when longer. Printable UTF-8 (accents, RTL,
/// emoji) is kept as it is.
std::string printable(std::string_view s, std::size_t cap = kQuoteCap);

/// True when `s` holds a byte that printable() would escape.
bool hasControl(std::string_view s);

/// A CSV cell that a spreadsheet would evaluate (first character =, +, -, @, tab or CR)
/// gets a leading apostrophe. Numbers written by the program itself (e.g. "-12.5") are not
/// passed through here; only text that came from input is.
std::string neutralizeFormula(std::string_view cell);

/// A CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break.
std::string csvField(std::string_view s);
/// A number for CSV and JSON-free exports (%.10g); empty for no value.
std::string csvNumber(const std::optional<double>& v);

}  // namespace cw::text
