#pragma once
// Plain-text tables for the terminal: aligned columns by display width (not bytes), every
// cell passed through text::printable so input text cannot move the cursor, set the
// terminal title or widen a table beyond reading.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cw::text {

/// Longest cell of a table, in bytes of input, before "…".
inline constexpr std::size_t kCellCap = 60;

enum class Align { Left, Right };

/// Columns a terminal gives `s` (valid UTF-8 without control characters): one per
/// character, two for East Asian wide characters and emoji, none for combining marks.
std::size_t displayWidth(std::string_view s);

/// `rows` (the first is the header) as lines of columns separated by two spaces, trailing
/// blanks removed, each line after `indent`. `align` gives each column's alignment; columns it
/// does not cover are left-aligned for the first and right-aligned for the others.
std::string renderTable(const std::vector<std::vector<std::string>>& rows, const std::vector<Align>& align = {},
                        std::size_t cellCap = kCellCap, std::string_view indent = {});

}  // namespace cw::text
