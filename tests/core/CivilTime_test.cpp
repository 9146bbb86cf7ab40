#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "core/CivilTime.h"
#include "core/Error.h"

using namespace cw;

TEST(CivilTime, RoundTripsAcrossCenturies) {
    for (std::int64_t d = -800000; d <= 800000; d += 997) {
        int y;
        unsigned m, dd;
        civilFromDays(d, y, m, dd);
        ASSERT_TRUE(isValidDate(y, m, dd));
        ASSERT_EQ(daysFromCivil(y, m, dd), d);
    }
}

TEST(CivilTime, KnownDates) {
    EXPECT_EQ(daysFromCivil(1970, 1, 1), 0);
    EXPECT_EQ(daysFromCivil(2000, 3, 1), 11017);
    EXPECT_EQ(formatDate(daysFromCivil(2011, 12, 9)), "2011-12-09");
    EXPECT_EQ(formatDateTime(daysFromCivil(2010, 12, 1) * 86400 + 8 * 3600 + 26 * 60), "2010-12-01 08:26:00");
    EXPECT_FALSE(isValidDate(2023, 2, 29));
    EXPECT_TRUE(isValidDate(2024, 2, 29));
    EXPECT_FALSE(isValidDate(1900, 2, 29));
    EXPECT_TRUE(isValidDate(2000, 2, 29));
}

// An independent calendar: walk day by day from 1899-12-31 (day -25568) with the Gregorian
// month lengths written out, and compare every day and every month shift with the library.
TEST(CivilTime, EveryDayFrom1900To2100AgreesWithACalendarWalkedByHand) {
    auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
    auto length = [&](int y, unsigned m) {
        static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return m == 2 && leap(y) ? 29u : kDays[m - 1];
    };
    int y = 1900;
    unsigned m = 1, d = 1;
    for (std::int64_t day = -25567; y < 2101; ++day) {
        ASSERT_EQ(daysFromCivil(y, m, d), day) << y << "-" << m << "-" << d;
        int cy;
        unsigned cm, cd;
        civilFromDays(day, cy, cm, cd);
        ASSERT_EQ(std::tie(cy, cm, cd), std::tie(y, m, d));
        // Thirteen months later, clamped to the month's end.
        const int ty = m == 12 ? y + 2 : y + 1;
        const unsigned tm = m == 12 ? 1 : m + 1;
        const unsigned td = std::min(d, length(ty, tm));
        ASSERT_EQ(addMonths(day, 13), daysFromCivil(ty, tm, td)) << y << "-" << m << "-" << d;
        // And back: the same day, or the month's end when the shift clamped it.
        const std::int64_t back = addMonths(daysFromCivil(ty, tm, td), -13);
        ASSERT_EQ(back, daysFromCivil(y, m, std::min(td, length(y, m))));
        if (++d > length(y, m)) {
            d = 1;
            if (++m > 12) m = 1, ++y;
        }
    }
    EXPECT_FALSE(isValidDate(2023, 13, 1));
    EXPECT_FALSE(isValidDate(2023, 4, 31));
    EXPECT_FALSE(isValidDate(2023, 4, 0));
    EXPECT_FALSE(isValidDate(40000, 1, 1));
    EXPECT_EQ(daysFromCivil(2023, 2, 31), daysFromCivil(2023, 3, 3)) << "a day past the month's end counts on";
}

TEST(Error, DescribeAndExitCodes) {
    Error e = makeError(ErrorKind::Input, "bad date", "pass --date-format");
    e.file = "f.csv";
    e.line = 12;
    e.column = 3;
    EXPECT_EQ(e.describe(), "f.csv:12:3: bad date\n  hint: pass --date-format");
    EXPECT_EQ(e.exitCode(), 2);
    EXPECT_EQ(makeError(ErrorKind::Usage, "x").exitCode(), 1);
    EXPECT_EQ(makeError(ErrorKind::Workbook, "x").exitCode(), 3);
    EXPECT_EQ(makeError(ErrorKind::Internal, "x").exitCode(), 4);
}
