#include "app/customers/CustomerData.h"

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/load/MatrixLoader.h"
#include "store/CustomerHistory.h"
#include "store/CustomerQuery.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::app {
namespace {

constexpr const char* kMetricColumns[kCustomerMetricCount] = {
    "revenue",   "margin", "potential",    "loyalty", "satisfaction",
    "recommend", "orders", "recency_days", "p_alive", "clv"};
constexpr const char* kFlagColumns[kCustomerFlagCount] = {"exited", "profitable_exit", "anorexic"};

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


QDate monthOfDay(std::int64_t day) {
    const QDate d = QDate(1970, 1, 1).addDays(day);
    return QDate(d.year(), d.month(), 1);
}

std::optional<QDateTime> timeOf(std::optional<std::int64_t> seconds) {
    // Times are naive local times of the source stored as seconds: show them as stored.
    if (!seconds) return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC);
}

Result<std::vector<MonthlyRevenue>> loadMonthlyRevenue(store::Database& db, std::int64_t id) {
    auto sums = store::readMonthlyRevenue(db, id);
    if (!sums) return sums.takeError();
    if (sums->empty()) return std::vector<MonthlyRevenue>{};
    auto monthOf = [](const store::MonthlyRevenueRow& r) { return QDate(r.year, r.month, 1); };
    QDate first = monthOf(sums->front()), last = monthOf(sums->back());
    auto run = store::readLastAnalysisWindow(db);
    if (!run) return run.takeError();
    if (*run) {
        first = std::min(first, monthOfDay((*run)->windowStart));
        last = std::max(last, monthOfDay((*run)->analysisDay));
    }
    // Dense months so that a gap in purchases shows as a gap in the sparkline.
    std::vector<MonthlyRevenue> out;
    std::size_t next = 0;
    for (QDate m = first; m <= last; m = m.addMonths(1)) {
        double revenue = 0;
        if (next < sums->size() && monthOf((*sums)[next]) == m) revenue = (*sums)[next++].revenue;
        out.push_back({m, revenue});
    }
    return out;
}

Result<std::optional<SurveyResponse>> loadLatestSurvey(store::Database& db, std::int64_t id) {
    auto stored = store::readLatestSurveyResponse(db, id);
    if (!stored) return stored.takeError();
    if (!*stored) return std::optional<SurveyResponse>{};
    const auto& s = **stored;
    SurveyResponse r{timeOf(s.time), s.satisfaction, s.recommend, s.repurchase, {}};
    for (const auto& a : s.answers) r.answers.push_back({qtext(a.attribute), a.score, a.importance, a.scaleMin, a.scaleMax});
    return std::optional<SurveyResponse>{std::move(r)};
}

Result<std::vector<CustomerNote>> loadNotes(store::Database& db, std::int64_t id) {
    auto stored = store::readNotes(db, id);
    if (!stored) return stored.takeError();
    std::vector<CustomerNote> notes;
    for (const auto& n : *stored) notes.push_back({timeOf(n.time), qtext(n.author), qtext(n.text)});
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
