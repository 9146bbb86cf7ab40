#include "core/TextTable.h"

#include <gtest/gtest.h>

using cw::text::Align;
using cw::text::displayWidth;
using cw::text::renderTable;

TEST(TextTable, DisplayWidthCountsCharactersNotBytes) {
    EXPECT_EQ(displayWidth("abc"), 3u);
    EXPECT_EQ(displayWidth("Zürich"), 6u);            // 7 bytes
    EXPECT_EQ(displayWidth("東京"), 4u);               // wide: two columns each
    EXPECT_EQ(displayWidth("e\xCC\x81"), 1u);         // e + combining acute
    EXPECT_EQ(displayWidth("\xF0\x9F\x98\x80"), 2u);  // emoji
}

TEST(TextTable, AlignsColumnsByDisplayWidth) {
    const auto t = renderTable({{"region", "n"}, {"Zürich", "12"}, {"Oslo", "3"}});
    EXPECT_EQ(t, "region   n\nZürich  12\nOslo     3\n");
    const auto l = renderTable({{"a", "b"}, {"xx", "y"}}, {Align::Right, Align::Left});
    EXPECT_EQ(l, " a  b\nxx  y\n");
}

TEST(TextTable, CellsAreEscapedAndCapped) {
    const std::string longText(100000, 'A');
    const auto t = renderTable({{"name"}, {"\x1b]0;x\x07" + longText}}, {}, 20);
    EXPECT_EQ(t.find('\x1b'), std::string::npos);
    EXPECT_NE(t.find("\\e]0;x\\x07AAAA"), std::string::npos);
    EXPECT_LT(t.size(), 80u);
    EXPECT_NE(t.find("…"), std::string::npos);
}
