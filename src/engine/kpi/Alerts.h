#pragma once
// The commercial manager's alerts (docs/alerts.md): the situations in a portfolio that call for a
// contact, each with its evidence, a recommended action and its value at risk — the margin at
// stake times the probability of losing it — by which they are ranked. Plain structs in and
// out: what a customer is (engine/load/Portfolio.h reads it from a workbook) and the overdue
// account-plan actions.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw::engine::kpi {

enum class AlertKind { SatisfactionFell, Anorexia, LowPAlive, NoContact, OverdueAction };
inline constexpr int kAlertKindCount = 5;

/// "satisfaction_fell", "anorexia", "low_p_alive", "no_contact", "overdue_action" (the keys
/// alert_states stores).
std::string_view alertKey(AlertKind k);
/// For people: "Satisfaction fell", …
std::string_view alertTitle(AlertKind k);
std::optional<AlertKind> findAlertKind(std::string_view key);

/// When a situation raises an alert (settings "alerts.*", docs/alerts.md).
struct AlertSettings {
    double satisfactionFall = 15;  ///< points (0–100) the latest answer is below the one before
    /// P(alive) under this, for a customer still active (above the exit threshold, 0.5 by default:
    /// below that the analysis counts the customer gone)
    double pAliveBelow = 0.7;
    int noContactDays = 90;        ///< days since the last note, for a top-tier customer
};

/// What the alerts read of one customer. NaN: unknown.
struct AlertCustomer {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    std::int64_t id = 0;
    std::string code, name;
    double margin = kNaN;             ///< in the analysis window
    double prevRevenue = kNaN, recentRevenue = kNaN;  ///< the two anorexia windows
    std::int64_t prevOrders = 0, recentOrders = 0;
    double pAlive = kNaN;
    int profitTier = 0;  ///< 1 top, 2 middle, 3 losing money, 0 unknown
    bool active = false, anorexic = false;
    std::optional<std::int32_t> lastPurchaseDay;
    /// The latest two satisfaction answers (0–100) and their days, latest first.
    std::optional<double> satisfaction, prevSatisfaction;
    std::int32_t satisfactionDay = 0, prevSatisfactionDay = 0;
    /// The latest note about the customer: day, author and text; none: never noted.
    std::optional<std::int32_t> lastContactDay;
    std::string lastContactBy, lastContactText;
    /// First purchase day (a customer newer than the no-contact limit is not "uncontacted").
    std::optional<std::int32_t> firstDay;
};

/// An account-plan action still open or in progress after its due day.
struct AlertAction {
    std::int64_t actionId = 0;
    std::string what, owner, planTitle;
    std::int32_t dueDay = 0, daysOverdue = 0;
    /// The customers it is about: the action's customer, else every customer of its plan.
    std::vector<std::int64_t> customerIds;
};

struct Alert {
    AlertKind kind = AlertKind::NoContact;
    std::int64_t customerId = 0;  ///< overdue action about a whole plan: its first customer
    std::int64_t actionId = 0;    ///< overdue actions only
    double marginAtStake = 0;     ///< a year of margin (≥ 0), of every customer concerned
    double probability = 0;       ///< of losing it, 0–1
    double valueAtRisk = 0;       ///< marginAtStake × probability
    std::string evidence;         ///< what was seen, with figures and dates
    std::string recommendation;   ///< what to do
    /// The day the situation was seen (the answer's day, the analysis day, the due day…): an
    /// acknowledgement made on or after it hides the alert until a newer one.
    std::int32_t sinceDay = 0;
};

struct AlertInput {
    std::vector<AlertCustomer> customers;
    std::vector<AlertAction> overdue;
    AlertSettings settings;
    std::int32_t asOfDay = 0;  ///< the analysis day: "no contact" counts from it
    double annualise = 1;      ///< 12 / analysis window months: window margin → a year's
    std::string currency;      ///< for the evidence ("" → no unit)
};

/// Every alert of the input, highest value at risk first (ties: kind, then customer code).
std::vector<Alert> computeAlerts(const AlertInput& in);

/// The probability a customer is lost when nothing is known of it: P(alive) unknown (no model)
/// counts as even odds.
inline constexpr double kUnknownLossProbability = 0.5;

}  // namespace cw::engine::kpi
