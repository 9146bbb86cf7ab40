#pragma once
// One million matrix points in 8 regions, every 50th without an x value, from mt19937_64's raw
// output (seed 7): the input whose medians MatrixComputation_test checks against a full sort and
// whose computation bench/matrix_bench.cpp times. Plain C++ (no gtest), for both.
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

#include "engine/matrix/MatrixInput.h"

namespace cw::test {

inline engine::MatrixInput millionPoints(std::size_t n = 1'000'000) {
    using engine::GroupField;
    using engine::MatrixInput;
    std::mt19937_64 rng(7);
    MatrixInput in;
    in.xs.resize(n);
    in.ys.resize(n);
    in.ids.resize(n);
    in.revenue.resize(n);
    in.margin.resize(n);
    auto& region = in.field(GroupField::Region);
    for (int g = 0; g < 8; ++g) region.intern("R" + std::to_string(g));
    region.codes.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        in.ids[i] = static_cast<std::int64_t>(i);
        in.xs[i] = i % 50 == 0 ? MatrixInput::kMissing : static_cast<double>(rng() % 100000) / 7.0;
        in.ys[i] = static_cast<double>(rng() % 1000);
        in.revenue[i] = static_cast<double>(rng() % 5000);
        in.margin[i] = in.revenue[i] * 0.3;
        region.codes[i] = static_cast<std::int32_t>(rng() % 8);
    }
    return in;
}

}  // namespace cw::test
