#include "core/CivilTime.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace cw {

// The proleptic Gregorian calendar of C++20 <chrono> (sys_days and year_month_day).
namespace ch = std::chrono;

std::int64_t daysFromCivil(int y, unsigned m, unsigned d) {
    // For a valid year and month, a day past the month's end counts on into the next
    // month ([time.cal.ymd.nonmembers]), as the callers that check dates afterwards expect.
    const ch::year_month_day ymd{ch::year{y}, ch::month{m}, ch::day{d}};
    return ch::sys_days{ymd}.time_since_epoch().count();
}

void civilFromDays(std::int64_t z, int& year, unsigned& month, unsigned& day) {
    const ch::year_month_day ymd{ch::sys_days{ch::days{z}}};
    year = static_cast<int>(ymd.year());
    month = static_cast<unsigned>(ymd.month());
    day = static_cast<unsigned>(ymd.day());
}

bool isValidDate(int y, unsigned m, unsigned d) {
    if (y < static_cast<int>(ch::year::min()) || y > static_cast<int>(ch::year::max()) || m > 12 || d > 31)
        return false;
    return ch::year_month_day{ch::year{y}, ch::month{m}, ch::day{d}}.ok();
}

std::string formatDate(std::int64_t days) {
    int y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

std::string formatDateTime(std::int64_t s, bool compact) {
    std::int64_t days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
    std::int64_t rem = s - days * 86400;
    if (compact && rem == 0) return formatDate(days);
    char buf[16];
    std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(rem / 3600),
                  static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
    return formatDate(days) + buf;
}

std::int64_t parseIsoDay(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return -1;
    if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return -1;
    if (y < 1900 || y > 2999 || !isValidDate(y, m, d)) return -1;
    return daysFromCivil(y, m, d);
}

std::int64_t addMonths(std::int64_t day, int months) {
    const ch::year_month_day from{ch::sys_days{ch::days{day}}};
    const ch::year_month to = ch::year_month{from.year(), from.month()} + ch::months{months};
    // Clamped to the month's end: 31 January + 1 month is the last day of February.
    const ch::year_month_day_last last{to.year(), ch::month_day_last{to.month()}};
    const ch::year_month_day target{to.year(), to.month(), std::min(from.day(), last.day())};
    return ch::sys_days{target}.time_since_epoch().count();
}

}  // namespace cw
