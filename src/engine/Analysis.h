#pragma once
// `analyze`: computes every per-customer metric, fits the purchase models, analyses the survey,
// checks the economies of loyalty and stores the results in the workbook (one transaction:
// the previous results stay until the new ones are complete). The matrices, lists and
// dashboards read what this stores.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Progress.h"
#include "core/Result.h"
#include "engine/settings/AnalysisSettings.h"
#include "engine/CustomerMetrics.h"
#include "engine/LoyaltyLinks.h"
#include "engine/matrix/MatrixComputation.h"

namespace cw::store {
class Workbook;
}

namespace cw::engine {

struct AnalysisOptions {
    std::optional<AnalysisSettings> settings;  ///< overrides the workbook's definitions
    bool store = true;                          ///< false: compute only (dry run)
    int threads = 2;

    Status validate() const;
};

struct PhaseTime {
    std::string name;
    double seconds = 0;
};

struct ModelReport {
    std::string name;           ///< bgnbd | gamma_gamma
    bool converged = false;
    std::string message;
    std::string json;           ///< the full report (parameters, log-likelihood, iterations…)
};

/// A customer matrix's axes over the customers it plots: where its median and mean splits fall
/// without filters, kept so that one customer's quadrant is found without reading them all.
struct MatrixSplitStats {
    std::string matrix;  ///< MatrixSpec::name
    AxisStats x, y;
};

struct AnalysisSummary {
    std::int64_t runId = 0;
    AnalysisCalendar calendar;
    AnalysisSettings settings;
    std::int64_t customers = 0, withTransactions = 0, active = 0, exited = 0, profitableExits = 0;
    std::int64_t anorexic = 0, surveyed = 0, transactions = 0, anonymousTransactions = 0;
    std::int64_t repeatCustomers = 0;            ///< customers who bought on two days or more
    double assumedCostShare = 0;                 ///< of window revenue, cost from gross_margin_rate
    double revenue = 0, margin = 0;  ///< in the window, customers only
    std::vector<ModelReport> models;
    std::optional<double> surveyR2;
    std::optional<double> nps;
    std::int64_t surveyResponses = 0;
    std::int64_t surveyBeforeWindow = 0, surveyAfterWindow = 0;  ///< answers dated outside the window
    bool surveyOnly = false;  ///< no transactions of known customers: only the survey was analysed
    std::vector<GroupLinks> links;
    std::int64_t segmentations = 0;  ///< stored segmentations re-run on the new metrics
    std::int64_t indicatorRows = 0;  ///< kpi_values rows stored (period × node × segment)
    std::vector<MatrixSplitStats> matrixSplits;  ///< the four customer matrices
    std::vector<PhaseTime> phases;
    double seconds = 0;
    std::vector<std::string> warnings;

    std::string toJson() const;
};

/// Runs the whole analysis on the workbook; a workbook with survey answers and no transactions
/// gets its survey analysed (surveyOnly). Errors: Usage (settings), Input (no transactions and
/// no survey answers),
/// Workbook, Cancelled (nothing stored).
Result<AnalysisSummary> runAnalysis(store::Workbook& wb, const AnalysisOptions& options = {},
                                    const ProgressFn& progress = {});

}  // namespace cw::engine
