#include "engine/survey/SurveyData.h"

#include <algorithm>
#include <limits>

#include "store/Workbook.h"

namespace cw::engine {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t kProgressEvery = 1 << 16;

Error sqlFailure(store::Workbook& wb, const std::string& what) {
    Error e = makeError(ErrorKind::Workbook, "reading the survey failed: " + what,
                        "check the workbook with 'clienting audit'");
    e.file = wb.path();
    return e;
}

double orNaN(const store::Statement& st, int col) {
    return st.isNull(col) ? kNaN : st.real(col);
}

Result<std::vector<SurveyAttribute>> readAttributes(store::Workbook& wb) {
    auto st = wb.db().prepare(
        "SELECT id, name, scale_min, scale_max, na_value FROM service_attributes ORDER BY id");
    if (!st) return st.takeError();
    std::vector<SurveyAttribute> out;
    while (st->step()) {
        SurveyAttribute a;
        a.id = st->int64(0);
        a.name = st->text(1);
        a.scaleMin = st->real(2);
        a.scaleMax = st->real(3);
        a.naValue = st->optReal(4);
        if (!(a.scaleMax > a.scaleMin))
            return makeError(ErrorKind::Input,
                             "service attribute '" + a.name + "' has an empty scale",
                             "re-import the survey with --scale LOW-HIGH");
        out.push_back(std::move(a));
    }
    if (!st->lastError().empty()) return sqlFailure(wb, st->lastError());
    return out;
}

}  // namespace

SurveyWindow SurveyWindow::days(std::optional<std::int64_t> first,
                                std::optional<std::int64_t> last) {
    SurveyWindow w;
    if (first) w.from = *first * 86400;
    if (last) w.to = (*last + 1) * 86400 - 1;
    return w;
}

bool SurveyWindow::contains(std::optional<std::int64_t> ts) const {
    if (!ts) return true;
    return (!from || *ts >= *from) && (!to || *ts <= *to);
}

Result<SurveyData> readSurvey(store::Workbook& wb, const SurveyWindow& window,
                              const ProgressFn& progress) {
    SurveyData d;
    auto attrs = readAttributes(wb);
    if (!attrs) return attrs.takeError();
    d.attributes = std::move(*attrs);
    const auto p = static_cast<Eigen::Index>(d.attributes.size());
    // Attribute ids are small row ids: a flat table finds the column faster than a hash map
    // in the loop over every score.
    std::int64_t maxId = 0;
    for (const auto& a : d.attributes) maxId = std::max(maxId, a.id);
    if (maxId > 1'000'000)
        return makeError(ErrorKind::Input, "service attribute ids go up to " +
                                               std::to_string(maxId) + "; expected small ids");
    std::vector<Eigen::Index> column(static_cast<std::size_t>(maxId) + 1, -1);
    for (Eigen::Index j = 0; j < p; ++j) column[d.attributes[j].id] = j;

    const std::int64_t from = window.from.value_or(std::numeric_limits<std::int64_t>::min());
    const std::int64_t to = window.to.value_or(std::numeric_limits<std::int64_t>::max());
    auto count = wb.db().prepare(
        "SELECT count(*) FILTER (WHERE ts IS NULL OR (ts >= ?1 AND ts <= ?2)), count(*) FILTER (WHERE ts < ?1),"
        " count(*) FILTER (WHERE ts > ?2) FROM survey_responses");
    if (!count) return count.takeError();
    count->bind(1, from).bind(2, to);
    if (!count->step()) return sqlFailure(wb, count->lastError());
    const auto n = static_cast<Eigen::Index>(count->int64(0));
    d.beforeWindow = count->int64(1);
    d.afterWindow = count->int64(2);

    d.responseIds.reserve(n);
    d.customerIds.reserve(n);
    d.ts.reserve(n);
    d.satisfaction.resize(n);
    d.recommend.resize(n);
    d.repurchase.resize(n);
    d.scores.setConstant(n, p, kNaN);
    d.importance.setConstant(n, p, kNaN);

    // One pass over responses joined to their scores, in primary-key order on both sides, so
    // SQLite walks the two b-trees without sorting.
    auto st = wb.db().prepare(
        "SELECT r.id, r.customer_id, r.ts, r.satisfaction, r.recommend, r.repurchase,"
        "       s.attribute_id, s.score, s.importance"
        "  FROM survey_responses r LEFT JOIN survey_scores s ON s.response_id = r.id"
        " WHERE r.ts IS NULL OR (r.ts >= ?1 AND r.ts <= ?2)"
        " ORDER BY r.id, s.attribute_id");
    if (!st) return st.takeError();
    st->bind(1, from).bind(2, to);
    Eigen::Index row = -1;
    std::int64_t current = 0, rows = 0;
    while (st->step()) {
        const std::int64_t id = st->int64(0);
        if (row < 0 || id != current) {
            if (++row >= n) break;  // a writer added responses since the count; keep ours
            current = id;
            d.responseIds.push_back(id);
            d.customerIds.push_back(st->optInt64(1));
            d.ts.push_back(st->optInt64(2));
            d.satisfaction[row] = orNaN(*st, 3);
            d.recommend[row] = orNaN(*st, 4);
            d.repurchase[row] = orNaN(*st, 5);
        }
        if (progress && ++rows % kProgressEvery == 0 &&
            !progress({"reading survey", row, static_cast<std::int64_t>(n)}))
            return makeError(ErrorKind::Cancelled, "survey analysis cancelled");
        if (st->isNull(6)) continue;
        const std::int64_t attributeId = st->int64(6);
        if (attributeId < 0 || attributeId > maxId || column[attributeId] < 0) continue;
        const Eigen::Index j = column[attributeId];
        const SurveyAttribute& a = d.attributes[j];
        if (!st->isNull(7)) {
            const double raw = st->real(7);
            if (!(a.naValue && raw == *a.naValue))
                d.scores(row, j) = (raw - a.scaleMin) / (a.scaleMax - a.scaleMin) * 100.0;
        }
        d.importance(row, j) = orNaN(*st, 8);
    }
    if (!st->lastError().empty()) return sqlFailure(wb, st->lastError());
    const Eigen::Index got = static_cast<Eigen::Index>(d.responseIds.size());
    if (got < n) {  // responses deleted since the count
        d.satisfaction.conservativeResize(got);
        d.recommend.conservativeResize(got);
        d.repurchase.conservativeResize(got);
        d.scores.conservativeResize(got, p);
        d.importance.conservativeResize(got, p);
    }
    if (progress && !progress({"reading survey", got, got}))
        return makeError(ErrorKind::Cancelled, "survey analysis cancelled");
    return d;
}

}  // namespace cw::engine
