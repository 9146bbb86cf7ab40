#pragma once
// The small forms of the Portfolio dock's edits: a new plan, an objective, an action (new or
// edited), a snooze date. Each returns what was entered, or none when cancelled; nothing here writes.
#include <QDate>
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "store/AccountPlans.h"

class QWidget;

namespace cw::app::portfolio_dialogs {

struct NewPlan {
    QString title, notes;
    int top = 0;  ///< askTopPlan only: how many customers by lifetime value
};
/// Title and notes of a plan for `customers` customers (described in the form).
std::optional<NewPlan> askNewPlan(QWidget* parent, const QString& forWhom,
                                  const QString& defaultTitle);
/// Title, notes and N for a plan over the portfolio's top N customers by lifetime value.
std::optional<NewPlan> askTopPlan(QWidget* parent, int available, const QString& defaultTitle);

/// An objective: indicator (engine/kpi/Indicators.h), target, due day (default: 90 days after
/// `today`).
std::optional<store::PlanObjective> askObjective(QWidget* parent, std::int32_t today);

/// An action: what, owner (default `owner`), due day (default a week after `today`), optionally
/// one of `customers` (id, label) of the plan.
std::optional<store::PlanAction> askAction(
    QWidget* parent, std::int32_t today, const QString& owner,
    const std::vector<std::pair<std::int64_t, QString>>& customers);
/// The same form titled "Edit action", prefilled with `action`'s what, owner, due day and
/// customer; returns the new values (with `action`'s id, plan and status).
std::optional<store::PlanAction> askEditAction(
    QWidget* parent, const store::PlanAction& action,
    const std::vector<std::pair<std::int64_t, QString>>& customers);

/// The day a snoozed alert shows again (default two weeks after `today`).
std::optional<std::int32_t> askSnoozeUntil(QWidget* parent, std::int32_t today);

/// Days since 1970-01-01 and back.
QDate toDate(std::int32_t day);
std::int32_t toDay(const QDate& date);

}  // namespace cw::app::portfolio_dialogs
