#include "engine/kpi/Periods.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/CivilTime.h"

namespace cw::engine::kpi {

std::string_view toString(PeriodKind k) {
    switch (k) {
    case PeriodKind::Month: return "month";
    case PeriodKind::Quarter: return "quarter";
    case PeriodKind::Year: return "year";
    }
    return "month";
}

std::optional<PeriodKind> parsePeriodKind(std::string_view text) {
    for (auto k : kPeriodKinds)
        if (toString(k) == text) return k;
    return std::nullopt;
}

int monthsIn(PeriodKind k) {
    switch (k) {
    case PeriodKind::Month: return 1;
    case PeriodKind::Quarter: return 3;
    case PeriodKind::Year: return 12;
    }
    return 1;
}

int monthOf(std::int32_t day) {
    int y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(day, y, m, d);
    return (y - 1970) * 12 + static_cast<int>(m) - 1;
}

std::int32_t monthStart(int month) {
    const int y = 1970 + (month >= 0 ? month / 12 : (month - 11) / 12);
    const int m = month - (y - 1970) * 12;
    return static_cast<std::int32_t>(daysFromCivil(y, static_cast<unsigned>(m + 1), 1));
}

std::vector<Period> periodsCovering(PeriodKind kind, std::int32_t firstDay, std::int32_t lastDay) {
    std::vector<Period> out;
    if (lastDay < firstDay) return out;
    const int len = monthsIn(kind);
    const int m0 = monthOf(firstDay);
    // Quarters start in January, April, July and October; years in January.
    int first = m0 - ((m0 % len) + len) % len;
    const int last = monthOf(lastDay);
    for (int m = first; m <= last; m += len) {
        Period p{kind, monthStart(m), monthStart(m + len) - 1, m};
        if (p.end > lastDay) p.end = lastDay;
        out.push_back(p);
    }
    return out;
}

std::string periodLabel(const Period& p) {
    const int y = 1970 + (p.firstMonth >= 0 ? p.firstMonth / 12 : (p.firstMonth - 11) / 12);
    const int m = p.firstMonth - (y - 1970) * 12 + 1;
    switch (p.kind) {
    case PeriodKind::Month: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        return buf;
    }
    case PeriodKind::Quarter: return std::to_string(y) + "-Q" + std::to_string((m - 1) / 3 + 1);
    case PeriodKind::Year: return std::to_string(y);
    }
    return {};
}

std::optional<Period> parsePeriod(PeriodKind kind, std::string_view text) {
    auto digits = [](std::string_view t) {
        return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    auto num = [](std::string_view t) { return std::stoi(std::string(t)); };
    std::int32_t day = -1;
    if (text.size() == 10) {
        const auto d = parseIsoDay(std::string(text));
        if (d >= 0) day = static_cast<std::int32_t>(d);
    } else if (text.size() == 4 && digits(text)) {
        day = static_cast<std::int32_t>(daysFromCivil(num(text), 1, 1));
        if (kind != PeriodKind::Year) return std::nullopt;  // a year names a year only
    } else if (text.size() == 7 && digits(text.substr(0, 4)) && text[4] == '-' && text[5] == 'Q' &&
               text[6] >= '1' && text[6] <= '4') {
        if (kind != PeriodKind::Quarter) return std::nullopt;
        day = static_cast<std::int32_t>(daysFromCivil(num(text.substr(0, 4)), unsigned(text[6] - '1') * 3 + 1, 1));
    } else if (text.size() == 7 && digits(text.substr(0, 4)) && text[4] == '-' && digits(text.substr(5))) {
        const int m = num(text.substr(5));
        if (kind != PeriodKind::Month || m < 1 || m > 12) return std::nullopt;
        day = static_cast<std::int32_t>(daysFromCivil(num(text.substr(0, 4)), unsigned(m), 1));
    }
    if (day < 0) return std::nullopt;
    const int len = monthsIn(kind);
    const int m = monthOf(day);
    const int first = m - ((m % len) + len) % len;
    return Period{kind, monthStart(first), monthStart(first + len) - 1, first};
}

}  // namespace cw::engine::kpi
