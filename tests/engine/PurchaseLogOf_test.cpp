// The log `clienting model` and `analyze` fit, built from the parallel scan, equals the one an
// independent SQL query gives (loadPurchaseLog), on real data and with a calibration end.
#include <gtest/gtest.h>

#include <limits>

#include "engine/CustomerMetrics.h"
#include "engine/TransactionScan.h"
#include "engine/load/PurchaseLogLoader.h"
#include "store/Importer.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

namespace cw::engine {
namespace {

void expectSame(const PurchaseLog& a, const PurchaseLog& b) {
    ASSERT_EQ(a.customerId, b.customerId);
    ASSERT_EQ(a.offset, b.offset);
    ASSERT_EQ(a.day, b.day);
    ASSERT_EQ(a.value.size(), b.value.size());
    for (std::size_t k = 0; k < a.value.size(); ++k) EXPECT_NEAR(a.value[k], b.value[k], 1e-9) << k;
}

TEST(PurchaseLogOf, EqualsTheSqlLogOnOnlineRetailWithAndWithoutACalibrationEnd) {
    test::TempDir dir;
    auto wb = store::Workbook::create(dir.file("r.cwb"));
    ASSERT_TRUE(wb.ok());
    store::ImportOptions o;
    o.file = test::testData("online_retail_slice.csv");
    o.profile = "online-retail";
    ASSERT_TRUE(store::importFile(*wb, o).ok());
    auto customers = loadCustomers(wb->db(), "wallet");
    ASSERT_TRUE(customers.ok());
    auto rows = scanTransactions(wb->path(), customers->id);
    ASSERT_TRUE(rows.ok());
    auto all = loadPurchaseLog(*wb);
    ASSERT_TRUE(all.ok());
    ASSERT_GT(all->customers(), 100u);
    expectSame(purchaseLogOf(*rows, std::numeric_limits<std::int32_t>::max()), *all);
    const std::int32_t mid = (rows->firstDay + rows->lastDay) / 2;
    auto early = loadPurchaseLog(*wb, mid);
    ASSERT_TRUE(early.ok());
    ASSERT_LT(early->day.size(), all->day.size());
    expectSame(purchaseLogOf(*rows, mid), *early);
}

}  // namespace
}  // namespace cw::engine
