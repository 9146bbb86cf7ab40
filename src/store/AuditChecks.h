#pragma once
// The audit's checks, one function each, sharing a context. Internal to the
// store: runAudit() (Audit.cpp) calls them in order inside one read snapshot.
// Each check is a few SQL aggregations, so the audit stays fast on millions
// of transactions. Failures of this constant SQL are thrown as SqlError.
#include <cstdint>
#include <initializer_list>
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

struct Context {
    Database& db;
    AuditReport& report;
    std::int64_t now = 0;  ///< epoch seconds; later dates are "in the future"
    std::int64_t customers = 0, surveyResponses = 0;
    TransactionStats tx;

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
