#pragma once
// Byte-level text encoding helpers for the CSV reader: an ASCII fast check, a
// strict UTF-8 validator and a Windows-1252 to UTF-8 transcoder. No Qt.
#include <cstddef>
#include <string>
#include <string_view>

namespace cw::store::csv {

/// True when every byte is below 0x80 (the common case, checked a word at a time).
bool isAscii(std::string_view s);

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
/// With `allowTruncatedEnd`, an incomplete but so far valid sequence at the very end is
/// accepted: a sniffed sample may cut a character in two.
bool isValidUtf8(std::string_view s, bool allowTruncatedEnd = false);

/// Appends `s`, read as Windows-1252, to `out` as UTF-8. The five bytes Windows-1252 leaves
/// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 controls of the same value, as
/// the WHATWG encoding standard does, so every byte maps to something.
void appendWindows1252AsUtf8(std::string& out, std::string_view s);

/// Upper bound of the UTF-8 size of `n` Windows-1252 bytes.
constexpr std::size_t windows1252Utf8Bound(std::size_t n) {
    return n * 3;
}

}  // namespace cw::store::csv
