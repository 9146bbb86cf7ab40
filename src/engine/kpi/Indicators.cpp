#include "engine/kpi/Indicators.h"

namespace cw::engine::kpi {

const std::vector<Indicator>& indicators() {
    using enum IndicatorId;
    using enum Unit;
    using enum Direction;
    using enum Aggregation;
    // The exits, anorexia, satisfaction and loyalty rules are those of docs/analysis.md, applied
    // at the period's end.
    static const std::vector<Indicator> all = {
        {Customers, "customers", "Customers", Count, Up, Sum,
         "customers whose first purchase is on or before the period's end and whose exit day, if any, is after it (the customer base at the period's end)"},
        {Active, "active", "Active customers", Count, Up, Sum, "customers with a purchase in the period"},
        {New, "new", "New customers", Count, Up, Sum, "customers whose first purchase is in the period"},
        {Exits, "exits", "Exits", Count, Down, Sum, "customers whose exit day (docs/analysis.md, as judged at the analysis date) is in the period"},
        {ProfitableExits, "profitable_exits", "Profitable exits", Count, Down, Sum,
         "exits of the period that are profitable exits (in the top profitability tier when last seen)"},
        {RetentionRate, "retention_rate", "Retention rate", Percent, Up, Ratio,
         "share of the previous period's active customers who are active in this one",
         "customers active in the previous period of the same kind and in this one",
         "customers active in the previous period of the same kind", 100},
        {Revenue, "revenue", "Revenue", Currency, Up, Sum, "net revenue of the period's transactions of the node's customers (returns netted; anonymous sales belong to no node)"},
        {Margin, "margin", "Margin", Currency, Up, Sum,
         "revenue − product cost of the period's transactions (revenue × (1 − gross margin rate) where a cost is missing) − cost to serve"},
        {MarginPerCustomer, "margin_per_customer", "Margin per customer", Currency, Up, Ratio,
         "margin of the period per active customer", "margin of the period", "active customers", 1},
        {CostToServe, "cost_to_serve", "Cost to serve", Currency, Down, Sum,
         "for each active customer of the period, at its channel's rates: purchase days in the period × cost per order + cost per customer-year × days of the period ÷ 365.25"},
        {TopShareOfMargin, "top_share_of_margin", "Margin from the top 20 %", Percent, Down, Distribution,
         "share of the period's margin earned by the ⌈n ÷ 5⌉ of the node's n active customers with the highest margin "
         "(lower: less dependence on a few customers; above 100 % when the others lose money; no value when the margin is not positive)"},
        {Satisfaction, "satisfaction", "Satisfaction", Score, Up, Ratio,
         "mean overall satisfaction (0–100) of each customer's latest dated answer in the period",
         "sum of the overall satisfaction of those answers", "those answers with an overall satisfaction", 1},
        {Nps, "nps", "Net promoter score", NpsScore, Up, Ratio,
         "promoters (9–10) minus detractors (0–6), per 100 customers who answered the recommendation question",
         "promoters − detractors among the customers' latest answers in the period",
         "those answers with a likelihood to recommend", 100},
        {LoyaltyIndex, "loyalty_index", "Loyalty index", Score, Up, Ratio,
         "mean loyalty index (0–100, as of the analysis date) of the customers active in the period: it moves with who is active",
         "sum of the loyalty indexes of the period's active customers", "active customers with a loyalty index", 1},
        {PotentialCaptured, "potential_captured", "Potential captured", Percent, Up, Ratio,
         "share of the margin within reach that the period earned",
         "margin of the period of the active customers with a potential",
         "that margin + their potential (as of the analysis date) × days of the period ÷ (horizon months × 30.4375)", 100},
        {Anorexic, "anorexic", "Buying less (anorexia)", Count, Down, Sum,
         "customers of the base at the period's end who buy less by the anorexia rule of docs/analysis.md applied on the whole months ending with the period (on the analysis date itself: the customers' anorexia flag)"},
        {UnderAccountPlan, "under_account_plan", "Under an account plan", Count, Up, Sum,
         "customers in an open account plan, as the plans stand now (the latest period only)"},
        {OverdueActions, "overdue_actions", "Overdue actions", Count, Down, Sum,
         "open or in-progress account-plan actions due before today, as they stand now (the latest period only)"},
    };
    return all;
}

const Indicator& indicator(IndicatorId id) { return indicators()[static_cast<std::size_t>(id)]; }

std::optional<IndicatorId> findIndicator(std::string_view key) {
    for (const auto& i : indicators())
        if (i.key == key) return i.id;
    return std::nullopt;
}

std::string_view toString(Unit u) {
    switch (u) {
    case Unit::Count: return "count";
    case Unit::Currency: return "currency";
    case Unit::Percent: return "percent";
    case Unit::Score: return "score 0–100";
    case Unit::NpsScore: return "−100 … 100";
    }
    return "count";
}

std::string_view toString(Direction d) { return d == Direction::Up ? "up" : "down"; }

std::string_view toString(Aggregation a) {
    switch (a) {
    case Aggregation::Sum: return "sum";
    case Aggregation::Ratio: return "ratio";
    case Aggregation::Distribution: return "distribution";
    }
    return "sum";
}

}  // namespace cw::engine::kpi
