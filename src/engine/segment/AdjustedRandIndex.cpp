#include "engine/segment/AdjustedRandIndex.h"

#include <map>
#include <utility>

namespace cw::engine {
namespace {

double pairs(double m) {
    return m * (m - 1) / 2;
}

}  // namespace

Result<double> adjustedRandIndex(const Eigen::VectorXi& a, const Eigen::VectorXi& b) {
    if (a.size() != b.size())
        return makeError(ErrorKind::Input, "ARI: the partitions have different sizes");
    if (a.size() == 0) return makeError(ErrorKind::Input, "ARI: no items");
    std::map<std::pair<int, int>, double> cells;
    std::map<int, double> rows, cols;
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        cells[{a(i), b(i)}] += 1;
        rows[a(i)] += 1;
        cols[b(i)] += 1;
    }
    const double n = static_cast<double>(a.size());
    // Trivial partitions have no pairs to disagree on; the formula would divide 0 by 0.
    if ((rows.size() == 1 && cols.size() == 1) ||
        (static_cast<double>(rows.size()) == n && static_cast<double>(cols.size()) == n))
        return 1.0;
    double index = 0, sumA = 0, sumB = 0;
    for (const auto& [key, m] : cells) index += pairs(m);
    for (const auto& [key, m] : rows) sumA += pairs(m);
    for (const auto& [key, m] : cols) sumB += pairs(m);
    const double expected = sumA * sumB / pairs(n);
    const double maximum = (sumA + sumB) / 2;
    return (index - expected) / (maximum - expected);
}

}  // namespace cw::engine
