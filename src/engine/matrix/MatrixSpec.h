#pragma once
// The five Clienting matrices (DESIGN §4): what each plots, its axes and its four named
// quadrants. Pure data; no workbook access.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"

namespace cw::engine {

enum class MatrixKind {
    ImportanceSatisfaction,
    ProfitabilityPotential,
    ProfitabilitySatisfaction,
    ProfitabilityLoyalty,
    SatisfactionLoyalty
};

/// What a point of the matrix is.
enum class PointKind { Customer, Attribute };

/// One axis: the metric it reads (a column of customer_metrics / attribute_metrics), how it is
/// labelled and its unit.
struct AxisSpec {
    std::string metric;
    std::string label;
    std::string unit;
};

/// Quadrant positions. "High" means value >= threshold on that axis.
enum class Quadrant : signed char {
    HighHigh = 0,  ///< high x, high y
    HighLow = 1,   ///< high x, low y
    LowHigh = 2,   ///< low x, high y
    LowLow = 3,    ///< low x, low y
};
inline constexpr int kQuadrantCount = 4;

struct QuadrantSpec {
    std::string name;     ///< e.g. "true friends"
    std::string meaning;  ///< one line: what the quadrant says and what to do
};

struct MatrixSpec {
    MatrixKind kind;
    std::string name;   ///< stable identifier, e.g. "profitability-loyalty"
    std::string title;  ///< for people, e.g. "Profitability vs loyalty"
    PointKind points;
    AxisSpec x, y;
    /// Indexed by Quadrant: HighHigh, HighLow, LowHigh, LowLow.
    std::array<QuadrantSpec, kQuadrantCount> quadrants;
    std::string reference;  ///< the published source of the quadrant reading

    const QuadrantSpec& quadrant(Quadrant q) const { return quadrants[static_cast<int>(q)]; }
};

/// All five, in the order of DESIGN §4.
const std::vector<MatrixSpec>& matrixSpecs();
const MatrixSpec& matrixSpec(MatrixKind kind);
/// Looks a matrix up by name (case-insensitive); a Usage error listing the names otherwise.
Result<const MatrixSpec*> findMatrixSpec(std::string_view name);
/// The quadrant of `spec` whose name is `name` (case-insensitive), or a Usage error.
Result<Quadrant> findQuadrant(const MatrixSpec& spec, std::string_view name);
/// Short position code, "HH", "HL", "LH" or "LL".
const char* quadrantCode(Quadrant q);

}  // namespace cw::engine
