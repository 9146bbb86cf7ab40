#pragma once
// Sample quantiles for tier and band cut points.
#include <vector>

namespace cw::engine {

/// The p-quantile (0 <= p <= 1) of the finite values, interpolated linearly between order
/// statistics (Hyndman & Fan type 7, the default of R and NumPy). NaN values are ignored;
/// NaN when there is no finite value. `sorted` must be ascending and NaN-free.
double quantileSorted(const std::vector<double>& sorted, double p);

/// The finite values of `values`, ascending.
std::vector<double> sortedFinite(const std::vector<double>& values);

}  // namespace cw::engine
