// Acceptance test of the key management indicators that `analyze` stores in kpi_values, on the
// committed fixture tests/data/kpi/ (synthetic, made by tests/data/tools/make_kpi_fixture.py: a
// three-level hierarchy of managers, ~26 months of invoices with returns, missing costs, exits
// and anorexia, dated survey answers, cost-to-serve rates).
//
// Every stored part of every node and period is computed again by SQL written here from the raw
// tables (transactions, customers, managers, survey_responses, cost_to_serve, settings) and the
// per-customer results of the analysis the indicators build on (customer_metrics: exit_day,
// exited, profitable_exit, loyalty, potential, anorexic), following docs/indicators.md and
// docs/analysis.md; nothing of the engine's KPI code and nothing of kpi_values is used for the
// expected values. Then: the ratios the engine derives from the stored parts equal the ratios of
// the SQL counts; a parent's additive parts are the sum over its children plus its own customers,
// and its ratios are recomputed from those sums (never averaged: at least one parent's ratio
// differs from the mean of its children's); the company is the sum of the top nodes and the
// customers without a manager.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "engine/Analysis.h"
#include "engine/kpi/Indicators.h"
#include "engine/kpi/KpiCompute.h"
#include "engine/kpi/Periods.h"
#include "engine/load/KpiValues.h"
#include "store/Importer.h"
#include "store/Kpi.h"
#include "store/Workbook.h"
#include "support/FreshWorkbook.h"
#include "support/SuiteTempDir.h"

using namespace cw;
using namespace cw::engine;
using cw::engine::kpi::IndicatorId;
using cw::store::TargetTable;
using cw::store::Workbook;

namespace {

[[maybe_unused]] auto* const g_tempDir =
    ::testing::AddGlobalTestEnvironment(new cw::test::SuiteTempDir);

// ---------------------------------------------------------------------------------------------
// The expected values, in SQL. Days are days since 1970-01-01 (ts / 86400); months are numbered
// year × 12 + month − 1, so that quarters start at multiples of 3 and years at multiples of 12.
// ---------------------------------------------------------------------------------------------

// Common table expressions: the definitions, the periods, and every customer's contribution to
// every part in every period (`cp`), then the customers of each node (`member`).
constexpr std::string_view kCustomerPeriodCtes = R"SQL(
WITH RECURSIVE
-- The definitions (docs/analysis.md, setting analysis.settings; a missing key keeps its default).
-- analysis_date null: the day of the last transaction in the workbook (of any kind).
cfg AS (
  SELECT coalesce(CAST(julianday(json_extract(v, '$.analysis_date')) - 2440587.5 AS INTEGER),
                  (SELECT max(ts) / 86400 FROM transactions))      AS analysis_day,
         coalesce(json_extract(v, '$.gross_margin_rate'), 0.30)    AS gross_margin_rate,
         coalesce(json_extract(v, '$.horizon_months'), 12)         AS horizon_months,
         coalesce(json_extract(v, '$.anorexia_window_months'), 6)  AS anorexia_months,
         coalesce(json_extract(v, '$.anorexia_drop'), 0.40)        AS anorexia_drop,
         coalesce(json_extract(v, '$.anorexia_min_orders'), 2)     AS anorexia_min_orders
  FROM (SELECT (SELECT value FROM settings WHERE key = 'analysis.settings') AS v)
),
-- Transactions of known customers (anonymous sales belong to no node) up to the analysis date;
-- the product cost is revenue × (1 − gross margin rate) where the transaction has none.
tx AS (
  SELECT t.customer_id, t.ts / 86400 AS day, t.kind, t.revenue,
         coalesce(t.cost, t.revenue * (1 - cfg.gross_margin_rate)) AS cost,
         CAST(strftime('%Y', t.ts, 'unixepoch') AS INTEGER) * 12
           + CAST(strftime('%m', t.ts, 'unixepoch') AS INTEGER) - 1 AS month
  FROM transactions t, cfg
  WHERE t.customer_id IS NOT NULL AND t.ts / 86400 <= cfg.analysis_day
),
-- Dated survey answers of known customers up to the analysis date.
answer AS (
  SELECT s.id, s.customer_id, s.ts, s.ts / 86400 AS day, s.satisfaction, s.recommend
  FROM survey_responses s, cfg
  WHERE s.customer_id IS NOT NULL AND s.ts IS NOT NULL AND s.ts / 86400 <= cfg.analysis_day
),
-- Periods run from the one holding the first purchase (a sale, kind 0) or the first dated answer,
-- whichever is earlier, to the one holding the analysis date.
bounds AS (
  SELECT CAST(strftime('%Y', first_day * 86400, 'unixepoch') AS INTEGER) * 12
           + CAST(strftime('%m', first_day * 86400, 'unixepoch') AS INTEGER) - 1 AS first_month,
         CAST(strftime('%Y', analysis_day * 86400, 'unixepoch') AS INTEGER) * 12
           + CAST(strftime('%m', analysis_day * 86400, 'unixepoch') AS INTEGER) - 1 AS last_month
  FROM (SELECT min(coalesce(sale, dated), coalesce(dated, sale)) AS first_day, analysis_day
        FROM (SELECT (SELECT min(day) FROM tx WHERE kind = 0) AS sale, (SELECT min(day) FROM answer) AS dated,
                     analysis_day FROM cfg))
),
kinds(kind, months) AS (VALUES ('month', 1), ('quarter', 3), ('year', 12)),
-- Calendar periods: quarters start in January, April, July and October, years in January.
period_start(kind, months, month) AS (
  SELECT kind, months, first_month - first_month % months FROM kinds, bounds
  UNION ALL
  SELECT kind, months, month + months FROM period_start, bounds WHERE month + months <= last_month
),
-- seq numbers the periods of a kind (the previous period of the same kind is seq − 1); the last
-- period ends on the analysis date.
period AS (
  SELECT kind, seq, start_day, min(next_start - 1, analysis_day) AS end_day,
         min(month + months - 1, last_month) AS last_month
  FROM (SELECT kind, months, month, row_number() OVER (PARTITION BY kind ORDER BY month) AS seq,
               CAST(julianday(printf('%04d-%02d-01', month / 12, month % 12 + 1)) - 2440587.5 AS INTEGER)
                 AS start_day,
               CAST(julianday(printf('%04d-%02d-01', (month + months) / 12, (month + months) % 12 + 1))
                    - 2440587.5 AS INTEGER) AS next_start
        FROM period_start), cfg, bounds
),
-- Cost-to-serve rates of a channel (its activities add up); the row without a channel is the
-- default for channels not listed and for customers without a channel (docs/analysis.md).
rate AS (
  SELECT channel, sum(coalesce(cost_per_order, 0)) AS per_order,
         sum(coalesce(cost_per_customer_year, 0)) AS per_year
  FROM cost_to_serve GROUP BY channel
),
-- Each customer: its first purchase day, and from the analysis its exit day (when it exited),
-- profitable exit, loyalty index, potential and anorexia flag at the analysis date; its rates.
cust AS (
  SELECT c.id, c.manager_id,
         (SELECT min(day) FROM tx WHERE tx.customer_id = c.id AND tx.kind = 0) AS first_day,
         CASE WHEN m.exited = 1 THEN m.exit_day END AS exit_day,
         coalesce(m.profitable_exit, 0) AS profitable_exit,
         m.loyalty, m.potential, coalesce(m.anorexic, 0) AS anorexic_now,
         coalesce(r.per_order, d.per_order, 0) AS per_order,
         coalesce(r.per_year, d.per_year, 0) AS per_year
  FROM customers c
  LEFT JOIN customer_metrics m ON m.customer_id = c.id
  LEFT JOIN rate r ON r.channel = c.channel
  LEFT JOIN rate d ON coalesce(d.channel, '') = ''
),
-- A customer's transactions in a period: net revenue (returns negative), product cost, and
-- purchase days (distinct days with a sale; several invoices on one day are one).
activity AS (
  SELECT p.kind, p.seq, t.customer_id, sum(t.revenue) AS revenue, sum(t.cost) AS cost,
         count(DISTINCT CASE WHEN t.kind = 0 THEN t.day END) AS purchase_days
  FROM tx t JOIN period p ON t.day BETWEEN p.start_day AND p.end_day
  GROUP BY p.kind, p.seq, t.customer_id
),
-- Revenue and purchase days per customer and calendar month.
monthly AS (
  SELECT customer_id, month, sum(revenue) AS revenue, count(DISTINCT CASE WHEN kind = 0 THEN day END) AS days
  FROM tx GROUP BY customer_id, month
),
-- The anorexia windows at a period's end (docs/analysis.md on whole months): recent = the
-- anorexia_window_months calendar months ending with the period's last month, previous = as
-- many months before them.
windows AS (
  SELECT p.kind, p.seq, mo.customer_id,
         sum(CASE WHEN mo.month > p.last_month - cfg.anorexia_months THEN mo.revenue ELSE 0 END) AS recent_revenue,
         sum(CASE WHEN mo.month > p.last_month - cfg.anorexia_months THEN mo.days ELSE 0 END) AS recent_days,
         sum(CASE WHEN mo.month <= p.last_month - cfg.anorexia_months THEN mo.revenue ELSE 0 END) AS prev_revenue,
         sum(CASE WHEN mo.month <= p.last_month - cfg.anorexia_months THEN mo.days ELSE 0 END) AS prev_days
  FROM period p, cfg JOIN monthly mo
    ON mo.month > p.last_month - 2 * cfg.anorexia_months AND mo.month <= p.last_month
  GROUP BY p.kind, p.seq, mo.customer_id
),
-- Each customer's latest dated answer of each period: by time, then by response id
-- (docs/analysis.md, Satisfaction).
latest AS (
  SELECT * FROM (
    SELECT p.kind, p.seq, a.customer_id, a.satisfaction, a.recommend,
           row_number() OVER (PARTITION BY p.kind, p.seq, a.customer_id ORDER BY a.ts DESC, a.id DESC) AS n
    FROM answer a JOIN period p ON a.day BETWEEN p.start_day AND p.end_day)
  WHERE n = 1
),
-- Every customer × every period, with what the parts need.
cp0 AS (
  SELECT p.kind, p.seq, p.start_day, p.end_day, c.id AS customer_id, c.manager_id,
         c.first_day, c.exit_day, c.profitable_exit, c.loyalty, c.potential, c.anorexic_now,
         c.per_order, c.per_year,
         coalesce(a.purchase_days, 0) AS purchase_days, coalesce(pa.purchase_days, 0) AS prev_purchase_days,
         coalesce(a.revenue, 0) AS revenue, coalesce(a.cost, 0) AS product_cost,
         w.prev_revenue, w.prev_days, w.recent_revenue, w.recent_days,
         l.satisfaction, l.recommend,
         p.end_day = cfg.analysis_day AS at_analysis_date,
         cfg.horizon_months, cfg.anorexia_drop, cfg.anorexia_min_orders
  FROM period p CROSS JOIN cust c CROSS JOIN cfg
  LEFT JOIN activity a ON a.kind = p.kind AND a.seq = p.seq AND a.customer_id = c.id
  LEFT JOIN activity pa ON pa.kind = p.kind AND pa.seq = p.seq - 1 AND pa.customer_id = c.id
  LEFT JOIN windows w ON w.kind = p.kind AND w.seq = p.seq AND w.customer_id = c.id
  LEFT JOIN latest l ON l.kind = p.kind AND l.seq = p.seq AND l.customer_id = c.id
),
cp1 AS (
  SELECT *,
         -- active: a purchase in the period (a return is not a purchase).
         purchase_days > 0 AS active,
         prev_purchase_days > 0 AS prev_active,
         -- cost_to_serve: for each active customer, at its channel's rates: purchase days in the
         -- period × cost per order + cost per customer-year × days of the period ÷ 365.25.
         CASE WHEN purchase_days > 0 THEN purchase_days * per_order + per_year * (end_day - start_day + 1) / 365.25
              ELSE 0 END AS cost_to_serve,
         -- in the customer base at the period's end: first purchase on or before it and exit day,
         -- if any, after it.
         coalesce(first_day <= end_day AND (exit_day IS NULL OR exit_day > end_day), 0) AS in_base
  FROM cp0
),
cp2 AS (SELECT *, revenue - product_cost - cost_to_serve AS margin FROM cp1),
-- One customer's contribution to each additive part of one period (docs/indicators.md).
cp AS (
  SELECT kind, seq, start_day, end_day, customer_id, manager_id, active, margin,
         in_base AS customers,                                            -- customer base at the end
         active,                                                          -- a purchase in the period
         coalesce(first_day BETWEEN start_day AND end_day, 0) AS new_customers,  -- first purchase in it
         coalesce(exit_day BETWEEN start_day AND end_day, 0) AS exits,           -- exit day in it
         coalesce(exit_day BETWEEN start_day AND end_day, 0) AND profitable_exit AS profitable_exits,
         active AND prev_active AS retained,              -- active in the previous period and this one
         prev_active,                                     -- active in the previous period of the kind
         revenue,                                         -- net revenue, returns netted
         margin,                                          -- revenue − product cost − cost to serve
         cost_to_serve,
         coalesce(satisfaction, 0) AS satisfaction_sum,   -- of the latest dated answer of the period
         satisfaction IS NOT NULL AS satisfaction_n,      -- that answer has an overall satisfaction
         CASE WHEN recommend >= 9 THEN 1 WHEN recommend <= 6 THEN -1 ELSE 0 END AS nps_net,  -- promoter − detractor
         recommend IS NOT NULL AS nps_n,                  -- that answer has a likelihood to recommend
         CASE WHEN active AND loyalty IS NOT NULL THEN loyalty ELSE 0 END AS loyalty_sum,  -- active customers'
         active AND loyalty IS NOT NULL AS loyalty_n,                                      -- loyalty index
         -- potential captured: the period's margin of the active customers with a potential, and
         -- their potential × days of the period ÷ (horizon months × 30.4375).
         CASE WHEN active AND potential IS NOT NULL THEN margin ELSE 0 END AS potential_margin,
         CASE WHEN active AND potential IS NOT NULL
              THEN potential * (end_day - start_day + 1) / (horizon_months * 30.4375) ELSE 0 END AS potential_open,
         -- anorexic: in the base at the period's end and buying less; on the analysis date the
         -- customer's anorexia flag, before it docs/analysis.md's rule on the whole-month windows.
         in_base AND CASE
           WHEN at_analysis_date THEN anorexic_now = 1
           ELSE coalesce(prev_revenue > 0 AND prev_days >= anorexia_min_orders
                         AND (recent_revenue < (1 - anorexia_drop) * prev_revenue
                              OR (prev_days >= 3 AND recent_days < (1 - anorexia_drop) * prev_days)), 0)
         END AS anorexic
  FROM cp2
),
-- The managers of a node's subtree (itself and every manager below it at any depth) ...
subtree(node_id, manager_id) AS (
  SELECT id, id FROM managers
  UNION
  SELECT s.node_id, m.id FROM subtree s JOIN managers m ON m.parent_id = s.manager_id
),
-- ... and its customers; node 0 is the whole company: every customer, with a manager or not.
member(node_id, customer_id) AS (
  SELECT 0, id FROM customers
  UNION ALL
  SELECT s.node_id, c.id FROM subtree s JOIN customers c ON c.manager_id = s.manager_id
)
)SQL";

// The 20 stored parts in store::kKpiPartColumns' order, per group of customers and period, from
// the customers' contributions (`cp`); `g(group_id, customer_id)` says who is in which group. Every
// group has a row for every period. top_margin is not additive: the margin of the ⌈n ÷ 5⌉ of the
// group's n active customers with the highest margin (NULL without active customers).
std::string partsSql(std::string_view groups) {
    return std::string(kCustomerPeriodCtes) + ",\ng(group_id, customer_id) AS (" +
           std::string(groups) + ")," +
           R"SQL(
ranked AS (
  SELECT g.group_id, cp.kind, cp.seq, cp.margin,
         row_number() OVER (PARTITION BY g.group_id, cp.kind, cp.seq ORDER BY cp.margin DESC) AS place,
         count(*) OVER (PARTITION BY g.group_id, cp.kind, cp.seq) AS n
  FROM g JOIN cp ON cp.customer_id = g.customer_id
  WHERE cp.active
),
top AS (SELECT group_id, kind, seq, sum(margin) AS top_margin FROM ranked WHERE place <= (n + 4) / 5 GROUP BY 1, 2, 3),
parts AS (
  SELECT g.group_id AS node_id, cp.kind, cp.start_day, cp.end_day,
         sum(cp.customers) AS customers, sum(cp.active) AS active, sum(cp.new_customers) AS new,
         sum(cp.exits) AS exits, sum(cp.profitable_exits) AS profitable_exits, sum(cp.retained) AS retained,
         sum(cp.prev_active) AS prev_active, sum(cp.revenue) AS revenue, sum(cp.margin) AS margin,
         sum(cp.cost_to_serve) AS cost_to_serve, max(top.top_margin) AS top_margin,
         sum(cp.satisfaction_sum) AS satisfaction_sum, sum(cp.satisfaction_n) AS satisfaction_n,
         sum(cp.nps_net) AS nps_net, sum(cp.nps_n) AS nps_n, sum(cp.loyalty_sum) AS loyalty_sum,
         sum(cp.loyalty_n) AS loyalty_n, sum(cp.potential_margin) AS potential_margin,
         sum(cp.potential_open) AS potential_open, sum(cp.anorexic) AS anorexic
  FROM g JOIN cp ON cp.customer_id = g.customer_id
  LEFT JOIN top ON top.group_id = g.group_id AND top.kind = cp.kind AND top.seq = cp.seq
  GROUP BY g.group_id, cp.kind, cp.seq
)
)SQL";
}

// Per node (0: the company, else managers.id with its whole subtree) and period.
const std::string kNodeGroups = "SELECT node_id, customer_id FROM member";
// Per node's own customers (customers.manager_id = the node; 0: the customers without a manager).
const std::string kOwnGroups = "SELECT coalesce(manager_id, 0), id FROM customers";
constexpr std::string_view kAllParts = "SELECT * FROM parts ORDER BY node_id, kind, start_day";

// The ratios of docs/indicators.md from the SQL counts and sums of each node and period (NULL: no
// value, when the denominator is zero).
constexpr std::string_view kRatios = R"SQL(
SELECT node_id, kind, start_day,
       100.0 * retained / NULLIF(prev_active, 0) AS retention_rate,     -- retained ÷ previously active × 100
       margin / NULLIF(active, 0) AS margin_per_customer,                -- margin ÷ active customers
       satisfaction_sum / NULLIF(satisfaction_n, 0) AS satisfaction,     -- mean overall satisfaction
       100.0 * nps_net / NULLIF(nps_n, 0) AS nps,                        -- (promoters − detractors) ÷ answers × 100
       loyalty_sum / NULLIF(loyalty_n, 0) AS loyalty_index,              -- mean loyalty of active customers
       100.0 * potential_margin / NULLIF(potential_margin + potential_open, 0) AS potential_captured,
       CASE WHEN margin > 0 THEN 100.0 * top_margin / margin END AS top_share_of_margin  -- none when margin ≤ 0
FROM parts ORDER BY node_id, kind, start_day
)SQL";

// The ratio indicators, in kRatios' column order.
constexpr std::array<IndicatorId, 7> kRatioIds = {
    IndicatorId::RetentionRate,   IndicatorId::MarginPerCustomer,
    IndicatorId::Satisfaction,    IndicatorId::Nps,
    IndicatorId::LoyaltyIndex,    IndicatorId::PotentialCaptured,
    IndicatorId::TopShareOfMargin};

// ---------------------------------------------------------------------------------------------

constexpr std::size_t kParts = store::kKpiPartColumns.size();
constexpr std::size_t kTopMargin = 10;  // the one part that is not additive
static_assert(store::kKpiPartColumns[kTopMargin] == "top_margin");
using Parts = std::array<double, kParts>;  // NaN: NULL

// The index of a part in store::kKpiPartColumns.
std::size_t part(std::string_view column) {
    const auto it = std::find(store::kKpiPartColumns.begin(), store::kKpiPartColumns.end(), column);
    EXPECT_NE(it, store::kKpiPartColumns.end()) << column;
    return static_cast<std::size_t>(it - store::kKpiPartColumns.begin());
}

// Whether part k is a count (compared exactly) or an amount (compared to 1e-6 relative).
bool isCount(std::size_t k) {
    const std::string_view c = store::kKpiPartColumns[k];
    return !(c == "revenue" || c == "margin" || c == "cost_to_serve" || c == "top_margin" ||
             c == "satisfaction_sum" || c == "loyalty_sum" || c == "potential_margin" ||
             c == "potential_open");
}

struct Key {
    std::int64_t node;
    std::string kind;
    std::int32_t start;
    auto operator<=>(const Key&) const = default;
};

std::string describe(const Key& k) {
    return "node " + std::to_string(k.node) + ", " + k.kind + " starting on day " +
           std::to_string(k.start) + " (" +
           kpi::periodLabel(
               {*kpi::parsePeriodKind(k.kind), k.start, k.start, kpi::monthOf(k.start)}) +
           ")";
}

struct Row {
    std::int32_t end = 0;
    Parts parts{};
};

// Rows of a query whose columns are node_id, kind, start_day, end_day and the 20 parts.
std::map<Key, Row> partsByKey(store::Database& db, const std::string& sql) {
    std::map<Key, Row> out;
    auto st = db.prepareOrThrow(sql);
    while (st.step()) {
        Row r;
        r.end = static_cast<std::int32_t>(st.int64(3));
        for (std::size_t k = 0; k < kParts; ++k) {
            const int col = 4 + static_cast<int>(k);
            r.parts[k] = st.isNull(col) ? std::nan("") : st.real(col);
        }
        out[{st.int64(0), st.text(1), static_cast<std::int32_t>(st.int64(2))}] = r;
    }
    EXPECT_TRUE(st.lastError().empty()) << st.lastError();
    return out;
}

bool near(double expected, double actual, double relative = 1e-6) {
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    return std::fabs(expected - actual) <= relative * std::max(1.0, std::fabs(expected));
}

// Compares two sets of parts; `what` names the comparison in failures. Skips top_margin unless
// asked.
void expectParts(const Parts& expected, const Parts& actual, const std::string& what,
                 bool withTopMargin) {
    for (std::size_t k = 0; k < kParts; ++k) {
        if (k == kTopMargin && !withTopMargin) continue;
        if (isCount(k)) {
            EXPECT_EQ(expected[k], actual[k]) << what << ": " << store::kKpiPartColumns[k];
        } else {
            EXPECT_TRUE(near(expected[k], actual[k]))
                << what << ": " << store::kKpiPartColumns[k] << " expected " << expected[k]
                << ", stored " << actual[k];
        }
    }
}

Parts& operator+=(Parts& a, const Parts& b) {
    for (std::size_t k = 0; k < kParts; ++k)
        if (k != kTopMargin) a[k] += b[k];
    return a;
}

std::string fixture(const std::string& name) {
    return std::string(CW_TEST_DATA_DIR) + "/kpi/" + name;
}

class KpiValues : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_wb = new std::optional<Workbook>(test::freshWorkbook("kpi-values.cwb"));
        ASSERT_TRUE(s_wb->has_value());
        auto& wb = **s_wb;
        // Wallet potential (the fixture's `wallet` field): some customers have a potential, some
        // none. A gross margin rate other than the default, read back by the SQL from the settings.
        ASSERT_TRUE(wb.setSetting("analysis.settings",
                                  R"({"potential_method": "wallet", "gross_margin_rate": 0.35})")
                        .ok());
        const std::pair<const char*, TargetTable> files[] = {
            {"managers.csv", TargetTable::Managers},
            {"customers.csv", TargetTable::Customers},
            {"cost_to_serve.csv", TargetTable::CostToServe},
            {"transactions.csv", TargetTable::Transactions},
            {"survey.csv", TargetTable::Survey}};
        for (const auto& [file, table] : files) {
            store::ImportOptions o;
            o.file = fixture(file);
            o.table = table;
            if (table == TargetTable::Survey) o.overallScale = std::make_pair(0.0, 10.0);
            auto r = store::importFile(wb, o);
            ASSERT_TRUE(r.ok()) << file << ": " << r.error().describe();
            ASSERT_EQ(r->rejected, 0) << file;
        }
        auto analysed = runAnalysis(wb);
        ASSERT_TRUE(analysed.ok()) << analysed.error().describe();
        ASSERT_GT(analysed->indicatorRows, 0);

        auto points = readKpiPoints(wb.db(), {});
        ASSERT_TRUE(points.ok()) << points.error().describe();
        s_stored = new std::map<Key, kpi::KpiParts>;
        s_storedEnd = new std::map<Key, std::int32_t>;
        for (const auto& p : *points) {
            const Key k{p.nodeId, std::string(kpi::toString(p.period.kind)), p.period.start};
            (*s_stored)[k] = p.parts;
            (*s_storedEnd)[k] = p.period.end;
        }
        s_expected = new std::map<Key, Row>(
            partsByKey(wb.db(), partsSql(kNodeGroups) + std::string(kAllParts)));
        s_own = new std::map<Key, Row>(
            partsByKey(wb.db(), partsSql(kOwnGroups) + std::string(kAllParts)));
    }
    static void TearDownTestSuite() {
        delete s_own;
        delete s_expected;
        delete s_storedEnd;
        delete s_stored;
        delete s_wb;
        s_own = s_expected = nullptr;
        s_storedEnd = nullptr;
        s_stored = nullptr;
        s_wb = nullptr;
    }
    void SetUp() override {
        ASSERT_TRUE(s_wb && s_wb->has_value() && s_stored && s_expected && s_own)
            << "the suite's set-up failed";
    }

    static store::Database& db() { return (**s_wb).db(); }
    static Parts stored(const Key& k) {
        auto it = s_stored->find(k);
        if (it == s_stored->end()) return Parts{};
        const auto c = toColumns(it->second);
        Parts p;
        std::copy(c.begin(), c.end(), p.begin());
        return p;
    }
    static Parts own(const Key& k) {
        auto it = s_own->find(k);
        return it == s_own->end() ? Parts{} : it->second.parts;
    }
    static std::vector<std::int64_t> ids(const std::string& sql) {
        std::vector<std::int64_t> out;
        auto st = db().prepareOrThrow(sql);
        while (st.step()) out.push_back(st.int64(0));
        return out;
    }
    static std::int64_t count(const std::string& sql) { return db().queryInt(sql).value_or(-1); }

    static std::optional<Workbook>* s_wb;
    static std::map<Key, kpi::KpiParts>* s_stored;  // segment 0 (every customer)
    static std::map<Key, std::int32_t>* s_storedEnd;
    static std::map<Key, Row>* s_expected;  // SQL, per node
    static std::map<Key, Row>* s_own;       // SQL, per node's own customers (0: no manager)
};
std::optional<Workbook>* KpiValues::s_wb = nullptr;
std::map<Key, kpi::KpiParts>* KpiValues::s_stored = nullptr;
std::map<Key, std::int32_t>* KpiValues::s_storedEnd = nullptr;
std::map<Key, Row>* KpiValues::s_expected = nullptr;
std::map<Key, Row>* KpiValues::s_own = nullptr;

// The fixture has what the indicators need to be tested (so that a regenerated fixture cannot
// quietly lose a case): see tests/data/tools/make_kpi_fixture.py.
TEST_F(KpiValues, TheFixtureHasTheCasesTheTestNeeds) {
    // Three levels, a child listed (imported) before its parent, a regional manager with customers
    // of its own, a manager without customers, customers without a manager.
    EXPECT_EQ(count("SELECT count(*) FROM managers m JOIN managers p ON p.id = m.parent_id "
                    "JOIN managers g ON g.id = p.parent_id WHERE g.parent_id IS NULL"),
              7);
    EXPECT_GT(count("SELECT count(*) FROM managers m JOIN managers p ON p.id = m.parent_id WHERE "
                    "m.id < p.id"),
              0);
    EXPECT_GT(count("SELECT count(*) FROM customers c JOIN managers m ON m.id = c.manager_id "
                    "WHERE m.level = 'regional'"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM managers m WHERE NOT EXISTS (SELECT 1 FROM customers c "
                    "WHERE c.manager_id = m.id) "
                    "AND NOT EXISTS (SELECT 1 FROM managers k WHERE k.parent_id = m.id)"),
              1);
    EXPECT_GE(count("SELECT count(*) FROM customers WHERE manager_id IS NULL"), 3);
    // Returns, missing costs, several invoices on one day, anonymous sales.
    EXPECT_GT(count("SELECT count(*) FROM transactions WHERE kind = 1 AND revenue < 0"), 10);
    EXPECT_GT(count("SELECT count(*) FROM transactions WHERE cost IS NULL"), 100);
    EXPECT_GT(
        count(
            "SELECT count(*) FROM (SELECT customer_id, ts / 86400 FROM transactions WHERE kind = 0 "
            "GROUP BY 1, 2 HAVING count(*) > 1)"),
        2);
    EXPECT_GT(count("SELECT count(*) FROM transactions WHERE customer_id IS NULL"), 0);
    // Answers twice in a month, answers without a recommendation, an undated answer.
    EXPECT_GT(count("SELECT count(*) FROM (SELECT customer_id, strftime('%Y-%m', ts, 'unixepoch') "
                    "FROM survey_responses "
                    "WHERE ts IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1)"),
              5);
    EXPECT_GT(count("SELECT count(*) FROM survey_responses WHERE recommend IS NULL"), 5);
    EXPECT_GT(count("SELECT count(*) FROM survey_responses WHERE ts IS NULL"), 0);
    // The analysis date is the last transaction day; some customers have a potential, some none.
    EXPECT_EQ(count("SELECT analysis_day FROM analysis_runs ORDER BY id DESC LIMIT 1"),
              count("SELECT max(ts) / 86400 FROM transactions"));
    EXPECT_GT(count("SELECT count(*) FROM customer_metrics WHERE potential IS NULL AND first_day "
                    "IS NOT NULL"),
              5);
    EXPECT_GT(count("SELECT count(*) FROM customer_metrics WHERE potential IS NOT NULL"), 20);
    // Over 24 months, with new customers, exits (profitable ones too), anorexia at period ends
    // before the analysis date, a customer with only a return in a month.
    const auto analysisDay = count("SELECT max(ts) / 86400 FROM transactions");
    Parts company{};
    int months = 0, anorexicBefore = 0;
    for (const auto& [k, r] : *s_expected) {
        if (k.node != 0 || k.kind != "month") continue;
        ++months;
        company += r.parts;
        if (r.end < analysisDay && r.parts[part("anorexic")] > 0) ++anorexicBefore;
    }
    EXPECT_GE(months, 24);
    EXPECT_GT(company[part("new")], 40);
    EXPECT_GT(company[part("exits")], 10);
    EXPECT_GT(company[part("profitable_exits")], 3);
    EXPECT_GT(anorexicBefore, 10);
    EXPECT_GT(count("SELECT count(*) FROM (SELECT customer_id, strftime('%Y-%m', ts, 'unixepoch') "
                    "FROM transactions "
                    "WHERE customer_id IS NOT NULL GROUP BY 1, 2 HAVING max(kind = 0) = 0)"),
              0);
}

// Every stored part of every node and period (segment 0) equals the SQL above, and the stored rows
// are exactly those the SQL finds: every node with customers (the company, every manager with a
// customer in its subtree) × every period of every kind.
TEST_F(KpiValues, EveryStoredPartEqualsAnIndependentSqlComputation) {
    std::set<Key> expectedKeys, storedKeys;
    for (const auto& [k, r] : *s_expected) expectedKeys.insert(k);
    for (const auto& [k, p] : *s_stored) storedKeys.insert(k);
    for (const auto& k : expectedKeys)
        EXPECT_TRUE(storedKeys.contains(k)) << "no stored row for " << describe(k);
    for (const auto& k : storedKeys)
        EXPECT_TRUE(expectedKeys.contains(k))
            << "a stored row the SQL does not expect: " << describe(k);
    std::printf("[ kpi_values ] %zu rows expected, %zu stored\n", expectedKeys.size(),
                storedKeys.size());

    for (const auto& [k, r] : *s_expected) {
        if (!s_stored->contains(k)) continue;
        EXPECT_EQ((*s_storedEnd)[k], r.end) << describe(k);
        expectParts(r.parts, stored(k), describe(k), true);
    }
}

// The indicators the engine derives from the stored parts (kpi::value) equal the ratios of the SQL
// counts and sums.
TEST_F(KpiValues, RatiosOfTheStoredPartsEqualRatiosOfTheSqlCounts) {
    auto st = db().prepareOrThrow(partsSql(kNodeGroups) + std::string(kRatios));
    int compared = 0, withValue = 0;
    while (st.step()) {
        const Key k{st.int64(0), st.text(1), static_cast<std::int32_t>(st.int64(2))};
        auto it = s_stored->find(k);
        if (it == s_stored->end())
            continue;  // reported by EveryStoredPartEqualsAnIndependentSqlComputation
        for (std::size_t i = 0; i < kRatioIds.size(); ++i) {
            const int col = 3 + static_cast<int>(i);
            // NaN: no value.
            const double expected = st.isNull(col) ? std::nan("") : st.real(col);
            const double actual = kpi::value(kRatioIds[i], it->second).value_or(std::nan(""));
            ++compared;
            withValue += !std::isnan(expected);
            EXPECT_TRUE(near(expected, actual))
                << describe(k) << ": " << kpi::indicator(kRatioIds[i]).key << " expected "
                << expected << ", from the stored parts " << actual;
        }
    }
    EXPECT_TRUE(st.lastError().empty()) << st.lastError();
    EXPECT_GT(withValue, compared / 2);
}

// A parent's additive parts are the sum over its children plus its own customers' (SQL over the
// customers whose manager is the parent), and its ratios are those of the summed parts. Averaging
// the children's ratios would give something else: it does, for every ratio, somewhere.
TEST_F(KpiValues, AParentIsItsChildrenPlusItsOwnCustomersAndItsRatiosAreRecomputed) {
    const auto parents =
        ids("SELECT DISTINCT parent_id FROM managers WHERE parent_id IS NOT NULL ORDER BY 1");
    ASSERT_EQ(parents.size(), 4u);  // the director and the three regional managers
    std::map<IndicatorId, int> differsFromAverage;
    int checked = 0;
    for (const auto parent : parents) {
        const auto children =
            ids("SELECT id FROM managers WHERE parent_id = " + std::to_string(parent));
        for (const auto& [k, parts] : *s_stored) {
            if (k.node != parent) continue;
            Parts sum = own(k);
            std::vector<kpi::KpiParts> childParts;
            for (const auto child : children) {
                const Key ck{child, k.kind, k.start};
                sum += stored(ck);
                if (auto it = s_stored->find(ck); it != s_stored->end())
                    childParts.push_back(it->second);
            }
            expectParts(sum, stored(k), describe(k) + " = its children + its own customers", false);
            ++checked;
            // Ratios: from the summed parts, and not the mean of the children's ratios.
            KpiColumns c{};
            std::copy(sum.begin(), sum.end(), c.begin());
            const auto summed = fromColumns(c);
            for (const auto id : kRatioIds) {
                if (id == IndicatorId::TopShareOfMargin)
                    continue;  // a distribution, not a ratio of sums
                const auto mine = kpi::value(id, parts);
                const auto recomputed = kpi::value(id, summed);
                EXPECT_EQ(mine.has_value(), recomputed.has_value())
                    << describe(k) << ": " << kpi::indicator(id).key;
                if (mine && recomputed) {
                    EXPECT_TRUE(near(*recomputed, *mine))
                        << describe(k) << ": " << kpi::indicator(id).key;
                }
                double total = 0;
                int n = 0;
                for (const auto& cp : childParts)
                    if (auto v = kpi::value(id, cp)) {
                        total += *v;
                        ++n;
                    }
                if (mine && n > 0 && !near(total / n, *mine, 1e-3)) ++differsFromAverage[id];
            }
        }
    }
    EXPECT_GT(checked, 100);
    for (const auto id : kRatioIds) {
        if (id == IndicatorId::TopShareOfMargin) continue;
        EXPECT_GT(differsFromAverage[id], 0)
            << kpi::indicator(id).key << ": no parent differs from its children's mean";
        std::printf("[ %s ] %d parent values differ from the mean of the children's\n",
                    std::string(kpi::indicator(id).key).c_str(), differsFromAverage[id]);
    }
}

// The company (node 0) is the sum over the top nodes plus the customers without a manager.
TEST_F(KpiValues, TheCompanyIsItsTopNodesPlusTheCustomersWithoutAManager) {
    const auto tops = ids("SELECT id FROM managers WHERE parent_id IS NULL ORDER BY 1");
    ASSERT_EQ(tops.size(), 1u);  // the director
    int checked = 0;
    for (const auto& [k, parts] : *s_stored) {
        if (k.node != 0) continue;
        Parts sum = own(k);  // own parts of "node 0": customers without a manager
        for (const auto top : tops) sum += stored({top, k.kind, k.start});
        expectParts(sum, stored(k),
                    describe(k) + " = the top nodes + the customers without a manager", false);
        ++checked;
    }
    EXPECT_EQ(checked,
              static_cast<int>(std::count_if(s_expected->begin(), s_expected->end(),
                                             [](const auto& e) { return e.first.node == 0; })));
    // The customers without a manager do count: the company differs from its top node.
    EXPECT_GT(count("SELECT count(*) FROM customers WHERE manager_id IS NULL AND id IN "
                    "(SELECT customer_id FROM transactions)"),
              0);
}

}  // namespace
