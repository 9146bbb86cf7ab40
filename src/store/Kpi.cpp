#include "store/Kpi.h"

#include <chrono>
#include <cmath>

#include "core/CivilTime.h"
#include "store/Database.h"

namespace cw::store {
namespace {

void execOrThrow(Statement& st, const std::string& what) {
    if (!st.exec()) throw SqlError{what + ": " + st.lastError()};
}

std::string nowText() {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    return formatDateTime(static_cast<std::int64_t>(t), false);
}

constexpr int kKpiRowsPerInsert = 32;  // 25 parameters each
constexpr int kKpiColumns = 5 + static_cast<int>(kKpiPartColumns.size());

std::string kpiInsertSql(int rows) {
    std::string sql = "INSERT INTO kpi_values(period, start_day, end_day, node_id, segment_id";
    for (auto c : kKpiPartColumns) sql.append(", ").append(c);
    sql += ") VALUES ";
    for (int r = 0; r < rows; ++r) {
        sql += r ? ",(" : "(";
        for (int c = 0; c < kKpiColumns; ++c) sql += c ? ",?" : "?";
        sql += ')';
    }
    return sql;
}

void bindKpiRow(Statement& st, int base, const KpiValueRow& r) {
    st.bind(base + 1, r.period).bind(base + 2, r.startDay).bind(base + 3, r.endDay);
    st.bind(base + 4, r.nodeId).bind(base + 5, r.segmentId);
    for (std::size_t k = 0; k < r.parts.size(); ++k) {
        const int i = base + 6 + static_cast<int>(k);
        if (std::isnan(r.parts[k])) st.bindNull(i);
        else st.bind(i, r.parts[k]);
    }
}

}  // namespace

std::vector<ManagerRow> readManagers(Database& db, bool customerCounts) {
    auto st = db.prepareOrThrow(
        std::string("SELECT m.id, m.code, coalesce(m.name, ''), coalesce(m.level, ''), coalesce(m.region, ''), m.parent_id, ") +
        (customerCounts ? "(SELECT count(*) FROM customers c WHERE c.manager_id = m.id)" : "0") +
        " FROM managers m ORDER BY m.id");
    std::vector<ManagerRow> out;
    while (st.step())
        out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.optInt64(5), st.int64(6)});
    if (!st.lastError().empty()) throw SqlError{"reading the managers: " + st.lastError()};
    return out;
}

std::vector<DatedAnswer> readDatedAnswers(Database& db) {
    auto st = db.prepareOrThrow(
        "SELECT id, customer_id, ts, ts / 86400 - (ts % 86400 < 0), satisfaction, recommend FROM survey_responses "
        "WHERE customer_id IS NOT NULL AND ts IS NOT NULL");
    std::vector<DatedAnswer> out;
    while (st.step())
        out.push_back({st.int64(0), st.int64(1), st.int64(2), static_cast<std::int32_t>(st.int64(3)), st.optReal(4),
                       st.optReal(5)});
    if (!st.lastError().empty()) throw SqlError{"reading the survey answers: " + st.lastError()};
    return out;
}

void writeKpiValues(WriteTransaction& tx, const std::vector<KpiValueRow>& rows) {
    auto& db = tx.db();
    if (auto st = db.exec("DELETE FROM kpi_values"); !st) throw SqlError{st.error().message};
    auto many = db.prepareOrThrow(kpiInsertSql(kKpiRowsPerInsert));
    auto one = db.prepareOrThrow(kpiInsertSql(1));
    std::size_t i = 0;
    for (; i + kKpiRowsPerInsert <= rows.size(); i += kKpiRowsPerInsert) {
        for (int r = 0; r < kKpiRowsPerInsert; ++r) bindKpiRow(many, r * kKpiColumns, rows[i + std::size_t(r)]);
        execOrThrow(many, "storing the indicators");
        many.reset();
    }
    for (; i < rows.size(); ++i) {
        bindKpiRow(one, 0, rows[i]);
        execOrThrow(one, "storing the indicators");
        one.reset();
    }
}

std::vector<KpiValueRow> readKpiValues(Database& db, const KpiQuery& q) {
    // Only the conditions asked for, so that a node's series is a range of the primary key
    // (an "?1 IS NULL OR node_id = ?1" would make SQLite scan the table).
    std::string sql = "SELECT period, start_day, end_day, node_id, segment_id";
    for (auto c : kKpiPartColumns) sql.append(", ").append(c);
    sql += " FROM kpi_values WHERE 1";
    if (q.nodeId) sql += " AND node_id = ?1";
    if (q.segmentId >= 0) sql += " AND segment_id = ?2";
    if (q.period) sql += " AND period = ?3";
    if (q.from) sql += " AND start_day >= ?4";
    if (q.to) sql += " AND end_day <= ?5";
    sql += " ORDER BY node_id, segment_id, period, start_day";
    auto st = db.prepareOrThrow(sql);
    if (q.nodeId) st.bind(1, *q.nodeId);
    if (q.segmentId >= 0) st.bind(2, q.segmentId);
    if (q.period) st.bind(3, *q.period);
    if (q.from) st.bind(4, std::int64_t{*q.from});
    if (q.to) st.bind(5, std::int64_t{*q.to});
    std::vector<KpiValueRow> out;
    while (st.step()) {
        KpiValueRow r;
        r.period = st.text(0);
        r.startDay = static_cast<std::int32_t>(st.int64(1));
        r.endDay = static_cast<std::int32_t>(st.int64(2));
        r.nodeId = st.int64(3);
        r.segmentId = st.int64(4);
        for (std::size_t k = 0; k < r.parts.size(); ++k)
            r.parts[k] = st.isNull(5 + static_cast<int>(k)) ? std::nan("") : st.real(5 + static_cast<int>(k));
        out.push_back(std::move(r));
    }
    if (!st.lastError().empty()) throw SqlError{"reading the indicators: " + st.lastError()};
    return out;
}

bool hasKpiValues(Database& db) {
    if (db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'kpi_values'").value_or(0) == 0) return false;
    return db.queryInt("SELECT EXISTS (SELECT 1 FROM kpi_values)").value_or(0) != 0;
}

void writeTargets(WriteTransaction& tx, const std::vector<KpiTarget>& targets) {
    auto st = tx.db().prepareOrThrow(
        "INSERT OR REPLACE INTO kpi_targets(indicator, node_id, period, start_day, target, set_at, set_by) "
        "VALUES(?,?,?,?,?,?,?)");
    const auto now = nowText();
    for (const auto& t : targets) {
        st.bind(1, t.indicator).bind(2, t.nodeId).bind(3, t.period).bind(4, t.startDay).bind(5, t.target);
        st.bind(6, t.setAt.empty() ? now : t.setAt).bind(7, t.setBy);
        execOrThrow(st, "storing the targets");
        st.reset();
    }
}

bool deleteTarget(WriteTransaction& tx, const std::string& indicator, std::int64_t nodeId, const std::string& period,
                  std::int32_t startDay) {
    auto st = tx.db().prepareOrThrow(
        "DELETE FROM kpi_targets WHERE indicator = ? AND node_id = ? AND period = ? AND start_day = ?");
    st.bind(1, indicator).bind(2, nodeId).bind(3, period).bind(4, startDay);
    execOrThrow(st, "removing the target");
    return tx.db().changes() > 0;
}

std::vector<KpiTarget> readTargets(Database& db, std::optional<std::int64_t> nodeId) {
    auto st = db.prepareOrThrow(
        "SELECT indicator, node_id, period, start_day, target, set_at, set_by FROM kpi_targets "
        "WHERE ?1 IS NULL OR node_id = ?1 ORDER BY indicator, node_id, period, start_day");
    st.bind(1, nodeId);
    std::vector<KpiTarget> out;
    while (st.step())
        out.push_back({st.text(0), st.int64(1), st.text(2), static_cast<std::int32_t>(st.int64(3)), st.real(4),
                       st.text(5), st.text(6)});
    if (!st.lastError().empty()) throw SqlError{"reading the targets: " + st.lastError()};
    return out;
}

}  // namespace cw::store
