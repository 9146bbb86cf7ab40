#include "engine/survey/SurveyData.h"

namespace cw::engine {

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

}  // namespace cw::engine
