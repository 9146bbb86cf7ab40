#pragma once
// The calendar periods the indicators are computed over: months, quarters and years, aligned on
// the calendar; the last one ends on the analysis date.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw::engine::kpi {

enum class PeriodKind { Month, Quarter, Year };
inline constexpr PeriodKind kPeriodKinds[] = {PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year};

std::string_view toString(PeriodKind k);
std::optional<PeriodKind> parsePeriodKind(std::string_view text);
/// 1, 3 or 12.
int monthsIn(PeriodKind k);

/// Months since January 1970 of a day (days since 1970-01-01), and the first day of such a month.
int monthOf(std::int32_t day);
std::int32_t monthStart(int month);

struct Period {
    PeriodKind kind = PeriodKind::Month;
    std::int32_t start = 0;  ///< first day
    std::int32_t end = 0;    ///< last day (inclusive)
    int firstMonth = 0;      ///< monthOf(start)

    int lastMonth() const { return monthOf(end); }
    std::int32_t days() const { return end - start + 1; }
    bool contains(std::int32_t day) const { return day >= start && day <= end; }
};

/// The periods of `kind` from the one holding `firstDay` to the one holding `lastDay`, in order;
/// the last one ends on `lastDay`. Empty when lastDay < firstDay.
std::vector<Period> periodsCovering(PeriodKind kind, std::int32_t firstDay, std::int32_t lastDay);

/// "2011-03", "2011-Q1" or "2011".
std::string periodLabel(const Period& p);

/// The whole calendar period of `kind` named by `text`: its label ("2011-03", "2011-Q1", "2011")
/// or any day in it (YYYY-MM-DD). None when the text is neither.
std::optional<Period> parsePeriod(PeriodKind kind, std::string_view text);

}  // namespace cw::engine::kpi
