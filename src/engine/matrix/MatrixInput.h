#pragma once
// The points of one matrix, column-wise so that a million customers stay compact: two axis
// values, revenue and margin per point (NaN = no data), and the categorical fields a matrix is
// broken down or filtered by, dictionary-encoded.
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"
#include "engine/matrix/MatrixSpec.h"

namespace cw::engine {

/// The fields a matrix is broken down ("by") or filtered by.
enum class GroupField { Segment, Channel, Region, Manager };
inline constexpr int kGroupFieldCount = 4;

const char* toString(GroupField f);
/// "segment", "channel", "region" or "manager"; a Usage error otherwise.
Result<GroupField> parseGroupField(std::string_view name);

/// One categorical field: codes[i] indexes names (kNone: the point has no value).
struct Category {
    static constexpr std::int32_t kNone = -1;
    std::vector<std::string> names;  ///< shown, e.g. the manager's name
    std::vector<std::string>
        altNames;  ///< also matched by filters (e.g. the manager code); may be empty
    std::vector<std::int32_t> codes;  ///< one per point, or empty when the field was not loaded

    bool loaded() const { return !codes.empty(); }
    /// Adds (or finds) a value and returns its code.
    std::int32_t intern(const std::string& name, const std::string& alt = {});
};

/// A filter `field = value`. Filters on different fields all apply (AND); several values of the
/// same field admit any of them (OR). A point without a value never matches.
struct MatrixFilter {
    GroupField field;
    std::string value;

    /// Parses "FIELD=VALUE" (field names as parseGroupField).
    static Result<MatrixFilter> parse(std::string_view text);
};

struct MatrixInput {
    static constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

    AxisSpec x, y;  ///< the metrics actually read (importance may be stated or derived)
    PointKind points = PointKind::Customer;

    std::vector<std::int64_t> ids;        ///< customer or attribute id
    std::vector<std::string> labels;      ///< "code — name" of a customer, or the attribute name (may be empty)
    std::vector<std::string> codes;       ///< the customer's code, or the attribute name (may be empty)
    std::vector<double> xs, ys;           ///< axis values; NaN = no data
    std::vector<double> revenue, margin;  ///< NaN (attributes) or 0-when-unknown sums; see loader
    std::array<Category, kGroupFieldCount> fields;
    /// What the values rest on (an assumed margin, no repeat purchases): shown with the matrix.
    std::vector<std::string> notes;
    /// How money axes are labelled: the workbook's currency setting, or "currency".
    std::string currency = "currency";

    std::size_t size() const { return xs.size(); }
    Category& field(GroupField f) { return fields[static_cast<int>(f)]; }
    const Category& field(GroupField f) const { return fields[static_cast<int>(f)]; }
    /// True when every column has one entry per point (labels and fields may be empty).
    Status validate() const;
};

}  // namespace cw::engine
