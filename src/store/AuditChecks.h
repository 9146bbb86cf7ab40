#pragma once
// The audit's checks, one function each, sharing a context. Internal to the
// store: runAudit() (Audit.cpp) calls them in order inside one read snapshot.
// Each check is a few SQL aggregations, so the audit stays fast on millions
// of transactions. Failures of this constant SQL are thrown as SqlError.
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <string>
#include <vector>

#include "store/Audit.h"
#include "store/Database.h"

namespace cw::store::audit {

/// 1990-01-01: earlier dates are taken for errors (a date format read the wrong way round).
inline constexpr std::int64_t kEarliestTs = 631152000;

/// Figures of the transactions pass that later checks reuse.
struct TransactionStats {
    std::int64_t rows = 0, sales = 0, returns = 0, anonymous = 0;
    double salesRevenue = 0, returnsRevenue = 0, anonymousRevenue = 0;
    std::int64_t firstTs = 0, lastTs = 0;
};

/// What one read of every transaction row gathers for the checks (scanTransactions): the
/// figures of an aggregate query, the distinct days, the sales' revenues and a hash per row.
struct TransactionScan {
    std::int64_t rows = 0;
    /// Non-NULL values of customer_id, code, cost, quantity, unit_price, product, category,
    /// channel, region (kCompletenessColumns).
    std::vector<std::int64_t> filled;
    std::int64_t returns = 0, badSales = 0;  ///< kind<>0; sales with price <= 0, revenue 0 or quantity < 0
    double revenue = 0, returnsRevenue = 0, anonymousSalesRevenue = 0;
    std::int64_t minTs = 0, maxTs = 0;
    std::vector<std::int64_t> days;      ///< distinct ts / 86400, ascending
    std::vector<double> saleRevenues;    ///< revenue of each sale (kind 0), in row order
    std::vector<std::pair<std::uint64_t, std::int64_t>> rowHashes;  ///< (hash of the duplicate key, rowid)
};

/// The columns whose completeness the transactions check reports, as TransactionScan::filled.
inline const std::vector<std::string> kCompletenessColumns = {"customer_id", "code",    "cost",
                                                              "quantity",    "unit_price", "product",
                                                              "category",    "channel", "region"};

struct Context {
    Database& db;
    AuditReport& report;
    std::int64_t now = 0;  ///< epoch seconds; later dates are "in the future"
    std::int64_t customers = 0, surveyResponses = 0;
    TransactionStats tx;
    TransactionScan scan;

    AuditFinding& add(std::string table, std::string check, Severity severity, std::int64_t count,
                      std::string message, std::string field = {});
    /// First column of each row of `sql` (at most `limit` rows), with ?1… bound to `binds`.
    std::vector<std::string> examples(const char* sql, std::initializer_list<double> binds = {},
                                      int limit = 5);
    void completeness(const std::string& table, const std::vector<std::string>& columns,
                      const std::vector<std::int64_t>& filled, std::int64_t total);
};

void countRows(Context& c);
void checkCustomers(Context& c);
void checkCustomFields(Context& c);
void checkManagers(Context& c);
/// Reads every transaction row once (SQL aggregates over 1.4M rows cost a pass each) into c.scan.
void scanTransactions(Context& c);
void checkTransactions(Context& c);
void checkCoverage(Context& c);
void checkDuplicates(Context& c);
void checkOutliers(Context& c);
void checkActivity(Context& c);
void checkSurvey(Context& c);
void checkImports(Context& c);

/// "12.3%" for a share in 0..1.
std::string percent(double share);
/// Integer with thousands separators, "1,234,567".
std::string grouped(std::int64_t n);
/// Money-like figure with two decimals and separators.
std::string amount(double x);

}  // namespace cw::store::audit
