#pragma once
// A deterministic demo workbook with planted truth: a manager hierarchy
// (company -> regions -> commercial managers), customers over regions and
// channels with skewed spend, churners who stop buying, shrinking customers
// who buy less and less, survey answers on service attributes whose weights
// in overall satisfaction are known, likelihood to recommend, cost to serve
// and front-line notes, and for three known managers one customer per alert
// situation of the portfolios (DemoAlerts.h). The truth is stored in demo_truth
// (and the planted attribute weights and alerts in the settings), so the engine
// can be checked against it.
#include <cstdint>
#include <string>
#include <vector>

#include "core/Progress.h"
#include "core/Result.h"

namespace cw::store {
class Workbook;
}

namespace cw::engine {

struct DemoOptions {
    int customers = 2000;
    std::uint64_t seed = 42;
    int months = 36;  ///< length of the history, ending at `endDate`
    std::string endDate = "2025-12-31";
    int attributes = 10;        ///< service attributes in the survey (8–12)
    double surveyShare = 0.35;  ///< share of customers who answered the survey

    Status validate() const;
};

struct DemoSummary {
    std::int64_t managers = 0;
    std::int64_t customers = 0;
    std::int64_t transactions = 0;
    std::int64_t surveyResponses = 0;
    std::int64_t churners = 0;
    std::int64_t shrinking = 0;
    std::int64_t notes = 0;
    /// Alert situations planted (setting demo.planted_alerts), for the known managers (codes).
    std::int64_t plantedAlerts = 0;
    std::vector<std::string> alertManagers;
};

/// Fills an empty workbook. Fails (nothing written) if the workbook already has customers.
Result<DemoSummary> generateDemo(store::Workbook& wb, const DemoOptions& options,
                                 const ProgressFn& progress = {});

}  // namespace cw::engine
