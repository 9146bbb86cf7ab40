#include "engine/matrix/MatrixSpec.h"

#include <algorithm>
#include <cctype>

namespace cw::engine {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char l, char r) {
               return std::tolower(static_cast<unsigned char>(l)) ==
                      std::tolower(static_cast<unsigned char>(r));
           });
}

std::vector<MatrixSpec> makeSpecs() {
    const AxisSpec margin{"margin", "Profitability (margin in the window)", "currency"};
    const AxisSpec satisfaction{"satisfaction", "Satisfaction", "0-100"};
    const AxisSpec loyalty{"loyalty", "Loyalty index", "0-100"};
    const AxisSpec potential{"potential", "Potential (expected margin not yet captured)",
                             "currency"};
    return {
        {MatrixKind::ImportanceSatisfaction,
         "importance-satisfaction",
         "Importance vs satisfaction",
         PointKind::Attribute,
         {"derived_share", "Importance (share of explained satisfaction)", "share"},
         {"satisfaction", "Satisfaction", "0-100"},
         {{{"keep up the good work", "important and well served: protect it"},
           {"concentrate here", "important but poorly served: improve it first"},
           {"possible overkill",
            "well served but unimportant: resources may be better used elsewhere"},
           {"low priority", "unimportant and poorly served: no urgent action"}}},
         "Martilla & James 1977, importance-performance analysis"},
        {MatrixKind::ProfitabilityPotential,
         "profitability-potential",
         "Profitability vs potential",
         PointKind::Customer,
         margin,
         potential,
         {{{"develop", "profitable with room to grow: invest in the relationship"},
           {"maintain", "profitable, little left to capture: keep and serve efficiently"},
           {"grow share", "unprofitable today with potential: win more of their spend"},
           {"rationalise cost to serve", "unprofitable, little potential: serve at lower cost"}}},
         "customer portfolio analysis"},
        {MatrixKind::ProfitabilitySatisfaction,
         "profitability-satisfaction",
         "Profitability vs satisfaction",
         PointKind::Customer,
         margin,
         satisfaction,
         {{{"secure", "profitable and satisfied: keep it that way"},
           {"at risk", "profitable but unsatisfied: fix their service before they leave"},
           {"reprice or re-serve", "satisfied but unprofitable: change price or cost to serve"},
           {"fix or let go", "unprofitable and unsatisfied: repair cheaply or let them go"}}},
         "Clienting method"},
        {MatrixKind::ProfitabilityLoyalty,
         "profitability-loyalty",
         "Profitability vs loyalty",
         PointKind::Customer,
         margin,
         loyalty,
         {{{"true friends", "profitable and loyal: reward and communicate consistently"},
           {"butterflies", "profitable, not loyal: milk the transactions while they last"},
           {"barnacles", "loyal, unprofitable: size their wallet, upsell or cut cost to serve"},
           {"strangers", "neither profitable nor loyal: do not invest"}}},
         "Reinartz & Kumar 2002, the mismanagement of customer loyalty"},
        {MatrixKind::SatisfactionLoyalty,
         "satisfaction-loyalty",
         "Satisfaction vs loyalty",
         PointKind::Customer,
         satisfaction,
         loyalty,
         {{{"loyalists", "satisfied and loyal: the apostles who recommend you"},
           {"mercenaries", "satisfied, not loyal: buy on price, may leave any time"},
           {"hostages", "loyal, unsatisfied: stay for lack of choice, leave when they can"},
           {"defectors", "unsatisfied and not loyal: leaving or gone"}}},
         "Jones & Sasser 1995, why satisfied customers defect"},
    };
}

}  // namespace

const std::vector<MatrixSpec>& matrixSpecs() {
    static const std::vector<MatrixSpec> specs = makeSpecs();
    return specs;
}

const MatrixSpec& matrixSpec(MatrixKind kind) {
    for (const auto& s : matrixSpecs())
        if (s.kind == kind) return s;
    return matrixSpecs().front();
}

Result<const MatrixSpec*> findMatrixSpec(std::string_view name) {
    std::string names;
    for (const auto& s : matrixSpecs()) {
        if (equalsIgnoreCase(s.name, name)) return &s;
        names += (names.empty() ? "" : ", ") + s.name;
    }
    return makeError(ErrorKind::Usage, "unknown matrix '" + std::string(name) + "'",
                     "use one of: " + names);
}

Result<Quadrant> findQuadrant(const MatrixSpec& spec, std::string_view name) {
    std::string names;
    for (int q = 0; q < kQuadrantCount; ++q) {
        if (equalsIgnoreCase(spec.quadrants[q].name, name)) return static_cast<Quadrant>(q);
        names += (names.empty() ? "'" : ", '") + spec.quadrants[q].name + "'";
    }
    return makeError(ErrorKind::Usage,
                     "matrix " + spec.name + " has no quadrant '" + std::string(name) + "'",
                     "use one of: " + names + " or 'insufficient data'");
}

const char* quadrantCode(Quadrant q) {
    switch (q) {
        case Quadrant::HighHigh:
            return "HH";
        case Quadrant::HighLow:
            return "HL";
        case Quadrant::LowHigh:
            return "LH";
        case Quadrant::LowLow:
            return "LL";
    }
    return "?";
}

}  // namespace cw::engine
