#include "store/Portfolio.h"

#include <nlohmann/json.hpp>

#include "store/Database.h"

namespace cw::store {
namespace {

// The ids as one JSON array bound to a parameter: "IN (SELECT value FROM json_each(?))" reads any
// number of customers with one statement, without a temporary table.
std::string idArray(const std::vector<std::int64_t>& ids) {
    return nlohmann::json(ids).dump();
}

void checkDone(Statement& st, const char* what) {
    if (!st.lastError().empty()) throw SqlError{std::string(what) + ": " + st.lastError()};
}

}  // namespace

std::vector<LatestNote> readLatestNotes(Database& db, const std::vector<std::int64_t>& customerIds) {
    auto st = db.prepareOrThrow(
        "SELECT customer_id, ts, coalesce(author, ''), text FROM ("
        "  SELECT n.customer_id, n.ts, n.author, n.text, "
        "         row_number() OVER (PARTITION BY n.customer_id ORDER BY n.ts DESC, n.id DESC) AS k "
        "  FROM notes n WHERE n.ts IS NOT NULL AND n.customer_id IN (SELECT value FROM json_each(?1))) "
        "WHERE k = 1 ORDER BY customer_id");
    st.bind(1, idArray(customerIds));
    std::vector<LatestNote> out;
    while (st.step()) out.push_back({st.int64(0), st.optInt64(1), st.text(2), st.text(3)});
    checkDone(st, "reading the notes");
    return out;
}

std::vector<SatisfactionAnswer> readLatestSatisfaction(Database& db, const std::vector<std::int64_t>& customerIds) {
    auto st = db.prepareOrThrow(
        "SELECT customer_id, id, ts, satisfaction FROM ("
        "  SELECT r.customer_id, r.id, r.ts, r.satisfaction, "
        "         row_number() OVER (PARTITION BY r.customer_id ORDER BY r.ts DESC, r.id DESC) AS k "
        "  FROM survey_responses r WHERE r.ts IS NOT NULL AND r.satisfaction IS NOT NULL "
        "  AND r.customer_id IN (SELECT value FROM json_each(?1))) "
        "WHERE k <= 2 ORDER BY customer_id, k");
    st.bind(1, idArray(customerIds));
    std::vector<SatisfactionAnswer> out;
    while (st.step()) out.push_back({st.int64(0), st.int64(1), st.int64(2), st.real(3)});
    checkDone(st, "reading the survey answers");
    return out;
}

std::vector<AlertStateRow> readAlertStates(Database& db, const std::vector<std::int64_t>& customerIds) {
    auto st = db.prepareOrThrow(
        "SELECT kind, customer_id, state, until_day, at, by FROM alert_states "
        "WHERE customer_id IN (SELECT value FROM json_each(?1)) ORDER BY customer_id, kind");
    st.bind(1, idArray(customerIds));
    std::vector<AlertStateRow> out;
    while (st.step()) {
        AlertStateRow r{st.text(0), st.int64(1), st.text(2), std::nullopt, st.text(4), st.text(5)};
        if (auto d = st.optInt64(3)) r.untilDay = static_cast<std::int32_t>(*d);
        out.push_back(std::move(r));
    }
    checkDone(st, "reading the alerts' states");
    return out;
}

void writeAlertState(WriteTransaction& tx, const AlertStateRow& row) {
    auto st = tx.db().prepareOrThrow(
        "INSERT OR REPLACE INTO alert_states(kind, customer_id, state, until_day, at, by) "
        "VALUES(?1, ?2, ?3, ?4, CASE WHEN ?5 = '' THEN datetime('now') ELSE ?5 END, ?6)");
    st.bind(1, row.kind).bind(2, row.customerId).bind(3, row.state);
    if (row.untilDay) st.bind(4, static_cast<std::int64_t>(*row.untilDay)); else st.bindNull(4);
    st.bind(5, row.at).bind(6, row.by);
    if (!st.exec()) throw SqlError{"storing the alert's state: " + st.lastError()};
}

bool removeAlertState(WriteTransaction& tx, const std::string& kind, std::int64_t customerId) {
    auto st = tx.db().prepareOrThrow("DELETE FROM alert_states WHERE kind = ?1 AND customer_id = ?2");
    st.bind(1, kind).bind(2, customerId);
    if (!st.exec()) throw SqlError{"removing the alert's state: " + st.lastError()};
    return tx.db().changes() > 0;
}

}  // namespace cw::store
