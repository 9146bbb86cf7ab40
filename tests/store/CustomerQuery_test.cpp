// The one customer read: fields, manager label, segment label of a saved segmentation or the
// customers' own, stored metrics by name, a manager's whole subtree, the stored flags, and an
// unknown metric refused before any SQL is built from it.
#include <gtest/gtest.h>

#include <vector>

#include "store/CustomerQuery.h"
#include "support/FreshWorkbook.h"

using namespace cw;
using cw::store::CustomerQuery;

namespace {

[[maybe_unused]] auto* const g_tempDir = ::testing::AddGlobalTestEnvironment(new cw::test::SuiteTempDir);

class CustomerQueryTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE((wb = test::freshWorkbook("customer-query.cwb")));
        // Managers: 1 (north, region) > 2 (alice) > 4 (dora); 1 > 3 (bob, no name); 5 (eve) elsewhere.
        const auto st = store::inOwnTransaction(wb->db(), [](store::WriteTransaction& tx) {
            return tx.db().exec(
                "INSERT INTO managers(id, code, name, parent_id) VALUES (1, 'N', 'North', NULL), (2, 'A', 'Alice', 1),"
                " (3, 'B', '', 1), (4, 'D', 'Dora', 2), (5, 'E', 'Eve', NULL);"
                "INSERT INTO customers(id, code, name, region, channel, manager_id, segment, origin, acquisition_date) VALUES"
                " (10, 'c10', 'Ten', 'UK', 'web', 2, 'gold', 'file', 86400), (11, 'c11', NULL, 'FR', 'shop', 3, NULL, 'file', NULL),"
                " (12, 'c12', 'Twelve', 'UK', NULL, 4, 'silver', 'transactions', NULL), (13, 'c13', 'Thirteen', NULL, NULL, 5, NULL, 'file', NULL),"
                " (14, 'c14', NULL, NULL, NULL, NULL, NULL, 'survey', NULL);"
                
                "INSERT INTO customer_metrics(customer_id, revenue, margin, exited, anorexic) VALUES"
                " (10, 100.5, 30, 0, 1), (12, 50, NULL, 1, 0), (13, 7, 2, 0, 0);"
                "INSERT INTO segmentations(id, name, method, definition, created_at, updated_at) VALUES (1, 'grid', 'rules', '{}', 'x', 'x');"
                "INSERT INTO segments(id, segmentation_id, ordinal, label) VALUES (1, 1, 1, 'High'), (2, 1, 2, 'Low');"
                "INSERT INTO customer_segments(segmentation_id, customer_id, segment_id) VALUES (1, 10, 1), (1, 12, 2);");
        });
        ASSERT_TRUE(st.ok()) << st.error().describe();
    }

    std::vector<std::int64_t> ids(const CustomerQuery& q) {
        auto c = store::readCustomers(wb->db(), q);
        EXPECT_TRUE(c.ok()) << c.error().describe();
        std::vector<std::int64_t> out;
        while (c && c->next()) out.push_back(c->id());
        return out;
    }
    std::optional<store::Workbook> wb;
};

TEST_F(CustomerQueryTest, ReadsFieldsManagerSegmentAndMetricsInIdOrder) {
    CustomerQuery q;
    q.metrics = {"margin", "revenue"};
    auto c = store::readCustomers(wb->db(), q);
    ASSERT_TRUE(c.ok()) << c.error().describe();
    ASSERT_TRUE(c->next());
    EXPECT_EQ(c->id(), 10);
    EXPECT_EQ(c->code(), "c10");
    EXPECT_EQ(c->name(), "Ten");
    EXPECT_EQ(c->region(), "UK");
    EXPECT_EQ(c->channel(), "web");
    EXPECT_EQ(c->origin(), "file");
    EXPECT_EQ(c->acquisitionTime(), 86400);
    EXPECT_EQ(c->managerId(), 2);
    EXPECT_EQ(c->managerLabel(), "Alice");
    EXPECT_EQ(c->segment(), "gold") << "no segmentation asked: the customers' own field";
    EXPECT_TRUE(c->hasMetrics());
    EXPECT_EQ(c->metric(0), 30.0);
    EXPECT_EQ(c->metric(1), 100.5);
    ASSERT_TRUE(c->next());
    EXPECT_EQ(c->id(), 11);
    EXPECT_EQ(c->managerLabel(), "B") << "an unnamed manager shows its code";
    EXPECT_FALSE(c->hasMetrics());
    EXPECT_EQ(c->metric(0), std::nullopt);
    ASSERT_TRUE(c->next());
    EXPECT_EQ(c->metric(0), std::nullopt) << "a stored NULL stays none";
    ASSERT_TRUE(c->next());
    ASSERT_TRUE(c->next());
    EXPECT_EQ(c->managerId(), std::nullopt);
    EXPECT_FALSE(c->next());
    EXPECT_TRUE(c->status().ok());
}

TEST_F(CustomerQueryTest, TheSegmentComesFromTheSavedSegmentationWhenOneIsGiven) {
    CustomerQuery q;
    q.segmentation = 1;
    auto c = store::readCustomers(wb->db(), q);
    ASSERT_TRUE(c.ok());
    std::vector<std::string> labels;
    while (c->next()) labels.emplace_back(c->segment());
    EXPECT_EQ(labels, (std::vector<std::string>{"High", "", "Low", "", ""}));
}

TEST_F(CustomerQueryTest, AManagerSubtreeHoldsItsCustomersAndThoseOfEveryManagerBelow) {
    CustomerQuery q;
    q.managerSubtree = 1;
    EXPECT_EQ(ids(q), (std::vector<std::int64_t>{10, 11, 12}));
    q.managerSubtree = 2;
    EXPECT_EQ(ids(q), (std::vector<std::int64_t>{10, 12}));
    q.managerSubtree = 4;
    EXPECT_EQ(ids(q), (std::vector<std::int64_t>{12}));
    q.managerSubtree = 3;
    EXPECT_EQ(ids(q), (std::vector<std::int64_t>{11}));
    q.managerSubtree = 5;
    q.customerId = 13;
    EXPECT_EQ(ids(q), (std::vector<std::int64_t>{13}));
    q.customerId = 10;
    EXPECT_TRUE(ids(q).empty()) << "one customer outside the subtree";
}

TEST_F(CustomerQueryTest, FlagsSelectTheFlaggedCustomers) {
    CustomerQuery q;
    q.flag = CustomerQuery::Flag::Exited;
    EXPECT_EQ(ids(q), (std::vector<std::int64_t>{12}));
    q.flag = CustomerQuery::Flag::Anorexic;
    EXPECT_EQ(ids(q), (std::vector<std::int64_t>{10}));
    q.flag = CustomerQuery::Flag::ProfitableExit;
    EXPECT_TRUE(ids(q).empty());
    EXPECT_EQ(store::customerCount(wb->db()), 5);
}

TEST_F(CustomerQueryTest, AnUnknownMetricIsRefusedNotSpliced) {
    CustomerQuery q;
    q.metrics = {"revenue", "revenue) FROM customers; --"};
    auto c = store::readCustomers(wb->db(), q);
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().kind, ErrorKind::Internal);
    q.metrics = {"customer_id"};
    EXPECT_FALSE(store::readCustomers(wb->db(), q).ok());
}

}  // namespace
