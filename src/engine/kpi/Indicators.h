#pragma once
// The key management indicators (Clienting phase 5), each defined once: key, name, unit, which
// direction is good, and how a node of the hierarchy gets its value from its children and its
// own customers. docs/indicators.md lists the same definitions (a test keeps the two equal).
//
// Every indicator is evaluated for a node of the managers' hierarchy (a node includes its
// descendants; a customer belongs to the node of its manager) over a period (month, quarter,
// year). How a parent's value comes about decides the aggregation:
// - Sum: additive counts and amounts; a parent's value is the sum over its children plus its
//   own customers.
// - Ratio: numerator / denominator × scale, each part additive, recomputed from the summed parts
//   (never an average of the children's ratios).
// - Distribution: needs the node's customers as a whole (a share of the top fifth); computed
//   from them, neither summed nor recomputed from parts.
#include <optional>
#include <string_view>
#include <vector>

namespace cw::engine::kpi {

enum class IndicatorId {
    Customers,
    Active,
    New,
    Exits,
    ProfitableExits,
    RetentionRate,
    Revenue,
    Margin,
    MarginPerCustomer,
    CostToServe,
    TopShareOfMargin,
    Satisfaction,
    Nps,
    LoyaltyIndex,
    PotentialCaptured,
    Anorexic,
    UnderAccountPlan,
    OverdueActions,
};
inline constexpr int kIndicatorCount = static_cast<int>(IndicatorId::OverdueActions) + 1;

enum class Unit {
    Count,     ///< customers or actions
    Currency,  ///< the workbook's currency (setting `currency`)
    Percent,   ///< 0–100 %
    Score,     ///< 0–100 points
    NpsScore,  ///< −100 … 100
};

/// Which way of change is an improvement.
enum class Direction { Up, Down };

enum class Aggregation { Sum, Ratio, Distribution };

struct Indicator {
    IndicatorId id;
    std::string_view key;         ///< stable identifier (CLI, stored values, docs)
    std::string_view name;        ///< for people
    Unit unit;
    Direction good;
    Aggregation aggregation;
    std::string_view definition;  ///< what is counted or summed, over the node and the period
    std::string_view numerator;   ///< Ratio only: the additive part above the line
    std::string_view denominator; ///< Ratio only: the additive part below the line
    double scale = 1;             ///< Ratio only: numerator / denominator × scale
};

/// Every indicator, in IndicatorId order.
const std::vector<Indicator>& indicators();
const Indicator& indicator(IndicatorId id);
/// The indicator with this key, or none.
std::optional<IndicatorId> findIndicator(std::string_view key);

std::string_view toString(Unit u);
std::string_view toString(Direction d);
std::string_view toString(Aggregation a);

}  // namespace cw::engine::kpi
