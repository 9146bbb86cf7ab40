#include "engine/load/SurveyLoader.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "core/Log.h"
#include "store/SurveyRead.h"
#include "store/Workbook.h"

namespace cw::engine {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t kProgressEvery = 1 << 16;

// A read error names the workbook it came from.
Error inWorkbook(store::Workbook& wb, Error e) {
    e.file = wb.path();
    return e;
}

Result<std::vector<SurveyAttribute>> readAttributes(store::Workbook& wb) {
    auto rows = store::readServiceAttributes(wb.db());
    if (!rows) return inWorkbook(wb, rows.takeError());
    std::vector<SurveyAttribute> out;
    out.reserve(rows->size());
    for (auto& r : *rows) {
        if (!(r.scaleMax > r.scaleMin))
            return makeError(ErrorKind::Input,
                             "service attribute '" + r.name + "' has an empty scale",
                             "re-import the survey with --scale LOW-HIGH");
        out.push_back({r.id, std::move(r.name), r.scaleMin, r.scaleMax, r.naValue});
    }
    return out;
}

}  // namespace

Result<SurveyData> readSurvey(store::Workbook& wb, const SurveyWindow& window,
                              const ProgressFn& progress) {
    SurveyData d;
    auto attrs = readAttributes(wb);
    if (!attrs) return attrs.takeError();
    d.attributes = std::move(*attrs);
    const auto p = static_cast<Eigen::Index>(d.attributes.size());
    // Attribute ids are small row ids: a flat table finds the column faster than a hash map
    // in the loop over every score.
    std::int64_t maxId = 0;
    for (const auto& a : d.attributes) maxId = std::max(maxId, a.id);
    if (maxId > 1'000'000)
        return makeError(ErrorKind::Input, "service attribute ids go up to " +
                                               std::to_string(maxId) + "; expected small ids");
    std::vector<Eigen::Index> column(static_cast<std::size_t>(maxId) + 1, -1);
    for (Eigen::Index j = 0; j < p; ++j) column[d.attributes[j].id] = j;

    const std::int64_t from = window.from.value_or(std::numeric_limits<std::int64_t>::min());
    const std::int64_t to = window.to.value_or(std::numeric_limits<std::int64_t>::max());
    auto counts = store::countSurveyResponses(wb.db(), from, to);
    if (!counts) return inWorkbook(wb, counts.takeError());
    const auto n = static_cast<Eigen::Index>(counts->inWindow);
    d.beforeWindow = counts->before;
    d.afterWindow = counts->after;

    d.responseIds.reserve(n);
    d.customerIds.reserve(n);
    d.ts.reserve(n);
    d.satisfaction.resize(n);
    d.recommend.resize(n);
    d.repurchase.resize(n);
    d.scores.setConstant(n, p, kNaN);
    d.importance.setConstant(n, p, kNaN);

    Eigen::Index row = -1;
    std::int64_t current = 0, rows = 0;
    bool stopped = false;
    auto read = store::forEachSurveyScore(wb.db(), from, to, [&](const store::SurveyScoreRecord& r) {
        if (row < 0 || r.responseId != current) {
            if (++row >= n) return false;  // a writer added responses since the count; keep ours
            current = r.responseId;
            d.responseIds.push_back(r.responseId);
            d.customerIds.push_back(r.customerId);
            d.ts.push_back(r.ts);
            d.satisfaction[row] = r.satisfaction;
            d.recommend[row] = r.recommend;
            d.repurchase[row] = r.repurchase;
        }
        if (progress && ++rows % kProgressEvery == 0 &&
            !progress({"reading survey", row, static_cast<std::int64_t>(n)})) {
            stopped = true;
            return false;
        }
        if (!r.attributeId) return true;
        const std::int64_t attributeId = *r.attributeId;
        if (attributeId < 0 || attributeId > maxId || column[attributeId] < 0) return true;
        const Eigen::Index j = column[attributeId];
        const SurveyAttribute& a = d.attributes[j];
        if (!std::isnan(r.score) && !(a.naValue && r.score == *a.naValue))
            d.scores(row, j) = (r.score - a.scaleMin) / (a.scaleMax - a.scaleMin) * 100.0;
        d.importance(row, j) = r.importance;
        return true;
    });
    if (!read) return inWorkbook(wb, read.takeError());
    if (stopped) return makeError(ErrorKind::Cancelled, "survey analysis cancelled");
    const Eigen::Index got = static_cast<Eigen::Index>(d.responseIds.size());
    if (got < n) {  // responses deleted since the count
        d.satisfaction.conservativeResize(got);
        d.recommend.conservativeResize(got);
        d.repurchase.conservativeResize(got);
        d.scores.conservativeResize(got, p);
        d.importance.conservativeResize(got, p);
    }
    if (progress && !progress({"reading survey", got, got}))
        return makeError(ErrorKind::Cancelled, "survey analysis cancelled");
    return d;
}

Result<SurveyAnalysis> analyzeSurvey(store::Workbook& wb, const SurveyOptions& options,
                                     const ProgressFn& progress) {
    const auto start = std::chrono::steady_clock::now();
    if (auto st = options.validate(); !st) return Error(st.error());
    auto data = readSurvey(wb, options.window, progress);
    if (!data) return data.takeError();
    auto out = analyzeSurvey(*data, options, progress);
    if (!out) return out;
    out->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cw::log::get("engine")->info("survey: {} responses, {} customers, {} ({:.2f} s)", out->responses,
                                 out->customers.size(), out->message, out->seconds);
    return out;
}

}  // namespace cw::engine
