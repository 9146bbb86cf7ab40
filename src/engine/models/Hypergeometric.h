#pragma once
// The Gauss hypergeometric function 2F1, as the BG/NBD conditional expectation needs it.
namespace cw::engine {

/// 2F1(a, b; c; z) for 0 <= z < 1 and c > 0 by its power series, summed until a term no
/// longer changes the sum at double precision (the series converges for |z| < 1; near
/// z = 1 it needs many terms, up to `maxTerms`). Returns NaN when it did not converge.
double hyp2f1(double a, double b, double c, double z, int maxTerms = 1000000);

/// 2F1(a, b; c; z[k]) for k < m at once: the series coefficients are shared, so several
/// horizons of one customer cost little more than the longest one. Same contract as hyp2f1.
void hyp2f1Many(double a, double b, double c, const double* z, int m, double* out,
                int maxTerms = 1000000);

}  // namespace cw::engine
