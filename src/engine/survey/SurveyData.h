#pragma once
// The survey answers of a workbook in memory: one row per response, one column per service
// attribute in Eigen matrices (engine/load/SurveyLoader.h reads them with one ordered query,
// 130,000 responses × 14 attributes in about a second).
#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"

namespace cw::engine {

/// Responses whose time lies in [from, to] (seconds since 1970-01-01, both ends included; an
/// open end when empty). Responses without a time are always in.
struct SurveyWindow {
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;

    /// The window of whole days first…last (days since 1970-01-01, both included).
    static SurveyWindow days(std::optional<std::int64_t> first, std::optional<std::int64_t> last);
    bool contains(std::optional<std::int64_t> ts) const;
};

struct SurveyAttribute {
    std::int64_t id = 0;
    std::string name;
    double scaleMin = 0;
    double scaleMax = 0;
    std::optional<double> naValue;  ///< raw score meaning "not applicable"
};

/// Answers in the window, in response-id order. Missing values are NaN.
struct SurveyData {
    std::vector<SurveyAttribute> attributes;  ///< in id order; column j of the matrices
    std::vector<std::int64_t> responseIds;
    std::vector<std::optional<std::int64_t>> customerIds;  ///< empty: not a known customer
    std::vector<std::optional<std::int64_t>> ts;
    Eigen::VectorXd satisfaction;  ///< overall rescaled to 0–100
    Eigen::VectorXd recommend;     ///< 0–10
    Eigen::VectorXd repurchase;    ///< 0–100
    /// Rescaled to 0–100 from the attribute's scale; NaN: not applicable (NULL or the na_value)
    /// or not answered. Scores off the scale are kept as they are (the audit reports them).
    Eigen::MatrixXd scores;
    Eigen::MatrixXd importance;  ///< stated importance, raw; NaN when not asked
    std::int64_t beforeWindow = 0, afterWindow = 0;  ///< responses dated outside the window (not read)

    Eigen::Index responses() const { return static_cast<Eigen::Index>(responseIds.size()); }
};

}  // namespace cw::engine
