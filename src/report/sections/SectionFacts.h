#pragma once
// Figures several sections state (the executive summary and the exits section): computed once
// here from what the report context loaded, so the same fact reads the same everywhere.
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

#include "core/Result.h"

namespace cw::report {

class ReportContext;

/// The margin of the top share of customers by margin in the analysis window.
struct Concentration {
    std::int64_t customers = 0, top = 0;  ///< all customers; the top ceil(share × customers)
    double share = 0;                     ///< their margin / the margin of all customers
};
/// None when the total margin is not positive (no share can be said).
std::optional<Concentration> marginConcentration(ReportContext& ctx, double topShare);

/// What exits and anorexia cost: the profitable exits' margin in the window, and the anorexic
/// customers' revenue drop (earlier window minus recent window, customers buying less only).
struct LostMargin {
    std::int64_t profitableExits = 0, anorexic = 0;
    double exitMargin = 0, anorexicDrop = 0, totalMargin = 0;
};
std::optional<LostMargin> lostMargin(ReportContext& ctx);

/// The same per manager, ranked by what is lost in all (the largest first).
struct ManagerLoss {
    std::string manager;
    std::int64_t profitableExits = 0, anorexic = 0;
    double exitMargin = 0, anorexicDrop = 0;
    double lost() const { return exitMargin + anorexicDrop; }
};
Result<std::vector<ManagerLoss>> managersLosingMost(ReportContext& ctx, std::size_t count);

/// Service attributes important and below the satisfaction split ("concentrate here"), most
/// important first.
struct AttributeToImprove {
    std::string name;
    double importance = 0, satisfaction = 0;
};
Result<std::vector<AttributeToImprove>> attributesToImprove(ReportContext& ctx);

/// The anorexic customer's revenue drop: earlier minus recent window, none when unknown.
std::optional<double> revenueDrop(const std::optional<double>& earlier, const std::optional<double>& recent);

}  // namespace cw::report
