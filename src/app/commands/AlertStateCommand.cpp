#include "app/commands/AlertStateCommand.h"

#include <QDate>
#include <QLocale>

#include "app/widgets/Format.h"
#include "engine/load/Portfolio.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::app {

namespace {

QString commandText(engine::kpi::AlertKind kind, const QString& customer,
                    const AlertStateCommand::Change& c) {
    const QString alert = toQString(std::string(engine::kpi::alertTitle(kind)));
    switch (c.kind) {
        case AlertStateCommand::Change::Kind::Acknowledge:
            return QObject::tr("Acknowledge “%1” of %2").arg(alert, customer);
        case AlertStateCommand::Change::Kind::Snooze:
            return QObject::tr("Snooze “%1” of %2 until %3")
                .arg(alert, customer,
                     QLocale().toString(QDate(1970, 1, 1).addDays(c.until.value_or(0)),
                                        QLocale::ShortFormat));
        case AlertStateCommand::Change::Kind::Clear:
            return QObject::tr("Show “%1” of %2 again").arg(alert, customer);
    }
    return alert;
}

/// Puts back `row` (or no row) as the alert's state.
void restoreState(store::WriteTransaction& tx, engine::kpi::AlertKind kind, std::int64_t customerId,
                  const std::optional<store::AlertStateRow>& row) {
    if (row)
        store::writeAlertState(tx, *row);
    else
        store::removeAlertState(tx, std::string(engine::kpi::alertKey(kind)), customerId);
}

}  // namespace

AlertStateCommand::AlertStateCommand(WorkbookDocument* document, engine::kpi::AlertKind kind,
                                     std::int64_t customerId, const QString& customerLabel,
                                     Change change, std::optional<store::AlertStateRow> before)
    : WorkbookEditCommand(CommandId::SetAlertState, document,
                          commandText(kind, customerLabel, change)),
      m_kind(kind),
      m_customerId(customerId),
      m_change(std::move(change)),
      m_before(std::move(before)) {}

std::optional<store::AlertStateRow> AlertStateCommand::storedState(store::Database& db,
                                                                   engine::kpi::AlertKind kind,
                                                                   std::int64_t customerId) {
    const std::string key(engine::kpi::alertKey(kind));
    for (auto& row : store::readAlertStates(db, {customerId}))
        if (row.kind == key) return row;
    return std::nullopt;
}

Status AlertStateCommand::apply(store::Workbook& wb) {
    return store::inOwnTransaction(wb.db(), [&](store::WriteTransaction& tx) -> Status {
        if (m_appliedOnce) {  // redo: the row the first apply stored, as it was
            restoreState(tx, m_kind, m_customerId, m_after);
            return {};
        }
        if (m_change.kind == Change::Kind::Clear) {
            auto cleared = engine::clearAlertState(tx, m_kind, m_customerId);
            if (!cleared) return cleared.takeError();
        } else {
            const auto until =
                m_change.kind == Change::Kind::Snooze ? m_change.until : std::nullopt;
            if (auto st = engine::setAlertState(tx, m_kind, m_customerId, until, m_change.by); !st)
                return st;
        }
        m_after = storedState(tx.db(), m_kind, m_customerId);
        m_appliedOnce = true;
        return {};
    });
}

Status AlertStateCommand::revert(store::Workbook& wb) {
    return store::inOwnTransaction(wb.db(), [&](store::WriteTransaction& tx) -> Status {
        restoreState(tx, m_kind, m_customerId, m_before);
        return {};
    });
}

}  // namespace cw::app
