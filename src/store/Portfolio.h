#pragma once
// What a manager's portfolio reads beyond the customers themselves (store/CustomerQuery.h): the
// latest note and the latest two dated survey answers of chosen customers, and the alerts'
// acknowledgements and snoozes (alert_states). Customers are passed as ids; each read is one
// statement over them. Reads throw SqlError; writes go inside the caller's transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cw::store {

class Database;
class WriteTransaction;

/// The latest note about a customer (by time, then id).
struct LatestNote {
    std::int64_t customerId = 0;
    std::optional<std::int64_t> ts;  ///< seconds since 1970-01-01; none: the note has no time
    std::string author, text;
};
/// The latest dated note of each of `customerIds` that has one (undated notes are left out), by customer id.
std::vector<LatestNote> readLatestNotes(Database& db, const std::vector<std::int64_t>& customerIds);

/// A dated survey answer's overall satisfaction (0–100).
struct SatisfactionAnswer {
    std::int64_t customerId = 0, responseId = 0;
    std::int64_t ts = 0;
    double satisfaction = 0;
};
/// The latest two dated answers with a satisfaction of each of `customerIds`, by customer id then
/// latest first.
std::vector<SatisfactionAnswer> readLatestSatisfaction(Database& db, const std::vector<std::int64_t>& customerIds);

/// An alert acknowledged or snoozed.
struct AlertStateRow {
    std::string kind;  ///< engine::kpi::alertKey
    std::int64_t customerId = 0;
    std::string state;  ///< acknowledged | snoozed
    std::optional<std::int32_t> untilDay;  ///< snoozed: shown again after this day
    std::string at, by;  ///< "YYYY-MM-DD HH:MM:SS", who
    bool operator==(const AlertStateRow&) const = default;
};
/// The states of the alerts about `customerIds`, by customer id then kind.
std::vector<AlertStateRow> readAlertStates(Database& db, const std::vector<std::int64_t>& customerIds);
/// Sets (replaces) one alert's state; `row.at` empty: now.
void writeAlertState(WriteTransaction& tx, const AlertStateRow& row);
/// Removes one alert's state; false when it had none.
bool removeAlertState(WriteTransaction& tx, const std::string& kind, std::int64_t customerId);

}  // namespace cw::store
