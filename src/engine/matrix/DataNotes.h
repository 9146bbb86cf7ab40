#pragma once
// What an analysis's figures rest on, said the same way by `analyze` and by every matrix that
// shows them: profitability from an assumed gross margin, loyalty without repeat purchases, the
// potential method in the axis label.
#include <cstdint>
#include <string>

namespace cw::engine {

struct AxisSpec;

/// "profitability assumes a gross margin of 30 % on 100 % of the revenue …".
std::string assumedCostNote(double assumedShare, double grossMarginRate);
/// "only 0 of 523 customers bought on more than one day: …".
std::string repeatNote(std::int64_t repeatCustomers, std::int64_t withTransactions);
/// "48 survey answers are dated after the analysis day 2011-12-09 …".
std::string surveyAfterNote(std::int64_t answers, const std::string& analysisDay);
/// The potential axis labelled by the method used: model, wallet or peer.
void labelPotential(AxisSpec& axis, const std::string& method);

}  // namespace cw::engine
