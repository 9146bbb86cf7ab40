#include "store/CustomerHistory.h"

namespace cw::store {
namespace {

Error readFailure(const Statement& st, const std::string& what) {
    return makeError(ErrorKind::Internal, "cannot read " + what + ": " + st.lastError());
}

}  // namespace

Result<std::vector<MonthlyRevenueRow>> readMonthlyRevenue(Database& db, std::int64_t customerId) {
    auto st = db.prepare(
        "SELECT CAST(strftime('%Y', ts, 'unixepoch') AS INTEGER), "
        "CAST(strftime('%m', ts, 'unixepoch') AS INTEGER), sum(revenue) "
        "FROM transactions WHERE customer_id = ?1 GROUP BY 1, 2 ORDER BY 1, 2");
    if (!st) return st.takeError();
    st->bind(1, customerId);
    std::vector<MonthlyRevenueRow> out;
    while (st->step()) out.push_back({int(st->int64(0)), int(st->int64(1)), st->real(2)});
    if (!st->lastError().empty()) return readFailure(*st, "the purchase history");
    return out;
}

Result<std::optional<AnalysisWindowRow>> readLastAnalysisWindow(Database& db) {
    auto st = db.prepare(
        "SELECT window_start, analysis_day FROM analysis_runs WHERE finished_at IS NOT NULL "
        "ORDER BY id DESC LIMIT 1");
    if (!st) return st.takeError();
    if (!st->step()) {
        if (!st->lastError().empty()) return readFailure(*st, "the last analysis");
        return std::optional<AnalysisWindowRow>{};
    }
    return std::optional<AnalysisWindowRow>{AnalysisWindowRow{st->int64(0), st->int64(1)}};
}

Result<std::optional<SurveyResponseRow>> readLatestSurveyResponse(Database& db, std::int64_t customerId) {
    auto st = db.prepare(
        "SELECT id, ts, satisfaction, recommend, repurchase FROM survey_responses "
        "WHERE customer_id = ?1 ORDER BY ts IS NULL, ts DESC, id DESC LIMIT 1");
    if (!st) return st.takeError();
    st->bind(1, customerId);
    if (!st->step()) {
        if (!st->lastError().empty()) return readFailure(*st, "the survey");
        return std::optional<SurveyResponseRow>{};
    }
    SurveyResponseRow r;
    r.id = st->int64(0);
    r.time = st->optInt64(1);
    r.satisfaction = st->optReal(2);
    r.recommend = st->optReal(3);
    r.repurchase = st->optReal(4);
    auto scores = db.prepare(
        "SELECT a.name, s.score, s.importance, a.scale_min, a.scale_max FROM survey_scores s "
        "JOIN service_attributes a ON a.id = s.attribute_id WHERE s.response_id = ?1 "
        "ORDER BY a.id");
    if (!scores) return scores.takeError();
    scores->bind(1, r.id);
    while (scores->step())
        r.answers.push_back({scores->text(0), scores->optReal(1), scores->optReal(2), scores->real(3), scores->real(4)});
    if (!scores->lastError().empty()) return readFailure(*scores, "the survey scores");
    return std::optional<SurveyResponseRow>{std::move(r)};
}

Result<std::vector<NoteRow>> readNotes(Database& db, std::int64_t customerId) {
    auto st = db.prepare(
        "SELECT ts, author, text FROM notes WHERE customer_id = ?1 "
        "ORDER BY ts IS NULL, ts DESC, id DESC");
    if (!st) return st.takeError();
    st->bind(1, customerId);
    std::vector<NoteRow> out;
    while (st->step()) out.push_back({st->optInt64(0), st->text(1), st->text(2)});
    if (!st->lastError().empty()) return readFailure(*st, "the notes");
    return out;
}

}  // namespace cw::store
