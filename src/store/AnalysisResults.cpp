#include "store/AnalysisResults.h"

#include <cmath>
#include <limits>

#include "store/Database.h"

namespace cw::store {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

constexpr int kColumns = 36;
constexpr int kRowsPerInsert = 24;  // 864 parameters per statement

std::string insertSql(int rows) {
    return multiRowInsert(
        "INSERT INTO customer_metrics(customer_id, first_day, last_day, purchase_days, orders, revenue, cost, "
        "cost_to_serve, margin, prev_revenue, recent_revenue, prev_orders, recent_orders, recency_days, tenure_days, "
        "rhythm_days, r_score, f_score, m_score, p_alive, expected_purchases, expected_spend, clv, potential, "
        "loyalty, satisfaction, recommend, repurchase, survey_day, active, exited, exit_day, profitable_exit, "
        "anorexic, profit_tier, months_active)",
        kColumns, rows);
}

void bindRow(Statement& st, int base, std::int64_t id, const CustomerMetricsTable& m, std::size_t i) {
    int c = base;
    auto real = [&](double v) { std::isfinite(v) ? st.bind(++c, v) : st.bindNull(++c); };
    auto day = [&](std::int32_t v) { v >= 0 ? st.bind(++c, std::int64_t(v)) : st.bindNull(++c); };
    auto count = [&](std::int32_t v) { m.lastDay[i] >= 0 ? st.bind(++c, std::int64_t(v)) : st.bindNull(++c); };
    auto score = [&](std::int8_t v) { v > 0 ? st.bind(++c, std::int64_t(v)) : st.bindNull(++c); };
    auto flag = [&](std::int8_t v) { st.bind(++c, std::int64_t(v)); };
    st.bind(++c, id);
    day(m.firstDay[i]);
    day(m.lastDay[i]);
    count(m.purchaseDays[i]);
    count(m.orders[i]);
    real(m.revenue[i]);
    real(m.cost[i]);
    real(m.costToServe[i]);
    real(m.margin[i]);
    real(m.prevRevenue[i]);
    real(m.recentRevenue[i]);
    count(m.prevOrders[i]);
    count(m.recentOrders[i]);
    real(m.recencyDays[i]);
    real(m.tenureDays[i]);
    real(m.rhythmDays[i]);
    score(m.rScore[i]);
    score(m.fScore[i]);
    score(m.mScore[i]);
    real(m.pAlive[i]);
    real(m.expectedPurchases[i]);
    real(m.expectedSpend[i]);
    real(m.clv[i]);
    real(m.potential[i]);
    real(m.loyalty[i]);
    real(m.satisfaction[i]);
    real(m.recommend[i]);
    real(m.repurchase[i]);
    day(m.surveyDay[i]);
    flag(m.active[i]);
    flag(m.exited[i]);
    day(m.exitDay[i]);
    flag(m.profitableExit[i]);
    flag(m.anorexic[i]);
    score(m.profitTier[i]);
    count(m.monthsActive[i]);
}

void run(Database& db, const char* sql) {
    if (auto st = db.exec(sql); !st) throw SqlError{st.error().message};
}

void execOrThrow(Statement& st, const std::string& what) {
    if (!st.exec()) throw SqlError{what + ": " + st.lastError()};
}

}  // namespace

void CustomerMetricsTable::resize(std::size_t n) {
    for (auto* v : {&firstDay, &lastDay, &surveyDay, &exitDay}) v->assign(n, -1);
    for (auto* v : {&purchaseDays, &orders, &prevOrders, &recentOrders, &monthsActive}) v->assign(n, 0);
    for (auto* v : {&revenue, &cost, &costToServe, &margin, &prevRevenue, &recentRevenue, &marginBeforeLast,
                    &recencyDays, &tenureDays, &rhythmDays, &pAlive, &expectedPurchases, &expectedSpend, &clv,
                    &potential, &loyalty, &satisfaction, &recommend, &repurchase})
        v->assign(n, kNaN);
    for (auto* v : {&rScore, &fScore, &mScore, &active, &exited, &profitableExit, &anorexic, &profitTier})
        v->assign(n, 0);
}

void writeCustomerMetrics(WriteTransaction& tx, const std::vector<std::int64_t>& customerIds,
                          const CustomerMetricsTable& m) {
    auto& db = tx.db();
    run(db, "DELETE FROM customer_metrics");
    auto many = db.prepareOrThrow(insertSql(kRowsPerInsert));
    auto one = db.prepareOrThrow(insertSql(1));
    const std::size_t n = m.size();
    std::size_t i = 0;
    for (; i + kRowsPerInsert <= n; i += kRowsPerInsert) {
        for (int r = 0; r < kRowsPerInsert; ++r)
            bindRow(many, r * kColumns, customerIds[i + std::size_t(r)], m, i + std::size_t(r));
        execOrThrow(many, "storing customer metrics");
        many.reset();
    }
    for (; i < n; ++i) {
        bindRow(one, 0, customerIds[i], m, i);
        execOrThrow(one, "storing customer metrics");
        one.reset();
    }
}

std::optional<std::optional<double>> AttributeMetricRow::column(const std::string& c) const {
    if (c == "satisfaction") return satisfaction;
    if (c == "stated_importance") return statedImportance;
    if (c == "derived_importance") return derivedImportance;
    if (c == "derived_share") return derivedShare;
    if (c == "ols_beta") return olsBeta;
    return std::nullopt;
}

void writeAttributeMetrics(WriteTransaction& tx, const std::vector<AttributeMetricRow>& rows) {
    auto& db = tx.db();
    run(db, "DELETE FROM attribute_metrics");
    auto ins = db.prepareOrThrow(
        "INSERT INTO attribute_metrics(attribute_id, responses, satisfaction, stated_importance, derived_importance, "
        "derived_share, ols_beta) VALUES(?,?,?,?,?,?,?)");
    for (const auto& a : rows) {
        ins.bind(1, a.attributeId).bind(2, a.responses).bind(3, a.satisfaction).bind(4, a.statedImportance);
        ins.bind(5, a.derivedImportance).bind(6, a.derivedShare).bind(7, a.olsBeta);
        execOrThrow(ins, "storing attribute metrics");
        ins.reset();
    }
}

Result<std::vector<AttributeMetricRow>> readAttributeMetrics(Database& db) {
    auto st = db.prepare(
        "SELECT a.id, a.name, coalesce(am.responses, 0), am.satisfaction, am.stated_importance, "
        "am.derived_importance, am.derived_share, am.ols_beta FROM service_attributes a "
        "LEFT JOIN attribute_metrics am ON am.attribute_id = a.id ORDER BY a.id");
    if (!st) return st.takeError();
    std::vector<AttributeMetricRow> out;
    while (st->step())
        out.push_back({st->int64(0), st->text(1), st->int64(2), st->optReal(3), st->optReal(4), st->optReal(5),
                       st->optReal(6), st->optReal(7)});
    if (!st->lastError().empty())
        return makeError(ErrorKind::Internal, "cannot read attribute metrics: " + st->lastError());
    return out;
}

void clearModelFits(WriteTransaction& tx) { run(tx.db(), "DELETE FROM model_fits"); }

void writeModelFit(WriteTransaction& tx, const std::string& name, std::int64_t runId, const std::string& json) {
    auto st = tx.db().prepareOrThrow("INSERT OR REPLACE INTO model_fits(name, run_id, report) VALUES(?,?,?)");
    st.bind(1, name).bind(2, runId).bind(3, json);
    execOrThrow(st, "storing the model fit");
}

std::int64_t startAnalysisRun(WriteTransaction& tx, const AnalysisRunStart& r) {
    auto st = tx.db().prepareOrThrow(
        "INSERT INTO analysis_runs(started_at, analysis_day, window_start, settings) VALUES(?,?,?,?)");
    st.bind(1, r.startedAt).bind(2, r.analysisDay).bind(3, r.windowStart).bind(4, r.settingsJson);
    execOrThrow(st, "recording the analysis");
    return tx.db().lastInsertRowId();
}

void finishAnalysisRun(WriteTransaction& tx, std::int64_t runId, const std::string& finishedAt,
                       const std::string& summaryJson) {
    auto st = tx.db().prepareOrThrow("UPDATE analysis_runs SET finished_at = ?, summary = ? WHERE id = ?");
    st.bind(1, finishedAt).bind(2, summaryJson).bind(3, runId);
    execOrThrow(st, "recording the analysis");
}

std::optional<std::string> readLastRunSummary(Database& db) {
    if (!hasResults(db, ResultTable::AnalysisRuns)) return std::nullopt;
    auto st = db.prepareOrThrow(
        "SELECT summary FROM analysis_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1");
    if (!st.step() || st.isNull(0)) return std::nullopt;
    return st.text(0);
}

bool hasResults(Database& db, ResultTable table) {
    const char* name = table == ResultTable::AnalysisRuns      ? "analysis_runs"
                       : table == ResultTable::CustomerMetrics ? "customer_metrics"
                                                               : "attribute_metrics";
    auto exists = db.prepareOrThrow("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    exists.bind(1, name);
    if (!exists.step() || exists.int64(0) == 0) return false;
    return db.queryInt(std::string("SELECT EXISTS(SELECT 1 FROM ") + name + ")").value_or(0) != 0;
}

}  // namespace cw::store
