#pragma once
// The data-quality audit: what is in the workbook and what is wrong with it.
// Read-only; computed with SQL aggregations so it works on large workbooks.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/Progress.h"
#include "core/Result.h"

namespace cw::store {

class Workbook;

enum class Severity { Info, Warning, Error };
std::string_view severityName(Severity s);

struct ColumnCompleteness {
    std::string table;
    std::string column;
    std::int64_t filled = 0;
    std::int64_t total = 0;
    double share() const { return total ? double(filled) / double(total) : 1.0; }
};

struct AuditFinding {
    std::string table;
    std::string check;  ///< stable code: duplicates, orphans, out_of_range, date_gap, outliers…
    std::string field;  ///< column or rule the check is about, when one check has several
    Severity severity = Severity::Info;
    std::int64_t count = 0;
    std::string message;                ///< one sentence for the user, with what to do
    std::vector<std::string> examples;  ///< a few offending values or ids
};

struct AuditReport {
    std::map<std::string, std::int64_t> rowCounts;
    std::vector<ColumnCompleteness> completeness;
    std::vector<AuditFinding> findings;
    std::string firstTransaction, lastTransaction;       ///< ISO dates, empty without transactions
    std::vector<std::string> monthsWithoutTransactions;  ///< "YYYY-MM" inside the covered range

    std::string toText() const;
    std::string toJson() const;  ///< one JSON object (see docs/cli.md)

    /// The first finding with this check code (and table / field when given), or nullptr.
    const AuditFinding* finding(std::string_view check, std::string_view table = {},
                                std::string_view field = {}) const;
    /// Whether any finding is at least as severe as `level`.
    bool hasSeverity(Severity level) const;
};

/// Runs every check in one read snapshot. Progress: phase = check name, done/total = checks.
/// Errors: Workbook (unreadable), Cancelled (the callback returned false).
Result<AuditReport> runAudit(Workbook& wb, const ProgressFn& progress = {});

}  // namespace cw::store
