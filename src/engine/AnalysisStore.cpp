#include "engine/AnalysisStore.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "engine/settings/WorkbookSettings.h"
#include "engine/survey/SurveyAnalysis.h"
#include "store/Database.h"

namespace cw::engine {
namespace {

constexpr int kColumns = 36;
constexpr int kRowsPerInsert = 24;  // 864 parameters per statement

std::string insertSql(int rows) {
    std::string sql =
        "INSERT INTO customer_metrics(customer_id, first_day, last_day, purchase_days, orders, revenue, cost, "
        "cost_to_serve, margin, prev_revenue, recent_revenue, prev_orders, recent_orders, recency_days, tenure_days, "
        "rhythm_days, r_score, f_score, m_score, p_alive, expected_purchases, expected_spend, clv, potential, "
        "loyalty, satisfaction, recommend, repurchase, survey_day, active, exited, exit_day, profitable_exit, "
        "anorexic, profit_tier, months_active) VALUES ";
    std::string one = "(";
    for (int c = 0; c < kColumns; ++c) one += c ? ",?" : "?";
    one += ")";
    for (int r = 0; r < rows; ++r) sql += (r ? "," : "") + one;
    return sql;
}

void bindRow(store::Statement& st, int base, std::int64_t id, const MetricsTable& m, std::size_t i) {
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

}  // namespace

void storeCustomerMetrics(store::WriteTransaction& tx, const CustomerInfo& customers, const MetricsTable& m) {
    auto& db = tx.db();
    if (auto st = db.exec("DELETE FROM customer_metrics"); !st) throw store::SqlError{st.error().message};
    auto many = db.prepareOrThrow(insertSql(kRowsPerInsert));
    auto one = db.prepareOrThrow(insertSql(1));
    const std::size_t n = m.size();
    std::size_t i = 0;
    for (; i + kRowsPerInsert <= n; i += kRowsPerInsert) {
        for (int r = 0; r < kRowsPerInsert; ++r) bindRow(many, r * kColumns, customers.id[i + std::size_t(r)], m, i + std::size_t(r));
        if (!many.exec()) throw store::SqlError{"storing customer metrics: " + many.lastError()};
        many.reset();
    }
    for (; i < n; ++i) {
        bindRow(one, 0, customers.id[i], m, i);
        if (!one.exec()) throw store::SqlError{"storing customer metrics: " + one.lastError()};
        one.reset();
    }
}

void storeAttributeMetrics(store::WriteTransaction& tx, const SurveyAnalysis& survey) {
    auto& db = tx.db();
    if (auto st = db.exec("DELETE FROM attribute_metrics"); !st) throw store::SqlError{st.error().message};
    auto ins = db.prepareOrThrow(
        "INSERT INTO attribute_metrics(attribute_id, responses, satisfaction, stated_importance, derived_importance, "
        "derived_share, ols_beta) VALUES(?,?,?,?,?,?,?)");
    for (const auto& a : survey.attributes) {
        ins.bind(1, a.id).bind(2, a.responses).bind(3, a.satisfaction).bind(4, a.statedImportance);
        ins.bind(5, a.derivedImportance).bind(6, a.derivedShare).bind(7, a.olsBeta);
        if (!ins.exec()) throw store::SqlError{"storing attribute metrics: " + ins.lastError()};
        ins.reset();
    }
}

void clearModelFits(store::WriteTransaction& tx) {
    if (auto st = tx.db().exec("DELETE FROM model_fits"); !st) throw store::SqlError{st.error().message};
}

void storeModelFit(store::WriteTransaction& tx, const std::string& name, std::int64_t runId, const std::string& json) {
    auto st = tx.db().prepareOrThrow("INSERT OR REPLACE INTO model_fits(name, run_id, report) VALUES(?,?,?)");
    st.bind(1, name).bind(2, runId).bind(3, json);
    if (!st.exec()) throw store::SqlError{"storing the model fit: " + st.lastError()};
}

std::vector<std::string> segmentLabels(store::Database& db, const CustomerInfo& customers) {
    std::vector<std::string> labels = customers.segment;
    const auto active = settings::readOr(db, settings::activeSegmentation());
    if (!active) return labels;
    const std::string& name = *active;
    auto st = db.prepareOrThrow(
        "SELECT cs.customer_id, s.label FROM customer_segments cs JOIN segments s ON s.id = cs.segment_id "
        "JOIN segmentations g ON g.id = cs.segmentation_id WHERE g.name = ?");
    st.bind(1, name);
    std::fill(labels.begin(), labels.end(), std::string());
    while (st.step()) {
        auto it = std::lower_bound(customers.id.begin(), customers.id.end(), st.int64(0));
        if (it != customers.id.end() && *it == st.int64(0)) labels[std::size_t(it - customers.id.begin())] = st.text(1);
    }
    return labels;
}

}  // namespace cw::engine
