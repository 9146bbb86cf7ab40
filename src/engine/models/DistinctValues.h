#pragma once
// Internal: distinct values of an array and each element's index among them; the pattern
// collapsing of the purchase models uses it on T, t_x and packed (x, t_x, T) keys.
#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace cw::engine::detail {

/// Distinct 64-bit keys in order of first appearance (open addressing: linear time, no
/// sort; the models do not need the values ordered).
struct DistinctKeys {
    explicit DistinctKeys(const std::vector<std::uint64_t>& keys, std::size_t expected = 0);
    std::vector<std::uint64_t> keys;  ///< distinct, in order of first appearance
    std::vector<double> count;        ///< occurrences of each distinct key
    std::vector<int> index;           ///< keys[index[i]] == input[i]
};

/// The same for doubles (compared bit for bit after turning −0 into +0).
struct DistinctValues {
    explicit DistinctValues(const Eigen::ArrayXd& v);
    Eigen::ArrayXd values;   ///< distinct, in order of first appearance
    std::vector<int> index;  ///< values[index[i]] == v[i]
};

}  // namespace cw::engine::detail
