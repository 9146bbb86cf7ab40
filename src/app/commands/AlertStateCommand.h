#pragma once
// An alert of the portfolio acknowledged, snoozed or shown again. The state the alert had before
// (read with store::readAlertStates before the edit) is what undo writes back, row for row (or
// removes, when it had none); redo writes back the row the first apply stored, time included.
#include <optional>
#include <string>

#include "app/commands/WorkbookEditCommand.h"
#include "engine/kpi/Alerts.h"
#include "store/Portfolio.h"

namespace cw::store {
class Database;
}

namespace cw::app {

class AlertStateCommand : public WorkbookEditCommand {
public:
    /// What to do with the alert: acknowledge, snooze until a day, or show again (clear).
    struct Change {
        enum class Kind { Acknowledge, Snooze, Clear } kind = Kind::Acknowledge;
        std::optional<std::int32_t> until;  ///< Snooze: shown again after this day
        std::string by;                     ///< who
    };
    AlertStateCommand(WorkbookDocument* document, engine::kpi::AlertKind kind,
                      std::int64_t customerId, const QString& customerLabel, Change change,
                      std::optional<store::AlertStateRow> before);

    /// The state stored for one alert, or none (reads; throws SqlError).
    static std::optional<store::AlertStateRow> storedState(store::Database& db,
                                                           engine::kpi::AlertKind kind,
                                                           std::int64_t customerId);

protected:
    Status apply(store::Workbook& wb) override;
    Status revert(store::Workbook& wb) override;

private:
    engine::kpi::AlertKind m_kind;
    std::int64_t m_customerId;
    Change m_change;
    std::optional<store::AlertStateRow> m_before;
    std::optional<store::AlertStateRow> m_after;  ///< the row the first apply stored
    bool m_appliedOnce = false;
};

}  // namespace cw::app
