#pragma once
// What the workbook holds about one customer over time, for the customer detail: revenue per
// month, the latest survey response with its answers, the front-line notes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "store/Database.h"

namespace cw::store {

struct MonthlyRevenueRow {
    int year = 0, month = 0;  ///< calendar month of the transactions' times
    double revenue = 0;       ///< sales less returns
};
/// The customer's revenue per month with a transaction, in month order.
Result<std::vector<MonthlyRevenueRow>> readMonthlyRevenue(Database& db, std::int64_t customerId);

struct AnalysisWindowRow {
    std::int64_t windowStart = 0, analysisDay = 0;  ///< days since 1970-01-01
};
/// The window of the last finished analysis, none before the first.
Result<std::optional<AnalysisWindowRow>> readLastAnalysisWindow(Database& db);

struct SurveyAnswerRow {
    std::string attribute;
    std::optional<double> score, importance;
    double scaleMin = 0, scaleMax = 0;
};
struct SurveyResponseRow {
    std::int64_t id = 0;
    std::optional<std::int64_t> time;  ///< seconds since 1970-01-01 (naive local time)
    std::optional<double> satisfaction, recommend, repurchase;
    std::vector<SurveyAnswerRow> answers;  ///< in attribute order
};
/// The customer's latest survey response (undated ones last), none when they never answered.
Result<std::optional<SurveyResponseRow>> readLatestSurveyResponse(Database& db, std::int64_t customerId);

struct NoteRow {
    std::optional<std::int64_t> time;
    std::string author, text;
};
/// The customer's notes, newest first (undated ones last).
Result<std::vector<NoteRow>> readNotes(Database& db, std::int64_t customerId);

}  // namespace cw::store
