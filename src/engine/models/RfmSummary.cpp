#include "engine/models/RfmSummary.h"

#include <algorithm>

namespace cw::engine {

double unitDays(TimeUnit unit) {
    switch (unit) {
        case TimeUnit::Days:
            return 1.0;
        case TimeUnit::Weeks:
            return 7.0;
        case TimeUnit::Months:
            return 30.4375;
    }
    return 1.0;
}

const char* unitName(TimeUnit unit) {
    switch (unit) {
        case TimeUnit::Days:
            return "days";
        case TimeUnit::Weeks:
            return "weeks";
        case TimeUnit::Months:
            return "months";
    }
    return "days";
}

Status CalibrationOptions::validate() const {
    if (unit != TimeUnit::Days && unit != TimeUnit::Weeks && unit != TimeUnit::Months)
        return makeError(ErrorKind::Usage, "unknown time unit");
    return {};
}

RfmSummary summarizePurchases(const PurchaseLog& log, const CalibrationOptions& options) {
    RfmSummary s;
    s.unit = options.unit;
    const std::size_t n = log.customers();
    std::int32_t end = 0;
    if (options.calibrationEnd) {
        end = *options.calibrationEnd;
    } else if (!log.day.empty()) {
        end = *std::max_element(log.day.begin(), log.day.end());
    }
    s.calibrationEnd = end;
    const double perUnit = 1.0 / unitDays(options.unit);

    s.customerId.reserve(n);
    std::vector<double> x, tx, T, mx;
    x.reserve(n), tx.reserve(n), T.reserve(n), mx.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto begin = static_cast<std::size_t>(log.offset[i]);
        const auto stop = static_cast<std::size_t>(log.offset[i + 1]);
        if (begin == stop || log.day[begin] > end) {
            ++s.excluded;
            continue;
        }
        // Days are ascending, so the purchases within the calibration period are a prefix.
        std::size_t last = begin;
        double repeatValue = 0.0;
        while (last + 1 < stop && log.day[last + 1] <= end) {
            ++last;
            repeatValue += log.value[last];
        }
        const double repeats = static_cast<double>(last - begin);
        s.customerId.push_back(log.customerId[i]);
        x.push_back(repeats);
        tx.push_back((log.day[last] - log.day[begin]) * perUnit);
        T.push_back((end - log.day[begin]) * perUnit);
        mx.push_back(repeats > 0 ? repeatValue / repeats : 0.0);
    }
    auto toArray = [](const std::vector<double>& v) {
        return Eigen::ArrayXd(Eigen::Map<const Eigen::ArrayXd>(v.data(), Eigen::Index(v.size())));
    };
    s.x = toArray(x), s.tx = toArray(tx), s.T = toArray(T), s.mx = toArray(mx);
    return s;
}

}  // namespace cw::engine
