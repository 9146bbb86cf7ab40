#pragma once
// Timing helpers of the C++ benchmarks: the median of repeated runs, wall and process CPU time
// (CPU time tells a slow computation from a busy machine: several builds may share it).
#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

namespace cw::bench {

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

inline double cpuNowMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/// Median wall time in ms of `repeats` calls of f; `cpu` (if given) gets the median CPU time.
template <typename F>
double medianMs(int repeats, F&& f, double* cpu = nullptr) {
    std::vector<double> times, cpuTimes;
    for (int r = 0; r < repeats; ++r) {
        const double c0 = cpuNowMs();
        const auto t0 = std::chrono::steady_clock::now();
        f();
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
        cpuTimes.push_back(cpuNowMs() - c0);
    }
    if (cpu) *cpu = median(cpuTimes);
    return median(times);
}

}  // namespace cw::bench
