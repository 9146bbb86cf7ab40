#include "core/Text.h"

#include <cstdio>

namespace cw::text {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid.
std::size_t utf8Length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    if (cp >= 0x80 && cp <= 0x9F) return 0;  // C1 controls (CSI, OSC as single characters)
    return n;
}

void appendHex(std::string& out, unsigned char c) {
    static const char* digits = "0123456789abcdef";
    out += "\\x";
    out += digits[c >> 4];
    out += digits[c & 0xF];
}

}  // namespace

std::string printable(std::string_view s, std::size_t cap) {
    std::string out;
    out.reserve(std::min(s.size(), cap) + 8);
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t n = utf8Length(s, i);
        if (i + std::max<std::size_t>(n, 1) > cap) {
            out += "…";
            return out;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (n == 0) {
            appendHex(out, c);
            ++i;
            continue;
        }
        if (n == 1 && (c < 0x20 || c == 0x7F)) {
            switch (c) {
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                case 0x1B: out += "\\e"; break;
                default: appendHex(out, c);
            }
            ++i;
            continue;
        }
        out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

bool hasControl(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8Length(s, i);
        const auto c = static_cast<unsigned char>(s[i]);
        if (n == 0 || (n == 1 && (c < 0x20 || c == 0x7F))) return true;
        i += n;
    }
    return false;
}

std::string neutralizeFormula(std::string_view cell) {
    if (!cell.empty()) {
        switch (cell.front()) {
            case '=': case '+': case '-': case '@': case '\t': case '\r':
                return "'" + std::string(cell);
            default: break;
        }
    }
    return std::string(cell);
}

std::string csvField(std::string_view s) {
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + '"';
}

std::string csvNumber(const std::optional<double>& v) {
    if (!v) return {};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", *v);
    return buf;
}

}  // namespace cw::text
