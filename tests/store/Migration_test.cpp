// Upgrading a workbook of schema 3 (made by the released migrations 1–3 alone, with data in
// every table that refers to customers) to the current schema: migration 4 rebuilds the
// customers table with its code unique by an index of its own. Every row and reference stays as
// it was, foreign keys and their cascades still hold, the code is still unique.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "store/Database.h"
#include "store/Schema.h"
#include "store/Workbook.h"
#include "support/RawSql.h"
#include "support/TempDir.h"

using namespace cw;
using namespace cw::store;
using cw::test::rawSql;
using cw::test::TempDir;

namespace {

// A schema-3 workbook as the released versions made it, with customers referred to from
// transactions, survey responses, notes, demo truth, metrics and segment memberships.
std::string makeVersion3Workbook(TempDir& dir) {
    const auto path = dir.file("v3.cwb");
    std::string sql = "PRAGMA page_size=8192; PRAGMA journal_mode=WAL; BEGIN;";
    for (const auto& m : migrations())
        if (m.version <= 3) sql += std::string(m.sql);
    sql += R"SQL(
INSERT INTO imports(id, file, file_name, table_name, content_hash, file_size, started_at)
  VALUES (1, 'x.csv', 'x.csv', 'transactions', '0123456789abcdef', 10, '2026-01-01T00:00:00');
INSERT INTO managers(id, code, name) VALUES (1, 'M1', 'Ann');
INSERT INTO customers(id, code, name, region, manager_id, origin, import_id)
  VALUES (1, '007', 'Acme', 'North', 1, 'file', 1), (5, 'B-2', NULL, 'South', NULL, 'transactions', 1),
         (9, 'c3', 'Cee', NULL, 1, 'survey', NULL);
INSERT INTO transactions(id, import_id, line, customer_id, code, ts, kind, revenue)
  VALUES (1, 1, 2, 1, 'T1', 86400, 0, 10.5), (2, 1, 3, 5, 'T2', 172800, 0, 20), (3, 1, 4, NULL, 'T3', 172800, 0, 5),
         (4, 1, 5, 5, 'T4', 259200, 1, -20);
INSERT INTO demo_truth(customer_id, churner, shrinking, segment) VALUES (1, 0, 1, 'a'), (5, 1, 0, 'b');
INSERT INTO analysis_runs(id, started_at, analysis_day, window_start, settings) VALUES (1, '2026-01-01', 3, 0, '{}');
INSERT INTO customer_metrics(customer_id, revenue) VALUES (1, 10.5), (5, 0), (9, NULL);
INSERT INTO segmentations(id, name, method, definition, created_at, updated_at)
  VALUES (1, 'value', 'rules', '{}', '2026-01-01', '2026-01-01');
INSERT INTO segments(id, segmentation_id, ordinal, label) VALUES (1, 1, 0, 'high'), (2, 1, 1, 'low');
INSERT INTO customer_segments(segmentation_id, customer_id, segment_id) VALUES (1, 1, 1), (1, 5, 2), (1, 9, 2);
PRAGMA user_version=3;
)SQL";
    sql += "PRAGMA application_id=" + std::to_string(kApplicationId) + "; COMMIT;";
    rawSql(path, sql);
    return path;
}

std::string dump(Database& db, const std::string& sql) {
    auto st = db.prepareOrThrow(sql);
    std::string out;
    while (st.step()) {
        for (int i = 0; i < st.columnCount(); ++i) out += (st.isNull(i) ? std::string("NULL") : st.text(i)) + "|";
        out += "\n";
    }
    return out;
}

TEST(Migration, Version3UpgradesKeepingEveryCustomerAndReference) {
    TempDir dir;
    const auto path = makeVersion3Workbook(dir);
    const char* kCustomers = "SELECT * FROM customers ORDER BY id";
    const char* kReadable = "SELECT * FROM transactions_readable ORDER BY id";
    const char* kMembers = "SELECT * FROM customer_segments ORDER BY customer_id";
    std::string customers, readable, members;
    {
        auto db = Database::open(path, Database::Mode::ReadOnly);
        ASSERT_TRUE(db.ok());
        customers = dump(*db, kCustomers);
        readable = dump(*db, kReadable);
        members = dump(*db, kMembers);
    }
    ASSERT_FALSE(customers.empty());

    auto wb = Workbook::open(path);
    ASSERT_TRUE(wb.ok()) << wb.error().describe();
    EXPECT_EQ(wb->schemaVersion(), currentSchemaVersion());
    auto& db = wb->db();
    EXPECT_EQ(dump(db, kCustomers), customers);
    EXPECT_EQ(dump(db, kReadable), readable) << "the view is back and reads the same";
    EXPECT_EQ(dump(db, kMembers), members);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    EXPECT_EQ(db.queryInt("PRAGMA foreign_keys"), 1) << "foreign keys are on again after the upgrade";
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'customers_code'"), 1);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'sqlite_autoindex_customers%'"), 0);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'customers_v4'"), 0);
    EXPECT_EQ(db.queryText("PRAGMA integrity_check"), "ok");

    {  // codes are still unique; the cascades still fire from the new table
        auto tx = WriteTransaction::begin(db);
        ASSERT_TRUE(tx.ok());
        EXPECT_FALSE(db.exec("INSERT INTO customers(code) VALUES ('007')").ok()) << "a code is unique";
        ASSERT_TRUE(db.exec("DELETE FROM transactions WHERE customer_id = 1").ok());
        ASSERT_TRUE(db.exec("DELETE FROM customers WHERE id = 1").ok());
        EXPECT_EQ(db.queryInt("SELECT count(*) FROM demo_truth WHERE customer_id = 1"), 0);
        EXPECT_EQ(db.queryInt("SELECT count(*) FROM customer_segments WHERE customer_id = 1"), 0);
        EXPECT_EQ(db.queryInt("SELECT count(*) FROM customer_metrics WHERE customer_id = 1"), 0);
        EXPECT_FALSE(db.exec("DELETE FROM customers WHERE id = 5").ok()) << "transactions still refer to it";
    }
}

TEST(Migration, ANewWorkbookHasTheSameCustomersTableAsAnUpgradedOne) {
    TempDir dir;
    auto fresh = Workbook::create(dir.file("new.cwb"));
    ASSERT_TRUE(fresh.ok());
    const auto path = makeVersion3Workbook(dir);
    auto upgraded = Workbook::open(path);
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().describe();
    const char* kSchema = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name";
    EXPECT_EQ(dump(fresh->db(), kSchema), dump(upgraded->db(), kSchema));
}

}  // namespace
