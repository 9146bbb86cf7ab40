// Tests of the typed field parsers: numbers with both decimal separators and strict
// thousands grouping, integers, ids written as floats, dates and date-times in the
// accepted shapes with calendar checks, and day/month order detection.
#include <gtest/gtest.h>

#include <cmath>

#include "core/CivilTime.h"
#include "store/csv/ValueParser.h"

using namespace cw::store::csv;

namespace {

constexpr DecimalSeparator kDot = DecimalSeparator::Dot;
constexpr DecimalSeparator kComma = DecimalSeparator::Comma;

std::int64_t at(int y, unsigned m, unsigned d, int h = 0, int mi = 0, int s = 0) {
    return cw::daysFromCivil(y, m, d) * 86400 + h * 3600 + mi * 60 + s;
}

std::optional<std::int64_t> secs(std::string_view s, DateOrder o = DateOrder::Auto) {
    auto v = parseDateTime(s, o);
    if (!v) return std::nullopt;
    return v->seconds;
}

}  // namespace

TEST(ValueParser, Trim) {
    EXPECT_EQ(trim("  a b \t\r\n"), "a b");
    EXPECT_EQ(trim("\t\n "), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim("x"), "x");
}

TEST(ValueParser, PlainNumbers) {
    EXPECT_EQ(parseNumber("42"), 42.0);
    EXPECT_EQ(parseNumber(" -3.5 "), -3.5);
    EXPECT_EQ(parseNumber("+7"), 7.0);
    EXPECT_EQ(parseNumber("+0.25"), 0.25);
    EXPECT_EQ(parseNumber("0"), 0.0);
    EXPECT_EQ(parseNumber("007"), 7.0);
    EXPECT_EQ(parseNumber(".5"), 0.5);
    EXPECT_EQ(parseNumber("-.5"), -0.5);
    EXPECT_EQ(parseNumber("5."), 5.0);
    EXPECT_EQ(parseNumber("1e3"), 1000.0);
    EXPECT_EQ(parseNumber("1.5E-2"), 0.015);
    EXPECT_EQ(parseNumber("2e+2"), 200.0);
    EXPECT_EQ(parseNumber("11.77"), 11.77);
    EXPECT_EQ(parseNumber("\xC2\xA0"
                          "12.5\xC2\xA0"),
              12.5);  // NBSP padding from spreadsheets
}

TEST(ValueParser, RejectedNumbers) {
    for (const char* s :
         {"",     "   ", "abc",   "1.2.3",  "NaN", "nan", "inf",  "-inf", "Infinity", "+",
          "-",    ".",   "--1",   "+-1",    "1-",  "1e",  "1e+",  "e5",   "1 2",      "12abc",
          "0x10", "1,5", "1e400", "-1e400", "$5",  "5%",  "1..2", ",5",   "1,,234"})
        EXPECT_FALSE(parseNumber(s).has_value()) << '"' << s << '"';
}

TEST(ValueParser, ThousandsGroupingWithDecimalDot) {
    EXPECT_EQ(parseNumber("1,234.5"), 1234.5);
    EXPECT_EQ(parseNumber("1,234"), 1234.0);
    EXPECT_EQ(parseNumber("-12,345,678.25"), -12345678.25);
    EXPECT_EQ(parseNumber("123,456"), 123456.0);
    EXPECT_FALSE(parseNumber("12,34.5"));
    EXPECT_FALSE(parseNumber("1,2345"));
    EXPECT_FALSE(parseNumber("1234,567"));
    EXPECT_FALSE(parseNumber(",123"));
    EXPECT_FALSE(parseNumber("1,234,"));
    EXPECT_FALSE(parseNumber("1 234.5"));  // spaces group only with a decimal comma
    EXPECT_FALSE(parseNumber("1.234,5"));
}

TEST(ValueParser, DecimalComma) {
    EXPECT_EQ(parseNumber("1,5", kComma), 1.5);
    EXPECT_EQ(parseNumber("-0,25", kComma), -0.25);
    EXPECT_EQ(parseNumber("12", kComma), 12.0);
    EXPECT_EQ(parseNumber("1.234,56", kComma), 1234.56);
    EXPECT_EQ(parseNumber("1.234.567", kComma), 1234567.0);
    EXPECT_EQ(parseNumber("1 234,56", kComma), 1234.56);
    EXPECT_EQ(parseNumber("1\xC2\xA0"
                          "234,56",
                          kComma),
              1234.56);
    EXPECT_EQ(parseNumber("1\xE2\x80\xAF"
                          "234\xE2\x80\xAF"
                          "567",
                          kComma),
              1234567.0);
    EXPECT_EQ(parseNumber("1,5e3", kComma), 1500.0);
    EXPECT_EQ(parseNumber("1.234", kComma), 1234.0);  // a dot groups here
    EXPECT_FALSE(parseNumber("1234.5", kComma));
    EXPECT_FALSE(parseNumber("12.34,5", kComma));
    EXPECT_FALSE(parseNumber("1 234.567,5", kComma));  // two kinds of grouping
    EXPECT_FALSE(parseNumber("1,2,3", kComma));
    EXPECT_FALSE(parseNumber("1,234.5", kComma));
}

TEST(ValueParser, Integers) {
    EXPECT_EQ(parseInteger("12"), 12);
    EXPECT_EQ(parseInteger(" -12 "), -12);
    EXPECT_EQ(parseInteger("+5"), 5);
    EXPECT_EQ(parseInteger("12.0"), 12);
    EXPECT_EQ(parseInteger("1e3"), 1000);
    EXPECT_EQ(parseInteger("1,234"), 1234);
    EXPECT_EQ(parseInteger("00001"), 1);
    EXPECT_EQ(parseInteger("9223372036854775807"), INT64_MAX);
    EXPECT_EQ(parseInteger("-9223372036854775808"), INT64_MIN);
    EXPECT_FALSE(parseInteger("9223372036854775808"));
    EXPECT_FALSE(parseInteger("99999999999999999999"));
    EXPECT_FALSE(parseInteger("1e19"));
    EXPECT_FALSE(parseInteger("1.5"));
    EXPECT_FALSE(parseInteger(""));
    EXPECT_FALSE(parseInteger("-"));
    EXPECT_FALSE(parseInteger("abc"));
    EXPECT_FALSE(parseInteger("12a"));
}

TEST(ValueParser, NormalizeId) {
    EXPECT_EQ(normalizeId("17850.0"), "17850");
    EXPECT_EQ(normalizeId("17850.00"), "17850");
    EXPECT_EQ(normalizeId("00001"), "00001");
    EXPECT_EQ(normalizeId("00001.0"), "00001");
    EXPECT_EQ(normalizeId(" 42 "), "42");
    EXPECT_EQ(normalizeId("1.5"), "1.5");
    EXPECT_EQ(normalizeId("1.50"), "1.50");
    EXPECT_EQ(normalizeId("A12"), "A12");
    EXPECT_EQ(normalizeId("A12.0"), "A12.0");
    EXPECT_EQ(normalizeId("17850."), "17850.");
    EXPECT_EQ(normalizeId(".0"), ".0");
    EXPECT_EQ(normalizeId(""), "");
    EXPECT_EQ(normalizeId("   "), "");
}

TEST(ValueParser, IsoDatesAndTimes) {
    EXPECT_EQ(secs("2010-12-01 08:26:00"), at(2010, 12, 1, 8, 26));
    EXPECT_EQ(secs("2010-12-01 08:26:00"),
              cw::daysFromCivil(2010, 12, 1) * 86400 + 8 * 3600 + 26 * 60);
    EXPECT_EQ(secs("2011-12-09"), at(2011, 12, 9));
    EXPECT_EQ(secs("  2011-12-09  "), at(2011, 12, 9));
    EXPECT_EQ(secs("2011-12-09 12:50"), at(2011, 12, 9, 12, 50));
    EXPECT_EQ(secs("2011-12-09T12:50:07"), at(2011, 12, 9, 12, 50, 7));
    EXPECT_EQ(secs("2011-12-09T12:50:07.123Z"), at(2011, 12, 9, 12, 50, 7));
    EXPECT_EQ(secs("2011-12-09T12:50:07Z"), at(2011, 12, 9, 12, 50, 7));
    EXPECT_EQ(secs("2011-1-9 7:05"), at(2011, 1, 9, 7, 5));
    EXPECT_EQ(secs("20111209"), at(2011, 12, 9));
    EXPECT_EQ(secs("19970101"), at(1997, 1, 1));
    EXPECT_EQ(secs("2011/12/09"), at(2011, 12, 9));
    EXPECT_EQ(secs("2011.12.09"), at(2011, 12, 9));
    EXPECT_EQ(secs("1969-12-31 23:59:59"), -1);
    EXPECT_EQ(secs("2012-02-29"), at(2012, 2, 29));
    EXPECT_EQ(secs("2000-02-29"), at(2000, 2, 29));
    EXPECT_TRUE(parseDateTime("2011-12-09 12:50")->hasTime);
    EXPECT_FALSE(parseDateTime("2011-12-09")->hasTime);
}

TEST(ValueParser, InvalidDatesAndTimes) {
    for (const char* s : {"",
                          "abc",
                          "2011",
                          "2011-12",
                          "2011-02-30",
                          "2011-02-29",
                          "1900-02-29",
                          "2011-13-01",
                          "2011-00-10",
                          "2011-12-00",
                          "2011-04-31",
                          "2011-12-09 24:00",
                          "2011-12-09 12:60",
                          "2011-12-09 12:30:60",
                          "2011-12-09 12",
                          "2011-12-09 12:5",
                          "2011-12-09T",
                          "2011-12-09 x",
                          "2011-12-09 12:50 extra",
                          "2011-12/09",
                          "20111232",
                          "2011120",
                          "201112090",
                          "30/02/2011",
                          "31/04/2011",
                          "13/13/2011",
                          "1/2/011",
                          "1/2/20111",
                          "12:50",
                          "1.5",
                          "42",
                          "2011-12-09 12:50:00.",
                          "9/12-2011"})
        EXPECT_FALSE(parseDateTime(s, DateOrder::DayFirst).has_value()) << '"' << s << '"';
}

TEST(ValueParser, YearLastDatesNeedAnOrderUnlessObvious) {
    EXPECT_EQ(secs("9/12/2011", DateOrder::DayFirst), at(2011, 12, 9));
    EXPECT_EQ(secs("9/12/2011", DateOrder::MonthFirst), at(2011, 9, 12));
    EXPECT_EQ(secs("09.12.2011", DateOrder::DayFirst), at(2011, 12, 9));
    EXPECT_EQ(secs("9-12-2011", DateOrder::DayFirst), at(2011, 12, 9));
    EXPECT_EQ(secs("13/01/2011"), at(2011, 1, 13));  // only day-first fits
    EXPECT_EQ(secs("01/13/2011"), at(2011, 1, 13));  // only month-first fits
    EXPECT_EQ(secs("5/5/2011"), at(2011, 5, 5));     // the same either way
    EXPECT_FALSE(secs("13/01/2011", DateOrder::MonthFirst));
    EXPECT_FALSE(secs("01/13/2011", DateOrder::DayFirst));
    bool ambiguous = false;
    EXPECT_FALSE(parseDateTime("9/12/2011", DateOrder::Auto, &ambiguous));
    EXPECT_TRUE(ambiguous);
    EXPECT_TRUE(parseDateTime("13/12/2011", DateOrder::Auto, &ambiguous));
    EXPECT_FALSE(ambiguous);
    EXPECT_FALSE(parseDateTime("garbage", DateOrder::Auto, &ambiguous));
    EXPECT_FALSE(ambiguous);
    // A zero part fits neither order, so it is invalid rather than ambiguous (found by fuzzing).
    EXPECT_FALSE(parseDateTime("12/0/2010 8:26", DateOrder::Auto, &ambiguous));
    EXPECT_FALSE(ambiguous);
    EXPECT_FALSE(parseDateTime("31/02/2011", DateOrder::Auto, &ambiguous));
    EXPECT_FALSE(ambiguous);
    EXPECT_TRUE(parseDateTime("2011-12-09", DateOrder::Auto, &ambiguous));
    EXPECT_FALSE(ambiguous);
}

TEST(ValueParser, OnlineRetailUsStyle) {
    EXPECT_EQ(secs("12/1/2010 8:26", DateOrder::MonthFirst), at(2010, 12, 1, 8, 26));
    EXPECT_EQ(secs("12/9/2011 12:50", DateOrder::MonthFirst), at(2011, 12, 9, 12, 50));
    EXPECT_EQ(secs("1/13/2011 16:05", DateOrder::MonthFirst), at(2011, 1, 13, 16, 5));
    EXPECT_TRUE(parseDateTime("12/1/2010 8:26", DateOrder::MonthFirst)->hasTime);
}

TEST(ValueParser, TwoDigitYearsPivotAt70) {
    EXPECT_EQ(secs("09.12.11", DateOrder::DayFirst), at(2011, 12, 9));
    EXPECT_EQ(secs("1/2/69", DateOrder::DayFirst), at(2069, 2, 1));
    EXPECT_EQ(secs("1/2/70", DateOrder::DayFirst), at(1970, 2, 1));
    EXPECT_EQ(secs("31/12/99", DateOrder::Auto), at(1999, 12, 31));
    EXPECT_EQ(secs("29/02/00", DateOrder::DayFirst), at(2000, 2, 29));
    EXPECT_FALSE(secs("29/02/01", DateOrder::DayFirst));
}

TEST(ValueParser, AmPm) {
    EXPECT_EQ(secs("12/1/2010 8:26 AM", DateOrder::MonthFirst), at(2010, 12, 1, 8, 26));
    EXPECT_EQ(secs("12/1/2010 8:26 PM", DateOrder::MonthFirst), at(2010, 12, 1, 20, 26));
    EXPECT_EQ(secs("12/1/2010 12:00 AM", DateOrder::MonthFirst), at(2010, 12, 1, 0, 0));
    EXPECT_EQ(secs("12/1/2010 12:30 PM", DateOrder::MonthFirst), at(2010, 12, 1, 12, 30));
    EXPECT_EQ(secs("12/1/2010 11:59:59 pm", DateOrder::MonthFirst), at(2010, 12, 1, 23, 59, 59));
    EXPECT_EQ(secs("2010-12-01 1:05PM"), at(2010, 12, 1, 13, 5));
    EXPECT_FALSE(secs("12/1/2010 13:00 PM", DateOrder::MonthFirst));
    EXPECT_FALSE(secs("12/1/2010 0:30 AM", DateOrder::MonthFirst));
    EXPECT_FALSE(secs("12/1/2010 8:26 XM", DateOrder::MonthFirst));
    EXPECT_FALSE(secs("12/1/2010 AM", DateOrder::MonthFirst));
}

TEST(ValueParser, DateOrderDetector) {
    DateOrderDetector none;
    EXPECT_EQ(none.order(), DateOrder::Auto);
    EXPECT_FALSE(none.sawAmbiguous());

    DateOrderDetector dayFirst;
    for (const char* s :
         {"01/02/2011", "2011-03-04", "13/01/2011 10:00", "05/05/2011", "14/02/2011"})
        dayFirst.observe(s);
    EXPECT_EQ(dayFirst.order(), DateOrder::DayFirst);
    EXPECT_FALSE(dayFirst.conflicting());
    EXPECT_TRUE(dayFirst.sawAmbiguous());
    EXPECT_EQ(dayFirst.dayFirstExample(), "13/01/2011 10:00");
    EXPECT_EQ(dayFirst.ambiguousExample(), "01/02/2011");

    DateOrderDetector us;
    for (const char* s : {"12/1/2010 8:26", "12/9/2011 12:50", "1/13/2011 16:05"}) us.observe(s);
    EXPECT_EQ(us.order(), DateOrder::MonthFirst);
    EXPECT_EQ(us.monthFirstExample(), "1/13/2011 16:05");

    DateOrderDetector ambiguous;
    for (const char* s : {"1/2/2011", "3/4/2011", "5/5/2011"}) ambiguous.observe(s);
    EXPECT_EQ(ambiguous.order(), DateOrder::Auto);
    EXPECT_TRUE(ambiguous.sawAmbiguous());

    DateOrderDetector mixed;
    for (const char* s : {"13/01/2011", "01/13/2011", "25/12/2011"}) mixed.observe(s);
    EXPECT_TRUE(mixed.conflicting());
    EXPECT_EQ(mixed.order(), DateOrder::DayFirst);

    DateOrderDetector iso;
    for (const char* s : {"2011-12-09", "20111209", "not a date", ""}) iso.observe(s);
    EXPECT_EQ(iso.order(), DateOrder::Auto);
    EXPECT_FALSE(iso.sawAmbiguous());

    DateOrderDetector invalid;  // 31/02 fits neither order: no evidence either way
    invalid.observe("31/02/2011");
    EXPECT_EQ(invalid.order(), DateOrder::Auto);
}

TEST(ValueParser, DateOrderSpec) {
    for (const char* s :
         {"d/m/Y", "dmy", "day-first", "D/M/Y", "dd.mm.yyyy", "%d/%m/%Y", "dd/mm/yy"})
        EXPECT_EQ(parseDateOrderSpec(s), DateOrder::DayFirst) << s;
    for (const char* s : {"m/d/Y", "mdy", "month-first", "MM/DD/YYYY", "%m/%d/%Y"})
        EXPECT_EQ(parseDateOrderSpec(s), DateOrder::MonthFirst) << s;
    for (const char* s : {"auto", "Y-m-d", "ymd", "iso", "yyyy-mm-dd", "AUTO"})
        EXPECT_EQ(parseDateOrderSpec(s), DateOrder::Auto) << s;
    EXPECT_FALSE(parseDateOrderSpec("y/d/m"));
    EXPECT_FALSE(parseDateOrderSpec("european"));
}
