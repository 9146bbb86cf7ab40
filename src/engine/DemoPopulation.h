#pragma once
// The planted world of a demo workbook, decided before anything is written:
// calendar, manager hierarchy, customer profiles (segment, size, rhythm,
// churn and shrink), and the true weights of the service attributes.
#include <cstdint>
#include <string>
#include <vector>

#include "core/CivilTime.h"
#include "engine/kpi/Alerts.h"

namespace cw::engine {
struct DemoOptions;
}

namespace cw::engine::demo {

class Rng;


struct Calendar {
    std::int64_t startDay = 0;       ///< first day of the history
    std::int64_t endDay = 0;         ///< last day of the history (inclusive)
    std::int64_t recentStart = 0;    ///< first day of the last 6 months
    std::int64_t previousStart = 0;  ///< first day of the 6 months before those
};
Calendar makeCalendar(std::int64_t endDay, int months);

struct ManagerSpec {
    std::string code, name, level;
    int region = -1;      ///< index into kRegions; -1 for the company root
    int parent = -1;      ///< index into Population::managers
    std::int64_t id = 0;  ///< row id once written
};

struct CustomerSpec {
    std::int64_t id = 0;  ///< row id once written
    std::int64_t acquisitionDay = 0;
    std::int64_t churnDay = 0;   ///< churners: first day without any purchase
    std::int64_t shrinkDay = 0;  ///< shrinkers: first day of the lower rhythm and spend
    double size = 1;             ///< company size multiplier (heavy-tailed)
    double ordersPerYear = 1;
    double ticket = 100;      ///< median order value
    double growth = 0;        ///< yearly growth of order values
    double satisfaction = 0;  ///< latent, on a standard normal scale
    double shrinkRate = 1;    ///< order-rhythm multiplier after shrinkDay
    double shrinkTicket = 1;  ///< order-value multiplier after shrinkDay
    int segment = 0, region = 0, channel = 0, manager = 0;
    bool churner = false, shrinking = false;
};

/// One planted alert situation (engine/kpi/Alerts.h): a customer of a known manager whose
/// profile is replaced so that it shows exactly that situation (DemoAlerts.h).
struct PlantedCase {
    kpi::AlertKind kind = kpi::AlertKind::NoContact;
    std::int64_t customer = 0;  ///< index into Population::customers (which keeps the drawn profile)
    int manager = 0;            ///< index into Population::managers
    CustomerSpec spec;          ///< the profile as planted (its id once written)
    double marginTarget = 0;    ///< steady buyers: the yearly margin the ticket was raised to reach
};

struct Population {
    Calendar cal;
    int regions = 0;
    std::vector<ManagerSpec> managers;
    std::vector<CustomerSpec> customers;
    std::vector<double> attributeWeights;  ///< planted, per survey attribute, sum 1
    /// The known managers (indexes into managers) and their planted alert situations, by
    /// customer index.
    std::vector<int> knownManagers;
    std::vector<PlantedCase> planted;
};

/// Draws the whole population from `rng`; deterministic for a given options and seed.
Population buildPopulation(const DemoOptions& options, Rng& rng);

}  // namespace cw::engine::demo
