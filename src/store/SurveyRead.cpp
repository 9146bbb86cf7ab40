#include "store/SurveyRead.h"

namespace cw::store {

Result<std::vector<ServiceAttributeRow>> readServiceAttributes(Database& db) {
    auto st = db.prepare("SELECT id, name, scale_min, scale_max, na_value FROM service_attributes ORDER BY id");
    if (!st) return st.takeError();
    std::vector<ServiceAttributeRow> out;
    while (st->step()) out.push_back({st->int64(0), st->text(1), st->real(2), st->real(3), st->optReal(4)});
    if (!st->lastError().empty())
        return makeError(ErrorKind::Workbook, "reading the survey failed: " + st->lastError(),
                         "check the workbook with 'clienting audit'");
    return out;
}

Result<SurveyResponseCounts> countSurveyResponses(Database& db, std::int64_t from, std::int64_t to) {
    auto st = db.prepare(
        "SELECT count(*) FILTER (WHERE ts IS NULL OR (ts >= ?1 AND ts <= ?2)), count(*) FILTER (WHERE ts < ?1),"
        " count(*) FILTER (WHERE ts > ?2) FROM survey_responses");
    if (!st) return st.takeError();
    st->bind(1, from).bind(2, to);
    if (!st->step())
        return makeError(ErrorKind::Workbook, "reading the survey failed: " + st->lastError(),
                         "check the workbook with 'clienting audit'");
    return SurveyResponseCounts{st->int64(0), st->int64(1), st->int64(2)};
}

}  // namespace cw::store
