#include "engine/models/Hypergeometric.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cw::engine {

double hyp2f1(double a, double b, double c, double z, int maxTerms) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (!(z >= 0.0 && z < 1.0) || !(c > 0.0)) return nan;
    // Bounding the tail: the ratio of consecutive terms is z (a+n)(b+n) / ((c+n)(n+1)).
    // When a + b <= c + 1 and ab <= c it is at most z for every n >= max(|a|, |b|) (the
    // difference of denominator and numerator is n(c+1−a−b) + c − ab >= 0), so the tail
    // is below |term| z / (1 − z). Otherwise, beyond max(|a|, |b|, |c|) + 1 the ratio
    // tends monotonically to z and max(next ratio, z) bounds it.
    const bool boundedByZ = a + b <= c + 1 && a * b <= c;
    const double n0 = boundedByZ ? std::max(std::abs(a), std::abs(b))
                                 : std::max({std::abs(a), std::abs(b), std::abs(c)}) + 1.0;
    double term = 1.0, sum = 1.0;
    for (int n = 0; n < maxTerms; ++n) {
        term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
        sum += term;
        if (!std::isfinite(sum)) return nan;
        if (n + 1 > n0) {
            const double q =
                boundedByZ
                    ? z
                    : std::max(std::abs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2.0)) * z),
                               z);
            if (q < 1.0 && std::abs(term) * q / (1.0 - q) <= 1e-16 * std::abs(sum)) return sum;
        }
        if (term == 0.0) return sum;
    }
    return nan;
}

void hyp2f1Many(double a, double b, double c, const double* z, int m, double* out, int maxTerms) {
    double zMax = 0;
    for (int k = 0; k < m; ++k) zMax = std::max(zMax, z[k]);
    const bool boundedByZ = a + b <= c + 1 && a * b <= c;
    if (m > 32 || !boundedByZ || !(zMax < 1.0) || !(c > 0.0)) {
        for (int k = 0; k < m; ++k) out[k] = hyp2f1(a, b, c, z[k], maxTerms);
        return;
    }
    for (int k = 0; k < m; ++k)
        if (!(z[k] >= 0.0)) out[k] = std::numeric_limits<double>::quiet_NaN();
    // The bound of hyp2f1: every later ratio is at most z[k], so the tail of series k is
    // below |term_k| z_k / (1 − z_k) once n >= max(|a|, |b|).
    double term[32], sum[32];
    for (int k = 0; k < m; ++k) term[k] = 1.0, sum[k] = 1.0;
    const double n0 = std::max(std::abs(a), std::abs(b));
    bool converged = false;
    for (int n = 0; n < maxTerms && !converged; ++n) {
        const double coef = (a + n) * (b + n) / ((c + n) * (n + 1.0));
        bool done = n + 1 > n0;
        for (int k = 0; k < m; ++k) {
            term[k] *= coef * z[k];
            sum[k] += term[k];
            done = done && std::abs(term[k]) * z[k] <= 1e-16 * std::abs(sum[k]) * (1.0 - z[k]);
        }
        converged = done;
    }
    for (int k = 0; k < m; ++k)
        if (z[k] >= 0.0)
            out[k] = converged && std::isfinite(sum[k]) ? sum[k]
                                                        : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace cw::engine
