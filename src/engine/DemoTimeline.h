#pragma once
// One customer's transactions: orders as a renewal process (gamma gaps, more
// regular than Poisson, as B2B replenishment is), split into invoice lines,
// with seasonality, growth, occasional returns, and the planted churn
// (nothing after churnDay) and shrink (lower rhythm and spend after shrinkDay).
#include <cstdint>
#include <vector>

#include "engine/DemoPopulation.h"

namespace cw::engine::demo {

class Rng;

struct TxRow {
    std::int64_t ts = 0;
    int order = 0;  ///< order number within the customer (lines of one order share it)
    int kind = 0;   ///< 0 sale, 1 return
    int category = 0, product = 0, channel = 0;
    double revenue = 0, cost = 0, quantity = 0, unitPrice = 0;
};

/// Fills `rows` (sorted by time) for the customer. Shrinkers are redrawn until the drop
/// between the last six months and the six before is at least 45 %; returns false (and
/// leaves a plain timeline) when that did not happen, so the caller can clear the flag.
bool generateTimeline(const CustomerSpec& c, const Calendar& cal, Rng& rng,
                      std::vector<TxRow>& rows);

/// Fills `rows` (sorted by time) with one order on each of `days` (ascending, each kept as it is:
/// no weekend shift), for the planted alert situations; values follow the customer's ticket,
/// seasonality and growth, and its shrink from shrinkDay when it is shrinking.
void ordersOnDays(const CustomerSpec& c, const Calendar& cal, const std::vector<std::int64_t>& days, Rng& rng,
                  std::vector<TxRow>& rows);

}  // namespace cw::engine::demo
