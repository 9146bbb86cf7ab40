#include <gtest/gtest.h>

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
