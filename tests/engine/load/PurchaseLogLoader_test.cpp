#include "engine/load/PurchaseLogLoader.h"

#include <gtest/gtest.h>

#include "store/Workbook.h"
#include "support/TempDir.h"

namespace cw::engine {
namespace {

// A workbook with hand-written transactions: two sales of customer 1 on one day, a return,
// an anonymous sale, and customer 2 buying on two days.
store::Workbook makeWorkbook(const test::TempDir& dir) {
    auto wb = store::Workbook::create(dir.file("p.cwb"));
    EXPECT_TRUE(wb.ok());
    auto& db = wb->db();
    auto tx = store::WriteTransaction::begin(db);
    EXPECT_TRUE(tx.ok());
    EXPECT_TRUE(
        db.exec("INSERT INTO imports(id, file, file_name, table_name, content_hash, file_size, "
                "started_at) VALUES (1, 'f', 'f', 'transactions', 'h', 0, 'now');"
                "INSERT INTO customers(id, code) VALUES (1, 'A'), (2, 'B');")
            .ok());
    auto ins = db.prepare(
        "INSERT INTO transactions(import_id, line, customer_id, ts, kind, revenue) "
        "VALUES (1, ?1, ?2, ?3, ?4, ?5)");
    EXPECT_TRUE(ins.ok());
    struct Row {
        std::optional<std::int64_t> customer;
        std::int64_t ts;
        int kind;
        double revenue;
    };
    const std::int64_t d = 86400;
    const Row rows[] = {
        {2, 12 * d + 5, 0, 7.0}, {1, 10 * d + 3600, 0, 5.0},      {1, 10 * d + 7200, 0, 2.5},
        {1, 11 * d, 1, -5.0},    {std::nullopt, 10 * d, 0, 99.0}, {2, 20 * d + 86399, 0, 1.0},
        {1, 15 * d, 0, 4.0}};
    int line = 1;
    for (const Row& r : rows) {
        ins->bind(1, line++).bind(2, r.customer).bind(3, r.ts).bind(4, r.kind).bind(5, r.revenue);
        EXPECT_TRUE(ins->exec()) << ins->lastError();
        ins->reset();
    }
    EXPECT_TRUE(tx->commit().ok());
    return std::move(wb.value());
}

TEST(PurchaseLogLoader, SumsSalesPerCustomerAndDay) {
    test::TempDir dir;
    auto wb = makeWorkbook(dir);
    auto log = loadPurchaseLog(wb);
    ASSERT_TRUE(log.ok()) << log.error().describe();
    EXPECT_EQ(log->customerId, (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(log->offset, (std::vector<std::int64_t>{0, 2, 4}));
    EXPECT_EQ(log->day, (std::vector<std::int32_t>{10, 15, 12, 20}));
    EXPECT_EQ(log->value,
              (std::vector<double>{7.5, 4.0, 7.0, 1.0}));  // the return is not a purchase
}

TEST(PurchaseLogLoader, StopsAtTheLastDay) {
    test::TempDir dir;
    auto wb = makeWorkbook(dir);
    auto log = loadPurchaseLog(wb, 12);
    ASSERT_TRUE(log.ok());
    EXPECT_EQ(log->customerId, (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(log->day, (std::vector<std::int32_t>{10, 12}));
    auto none = loadPurchaseLog(wb, 5);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none->customers(), 0u);
    EXPECT_EQ(none->offset, (std::vector<std::int64_t>{0}));
}

}  // namespace
}  // namespace cw::engine
