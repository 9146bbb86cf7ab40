// Audit checks on transactions: one aggregate pass for completeness, ranges,
// returns and anonymous sales, then coverage, duplicates and outliers.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/CivilTime.h"
#include "store/AuditChecks.h"

namespace cw::store::audit {
namespace {

std::string rows(std::int64_t n, const char* one, const char* many) {
    return grouped(n) + " " + (n == 1 ? one : many);
}

std::string monthKey(int y, unsigned m) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
    return buf;
}

// Anonymous sales are normal in shops; they break per-customer analysis only when they
// are a large part of the business.
void anonymousFinding(Context& c) {
    const auto& t = c.tx;
    if (t.anonymous == 0) return;
    const double share = double(t.anonymous) / double(t.rows);
    const double revenueShare = t.salesRevenue > 0 ? t.anonymousRevenue / t.salesRevenue : 0;
    const Severity sev = share > 0.5    ? Severity::Error
                         : share > 0.05 ? Severity::Warning
                                        : Severity::Info;
    std::string msg = "Transactions without a customer id: " + grouped(t.anonymous) + " (" +
                      percent(share) + " of rows, " + percent(revenueShare) +
                      " of sales revenue); they count in totals but in no customer's figures — ";
    msg += sev == Severity::Error
               ? "with most sales anonymous, per-customer analysis means little; check that the "
                 "customer id column is mapped."
               : "map the customer id column if the source has one, or accept them as walk-in "
                 "sales.";
    c.add("transactions", "anonymous", sev, t.anonymous, std::move(msg));
}

void returnsFinding(Context& c) {
    const auto& t = c.tx;
    if (t.returns == 0) return;
    const double revenueShare = t.salesRevenue > 0 ? -t.returnsRevenue / t.salesRevenue : 0;
    c.add("transactions", "returns", revenueShare > 0.10 ? Severity::Warning : Severity::Info,
          t.returns,
          "Returns and cancellations: " + grouped(t.returns) + " (" +
              percent(double(t.returns) / double(t.rows)) + " of rows), worth " +
              percent(revenueShare) +
              " of sales revenue and netted in revenue — check that credit notes belong to "
              "imported sales, and that cancelled orders were meant to be imported.");
}

// `what` follows "N sales" / "N transactions" in the message.
void rangeFinding(Context& c, double n, const char* field, bool sales, const std::string& what,
                  const char* examplesSql, std::initializer_list<double> binds = {}) {
    if (n <= 0) return;
    const auto k = static_cast<std::int64_t>(n);
    c.add("transactions", "out_of_range", Severity::Warning, k,
          (sales ? rows(k, "sale", "sales") : rows(k, "transaction", "transactions")) + " " + what,
          field)
        .examples = c.examples(examplesSql, binds);
}

// Details of the sale-value rules, run only when the main pass found a problem.
void checkSaleValues(Context& c) {
    auto st = c.db.prepareOrThrow(
        "SELECT total(unit_price<=0), total(revenue=0), total(quantity<0) FROM transactions "
        "WHERE kind=0 AND (unit_price<=0 OR revenue=0 OR quantity<0)");
    st.step();
    rangeFinding(c, st.real(0), "unit_price", true,
                 "with a zero or negative unit price — correct the prices in the source, or map "
                 "the right price column.",
                 "SELECT printf('import #%d line %d: %s, unit price %g', import_id, line, "
                 "coalesce(code, '(no invoice id)'), unit_price) FROM transactions WHERE kind=0 "
                 "AND unit_price<=0");
    rangeFinding(c, st.real(1), "revenue", true,
                 "with zero revenue — check whether they are free samples or missing prices.",
                 "SELECT printf('import #%d line %d: %s', import_id, line, coalesce(code, '(no "
                 "invoice id)')) FROM transactions WHERE kind=0 AND revenue=0");
    rangeFinding(c, st.real(2), "quantity", true,
                 "with a negative quantity — mark them as returns in the source or fix the sign, "
                 "then re-import.",
                 "SELECT printf('import #%d line %d: %s, quantity %g', import_id, line, "
                 "coalesce(code, '(no invoice id)'), quantity) FROM transactions WHERE kind=0 AND "
                 "quantity<0");
}

// Dates outside 1990..now: counted, and left out of the covered range.
void checkDates(Context& c) {
    auto st = c.db.prepareOrThrow(
        "SELECT total(ts > ?1 OR ts < ?2), min(CASE WHEN ts BETWEEN ?2 AND ?1 THEN ts END), "
        "max(CASE WHEN ts BETWEEN ?2 AND ?1 THEN ts END) FROM transactions");
    st.bind(1, c.now).bind(2, kEarliestTs);
    st.step();
    c.tx.firstTs = st.optInt64(1).value_or(0);
    c.tx.lastTs = st.optInt64(2).value_or(-1);
    rangeFinding(c, st.real(0), "ts", false,
                 "dated in the future or before 1990 — check the date format of the import "
                 "(--date-format) and re-import.",
                 "SELECT printf('import #%d line %d: %s', import_id, line, datetime(ts, "
                 "'unixepoch')) FROM transactions WHERE ts > ?1 OR ts < ?2",
                 {double(c.now), double(kEarliestTs)});
}

// Order statistic with linear interpolation, by selection: O(n), where sorting all sales
// (SQL ORDER BY) costs several times the scan itself.
double quantile(std::vector<double>& v, double p) {
    const double pos = p * double(v.size() - 1);
    const auto lo = static_cast<std::size_t>(pos);
    std::nth_element(v.begin(), v.begin() + lo, v.end());
    if (lo + 1 >= v.size()) return v[lo];
    const double next = *std::min_element(v.begin() + lo + 1, v.end());
    return v[lo] + (pos - double(lo)) * (next - v[lo]);
}

}  // namespace

// Completeness counts non-NULL values: the importers store empty fields as NULL.
void checkTransactions(Context& c) {
    scanTransactions(c);
    const auto& scan = c.scan;
    auto& t = c.tx;
    t.rows = scan.rows;
    c.completeness("transactions", kCompletenessColumns, scan.filled, t.rows);
    if (t.rows == 0) {
        // A survey on its own is a study the analysis supports; customers without any
        // transaction are an error; an empty workbook only says what to import first.
        if (c.surveyResponses > 0)
            c.add("transactions", "no_transactions", Severity::Info, 0,
                  "The workbook has survey answers and no transactions: the analysis covers the survey "
                  "(importance × satisfaction, NPS); profitability, loyalty, potential and the customer "
                  "matrices need a transactions file (clienting import --table transactions FILE).");
        else if (c.customers > 0)
            c.add("transactions", "no_transactions", Severity::Error, 0,
                  "The workbook has customers but no transactions, which every metric and matrix needs — "
                  "import a transactions file (clienting import --table transactions FILE).");
        else
            c.add("transactions", "empty_table", Severity::Info, 0,
                  "No transactions yet — import a transactions file (clienting import --table transactions "
                  "FILE) or a survey to begin.");
        return;
    }
    t.returns = scan.returns;
    t.sales = t.rows - t.returns;
    t.returnsRevenue = scan.returnsRevenue;
    t.salesRevenue = scan.revenue - t.returnsRevenue;
    t.anonymous = t.rows - scan.filled[0];
    t.anonymousRevenue = scan.anonymousSalesRevenue;
    t.firstTs = scan.minTs;
    t.lastTs = scan.maxTs;
    anonymousFinding(c);
    returnsFinding(c);
    if (scan.badSales > 0) checkSaleValues(c);
    if (t.firstTs < kEarliestTs || t.lastTs > c.now) checkDates(c);
}

// Months are derived from the distinct days (a few thousand, from the scan), not from every row.
void checkCoverage(Context& c) {
    const auto& t = c.tx;
    if (t.rows == 0 || t.lastTs < t.firstTs) return;
    c.report.firstTransaction = formatDate(t.firstTs / 86400);
    c.report.lastTransaction = formatDate(t.lastTs / 86400);
    // The days of the dates in range: firstTs and lastTs are the earliest and latest of them.
    std::set<int> months;
    for (std::int64_t day : c.scan.days) {
        if (day < t.firstTs / 86400 || day > t.lastTs / 86400) continue;
        int y;
        unsigned m, d;
        civilFromDays(day, y, m, d);
        months.insert(y * 12 + int(m) - 1);
    }
    if (months.empty()) return;
    for (int k = *months.begin(); k <= *months.rbegin(); ++k)
        if (!months.count(k))
            c.report.monthsWithoutTransactions.push_back(monthKey(k / 12, unsigned(k % 12 + 1)));
    const auto& gaps = c.report.monthsWithoutTransactions;
    if (gaps.empty()) return;
    const auto n = static_cast<std::int64_t>(gaps.size());
    c.add("transactions", "date_gap", Severity::Warning, n,
          rows(n, "month", "months") + " between " + c.report.firstTransaction + " and " +
              c.report.lastTransaction +
              " have no transactions at all — a file may be missing for them: import it, or "
              "keep the analysis window outside the gap.")
        .examples.assign(gaps.begin(), gaps.begin() + std::min<std::ptrdiff_t>(12, n));
}

// Tukey's far-out fence on sales revenue: the quartiles found by selection among the sales'
// revenues of the scan (SQLite has no percentile aggregate; sorting would cost several scans).
void checkOutliers(Context& c) {
    if (c.tx.sales < 20) return;
    auto& v = c.scan.saleRevenues;
    if (v.size() < 20) return;
    const double q1 = quantile(v, 0.25), median = quantile(v, 0.5), q3 = quantile(v, 0.75);
    const double fence = q3 + 3.0 * (q3 - q1);
    const auto n = std::count_if(v.begin(), v.end(), [fence](double x) { return x > fence; });
    if (n == 0) return;
    const bool extreme = median > 0 && *std::max_element(v.begin(), v.end()) > 1000.0 * median;
    c.add("transactions", "outliers", extreme ? Severity::Warning : Severity::Info, n,
          rows(n, "sale exceeds", "sales exceed") + " " + amount(fence) +
              " (Q3 + 3×IQR of sales revenue; Q1 " + amount(q1) + ", Q3 " + amount(q3) +
              ") — check the largest for typing errors such as extra zeros; genuine large deals "
              "are fine but weigh heavily on averages.")
        .examples = c.examples(
        "SELECT printf('%s, %s, %s: %.2f', coalesce(c.code, '(anonymous)'), coalesce(t.code, '(no "
        "invoice id)'), date(t.ts, 'unixepoch'), t.revenue) FROM transactions t LEFT JOIN "
        "customers c ON c.id=t.customer_id WHERE t.kind=0 AND t.revenue > ?1 "
        "ORDER BY t.revenue DESC LIMIT 5",
        {fence});
}

void checkActivity(Context& c) {
    if (c.tx.rows == 0) return;
    if (c.report.rowCounts["cost_to_serve"] == 0)
        c.add("cost_to_serve", "empty_table", Severity::Info, 0,
              "No cost-to-serve figures: profitability counts product margins only — import the "
              "cost per order and per customer-year of each channel.");
    if (c.customers == 0) return;
    auto st = c.db.prepareOrThrow(
        "SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE "
        "t.customer_id=c.id)");
    st.step();
    if (auto n = st.int64(0); n > 0)
        c.add("customers", "without_transactions", Severity::Info, n,
              rows(n, "customer has", "customers have") +
                  " no transactions — prospects, or customers who last bought before the "
                  "history starts; they are left out of spend figures.")
            .examples = c.examples(
            "SELECT code FROM customers c WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE "
            "t.customer_id=c.id)");
}

}  // namespace cw::store::audit
