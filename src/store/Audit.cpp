#include "store/Audit.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <sstream>

#include <spdlog/spdlog.h>

#include "core/Log.h"
#include "core/Text.h"
#include "store/AuditChecks.h"
#include "store/Workbook.h"

namespace cw::store {
namespace {

struct Check {
    std::string_view name;
    void (*run)(audit::Context&);
};

// Order matters: row counts and the transactions pass feed the checks after them.
constexpr Check kChecks[] = {
    {"rows", audit::countRows},
    {"customers", audit::checkCustomers},
    {"custom fields", audit::checkCustomFields},
    {"managers", audit::checkManagers},
    {"transactions", audit::checkTransactions},
    {"coverage", audit::checkCoverage},
    {"duplicates", audit::checkDuplicates},
    {"outliers", audit::checkOutliers},
    {"activity", audit::checkActivity},
    {"survey", audit::checkSurvey},
    {"imports", audit::checkImports},
};

// One read transaction, so that every check sees the same data while others write.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db) : m_db(db), m_active(db.exec("BEGIN").ok()) {}
    ~ReadSnapshot() {
        if (m_active) (void)m_db.exec("COMMIT");
    }

private:
    Database& m_db;
    bool m_active;
};

// Display width of UTF-8 text: continuation bytes take no column.
std::size_t columns(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
}

void wrap(std::string& out, const std::string& text, std::size_t indent, std::size_t width) {
    std::istringstream words(text);
    std::string word;
    std::size_t col = indent;
    out.append(indent, ' ');
    bool first = true;
    while (words >> word) {
        if (!first && col + 1 + columns(word) > width) {
            out += '\n';
            out.append(indent, ' ');
            col = indent;
            first = true;
        }
        if (!first) {
            out += ' ';
            ++col;
        }
        out += word;
        col += columns(word);
        first = false;
    }
    out += '\n';
}

std::string plural(std::int64_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void appendFindings(std::string& out, const std::vector<AuditFinding>& findings) {
    std::int64_t bySeverity[3] = {0, 0, 0};
    for (const auto& f : findings) ++bySeverity[static_cast<int>(f.severity)];
    out += "\nFindings: " + plural(bySeverity[2], "error") + ", " +
           plural(bySeverity[1], "warning") + ", " + plural(bySeverity[0], "note") + "\n";
    if (findings.empty()) out += "  nothing to report\n";
    for (const auto& f : findings) {
        char head[160];
        // Fields, messages and examples may quote the data: escaped and capped.
        std::string what = f.table + "." + f.check + (f.field.empty() ? "" : " (" + text::printable(f.field, 60) + ")");
        std::snprintf(head, sizeof head, "  %-9s %s",
                      ("[" + std::string(severityName(f.severity)) + "]").c_str(), what.c_str());
        out += head;
        if (f.count > 0) out += ": " + audit::grouped(f.count);
        out += '\n';
        wrap(out, text::printable(f.message, 1000), 12, 100);
        if (!f.examples.empty()) {
            std::string ex = "e.g. ";
            for (std::size_t i = 0; i < f.examples.size(); ++i)
                ex += (i ? "; " : "") + text::printable(f.examples[i], 60);
            wrap(out, ex, 12, 100);
        }
    }
}

}  // namespace

std::string_view severityName(Severity s) {
    switch (s) {
        case Severity::Info:
            return "info";
        case Severity::Warning:
            return "warning";
        case Severity::Error:
            return "error";
    }
    return "info";
}

const AuditFinding* AuditReport::finding(std::string_view check, std::string_view table,
                                         std::string_view field) const {
    for (const auto& f : findings)
        if (f.check == check && (table.empty() || f.table == table) &&
            (field.empty() || f.field == field))
            return &f;
    return nullptr;
}

bool AuditReport::hasSeverity(Severity level) const {
    return std::any_of(findings.begin(), findings.end(),
                       [level](const AuditFinding& f) { return f.severity >= level; });
}

std::string AuditReport::toText() const {
    std::string out = "Data-quality audit\n\nRows\n";
    char buf[256];
    for (const auto& [table, n] : rowCounts) {
        std::snprintf(buf, sizeof buf, "  %-22s %14s\n", table.c_str(), audit::grouped(n).c_str());
        out += buf;
    }
    out += "\nCoverage\n";
    if (firstTransaction.empty())
        out += "  no dated transactions\n";
    else
        out += "  transactions from " + firstTransaction + " to " + lastTransaction + ", " +
               (monthsWithoutTransactions.empty()
                    ? std::string("no month without transactions")
                    : plural(std::int64_t(monthsWithoutTransactions.size()), "month") +
                          " without transactions") +
               "\n";
    out += "\nCompleteness\n";
    std::snprintf(buf, sizeof buf, "  %-18s %-26s %12s %12s %8s\n", "table", "column", "filled",
                  "total", "share");
    out += buf;
    for (const auto& c : completeness) {
        std::snprintf(buf, sizeof buf, "  %-18s %-26s %12s %12s %8s\n", c.table.c_str(),
                      text::printable(c.column, 60).c_str(), audit::grouped(c.filled).c_str(),
                      audit::grouped(c.total).c_str(),
                      c.total ? audit::percent(c.share()).c_str() : "-");
        out += buf;
    }
    appendFindings(out, findings);
    return out;
}

std::string AuditReport::toJson() const {
    using nlohmann::ordered_json;
    ordered_json j;
    j["row_counts"] = ordered_json::object();
    for (const auto& [table, n] : rowCounts) j["row_counts"][table] = n;
    j["completeness"] = ordered_json::array();
    for (const auto& c : completeness)
        j["completeness"].push_back({{"table", c.table},
                                     {"column", c.column},
                                     {"filled", c.filled},
                                     {"total", c.total},
                                     {"share", c.share()}});
    j["findings"] = ordered_json::array();
    for (const auto& f : findings)
        j["findings"].push_back(
            {{"table", f.table},
             {"check", f.check},
             {"field", f.field.empty() ? ordered_json() : ordered_json(f.field)},
             {"severity", severityName(f.severity)},
             {"count", f.count},
             {"message", f.message},
             {"examples", f.examples}});
    auto date = [](const std::string& s) { return s.empty() ? ordered_json() : ordered_json(s); };
    j["coverage"] = {{"first", date(firstTransaction)},
                     {"last", date(lastTransaction)},
                     {"months_without_transactions", monthsWithoutTransactions}};
    return j.dump(2);
}

Result<AuditReport> runAudit(Workbook& wb, const ProgressFn& progress) {
    AuditReport report;
    try {
        ReadSnapshot snapshot(wb.db());
        audit::Context ctx{wb.db(), report};
        // Workbook times are naive local times: a day of slack keeps today's sales out of
        // "the future" in every time zone.
        ctx.now = static_cast<std::int64_t>(std::time(nullptr)) + 86400;
        const auto total = static_cast<std::int64_t>(std::size(kChecks));
        for (std::int64_t i = 0; i < total; ++i) {
            if (progress && !progress({kChecks[i].name, i, total}))
                return makeError(ErrorKind::Cancelled, "audit cancelled");
            const auto t0 = std::chrono::steady_clock::now();
            kChecks[i].run(ctx);
            log::get("store")->debug("audit {}: {:.3f} s", kChecks[i].name,
                                     std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        }
        if (progress) (void)progress({"done", total, total});
    } catch (const SqlError& e) {
        Error err = makeError(ErrorKind::Workbook, "cannot audit the workbook: " + e.message,
                              "check that the file is a readable Clienting workbook");
        err.file = wb.path();
        return err;
    }
    std::stable_sort(
        report.findings.begin(), report.findings.end(),
        [](const AuditFinding& a, const AuditFinding& b) { return a.severity > b.severity; });
    return report;
}

}  // namespace cw::store
