// Matrix computation benchmark: median time of computeMatrix (profitability-loyalty, median
// thresholds, grouped by one of 8 regions) on 1,000,000 points, 1 in 50 without an x value,
// against its budget (100 ms: a threshold change must leave room for the repaint), and against
// the straightforward exact median, a full sort of both axes, in the same run. The medians'
// exactness is checked by tests/engine/matrix/MatrixComputation_test.cpp; this only times.
// Usage: bench-matrix-bin [runs] (default 11).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "../tests/engine/matrix/MillionPoints.h"
#include "BenchTiming.h"
#include "engine/matrix/MatrixComputation.h"
#include "engine/matrix/MatrixSpec.h"

using namespace cw::engine;

using cw::bench::medianMs;

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 11;
    const std::size_t n = 1'000'000;
    const double budget = 100.0;
    const MatrixInput in = cw::test::millionPoints(n);
    const MatrixSpec& spec = matrixSpec(MatrixKind::ProfitabilityLoyalty);
    MatrixOptions o;
    o.groupBy = GroupField::Region;

    double cpu = 0, sortCpu = 0;
    volatile std::int64_t sink = 0;
    const auto compute = [&] { sink = sink + computeMatrix(spec, in, o).value().total.plotted; };
    // The straightforward exact median: copy the plotted points' x and y and sort both.
    const auto sortBoth = [&] {
        std::vector<double> xs, ys;
        xs.reserve(n);
        ys.reserve(n);
        for (std::size_t i = 0; i < n; ++i)
            if (!std::isnan(in.xs[i]) && !std::isnan(in.ys[i])) {
                xs.push_back(in.xs[i]);
                ys.push_back(in.ys[i]);
            }
        std::sort(xs.begin(), xs.end());
        std::sort(ys.begin(), ys.end());
        sink = sink + static_cast<std::int64_t>(xs[xs.size() / 2] + ys[ys.size() / 2]);
    };
    compute();  // warm up caches and the allocator
    const double ms = medianMs(runs, compute, &cpu);
    sortBoth();
    const double sortMs = medianMs(runs, sortBoth, &sortCpu);

    const bool pass = ms <= budget;
    std::printf("computeMatrix, 1M points, 8 groups, median of %d runs\n", runs);
    std::printf("%-40s %10s %10s %8s\n", "case", "median ms", "budget ms", "");
    std::printf("%-40s %10.1f %10.1f %8s  (CPU %.1f ms)\n", "computeMatrix (quadrants, groups)", ms,
                budget, pass ? "ok" : "OVER", cpu);
    std::printf("%-40s %10.1f %10s %8s  (CPU %.1f ms)\n", "anchor: full sort of x and y (medians)",
                sortMs, "", "", sortCpu);
    std::printf("ratio computeMatrix / full sort: %.2fx\n", ms / sortMs);
    std::printf("%s\n", pass ? "within budget" : "OVER BUDGET");
    return pass ? 0 : 1;
}
