#include "app/CustomerData.h"

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/matrix/MatrixLoader.h"
#include "store/CustomerQuery.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::app {
namespace {

constexpr const char* kMetricColumns[kCustomerMetricCount] = {
    "revenue",   "margin", "potential",    "loyalty", "satisfaction",
    "recommend", "orders", "recency_days", "p_alive", "clv"};
constexpr const char* kFlagColumns[kCustomerFlagCount] = {"exited", "profitable_exit", "anorexic"};

Error sqlFailure(const store::Statement& st, const std::string& what) {
    return makeError(ErrorKind::Internal, what + ": " + st.lastError());
}

QString text(const store::Statement& st, int col) {
    if (st.isNull(col)) return {};
    const auto v = st.textView(col);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// Region, channel, manager and segment repeat a few values over many customers: one shared
// QString per value keeps 100k rows small and the conversion out of the loop.
class TextInterner {
public:
    QString get(std::string_view v) {
        if (v.empty()) return {};
        auto it = m_values.find(std::string(v));
        if (it == m_values.end())
            it = m_values.emplace(std::string(v), QString::fromUtf8(v.data(), qsizetype(v.size())))
                     .first;
        return it->second;
    }

private:
    std::unordered_map<std::string, QString> m_values;
};

// The metric columns read, in the order of CustomerMetric then CustomerFlag.
store::CustomerQuery customerQuery(std::optional<std::int64_t> segmentation) {
    store::CustomerQuery q;
    q.segmentation = segmentation;
    for (const char* c : kMetricColumns) q.metrics.emplace_back(c);
    for (const char* c : kFlagColumns) q.metrics.emplace_back(c);
    return q;
}

void readMetrics(const store::CustomerCursor& c, CustomerRecord& r) {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    r.hasMetrics = c.hasMetrics();
    for (int i = 0; i < kCustomerMetricCount; ++i) r.metrics[std::size_t(i)] = c.metric(std::size_t(i)).value_or(kNaN);
    for (int i = 0; i < kCustomerFlagCount; ++i) {
        const auto v = c.metric(std::size_t(kCustomerMetricCount + i));
        r.flags[std::size_t(i)] = !r.hasMetrics || !v ? -1 : (*v != 0 ? 1 : 0);
    }
}

QString qtext(std::string_view v) { return QString::fromUtf8(v.data(), qsizetype(v.size())); }

std::optional<QDateTime> timeOf(const store::Statement& st, int col) {
    if (st.isNull(col)) return std::nullopt;
    // Times are naive local times of the source stored as seconds: show them as stored.
    return QDateTime::fromSecsSinceEpoch(st.int64(col), Qt::UTC);
}

QDate monthOfDay(std::int64_t day) {
    const QDate d = QDate(1970, 1, 1).addDays(day);
    return QDate(d.year(), d.month(), 1);
}

Result<std::vector<MonthlyRevenue>> loadMonthlyRevenue(store::Database& db, std::int64_t id) {
    auto st = db.prepare(
        "SELECT CAST(strftime('%Y', ts, 'unixepoch') AS INTEGER), "
        "CAST(strftime('%m', ts, 'unixepoch') AS INTEGER), sum(revenue) "
        "FROM transactions WHERE customer_id = ?1 GROUP BY 1, 2 ORDER BY 1, 2");
    if (!st) return st.takeError();
    st->bind(1, id);
    std::vector<MonthlyRevenue> sums;
    while (st->step())
        sums.push_back({QDate(int(st->int64(0)), int(st->int64(1)), 1), st->real(2)});
    if (!st->lastError().empty()) return sqlFailure(*st, "cannot read the purchase history");
    if (sums.empty()) return sums;

    QDate first = sums.front().month, last = sums.back().month;
    auto run = db.prepare(
        "SELECT window_start, analysis_day FROM analysis_runs WHERE finished_at IS NOT NULL "
        "ORDER BY id DESC LIMIT 1");
    if (!run) return run.takeError();
    if (run->step()) {
        first = std::min(first, monthOfDay(run->int64(0)));
        last = std::max(last, monthOfDay(run->int64(1)));
    }
    // Dense months so that a gap in purchases shows as a gap in the sparkline.
    std::vector<MonthlyRevenue> out;
    std::size_t next = 0;
    for (QDate m = first; m <= last; m = m.addMonths(1)) {
        double revenue = 0;
        if (next < sums.size() && sums[next].month == m) revenue = sums[next++].revenue;
        out.push_back({m, revenue});
    }
    return out;
}

Result<std::optional<SurveyResponse>> loadLatestSurvey(store::Database& db, std::int64_t id) {
    auto st = db.prepare(
        "SELECT id, ts, satisfaction, recommend, repurchase FROM survey_responses "
        "WHERE customer_id = ?1 ORDER BY ts IS NULL, ts DESC, id DESC LIMIT 1");
    if (!st) return st.takeError();
    st->bind(1, id);
    if (!st->step()) {
        if (!st->lastError().empty()) return sqlFailure(*st, "cannot read the survey");
        return std::optional<SurveyResponse>{};
    }
    SurveyResponse r;
    const std::int64_t responseId = st->int64(0);
    r.time = timeOf(*st, 1);
    r.satisfaction = st->optReal(2);
    r.recommend = st->optReal(3);
    r.repurchase = st->optReal(4);

    auto scores = db.prepare(
        "SELECT a.name, s.score, s.importance, a.scale_min, a.scale_max FROM survey_scores s "
        "JOIN service_attributes a ON a.id = s.attribute_id WHERE s.response_id = ?1 "
        "ORDER BY a.id");
    if (!scores) return scores.takeError();
    scores->bind(1, responseId);
    while (scores->step())
        r.answers.push_back({text(*scores, 0), scores->optReal(1), scores->optReal(2),
                             scores->real(3), scores->real(4)});
    if (!scores->lastError().empty()) return sqlFailure(*scores, "cannot read the survey scores");
    return std::optional<SurveyResponse>{std::move(r)};
}

Result<std::vector<CustomerNote>> loadNotes(store::Database& db, std::int64_t id) {
    auto st = db.prepare(
        "SELECT ts, author, text FROM notes WHERE customer_id = ?1 "
        "ORDER BY ts IS NULL, ts DESC, id DESC");
    if (!st) return st.takeError();
    st->bind(1, id);
    std::vector<CustomerNote> notes;
    while (st->step()) notes.push_back({timeOf(*st, 0), text(*st, 1), text(*st, 2)});
    if (!st->lastError().empty()) return sqlFailure(*st, "cannot read the notes");
    return notes;
}

Result<CustomerDetail> loadDetail(store::Workbook& wb, std::int64_t customerId) {
    auto& db = wb.db();
    auto segmentation = engine::activeSegmentation(wb);
    if (!segmentation) return segmentation.takeError();
    auto q = customerQuery(*segmentation);
    q.customerId = customerId;
    auto st = store::readCustomers(db, q);
    if (!st) return st.takeError();
    if (!st->next()) {
        if (auto failed = st->status(); !failed) return failed.takeError();
        return makeError(ErrorKind::Input,
                         "there is no customer with id " + std::to_string(customerId),
                         "the workbook may have changed: reload the customer table");
    }
    CustomerDetail d;
    auto& m = d.metrics;
    m.id = st->id();
    m.code = qtext(st->code());
    m.name = qtext(st->name());
    m.region = qtext(st->region());
    m.channel = qtext(st->channel());
    m.manager = qtext(st->managerLabel());
    m.segment = qtext(st->segment());
    readMetrics(*st, m);
    d.profile = {m.id, m.code, m.name, m.region, m.channel, m.manager, m.segment, {}, {}};
    d.profile.origin = qtext(st->origin());
    if (const auto t = st->acquisitionTime()) d.profile.acquisitionDate = QDateTime::fromSecsSinceEpoch(*t, Qt::UTC).date();

    auto monthly = loadMonthlyRevenue(db, customerId);
    if (!monthly) return monthly.takeError();
    d.monthlyRevenue = std::move(*monthly);
    auto survey = loadLatestSurvey(db, customerId);
    if (!survey) return survey.takeError();
    d.latestSurvey = std::move(*survey);
    auto notes = loadNotes(db, customerId);
    if (!notes) return notes.takeError();
    d.notes = std::move(*notes);
    return d;
}

}  // namespace

const char* metricColumn(CustomerMetric m) {
    return kMetricColumns[static_cast<int>(m)];
}

const char* flagColumn(CustomerFlag f) {
    return kFlagColumns[static_cast<int>(f)];
}

Result<CustomerTableData> loadCustomerTable(store::Workbook& wb) {
    try {
        auto& db = wb.db();
        auto segmentation = engine::activeSegmentation(wb);
        if (!segmentation) return segmentation.takeError();
        auto st = store::readCustomers(db, customerQuery(*segmentation));
        if (!st) return st.takeError();

        CustomerTableData data;
        data.rows.reserve(std::size_t(store::customerCount(db)));
        TextInterner regions, channels, managers, segments;
        while (st->next()) {
            CustomerRecord r;
            r.id = st->id();
            r.code = qtext(st->code());
            r.name = qtext(st->name());
            r.region = regions.get(st->region());
            r.channel = channels.get(st->channel());
            r.manager = managers.get(st->managerLabel());
            r.segment = segments.get(st->segment());
            readMetrics(*st, r);
            data.analysed = data.analysed || r.hasMetrics;
            data.rows.push_back(std::move(r));
        }
        if (auto failed = st->status(); !failed) return failed.takeError();
        data.rowById.reserve(qsizetype(data.rows.size()));
        for (std::size_t i = 0; i < data.rows.size(); ++i)
            data.rowById.insert(data.rows[i].id, int(i));
        return data;
    } catch (const store::SqlError& e) {
        return makeError(ErrorKind::Internal, e.message);
    }
}

Result<CustomerDetail> loadCustomerDetail(store::Workbook& wb, std::int64_t customerId) {
    try {
        return loadDetail(wb, customerId);
    } catch (const store::SqlError& e) {
        return makeError(ErrorKind::Internal, e.message);
    }
}

}  // namespace cw::app
