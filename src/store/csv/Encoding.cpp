#include "store/csv/Encoding.h"

#include <cstdint>
#include <cstring>

namespace cw::store::csv {

bool isAscii(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    // Eight bytes at a time: OR-ing words is several times faster than a byte loop and
    // this runs on every record of every import.
    std::uint64_t acc = 0;
    for (; n >= 32; p += 32, n -= 32) {
        std::uint64_t w[4];
        std::memcpy(w, p, 32);
        acc |= w[0] | w[1] | w[2] | w[3];
    }
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        acc |= w;
    }
    unsigned char tail = 0;
    for (; n > 0; ++p, --n) tail |= static_cast<unsigned char>(*p);
    return ((acc & 0x8080808080808080ULL) | (tail & 0x80)) == 0;
}

namespace {

// Length of the sequence a lead byte announces, 0 when it cannot start one.
int sequenceLength(unsigned char c) {
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 0;
}

// Bounds of the second byte, which is where overlongs, surrogates and > U+10FFFF show.
bool secondByteOk(unsigned char lead, unsigned char c) {
    switch (lead) {
        case 0xE0:
            return c >= 0xA0 && c <= 0xBF;
        case 0xED:
            return c >= 0x80 && c <= 0x9F;
        case 0xF0:
            return c >= 0x90 && c <= 0xBF;
        case 0xF4:
            return c >= 0x80 && c <= 0x8F;
        default:
            return c >= 0x80 && c <= 0xBF;
    }
}

}  // namespace

bool isValidUtf8(std::string_view s, bool allowTruncatedEnd) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const int len = sequenceLength(*p);
        if (len == 0) return false;
        for (int i = 1; i < len; ++i) {
            if (p + i == end) return allowTruncatedEnd;
            const unsigned char c = p[i];
            if (i == 1 ? !secondByteOk(*p, c) : (c & 0xC0) != 0x80) return false;
        }
        p += len;
    }
    return true;
}

namespace {

// Code points of 0x80..0x9F; the rest of the upper half equals Latin-1.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  //
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  //
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  //
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void appendCodePoint(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

void appendWindows1252AsUtf8(std::string& out, std::string_view s) {
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80)
            out += ch;
        else if (c < 0xA0)
            appendCodePoint(out, kCp1252High[c - 0x80]);
        else
            appendCodePoint(out, c);
    }
}

}  // namespace cw::store::csv
