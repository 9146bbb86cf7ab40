#pragma once
// The alert situations a demo workbook plants (engine/kpi/Alerts.h, docs/demo.md): for each known
// manager — the first commercial manager of each of the first three regions — one customer per
// alert kind whose profile is replaced so that it shows exactly that situation and none of the
// others. Chosen after the whole population is drawn, from a random stream of their own, so that
// every other customer is the same with or without them.
#include <cstdint>
#include <vector>

#include "engine/DemoFeedback.h"
#include "engine/DemoPopulation.h"
#include "engine/DemoTimeline.h"
#include "store/AccountPlans.h"

namespace cw::engine::demo {

/// Chooses the known managers and their planted customers (neither churners nor shrinkers of the
/// population) and fills pop.knownManagers and pop.planted (by customer index). A manager with
/// fewer than five such customers gets the kinds it has customers for, in the order no contact,
/// anorexia, satisfaction fell, low P(alive), overdue action.
void plantAlerts(Population& pop);

/// The planted customer's transactions, survey answers and notes (replacing the drawn ones).
void plantedRecords(const PlantedCase& p, const Population& pop, std::uint64_t seed, std::vector<TxRow>& rows,
                    std::vector<SurveyAnswer>& answers, std::vector<NoteDraft>& notes);

/// The account plan of an overdue-action case (its customer and manager written, so with ids):
/// one action about the customer, open, due 30 days before the end of the history.
store::AccountPlan overduePlan(const PlantedCase& p, const Population& pop);

}  // namespace cw::engine::demo
