#include "engine/survey/Nps.h"

#include <cmath>

namespace cw::engine {

NpsSummary nps(const std::vector<double>& recommend) {
    NpsSummary s;
    for (double r : recommend) {
        if (!(r >= 0 && r <= 10)) {  // also catches NaN
            ++s.ignored;
            continue;
        }
        if (r >= 9)
            ++s.promoters;
        else if (r >= 7)
            ++s.passives;
        else
            ++s.detractors;
    }
    s.answers = s.promoters + s.passives + s.detractors;
    if (s.answers > 0)
        s.nps = 100.0 * static_cast<double>(s.promoters - s.detractors) /
                static_cast<double>(s.answers);
    return s;
}

}  // namespace cw::engine
