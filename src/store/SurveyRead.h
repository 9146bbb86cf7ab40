#pragma once
// Reading a survey for its analysis: the service attributes, how many responses fall in a time
// window, and every score of those responses in one pass (responses in id order, each with its
// scores in attribute order).
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "store/Database.h"

namespace cw::store {

struct ServiceAttributeRow {
    std::int64_t id = 0;
    std::string name;
    double scaleMin = 0, scaleMax = 0;
    std::optional<double> naValue;  ///< raw score meaning "not applicable"
};
/// The service attributes in id order.
Result<std::vector<ServiceAttributeRow>> readServiceAttributes(Database& db);

/// Responses dated inside [from, to] (seconds; undated ones count as inside), before and after it.
struct SurveyResponseCounts {
    std::int64_t inWindow = 0, before = 0, after = 0;
};
Result<SurveyResponseCounts> countSurveyResponses(Database& db, std::int64_t from, std::int64_t to);

/// One score of a response, with the response's own fields; a response without scores comes
/// once with no attribute.
struct SurveyScoreRecord {
    std::int64_t responseId = 0;
    std::optional<std::int64_t> customerId, ts;
    double satisfaction = 0, recommend = 0, repurchase = 0;  ///< NaN when not answered
    std::optional<std::int64_t> attributeId;
    double score = 0, importance = 0;  ///< raw; NaN when not answered
};

/// Calls `visit(const SurveyScoreRecord&)` for the scores of every response inside [from, to]
/// while it returns true. The read walks both primary keys in order: SQLite sorts nothing.
template <class Visit>
Status forEachSurveyScore(Database& db, std::int64_t from, std::int64_t to, Visit&& visit) {
    auto st = db.prepare(
        "SELECT r.id, r.customer_id, r.ts, r.satisfaction, r.recommend, r.repurchase,"
        "       s.attribute_id, s.score, s.importance"
        "  FROM survey_responses r LEFT JOIN survey_scores s ON s.response_id = r.id"
        " WHERE r.ts IS NULL OR (r.ts >= ?1 AND r.ts <= ?2)"
        " ORDER BY r.id, s.attribute_id");
    if (!st) return st.takeError();
    st->bind(1, from).bind(2, to);
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    auto real = [&](int c) { return st->isNull(c) ? kNaN : st->real(c); };
    SurveyScoreRecord r;
    while (st->step()) {
        r.responseId = st->int64(0);
        r.customerId = st->optInt64(1);
        r.ts = st->optInt64(2);
        r.satisfaction = real(3);
        r.recommend = real(4);
        r.repurchase = real(5);
        r.attributeId = st->optInt64(6);
        r.score = real(7);
        r.importance = real(8);
        if (!visit(r)) return {};
    }
    if (!st->lastError().empty())
        return makeError(ErrorKind::Workbook, "reading the survey failed: " + st->lastError(),
                         "check the workbook with 'clienting audit'");
    return {};
}

}  // namespace cw::store
