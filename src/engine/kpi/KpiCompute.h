#pragma once
// The indicators' values per period × node of the hierarchy × segment, computed from plain
// per-customer facts (no workbook): the analysis fills KpiInput from what it has just computed
// and stores the rows. Each row keeps the additive parts of the indicators (KpiParts); a ratio is
// recomputed from them (`value`), never averaged. docs/indicators.md defines every figure.
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "engine/kpi/Hierarchy.h"
#include "engine/kpi/Indicators.h"
#include "engine/kpi/Periods.h"

namespace cw::engine::kpi {

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

/// What the indicators need of one customer, as of the analysis date.
struct KpiCustomer {
    int node = -1;                 ///< hierarchy node of its manager; -1: no manager (the company's own)
    int segment = -1;              ///< segment index in the active segmentation; -1: none
    std::int32_t firstDay = -1;    ///< first purchase day; -1: none
    std::int32_t exitDay = -1;     ///< day it was judged gone; -1: not exited
    bool profitableExit = false;
    bool anorexicNow = false;      ///< anorexic at the analysis date
    double loyalty = kNoValue;     ///< 0–100
    double potential = kNoValue;
    double costPerOrder = 0;       ///< cost to serve rates of its channel
    double costPerYear = 0;
};

/// One customer's transactions of one calendar month (up to the analysis date).
struct MonthActivity {
    int month = 0;             ///< monthOf(day)
    double revenue = 0;        ///< net (returns negative)
    double cost = 0;           ///< product cost (gross margin rate where unknown)
    std::int32_t purchaseDays = 0;  ///< distinct days with a sale
};

/// A dated survey answer of a known customer.
struct SurveyAnswer {
    std::int32_t customer = 0;      ///< index into KpiInput::customers
    std::int32_t day = 0;
    std::int64_t time = 0;          ///< orders the answers of one day (seconds)
    std::int64_t order = 0;         ///< then this (the response id): the larger is the later
    double satisfaction = kNoValue; ///< 0–100
    double recommend = kNoValue;    ///< 0–10
};

struct KpiInput {
    std::vector<KpiCustomer> customers;
    /// Customer i's months are activity[activityOffset[i] .. activityOffset[i+1]), ascending.
    std::vector<std::int64_t> activityOffset{0};
    std::vector<MonthActivity> activity;
    std::vector<SurveyAnswer> answers;  ///< any order
    std::int32_t firstDay = 0;          ///< first day of the history (first purchase or answer)
    std::int32_t analysisDay = 0;
    int segments = 0;                   ///< segments of the active segmentation
    int anorexiaMonths = 6;
    double anorexiaDrop = 0.4;
    int anorexiaMinOrders = 2;
    int horizonMonths = 12;             ///< potential is over this many months
};

/// Builds KpiInput's monthly activity from each customer's rows, ascending by day.
class ActivityBuilder {
public:
    explicit ActivityBuilder(KpiInput& in) : m_in(in) {}
    /// `cost` is the product cost, already with the gross margin rate where unknown.
    void add(std::int32_t day, bool sale, double revenue, double cost);
    /// Closes the current customer (call once per customer, in customer order, even without rows).
    void endCustomer();

private:
    KpiInput& m_in;
    std::int32_t m_lastSaleDay = -1;
    int m_month = 0;
    std::int32_t m_monthFirst = 1, m_monthLast = 0;  ///< the days of m_month (none yet)
};

/// The additive parts of every indicator of a node, segment and period.
struct KpiParts {
    double customers = 0, active = 0, newCustomers = 0, exits = 0, profitableExits = 0;
    double retained = 0, prevActive = 0;
    double revenue = 0, margin = 0, costToServe = 0;
    double topMargin = kNoValue;  ///< not additive: computed for each node from its customers
    double satisfactionSum = 0, satisfactionN = 0, npsNet = 0, npsN = 0;
    double loyaltySum = 0, loyaltyN = 0, potentialMargin = 0, potentialOpen = 0;
    double anorexic = 0;

    /// Adds every additive part (not topMargin).
    KpiParts& operator+=(const KpiParts& o);
};

/// The value of an indicator from its parts; none when its denominator is zero (no data). The
/// account-plan indicators are not in the parts (see docs/indicators.md): none.
std::optional<double> value(IndicatorId id, const KpiParts& p);

struct KpiRow {
    Period period;
    int node = -1;     ///< hierarchy node; -1: the whole company
    int segment = -1;  ///< -1: every customer
    KpiParts parts;
};

/// Every period of every kind (months, quarters, years from input.firstDay to the analysis day)
/// × the company and every node × every customer and each segment. A node (or node × segment)
/// without customers gets no rows.
std::vector<KpiRow> computeKpis(const KpiInput& input, const Hierarchy& hierarchy);

}  // namespace cw::engine::kpi
