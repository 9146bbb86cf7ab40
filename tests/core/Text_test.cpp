#include "core/Text.h"

#include <gtest/gtest.h>

using cw::text::hasControl;
using cw::text::neutralizeFormula;
using cw::text::printable;

TEST(Printable, EscapesTerminalControlSequences) {
    // An OSC sequence that would set the terminal title, and a CSI colour change.
    const std::string osc = "\x1b]0;pwned\x07name";
    EXPECT_EQ(printable(osc), "\\e]0;pwned\\x07name");
    EXPECT_EQ(printable("a\x1b[31mred"), "a\\e[31mred");
    EXPECT_EQ(printable("tab\there\nnext\r"), "tab\\there\\nnext\\r");
    EXPECT_EQ(printable(std::string("nul\0x", 5)), "nul\\x00x");
    EXPECT_EQ(printable("\x7f"), "\\x7f");
}

TEST(Printable, EscapesC1ControlsAndInvalidUtf8ButKeepsText) {
    EXPECT_EQ(printable("\xc2\x9b" "2J"), "\\xc2\\x9b2J");  // U+009B CSI
    EXPECT_EQ(printable("caf\xe9"), "caf\\xe9");           // Latin-1 byte, not UTF-8
    EXPECT_EQ(printable("Müller — 東京 🙂 שלום"), "Müller — 東京 🙂 שלום");
    EXPECT_EQ(printable("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a UTF-16 surrogate
}

TEST(Printable, CapsLongInputOnACharacterBoundary) {
    const std::string big(50'000'000, 'x');
    const auto out = printable(big, 100);
    EXPECT_EQ(out, std::string(100, 'x') + "…");
    // 3-byte characters: the cap never splits one.
    std::string euros;
    for (int i = 0; i < 10; ++i) euros += "€";
    EXPECT_EQ(printable(euros, 7), "€€…");
    EXPECT_EQ(printable("short", 100), "short");
}

TEST(Printable, HasControlAgreesWithEscaping) {
    EXPECT_FALSE(hasControl("plain text, é, 🙂"));
    EXPECT_TRUE(hasControl("bell\x07"));
    EXPECT_TRUE(hasControl("bad \xff byte"));
}

TEST(NeutralizeFormula, PrefixesCellsASpreadsheetWouldEvaluate) {
    EXPECT_EQ(neutralizeFormula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(neutralizeFormula("+1+1"), "'+1+1");
    EXPECT_EQ(neutralizeFormula("-2+3"), "'-2+3");
    EXPECT_EQ(neutralizeFormula("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(neutralizeFormula("\tcmd"), "'\tcmd");
    EXPECT_EQ(neutralizeFormula("Acme Ltd"), "Acme Ltd");
    EXPECT_EQ(neutralizeFormula(""), "");
}
