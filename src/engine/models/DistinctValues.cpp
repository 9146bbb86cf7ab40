#include "engine/models/DistinctValues.h"

#include <cstring>

namespace cw::engine::detail {

DistinctKeys::DistinctKeys(const std::vector<std::uint64_t>& input, std::size_t expected) {
    // The table starts at twice the expected count and doubles at half load, so inputs with
    // few distinct keys (T, t_x: one per calendar day) touch little memory.
    int bits = 10;
    while ((std::size_t(1) << bits) < 2 * expected) ++bits;
    std::vector<int> slot(std::size_t(1) << bits, -1);  // index into `keys`, −1 when empty
    auto find = [&](std::uint64_t k) {
        // Fibonacci hashing: the top bits of k × 2^64/φ spread consecutive keys evenly.
        const std::size_t mask = slot.size() - 1;
        std::size_t h = std::size_t((k * 0x9E3779B97F4A7C15ull) >> (64 - bits));
        while (slot[h] >= 0 && keys[std::size_t(slot[h])] != k) h = (h + 1) & mask;
        return h;
    };
    index.resize(input.size());
    for (std::size_t i = 0; i < input.size(); ++i) {
        const std::uint64_t k = input[i];
        std::size_t h = find(k);
        if (slot[h] < 0) {
            if (2 * (keys.size() + 1) > slot.size()) {
                ++bits;
                slot.assign(std::size_t(1) << bits, -1);
                for (std::size_t j = 0; j < keys.size(); ++j) slot[find(keys[j])] = int(j);
                h = find(k);
            }
            slot[h] = int(keys.size());
            keys.push_back(k);
            count.push_back(0.0);
        }
        index[i] = slot[h];
        count[std::size_t(slot[h])] += 1.0;
    }
}

DistinctValues::DistinctValues(const Eigen::ArrayXd& v) {
    std::vector<std::uint64_t> bits(static_cast<std::size_t>(v.size()));
    for (std::size_t i = 0; i < bits.size(); ++i) {
        const double d = v[Eigen::Index(i)] == 0.0 ? 0.0 : v[Eigen::Index(i)];
        std::memcpy(&bits[i], &d, sizeof d);
    }
    DistinctKeys distinct(bits);
    values.resize(Eigen::Index(distinct.keys.size()));
    for (std::size_t k = 0; k < distinct.keys.size(); ++k)
        std::memcpy(&values[Eigen::Index(k)], &distinct.keys[k], sizeof(double));
    index = std::move(distinct.index);
}

}  // namespace cw::engine::detail
