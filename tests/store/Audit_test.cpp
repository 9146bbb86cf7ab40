// The data-quality audit on small workbooks with known, planted problems.
#include "store/Audit.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>

#include <unistd.h>

#include "core/CivilTime.h"
#include "store/Workbook.h"
#include "support/SuiteTempDir.h"

namespace fs = std::filesystem;
using cw::store::AuditFinding;
using cw::store::inOwnTransaction;
using cw::store::WriteTransaction;
using cw::store::AuditReport;
using cw::store::Severity;
using cw::store::Workbook;

namespace {

using TempDirEnvironment = cw::test::SuiteTempDir;
[[maybe_unused]] auto* const g_tempDir = ::testing::AddGlobalTestEnvironment(new TempDirEnvironment);

Workbook newWorkbook(const std::string& name) {
    auto wb = Workbook::create((TempDirEnvironment::dir() / name).string());
    EXPECT_TRUE(wb.ok()) << (wb.ok() ? "" : wb.error().describe());
    return std::move(wb).value();
}

std::int64_t ts(int y, unsigned m, unsigned d) {
    return cw::daysFromCivil(y, m, d) * 86400 + 36000;
}

void exec(Workbook& wb, const std::string& sql) {
    auto st = inOwnTransaction(wb.db(), [&](WriteTransaction&) { return wb.db().exec(sql); });
    ASSERT_TRUE(st.ok()) << st.error().describe() << "\n" << sql;
}

struct Tx {
    std::optional<int> customer;
    std::optional<std::string> code;
    std::int64_t ts;
    int kind = 0;
    double revenue;
    double quantity = 1;
    double unitPrice;
    std::string product = "Widget";
};

void insert(Workbook& wb, const Tx& t, int line) {
    auto st = wb.db().prepareOrThrow(
        "INSERT INTO transactions(import_id, line, customer_id, code, ts, kind, revenue, quantity, "
        "unit_price, product) VALUES(1,?,?,?,?,?,?,?,?,?)");
    st.bind(1, line).bind(2, t.customer).bind(3, t.code).bind(4, t.ts).bind(5, t.kind);
    st.bind(6, t.revenue).bind(7, t.quantity).bind(8, t.unitPrice).bind(9, t.product);
    auto tx = WriteTransaction::begin(wb.db());
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(st.exec()) << st.lastError();
    ASSERT_TRUE(tx->commit().ok());
}

std::int64_t countOf(const AuditReport& r, const char* check, const char* table = "",
                     const char* field = "") {
    const AuditFinding* f = r.finding(check, table, field);
    return f ? f->count : -1;
}

const cw::store::ColumnCompleteness* column(const AuditReport& r, const std::string& table,
                                            const std::string& col) {
    for (const auto& c : r.completeness)
        if (c.table == table && c.column == col) return &c;
    return nullptr;
}

// A workbook with one of each problem; the expected counts are derived in the comments.
void plantProblems(Workbook& wb) {
    exec(
        wb,
        "INSERT INTO imports(id, file, file_name, table_name, content_hash, file_size, started_at, "
        "records, loaded, rejected) VALUES "
        "(1, 't.csv', 't.csv', 'transactions', 'h1', 1, '2025-01-01', 36, 33, 3),"
        "(2, 'c.csv', 'c.csv', 'customers', 'h2', 1, '2025-01-01', 1000, 999, 1);"
        "INSERT INTO import_rejects(import_id, line, reason, message) VALUES "
        "(1, 5, 'invalid_date', 'x'), (1, 9, 'invalid_date', 'x'), (1, 12, 'missing_customer', "
        "'x'),"
        "(2, 40, 'duplicate_id', 'x');"
        // Manager 3 is loose (no parent, no team); manager 4 is only named by customers.
        "INSERT INTO managers(id, code, name, parent_id, level, region, origin) VALUES "
        "(1, 'M1', 'Boss', NULL, 'company', NULL, 'file'), (2, 'M2', 'Ann', 1, 'manager', 'North', "
        "'file'), (3, 'M3', 'Loose', NULL, 'manager', 'North', 'file'), (4, 'M4', NULL, 1, NULL, "
        "NULL, 'customers');");
    exec(wb,
         "INSERT INTO customers(id, code, name, region, channel, manager_id, acquisition_date, "
         "origin) VALUES "
         "(1, 'C1', 'Alpha Ltd', 'North', 'web', 2, 1700000000, 'file'),"
         "(2, 'C2', 'alpha ltd ', NULL, NULL, NULL, NULL, 'file'),"
         "(3, 'C3', 'Beta', 'South', NULL, 2, NULL, 'transactions'),"
         "(4, 'C4', 'Gamma', 'North', 'store', 2, 3900000000, 'file');"
         "INSERT INTO custom_fields(id, entity, name, type) VALUES (1, 'customer', 'wallet', "
         "'number');"
         "INSERT INTO custom_values(field_id, entity_id, num, text) VALUES (1, 1, 5000, '5000'), "
         "(1, 2, NULL, NULL);");
    int line = 1;
    // 24 ordinary sales worth 100..123 over January, February, April and July 2024: March,
    // May and June have none.
    const unsigned months[] = {1, 2, 4, 7};
    for (int i = 0; i < 24; ++i) {
        Tx t{1 + i % 3, "INV" + std::to_string(i), ts(2024, months[i % 4], 1 + i), 0, 100.0 + i, 1,
             100.0 + i};
        if (i == 10 || i == 11) t.customer.reset();  // two anonymous sales
        if (i >= 21) t.code.reset();                 // three without invoice id
        insert(wb, t, line++);
    }
    // Two exact copies of the first sale: 2 surplus rows.
    for (int k = 0; k < 2; ++k) insert(wb, {1, "INV0", ts(2024, 1, 1), 0, 100.0, 1, 100.0}, line++);
    insert(wb, {1, "Z", ts(2024, 1, 15), 0, 0.0, 1, 5.0}, line++);              // zero revenue
    insert(wb, {1, "P", ts(2024, 1, 15), 0, 10.0, 2, 0.0}, line++);             // zero unit price
    insert(wb, {1, "Q", ts(2024, 1, 15), 0, 30.0, -3, 10.0}, line++);           // negative quantity
    insert(wb, {1, "F", ts(2090, 1, 1), 0, 50.0, 1, 50.0}, line++);             // in the future
    insert(wb, {1, "O", ts(1985, 6, 1), 0, 50.0, 1, 50.0}, line++);             // before 1990
    insert(wb, {3, "BIG", ts(2024, 2, 20), 0, 100000.0, 1000, 100.0}, line++);  // outlier
    insert(wb, {1, "CR1", ts(2024, 2, 25), 1, -20.0, -1, 20.0}, line++);        // a return
    exec(
        wb,
        "INSERT INTO service_attributes(id, name, scale_min, scale_max, na_value) VALUES "
        "(1, 'Quality', 1, 5, 0), (2, 'Speed', 1, 5, NULL);"
        "INSERT INTO survey_responses(id, import_id, line, customer_id, ts, overall, satisfaction, "
        "recommend, repurchase) VALUES "
        "(1, 1, 1, 1, 1710000000, 8, 80, 9, 75), (2, 1, 2, NULL, 1710000000, 5, 50, 11, NULL),"
        "(3, 1, 3, 2, 3900000000, 10, 120, 5, 50);"
        // Out of scale: Speed 6 and Speed 0 (Quality 0 means "not applicable").
        "INSERT INTO survey_scores(response_id, attribute_id, score) VALUES "
        "(1, 1, 4), (1, 2, 6), (2, 1, 0), (2, 2, 0), (3, 1, 5);");
}

class AuditTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_wb = new Workbook(newWorkbook("planted.cwb"));
        plantProblems(*s_wb);
        auto r = cw::store::runAudit(*s_wb);
        ASSERT_TRUE(r.ok()) << r.error().describe();
        s_report = new AuditReport(std::move(r).value());
    }
    static void TearDownTestSuite() {
        delete s_report;
        delete s_wb;
    }
    static const AuditReport& report() { return *s_report; }

    static inline Workbook* s_wb = nullptr;
    static inline AuditReport* s_report = nullptr;
};

}  // namespace

TEST(AuditEmptyTest, AnEmptyWorkbookIsEmptyNotInError) {
    auto wb = newWorkbook("empty.cwb");
    auto r = cw::store::runAudit(wb);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    for (const auto& [table, n] : r->rowCounts) EXPECT_EQ(n, 0) << table;
    EXPECT_EQ(r->rowCounts.count("transactions"), 1u);
    // As documented: no_transactions is for customers without transactions; empty_table says the rest.
    EXPECT_EQ(r->finding("no_transactions", "transactions"), nullptr);
    EXPECT_FALSE(r->hasSeverity(Severity::Error));
    EXPECT_NE(r->finding("empty_table", "transactions"), nullptr);
    EXPECT_TRUE(r->firstTransaction.empty());
    EXPECT_TRUE(r->monthsWithoutTransactions.empty());
    EXPECT_EQ(countOf(*r, "duplicates"), -1);
    for (const auto& c : r->completeness) EXPECT_DOUBLE_EQ(c.share(), 1.0) << c.column;
    auto j = nlohmann::json::parse(r->toJson());
    EXPECT_TRUE(j["coverage"]["first"].is_null());
}

TEST(AuditEmptyTest, CustomersWithoutTransactionsAreAnErrorASurveyOnItsOwnIsNot) {
    auto wb = newWorkbook("customers-only.cwb");
    exec(wb, "INSERT INTO customers(code, origin) VALUES ('A', 'file'), ('B', 'file')");
    auto r = cw::store::runAudit(wb);
    ASSERT_TRUE(r.ok());
    const AuditFinding* f = r->finding("no_transactions", "transactions");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::Error);
    EXPECT_EQ(r->findings.front().check, "no_transactions");  // errors first
    EXPECT_NE(r->toText().find("no_transactions"), std::string::npos);

    auto study = newWorkbook("survey-only.cwb");
    exec(study,
         "INSERT INTO imports(id, file, file_name, table_name, content_hash, file_size, started_at) "
         "VALUES (1, 'f', 'f', 'survey', 'h', 0, 'now');"
         "INSERT INTO survey_responses(import_id, line, respondent_code, satisfaction) VALUES (1, 2, 'R1', 80), (1, 3, 'R2', 40)");
    r = cw::store::runAudit(study);
    ASSERT_TRUE(r.ok());
    f = r->finding("no_transactions", "transactions");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::Info);
    EXPECT_FALSE(r->hasSeverity(Severity::Error));
}

TEST(AuditEmptyTest, MostlyAnonymousSalesAreAnError) {
    auto wb = newWorkbook("anonymous.cwb");
    exec(wb,
         "INSERT INTO imports(id, file, file_name, table_name, content_hash, file_size, "
         "started_at) VALUES (1, 'a', 'a', 'transactions', 'h', 1, 'now');"
         "INSERT INTO customers(id, code) VALUES (1, 'C1');");
    insert(wb, {1, "A", ts(2024, 1, 2), 0, 10, 1, 10}, 1);
    for (int i = 0; i < 3; ++i)
        insert(wb, {std::nullopt, "B", ts(2024, 1, 3 + i), 0, 10, 1, 10}, 2 + i);
    auto r = cw::store::runAudit(wb);
    ASSERT_TRUE(r.ok());
    const AuditFinding* f = r->finding("anonymous", "transactions");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->count, 3);
    EXPECT_EQ(f->severity, Severity::Error);
}

TEST(AuditEmptyTest, CancelStopsTheAudit) {
    auto wb = newWorkbook("cancel.cwb");
    int calls = 0;
    auto r = cw::store::runAudit(wb, [&](const cw::ProgressInfo&) { return ++calls < 3; });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, cw::ErrorKind::Cancelled);
    EXPECT_EQ(calls, 3);
}

TEST_F(AuditTest, RowCounts) {
    EXPECT_EQ(report().rowCounts.at("transactions"), 33);
    EXPECT_EQ(report().rowCounts.at("customers"), 4);
    EXPECT_EQ(report().rowCounts.at("managers"), 4);
    EXPECT_EQ(report().rowCounts.at("survey_responses"), 3);
    EXPECT_EQ(report().rowCounts.at("import_rejects"), 4);
    EXPECT_EQ(report().rowCounts.at("imports"), 2);
}

TEST_F(AuditTest, Completeness) {
    using Pair = std::pair<std::int64_t, std::int64_t>;
    auto share = [&](const char* t, const char* c) {
        auto* col = column(report(), t, c);
        EXPECT_NE(col, nullptr) << t << "." << c;
        return col ? Pair(col->filled, col->total) : Pair(-1, -1);
    };
    EXPECT_EQ(share("customers", "name"), Pair(4, 4));
    EXPECT_EQ(share("customers", "region"), Pair(3, 4));
    EXPECT_EQ(share("customers", "channel"), Pair(2, 4));
    EXPECT_EQ(share("customers", "manager_id"), Pair(3, 4));
    EXPECT_EQ(share("customers", "acquisition_date"), Pair(2, 4));
    EXPECT_EQ(share("customers", "custom:wallet"), Pair(1, 4));
    EXPECT_DOUBLE_EQ(column(report(), "customers", "custom:wallet")->share(), 0.25);
    EXPECT_EQ(share("transactions", "customer_id"), Pair(31, 33));
    EXPECT_EQ(share("transactions", "code"), Pair(30, 33));
    EXPECT_EQ(share("transactions", "cost"), Pair(0, 33));
    EXPECT_EQ(share("transactions", "product"), Pair(33, 33));
    EXPECT_EQ(share("survey_responses", "customer_id"), Pair(2, 3));
    EXPECT_EQ(share("survey_responses", "repurchase"), Pair(2, 3));
    EXPECT_EQ(share("managers", "parent_id"), Pair(2, 4));
    EXPECT_EQ(share("managers", "name"), Pair(3, 4));
}

TEST_F(AuditTest, TransactionFindings) {
    EXPECT_EQ(countOf(report(), "duplicates", "transactions"), 2);
    EXPECT_EQ(countOf(report(), "anonymous", "transactions"), 2);
    EXPECT_EQ(report().finding("anonymous", "transactions")->severity, Severity::Warning);
    EXPECT_EQ(countOf(report(), "returns", "transactions"), 1);
    EXPECT_EQ(countOf(report(), "out_of_range", "transactions", "revenue"), 1);
    EXPECT_EQ(countOf(report(), "out_of_range", "transactions", "unit_price"), 1);
    EXPECT_EQ(countOf(report(), "out_of_range", "transactions", "quantity"), 1);
    EXPECT_EQ(countOf(report(), "out_of_range", "transactions", "ts"), 2);
    EXPECT_EQ(countOf(report(), "outliers", "transactions"), 1);
    const AuditFinding* outliers = report().finding("outliers");
    ASSERT_FALSE(outliers->examples.empty());
    EXPECT_NE(outliers->examples.front().find("BIG"), std::string::npos);
    EXPECT_EQ(countOf(report(), "no_transactions"), -1);
}

TEST_F(AuditTest, CoverageAndGaps) {
    EXPECT_EQ(report().firstTransaction, "2024-01-01");
    EXPECT_EQ(report().lastTransaction, "2024-07-24");
    EXPECT_EQ(report().monthsWithoutTransactions,
              (std::vector<std::string>{"2024-03", "2024-05", "2024-06"}));
    EXPECT_EQ(countOf(report(), "date_gap", "transactions"), 3);
    EXPECT_EQ(report().finding("date_gap")->severity, Severity::Warning);
}

TEST_F(AuditTest, CustomerAndManagerFindings) {
    EXPECT_EQ(countOf(report(), "orphans", "customers"), 1);
    EXPECT_EQ(countOf(report(), "no_manager", "customers"), 1);
    EXPECT_EQ(countOf(report(), "no_region", "customers"), 1);
    EXPECT_EQ(countOf(report(), "same_name", "customers"), 2);
    EXPECT_EQ(report().finding("same_name")->severity, Severity::Info);
    EXPECT_EQ(countOf(report(), "without_transactions", "customers"), 1);
    EXPECT_EQ(countOf(report(), "out_of_range", "customers", "acquisition_date"), 1);
    EXPECT_EQ(countOf(report(), "orphans", "managers"), 1);
    EXPECT_EQ(countOf(report(), "no_parent", "managers"), 1);
    EXPECT_EQ(report().finding("no_parent")->examples, (std::vector<std::string>{"M3 (Loose)"}));
    EXPECT_EQ(countOf(report(), "several_roots"), -1);
    EXPECT_EQ(countOf(report(), "empty_table", "cost_to_serve"), 0);
}

TEST_F(AuditTest, SurveyFindings) {
    EXPECT_EQ(countOf(report(), "out_of_range", "survey_scores", "score"), 2);
    EXPECT_EQ(countOf(report(), "out_of_range", "survey_responses", "recommend"), 1);
    EXPECT_EQ(countOf(report(), "out_of_range", "survey_responses", "satisfaction"), 1);
    EXPECT_EQ(countOf(report(), "out_of_range", "survey_responses", "ts"), 1);
    EXPECT_EQ(countOf(report(), "anonymous", "survey_responses"), 1);
}

TEST_F(AuditTest, ImportRejectsPerImport) {
    const AuditFinding* t = report().finding("import_rejects", "transactions");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->count, 3);
    EXPECT_EQ(t->severity, Severity::Warning);  // 3 of 36 records
    EXPECT_EQ(t->examples, (std::vector<std::string>{"invalid_date: 2", "missing_customer: 1"}));
    const AuditFinding* c = report().finding("import_rejects", "customers");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->count, 1);
    EXPECT_EQ(c->severity, Severity::Info);  // 1 of 1000
}

TEST_F(AuditTest, SeverityOrderAndMessages) {
    for (std::size_t i = 1; i < report().findings.size(); ++i)
        EXPECT_GE(report().findings[i - 1].severity, report().findings[i].severity);
    for (const auto& f : report().findings) {
        EXPECT_FALSE(f.message.empty()) << f.check;
        EXPECT_NE(f.message.find(" — "), std::string::npos) << "what to do missing: " << f.message;
    }
    EXPECT_TRUE(report().hasSeverity(Severity::Warning));
    EXPECT_FALSE(report().hasSeverity(Severity::Error));
}

TEST_F(AuditTest, JsonHasTheDocumentedShape) {
    auto j = nlohmann::json::parse(report().toJson());
    EXPECT_EQ(j["row_counts"]["transactions"], 33);
    ASSERT_TRUE(j["completeness"].is_array());
    const auto& c0 = j["completeness"][0];
    for (const char* k : {"table", "column", "filled", "total", "share"})
        EXPECT_TRUE(c0.contains(k)) << k;
    ASSERT_TRUE(j["findings"].is_array());
    for (const auto& f : j["findings"])
        for (const char* k : {"table", "check", "severity", "count", "message", "examples"})
            EXPECT_TRUE(f.contains(k)) << k;
    EXPECT_EQ(j["coverage"]["first"], "2024-01-01");
    EXPECT_EQ(j["coverage"]["months_without_transactions"].size(), 3u);
    const std::string text = report().toText();
    EXPECT_NE(text.find("date_gap"), std::string::npos);
    EXPECT_NE(text.find("2024-03"), std::string::npos);
}
