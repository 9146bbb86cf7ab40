#include "engine/matrix/DataNotes.h"

#include <cmath>
#include <cstdio>

#include "engine/matrix/MatrixSpec.h"

namespace cw::engine {
namespace {

std::string percentText(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f %%", 100.0 * share);
    return buf;
}

}  // namespace

std::string assumedCostNote(double assumedShare, double grossMarginRate) {
    return "profitability assumes a gross margin of " + percentText(grossMarginRate) + " on " +
           percentText(assumedShare) +
           " of the revenue (its transactions have no cost): set the real rate (clienting settings --set "
           "gross_margin_rate=…) or import the costs";
}

std::string repeatNote(std::int64_t repeatCustomers, std::int64_t withTransactions) {
    return "only " + std::to_string(repeatCustomers) + " of " + std::to_string(withTransactions) +
           " customers bought on more than one day: the loyalty index, P(alive) and the purchase models rest on "
           "almost no repeat behaviour";
}

std::string surveyAfterNote(std::int64_t answers, const std::string& analysisDay) {
    return std::to_string(answers) + " survey answer" + (answers == 1 ? " is" : "s are") +
           " dated after the analysis day " + analysisDay +
           " and left out of satisfaction: analyse with a later --analysis-date to include them";
}

void labelPotential(AxisSpec& axis, const std::string& method) {
    if (axis.metric != "potential") return;
    if (method == "wallet")
        axis.label = "Potential (wallet not yet captured)";
    else if (method == "peer")
        axis.label = "Potential (peer-group revenue not yet reached)";
    else
        axis.label = "Potential (expected margin not yet captured)";
}

}  // namespace cw::engine
