#pragma once
// What the customer table and the customer detail show, read from an analysed workbook in one
// pass each (on a worker: the caller owns the connection). Missing values stay missing: a metric
// without a value is NaN and a flag without a metrics row is -1, never 0, so the views can show
// "no data" instead of a misleading zero.
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/Result.h"

namespace cw::store {
class Workbook;
}

namespace cw::app {

/// The numeric metric columns of customer_metrics the table shows, in column order.
enum class CustomerMetric {
    Revenue,
    Margin,
    Potential,
    Loyalty,
    Satisfaction,
    Recommend,
    Orders,
    RecencyDays,
    PAlive,
    Clv,
};
inline constexpr int kCustomerMetricCount = 10;

/// The 0/1 flags of customer_metrics the table shows, in column order.
enum class CustomerFlag { Exited, ProfitableExit, Anorexic };
inline constexpr int kCustomerFlagCount = 3;

/// The customer_metrics column behind a metric or flag ("recency_days", "profitable_exit").
const char* metricColumn(CustomerMetric m);
const char* flagColumn(CustomerFlag f);

/// One customer with its fields and the metrics of the latest analysis.
struct CustomerRecord {
    qint64 id = 0;
    QString code, name, region, channel, manager, segment;  ///< empty: no value
    std::array<double, kCustomerMetricCount> metrics{};     ///< NaN: no data
    std::array<signed char, kCustomerFlagCount> flags{};    ///< 1, 0, or -1 (no metrics row)
    bool hasMetrics = false;                                ///< the analysis wrote a row

    double metric(CustomerMetric m) const { return metrics[static_cast<std::size_t>(m)]; }
    signed char flag(CustomerFlag f) const { return flags[static_cast<std::size_t>(f)]; }
};

/// One row per customer (ordered by id) and an index from id to row.
struct CustomerTableData {
    std::vector<CustomerRecord> rows;
    QHash<qint64, int> rowById;
    bool analysed = false;  ///< customer_metrics has rows

    /// The row of a customer, or -1.
    int rowOf(qint64 id) const { return rowById.value(id, -1); }
};

struct CustomerProfile {
    qint64 id = 0;
    QString code, name, region, channel, manager, segment, origin;
    std::optional<QDate> acquisitionDate;
};

/// Net revenue (sales and returns) of one calendar month.
struct MonthlyRevenue {
    QDate month;  ///< the first day of the month
    double revenue = 0;
};

/// One attribute score of the customer's latest survey response.
struct SurveyAnswer {
    QString attribute;
    std::optional<double> score;  ///< none: not applicable / not answered
    std::optional<double> importance;
    double scaleMin = 0, scaleMax = 0;
};

struct SurveyResponse {
    std::optional<QDateTime> time;  ///< none when the survey has no dates
    std::optional<double> satisfaction, recommend, repurchase;
    std::vector<SurveyAnswer> answers;  ///< in attribute order
};

struct CustomerNote {
    std::optional<QDateTime> time;
    QString author, text;
};

struct CustomerDetail {
    CustomerProfile profile;
    /// Every month from the earlier of the customer's first transaction and the analysis window
    /// start to the later of its last transaction and the analysis day (without an analysis: the
    /// customer's own months); months without transactions are 0. Empty without transactions.
    std::vector<MonthlyRevenue> monthlyRevenue;
    std::optional<SurveyResponse> latestSurvey;
    std::vector<CustomerNote> notes;  ///< newest first
    CustomerRecord metrics;           ///< hasMetrics false when not analysed
};

/// Loads the table. Errors: Input when the active segmentation does not exist; Internal for SQL
/// failures. A workbook not analysed yet loads with every metric missing (analysed = false).
Result<CustomerTableData> loadCustomerTable(store::Workbook& wb);

/// Loads one customer. Errors: Input when the id is not a customer; Internal for SQL failures.
Result<CustomerDetail> loadCustomerDetail(store::Workbook& wb, std::int64_t customerId);

}  // namespace cw::app
