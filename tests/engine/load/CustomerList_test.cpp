// The customer drill-down: a quadrant's customers, exits and anorexia with their evidence, sorting
// and limits, against SQL over the fixture workbook.
#include "engine/load/CustomerList.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "MatrixFixture.h"
#include "MatrixSql.h"

using namespace cw;
using namespace cw::engine;
using cw::test::kFixtureCustomers;
using cw::test::MatrixFixture;

namespace {

std::set<std::string> codes(const CustomerList& l) {
    std::set<std::string> out;
    for (const auto& r : l.rows) out.insert(r.code);
    return out;
}

std::set<std::string> sqlCodes(store::Database& db, const std::string& sql) {
    std::set<std::string> out;
    auto st = db.prepareOrThrow(sql);
    while (st.step()) out.insert(st.text(0));
    return out;
}

TEST(CustomerList, AQuadrantListsExactlyItsCustomers) {
    MatrixFixture f;
    const auto& spec = matrixSpec(MatrixKind::ProfitabilityLoyalty);
    const auto sql = cw::test::sqlMatrix(f.db(), "margin", "loyalty");
    std::int64_t listed = 0;
    for (int q = 0; q < 4; ++q) {
        CustomerListQuery query;
        query.matrix = &spec;
        query.quadrant = spec.quadrants[q].name;
        auto l = listCustomers(f.wb(), query);
        ASSERT_TRUE(l.ok()) << l.error().describe();
        EXPECT_EQ(l->matched, sql.count[q]) << spec.quadrants[q].name;
        listed += l->matched;
        for (const auto& r : l->rows) {
            EXPECT_EQ(r.quadrant, spec.quadrants[q].name);
            ASSERT_TRUE(r.y.has_value() && r.margin.has_value());
            EXPECT_EQ(*r.margin >= *sql.tx, q < 2);
            EXPECT_EQ(*r.y >= *sql.ty, q % 2 == 0);
        }
    }
    CustomerListQuery none;
    none.matrix = &spec;
    none.quadrant = "Insufficient Data";
    auto l = listCustomers(f.wb(), none);
    ASSERT_TRUE(l.ok());
    EXPECT_EQ(l->matched, sql.insufficient);
    EXPECT_EQ(listed + l->matched, kFixtureCustomers);
    none.quadrant = "hostages";
    EXPECT_EQ(listCustomers(f.wb(), none).error().kind, ErrorKind::Usage);
}

TEST(CustomerList, FiltersWithAndWithoutAMatrix) {
    MatrixFixture f;
    CustomerListQuery q;
    q.filters = {{GroupField::Region, "South"}, {GroupField::Manager, "Ana Ruiz"}};
    auto l = listCustomers(f.wb(), q);
    ASSERT_TRUE(l.ok());
    EXPECT_EQ(codes(*l),
              sqlCodes(f.db(),
                       "SELECT c.code FROM customers c JOIN managers m ON m.id = c.manager_id "
                       "WHERE c.region = 'South' AND m.code = 'M01'"));
    // With a matrix the same customers, now placed.
    q.matrix = &matrixSpec(MatrixKind::SatisfactionLoyalty);
    auto placed = listCustomers(f.wb(), q);
    ASSERT_TRUE(placed.ok());
    EXPECT_EQ(codes(*placed), codes(*l));
    for (const auto& r : placed->rows) EXPECT_FALSE(r.quadrant.empty());
}

TEST(CustomerList, ExitsAndAnorexiaCarryTheirEvidence) {
    MatrixFixture f;
    CustomerListQuery q;
    q.flag = CustomerFlag::Exits;
    auto l = listCustomers(f.wb(), q);
    ASSERT_TRUE(l.ok());
    EXPECT_EQ(codes(*l), sqlCodes(f.db(),
                                  "SELECT c.code FROM customers c JOIN customer_metrics m "
                                  "ON m.customer_id = c.id WHERE m.exited = 1"));
    ASSERT_FALSE(l->rows.empty());
    for (const auto& r : l->rows) EXPECT_TRUE(r.exitDay && r.lastDay);
    for (const char* c : {"last_purchase", "rhythm_days", "exit_day", "prev_revenue",
                          "recent_revenue", "prev_orders", "recent_orders"})
        EXPECT_NE(std::find(l->columns.begin(), l->columns.end(), c), l->columns.end()) << c;
    const auto j = nlohmann::json::parse(customersToJson(*l));
    const auto& first = j["customers"][0];
    EXPECT_EQ(first["exit_day"].get<std::string>().size(), 10u);  // a date, YYYY-MM-DD
    EXPECT_TRUE(first["prev_orders"].is_number_integer());

    q.flag = CustomerFlag::ProfitableExits;
    EXPECT_EQ(
        codes(listCustomers(f.wb(), q).value()),
        sqlCodes(f.db(),
                 "SELECT c.code FROM customers c JOIN customer_metrics m ON m.customer_id = c.id "
                 "WHERE m.profitable_exit = 1"));
    q.flag = CustomerFlag::Anorexic;
    EXPECT_EQ(
        codes(listCustomers(f.wb(), q).value()),
        sqlCodes(f.db(),
                 "SELECT c.code FROM customers c JOIN customer_metrics m ON m.customer_id = c.id "
                 "WHERE m.anorexic = 1"));
}

TEST(CustomerList, SortLimitAndFormats) {
    MatrixFixture f;
    CustomerListQuery q;
    q.limit = 10;
    auto l = listCustomers(f.wb(), q);  // default: margin, largest first, missing last
    ASSERT_TRUE(l.ok());
    EXPECT_EQ(l->matched, kFixtureCustomers);
    ASSERT_EQ(l->rows.size(), 10u);
    const auto top = f.db().queryInt("SELECT max(margin) FROM customer_metrics");
    EXPECT_EQ(*l->rows[0].margin, static_cast<double>(*top));
    for (std::size_t i = 1; i < l->rows.size(); ++i)
        EXPECT_GE(*l->rows[i - 1].margin, *l->rows[i].margin);

    q.limit = 0;
    q.sort = "margin:asc";
    l = listCustomers(f.wb(), q);
    ASSERT_TRUE(l.ok());
    EXPECT_FALSE(l->rows.back().margin.has_value());  // missing values last either way
    q.sort = "code";
    l = listCustomers(f.wb(), q);
    EXPECT_EQ(l->rows.front().code, "C1001");
    q.sort = "height";
    EXPECT_EQ(listCustomers(f.wb(), q).error().kind, ErrorKind::Usage);

    q.sort.clear();
    l = listCustomers(f.wb(), q);
    const auto csv = customersToCsv(*l);
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + kFixtureCustomers);
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "code,name,region,channel,manager,segment,revenue,margin");
    const auto text = customersToText(*l);
    EXPECT_NE(text.find("n/a"), std::string::npos);  // customers without metrics
    for (const auto& s : {csv, text, customersToJson(*l)})
        EXPECT_EQ(s.find("nan"), std::string::npos);
}

TEST(CustomerList, NotAnalysed) {
    MatrixFixture f(false);
    auto l = listCustomers(f.wb(), {});
    ASSERT_FALSE(l.ok());
    EXPECT_EQ(l.error().exitCode(), 2);
}

}  // namespace
