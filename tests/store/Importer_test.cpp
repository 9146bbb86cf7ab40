// Importer: mapping, typed parsing, rejects with line/column, all-or-nothing,
// re-import detection, customers upsert, custom fields, surveys.
#include <gtest/gtest.h>

#include "store/Importer.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

using namespace cw;
using namespace cw::store;
using cw::test::TempDir;

namespace {

struct ImporterTest : ::testing::Test {
    TempDir dir;
    Workbook wb = std::move(Workbook::create(dir.file("t.cwb")).value());

    std::int64_t count(const std::string& sql) { return wb.db().queryInt(sql).value_or(-1); }

    Result<ImportReport> importText(const std::string& name, const std::string& text, TargetTable table,
                                    ImportOptions o = {}) {
        o.file = dir.write(name, text);
        o.table = table;
        return importFile(wb, o);
    }
};

const char* kSales =
    "invoice,customer,date,qty,price,channel\n"
    "1,A1,2024-01-05,2,10.00,web\n"
    "2,A2,2024-01-06,1,5.50,store\n"
    "C3,A1,2024-01-07,-1,10.00,web\n"
    "4,,2024-01-08,3,1.00,web\n"
    "5,A3,2024-02-30,1,1.00,web\n"
    "6,A3,2024-03-01,x,1.00,web\n";

TEST_F(ImporterTest, TransactionsLoadRejectAndCount) {
    ImportOptions o;
    o.map = {{"transaction_id", "invoice"}, {"customer_id", "customer"}, {"quantity", "qty"}, {"unit_price", "price"}};
    auto r = importText("s.csv", kSales, TargetTable::Transactions, o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->records, 6);
    EXPECT_EQ(r->loaded, 4);
    EXPECT_EQ(r->rejected, 2);
    EXPECT_EQ(r->loaded + r->rejected, r->records);
    EXPECT_EQ(r->returns, 1);
    EXPECT_EQ(r->anonymous, 1);
    EXPECT_EQ(r->customersCreated, 2);  // A3 only appears on rejected rows
    EXPECT_EQ(r->reasons.at("invalid_date"), 1);
    EXPECT_EQ(r->reasons.at("invalid_number"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM transactions"), 4);
    EXPECT_EQ(count("SELECT count(*) FROM customers WHERE origin='transactions'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM transactions WHERE customer_id IS NULL"), 1);
    // Returns are stored with negative revenue.
    EXPECT_DOUBLE_EQ(wb.db().queryInt("SELECT CAST(sum(revenue)*100 AS INTEGER) FROM transactions").value(),
                     100 * (20.0 + 5.5 - 10.0 + 3.0));
    // Rejects keep line, column and the offending value.
    auto st = wb.db().prepareOrThrow("SELECT line, column_no, column_name, reason, value FROM import_rejects ORDER BY line");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 6);
    EXPECT_EQ(st.int64(1), 3);
    EXPECT_EQ(st.text(2), "date");
    EXPECT_EQ(st.text(3), "invalid_date");
    EXPECT_EQ(st.text(4), "2024-02-30");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 7);
    EXPECT_EQ(st.int64(1), 4);
    EXPECT_EQ(st.text(3), "invalid_number");
}

TEST_F(ImporterTest, ReimportRefusedUnlessReplaced) {
    ImportOptions o;
    o.map = {{"transaction_id", "invoice"}, {"customer_id", "customer"}, {"quantity", "qty"}, {"unit_price", "price"}};
    ASSERT_TRUE(importText("s.csv", kSales, TargetTable::Transactions, o).ok());
    auto again = importText("copy.csv", kSales, TargetTable::Transactions, o);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::Input);
    EXPECT_NE(again.error().message.find("imported already"), std::string::npos);
    EXPECT_EQ(count("SELECT count(*) FROM transactions"), 4);
    EXPECT_EQ(count("SELECT count(*) FROM imports"), 1);
    o.replace = true;
    auto replaced = importText("copy.csv", kSales, TargetTable::Transactions, o);
    ASSERT_TRUE(replaced.ok()) << replaced.error().describe();
    EXPECT_EQ(count("SELECT count(*) FROM transactions"), 4);
    EXPECT_EQ(count("SELECT count(*) FROM imports"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM import_rejects"), 2);
}

TEST_F(ImporterTest, TooManyRejectsStoresNothing) {
    ImportOptions o;
    o.map = {{"customer_id", "customer"}, {"revenue", "price"}, {"date", "qty"}};  // a wrong mapping
    auto r = importText("s.csv", kSales, TargetTable::Transactions, o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Input);
    EXPECT_GT(r.error().line, 1);
    EXPECT_EQ(count("SELECT count(*) FROM transactions"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM customers"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM imports"), 0);
}

TEST_F(ImporterTest, MissingRequiredFieldIsAUsageErrorNamingColumns) {
    auto r = importText("s.csv", "who,amount\nA,1\n", TargetTable::Transactions);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Usage);
    EXPECT_NE(r.error().message.find("customer_id"), std::string::npos);
    EXPECT_NE(r.error().message.find("\"who\""), std::string::npos);
}

TEST_F(ImporterTest, UnknownMappedColumnIsAUsageError) {
    ImportOptions o;
    o.map = {{"customer_id", "nope"}};
    auto r = importText("s.csv", kSales, TargetTable::Transactions, o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Usage);
    EXPECT_NE(r.error().message.find("nope"), std::string::npos);
}

TEST_F(ImporterTest, CancelStoresNothing) {
    std::string big = "customer_id,date,revenue\n";
    for (int i = 0; i < 50000; ++i) big += "C" + std::to_string(i % 700) + ",2024-01-01," + std::to_string(i) + "\n";
    ImportOptions o;
    o.file = dir.write("big.csv", big);
    int calls = 0;
    auto r = importFile(wb, o, [&](const ProgressInfo&) { return ++calls < 2; });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Cancelled);
    EXPECT_EQ(count("SELECT count(*) FROM transactions"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM customers"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM imports"), 0);
    // The index dropped for the bulk load is back after the rollback.
    EXPECT_EQ(count("SELECT count(*) FROM sqlite_master WHERE name='transactions_customer'"), 1);
}

TEST_F(ImporterTest, AmbiguousDatesAreReportedNotGuessed) {
    const std::string text = "customer_id,date,revenue\nA,01/02/2024,1\nB,03/04/2024,2\n";
    auto r = importText("d.csv", text, TargetTable::Transactions);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().hint.find("--date-format"), std::string::npos);
    ImportOptions o;
    o.dateFormat = "d/m/Y";
    auto ok = importText("d2.csv", text, TargetTable::Transactions, o);
    ASSERT_TRUE(ok.ok()) << ok.error().describe();
    EXPECT_EQ(wb.db().queryText("SELECT date(min(ts),'unixepoch') FROM transactions").value(), "2024-02-01");
}

TEST_F(ImporterTest, DayFirstDecidedByTheFile) {
    auto r = importText("d.csv", "customer_id,date,revenue\nA,01/02/2024,1\nB,25/04/2024,2\n", TargetTable::Transactions);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(wb.db().queryText("SELECT date(min(ts),'unixepoch') FROM transactions").value(), "2024-02-01");
}

TEST_F(ImporterTest, CustomersCompleteDerivedOnesAndKeepCustomFields) {
    ImportOptions t;
    t.map = {{"transaction_id", "invoice"}, {"customer_id", "customer"}, {"quantity", "qty"}, {"unit_price", "price"}};
    ASSERT_TRUE(importText("s.csv", kSales, TargetTable::Transactions, t).ok());
    auto r = importText("c.csv",
                        "id,name,region,manager,size,tier\nA1,Acme,North,M1,10,gold\nA9,Zeta,South,M1, ,silver\n"
                        "A1,Dup,North,M1,1,x\n",
                        TargetTable::Customers);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->loaded, 2);
    EXPECT_EQ(r->reasons.at("duplicate_id"), 1);
    EXPECT_EQ(r->customersUpdated, 1);
    EXPECT_EQ(r->customersCreated, 1);  // A9 is new: created, not silently uncounted
    EXPECT_EQ(r->managersCreated, 1);
    EXPECT_EQ(wb.db().queryText("SELECT name||'/'||origin FROM customers WHERE code='A1'").value(), "Acme/file");
    EXPECT_EQ(count("SELECT count(*) FROM customers WHERE origin='transactions'"), 1);  // A2 still derived
    EXPECT_EQ(wb.db().queryText("SELECT type FROM custom_fields WHERE name='size'").value(), "number");
    EXPECT_EQ(wb.db().queryText("SELECT type FROM custom_fields WHERE name='tier'").value(), "text");
    EXPECT_EQ(count("SELECT count(*) FROM custom_values v JOIN custom_fields f ON f.id=v.field_id "
                    "WHERE f.name='size' AND v.num IS NULL"), 1);  // " " is missing, not 0
}

TEST_F(ImporterTest, ManagersHierarchyLinksParentsListedLater) {
    auto r = importText("m.csv", "manager_id,name,parent_id\n3,Ann,2\n2,Bob,1\n1,Head,\n", TargetTable::Managers);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->loaded, 3);
    EXPECT_EQ(wb.db().queryText("SELECT p.name FROM managers m JOIN managers p ON p.id=m.parent_id WHERE m.code='3'")
                  .value(),
              "Bob");
}

TEST_F(ImporterTest, SurveyValueMapScaleAndNotApplicable) {
    ImportOptions o;
    o.map = {{"respondent_id", "ID"}, {"overall", "Sat"}};
    o.valueMaps["overall"] = {{"Satisfied", "1"}, {"Neutral or Dissatisfied", "0"}};
    o.attributes = {"Wifi", "Food"};
    o.scale = std::make_pair(0.0, 5.0);
    o.naValue = 0;
    auto r = importText("s.csv", "ID,Wifi,Food,Sat\n1,0,4,Satisfied\n2,3,5,neutral or dissatisfied\n3,7,1,Satisfied\n",
                        TargetTable::Survey, o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->loaded, 2);
    EXPECT_EQ(r->reasons.at("out_of_range"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM survey_scores WHERE score IS NULL"), 1);  // 0 = not applicable
    EXPECT_EQ(count("SELECT CAST(sum(satisfaction) AS INTEGER) FROM survey_responses"), 100);
    EXPECT_EQ(count("SELECT count(*) FROM service_attributes WHERE scale_max=5"), 2);
}

TEST_F(ImporterTest, ValueMapsGiveLabelsAndNaTextsMeanNoValueInAnyTable) {
    ImportOptions o;
    o.valueMaps["channel"] = {{"1", "Horeca"}, {"2", "Retail"}};
    o.valueMaps["size"] = {{"big", "1000"}};  // a custom column, by its name
    o.naTexts = {"?", "NA"};
    auto r = importText("c.csv", "customer_id,channel,region,size\nK1,1,North,big\nK2,2,?,12\nK3,na,South,?\n",
                        TargetTable::Customers, o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->loaded, 3);
    EXPECT_EQ(wb.db().queryText("SELECT channel FROM customers WHERE code='K1'").value(), "Horeca");
    EXPECT_EQ(wb.db().queryText("SELECT channel FROM customers WHERE code='K2'").value(), "Retail");
    EXPECT_EQ(count("SELECT count(*) FROM customers WHERE code='K3' AND channel IS NULL"), 1);  // "na": no value
    EXPECT_EQ(count("SELECT count(*) FROM customers WHERE code='K2' AND region IS NULL"), 1);   // "?": no value
    EXPECT_EQ(wb.db().queryText("SELECT type FROM custom_fields WHERE name='size'").value(), "number");
    EXPECT_EQ(count("SELECT CAST(sum(v.num) AS INTEGER) FROM custom_values v JOIN custom_fields f ON f.id=v.field_id "
                    "WHERE f.name='size'"),
              1012);
    // Transactions: "?" as a cost is no cost, not a rejected number.
    ImportOptions t;
    t.naTexts = {"?"};
    auto tr = importText("t.csv", "customer_id,date,revenue,cost\nK1,2024-01-02,10,?\nK2,2024-01-03,5,2\n",
                         TargetTable::Transactions, t);
    ASSERT_TRUE(tr.ok()) << tr.error().describe();
    EXPECT_EQ(tr->rejected, 0);
    EXPECT_EQ(count("SELECT count(*) FROM transactions WHERE cost IS NULL"), 1);
    // A value map for something that is neither a field nor a column is a usage error.
    ImportOptions bad;
    bad.valueMaps["colour"] = {{"1", "red"}};
    auto refused = importText("b.csv", "customer_id,channel\nK9,1\n", TargetTable::Customers, bad);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().exitCode(), 1);
    EXPECT_NE(refused.error().message.find("colour"), std::string::npos);
}

TEST_F(ImporterTest, CdnowMasterWhitespaceWithHeader) {
    ImportOptions o;
    o.profile = "cdnow-master";
    o.file = test::testData("cdnow_master_head.txt");
    auto r = importFile(wb, o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->records, 299);
    EXPECT_EQ(r->rejected, 0);
    EXPECT_EQ(wb.db().queryText("SELECT code FROM customers ORDER BY id LIMIT 1").value(), "00001");
    EXPECT_EQ(wb.db().queryText("SELECT date(min(ts),'unixepoch') FROM transactions").value(), "1997-01-01");
}

TEST_F(ImporterTest, PreviewShowsRolesAndStatusWithoutWriting) {
    ImportOptions o;
    o.file = dir.write("s.csv", kSales);
    o.map = {{"transaction_id", "invoice"}, {"customer_id", "customer"}, {"quantity", "qty"}, {"unit_price", "price"}};
    auto pv = previewImport(o, 10);
    ASSERT_TRUE(pv.ok()) << pv.error().describe();
    ASSERT_EQ(pv->header.size(), 6u);
    EXPECT_EQ(pv->columnRoles[1], "customer_id");
    EXPECT_EQ(pv->rows.size(), 6u);
    EXPECT_EQ(pv->rowStatus[0], "ok");
    EXPECT_EQ(pv->rowStatus[4].rfind("invalid_date", 0), 0u);
    EXPECT_EQ(pv->parsed[2][2], "return");
    EXPECT_EQ(count("SELECT count(*) FROM transactions"), 0);
}

}  // namespace

// An import that creates many customers drops the code index and builds it again (sorted): the
// index is back and unique afterwards, and the next import finds those customers by code.
TEST_F(ImporterTest, ManyNewCustomersGetTheirCodeIndexBuiltAgain) {
    ImportOptions o;
    o.map = {{"transaction_id", "invoice"}, {"customer_id", "customer"}, {"quantity", "qty"}, {"unit_price", "price"}};
    auto sales = [](int from, int to) {
        std::string csv = "invoice,customer,date,qty,price\n";
        for (int i = from; i < to; ++i)
            csv += std::to_string(i) + ",K" + std::to_string((i * 7919) % 30011) + ",2024-01-05,1,2.50\n";
        return csv;
    };
    auto first = importText("a.csv", sales(0, 15000), TargetTable::Transactions, o);
    ASSERT_TRUE(first.ok()) << first.error().describe();
    EXPECT_EQ(first->customersCreated, 15000);
    EXPECT_EQ(count("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'customers_code'"), 1);
    EXPECT_EQ(wb.db().queryText("PRAGMA integrity_check"), "ok");
    // Half the codes of the second file are known: they resolve to the stored customers.
    auto second = importText("b.csv", sales(7500, 22500), TargetTable::Transactions, o);
    ASSERT_TRUE(second.ok()) << second.error().describe();
    EXPECT_EQ(second->customersCreated, 7500);
    EXPECT_EQ(count("SELECT count(*) FROM customers"), 22500);
    EXPECT_EQ(count("SELECT count(DISTINCT code) FROM customers"), 22500);
    EXPECT_EQ(count("SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY customer_id HAVING count(*) = 2)"),
              7500);
    EXPECT_EQ(count("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'customers_code'"), 1);
}
