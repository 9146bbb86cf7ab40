#include "core/TextTable.h"

#include <algorithm>

#include "core/Text.h"

namespace cw::text {
namespace {

// The code point at s[i] and its length; {0xFFFD, 1} for a broken sequence.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return {0xFFFD, 1};
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return {cp, n};
}

bool zeroWidth(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0x20D0 && c <= 0x20FF) || c == 0x2060;
}

bool wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

std::size_t displayWidth(std::string_view s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto [cp, n] = decode(s, i);
        w += zeroWidth(cp) ? 0 : wide(cp) ? 2 : 1;
        i += n;
    }
    return w;
}

std::string renderTable(const std::vector<std::vector<std::string>>& rows, const std::vector<Align>& align,
                        std::size_t cellCap, std::string_view indent) {
    std::vector<std::vector<std::string>> cells;
    std::vector<std::vector<std::size_t>> widths;
    std::vector<std::size_t> width;
    cells.reserve(rows.size());
    for (const auto& row : rows) {
        auto& out = cells.emplace_back();
        auto& w = widths.emplace_back();
        width.resize(std::max(width.size(), row.size()), 0);
        for (std::size_t c = 0; c < row.size(); ++c) {
            out.push_back(printable(row[c], cellCap));
            w.push_back(displayWidth(out.back()));
            width[c] = std::max(width[c], w.back());
        }
    }
    std::string text;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        std::string line(indent);
        for (std::size_t c = 0; c < cells[r].size(); ++c) {
            const Align a = c < align.size() ? align[c] : c == 0 ? Align::Left : Align::Right;
            const std::string pad(width[c] - widths[r][c], ' ');
            if (c) line += "  ";
            line += a == Align::Right ? pad + cells[r][c] : cells[r][c] + pad;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        text += line + '\n';
    }
    return text;
}

}  // namespace cw::text
