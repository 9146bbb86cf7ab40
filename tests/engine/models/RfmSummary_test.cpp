#include "engine/models/RfmSummary.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "CdnowData.h"
#include "support/TempDir.h"

namespace cw::engine {
namespace {

// Customer 10 buys on days 100, 107, 107 (same day, summed), 121; 11 only on day 130;
// 12 first on day 200.
PurchaseLog handLog() {
    return test::toPurchaseLog({{10, 100, 5.0},
                                {10, 107, 4.0},
                                {10, 107, 6.0},
                                {10, 121, 20.0},
                                {11, 130, 7.0},
                                {12, 200, 3.0},
                                {12, 210, 9.0}});
}

TEST(RfmSummary, CountsRepeatDaysUpToTheCalibrationEnd) {
    CalibrationOptions o;
    o.unit = TimeUnit::Days;
    o.calibrationEnd = 150;
    const RfmSummary s = summarizePurchases(handLog(), o);
    ASSERT_EQ(s.customers(), 2u);
    EXPECT_EQ(s.excluded, 1u);  // customer 12 starts after day 150
    EXPECT_EQ(s.customerId, (std::vector<std::int64_t>{10, 11}));
    EXPECT_EQ(s.x[0], 2);    // days 107 and 121
    EXPECT_EQ(s.tx[0], 21);  // 121 − 100
    EXPECT_EQ(s.T[0], 50);   // 150 − 100
    EXPECT_EQ(s.mx[0], 15);  // (10 + 20) / 2: the first purchase is not a repeat
    EXPECT_EQ(s.x[1], 0);
    EXPECT_EQ(s.tx[1], 0);
    EXPECT_EQ(s.T[1], 20);
    EXPECT_EQ(s.mx[1], 0);
}

TEST(RfmSummary, ConvertsUnitsAndDefaultsToTheLastDay) {
    CalibrationOptions o;
    o.unit = TimeUnit::Weeks;
    o.calibrationEnd = 110;
    RfmSummary s = summarizePurchases(handLog(), o);
    ASSERT_EQ(s.customers(), 1u);
    EXPECT_EQ(s.excluded, 2u);
    EXPECT_EQ(s.x[0], 1);
    EXPECT_DOUBLE_EQ(s.tx[0], 1.0);
    EXPECT_DOUBLE_EQ(s.T[0], 10.0 / 7);
    EXPECT_DOUBLE_EQ(s.mx[0], 10.0);

    o.unit = TimeUnit::Months;
    o.calibrationEnd.reset();
    s = summarizePurchases(handLog(), o);
    EXPECT_EQ(s.calibrationEnd, 210);
    ASSERT_EQ(s.customers(), 3u);
    EXPECT_DOUBLE_EQ(s.T[0], 110 / 30.4375);
    EXPECT_DOUBLE_EQ(s.tx[2], 10 / 30.4375);
    EXPECT_EQ(s.mx[2], 9.0);
}

// Rows of lifetimes' cdnow_customers_summary_with_transactions.csv (published, rounded to
// two decimals); its IDs are the sample's own ids, whose first three are master customers
// 4, 21 and 50 (CDNOW_sample.txt, column 2).
TEST(RfmSummary, ReproducesThePublishedCdnowSummary) {
    CalibrationOptions o;
    o.calibrationEnd = test::dayOfYmd(19970930);
    const RfmSummary s = summarizePurchases(
        test::toPurchaseLog(test::readCdnowCsv(test::testData("cdnow_sample.csv"))), o);
    ASSERT_EQ(s.customers(), 2357u);
    EXPECT_EQ(s.excluded, 0u);
    struct Row {
        std::int64_t master;
        double x, tx, T, zbar;
    };
    for (const Row r : {Row{4, 2, 30.43, 38.86, 22.35}, Row{21, 1, 1.71, 38.86, 11.77},
                        Row{50, 0, 0.00, 38.86, 0.00}}) {
        const auto at = std::find(s.customerId.begin(), s.customerId.end(), r.master);
        ASSERT_NE(at, s.customerId.end());
        const auto i = at - s.customerId.begin();
        EXPECT_EQ(s.x[i], r.x) << r.master;
        EXPECT_NEAR(s.tx[i], r.tx, 0.0051) << r.master;
        EXPECT_NEAR(s.T[i], r.T, 0.0051) << r.master;
        EXPECT_NEAR(s.mx[i], r.zbar, 0.0051) << r.master;
    }
    // FHL (2005): 1,411 of the 2,357 customers made no repeat purchase in the 39 weeks.
    EXPECT_EQ((s.x == 0).count(), 1411);
}

}  // namespace
}  // namespace cw::engine
