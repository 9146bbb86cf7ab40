#pragma once
// Random draws for the demo generator. The std:: distributions are not
// specified algorithm by algorithm, so libstdc++, libc++ and MSVC give
// different numbers for the same engine; only std::mt19937_64 itself is fully
// specified. Every distribution here is therefore written out from uniform
// draws (using only log/exp/pow/sqrt, and rounding results to cents or days),
// so a seed gives the same workbook everywhere.
#include <cmath>
#include <cstdint>
#include <random>

namespace cw::engine::demo {

/// SplitMix64 finaliser: turns (seed, index, stream) into well-mixed independent seeds.
inline std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t index, std::uint64_t stream) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (index + 1) + 0xD1B54A32D192ED03ull * stream;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_eng(seed) {}

    /// Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(m_eng() >> 11) * 0x1.0p-53; }
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    /// Uniform integer in [0, n).
    std::int64_t below(std::int64_t n) {
        auto k = static_cast<std::int64_t>(uniform() * static_cast<double>(n));
        return k < n ? k : n - 1;
    }
    /// Uniform integer in [a, b].
    std::int64_t between(std::int64_t a, std::int64_t b) { return a + below(b - a + 1); }
    bool chance(double p) { return uniform() < p; }

    /// Standard normal (Marsaglia polar method; the second value is kept for the next call).
    double normal() {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        double u, v, s;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double f = std::sqrt(-2.0 * std::log(s) / s);
        m_spare = v * f;
        m_hasSpare = true;
        return u * f;
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }
    double lognormal(double mu, double sigma) { return std::exp(mu + sigma * normal()); }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    /// Pareto with minimum xm and tail index alpha (heavier tail for smaller alpha).
    double pareto(double xm, double alpha) { return xm / std::pow(1.0 - uniform(), 1.0 / alpha); }

    /// Gamma(shape, scale) by Marsaglia & Tsang (2000); shape < 1 by the boost u^(1/shape).
    double gamma(double shape, double scale) {
        if (shape < 1.0) return gamma(shape + 1.0, scale) * std::pow(uniform(), 1.0 / shape);
        const double d = shape - 1.0 / 3.0;
        const double c = 1.0 / std::sqrt(9.0 * d);
        for (;;) {
            double x, v;
            do {
                x = normal();
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            const double u = uniform();
            if (u < 1.0 - 0.0331 * x * x * x * x) return d * v * scale;
            if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v * scale;
        }
    }

    /// Poisson: Knuth's product method for small means, a rounded normal for large ones
    /// (only used for small counts such as notes per customer).
    int poisson(double mean) {
        if (mean > 30.0) {
            const double x = std::floor(normal(mean, std::sqrt(mean)) + 0.5);
            return x < 0 ? 0 : static_cast<int>(x);
        }
        const double limit = std::exp(-mean);
        int k = 0;
        for (double p = uniform(); p > limit; p *= uniform()) ++k;
        return k;
    }

    /// Index drawn with probability proportional to weights[i].
    template <class Weights>
    int pick(const Weights& weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = uniform() * total;
        int i = 0;
        for (double w : weights) {
            if (x < w) return i;
            x -= w;
            ++i;
        }
        return i - 1;
    }

private:
    std::mt19937_64 m_eng;
    double m_spare = 0;
    bool m_hasSpare = false;
};

}  // namespace cw::engine::demo
