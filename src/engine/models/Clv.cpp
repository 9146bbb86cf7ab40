#include "engine/models/Clv.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/models/DistinctValues.h"
#include "engine/models/Hypergeometric.h"

namespace cw::engine {

Status ClvOptions::validate() const {
    if (horizonMonths < 1 || horizonMonths > 1200)
        return makeError(ErrorKind::Usage, "horizonMonths must be 1..1200");
    if (!(annualDiscountRate > -1 && annualDiscountRate < 10))
        return makeError(ErrorKind::Usage, "annualDiscountRate must be in (-1, 10)");
    if (!std::isfinite(marginRate)) return makeError(ErrorKind::Usage, "marginRate must be finite");
    return {};
}

// E[Y(t) | x, t_x, T] = S(t; x, T) / (1 + mix(x, t_x, T)) (FHL 2005 eq. 10, with the Euler
// transformation of bgNbdExpectedTransactions), so the discounted sum over months is
// Σ_k (S(t_k) − S(t_{k−1})) v^−k / (1 + mix): the part in S depends on (x, T) only and is
// computed once per distinct pair, all months in one series.
Result<Eigen::ArrayXd> customerLifetimeValue(const BgNbdParams& p, const GammaGammaParams& spend,
                                             const RfmSummary& data, const ClvOptions& options,
                                             const ProgressFn& progress) {
    if (auto s = options.validate(); !s) return s.takeError();
    const Eigen::Index n = data.x.size();
    if (data.tx.size() != n || data.T.size() != n || data.mx.size() != n)
        return makeError(ErrorKind::Internal, "summary arrays differ in length");
    if (options.marginRatio.size() != 0 && options.marginRatio.size() != n)
        return makeError(ErrorKind::Usage, "marginRatio must have one value per customer");
    const int months = options.horizonMonths;
    const double month = 30.4375 / unitDays(data.unit);
    const double monthlyRate = std::pow(1.0 + options.annualDiscountRate, 1.0 / 12.0) - 1.0;

    const detail::DistinctValues distinctT(data.T);
    std::vector<std::uint64_t> keys(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i)
        keys[std::size_t(i)] =
            (std::uint64_t(data.x[i]) << 32) | std::uint64_t(distinctT.index[std::size_t(i)]);
    const detail::DistinctKeys pairs(keys);

    const double upper1 = p.a + p.b - 1 - p.r, upper2 = p.a - 1;
    const auto m = static_cast<std::size_t>(months);
    std::vector<double> z(m), hyp(m), discount(m);
    for (int k = 0; k < months; ++k)
        discount[std::size_t(k)] = std::pow(1.0 + monthlyRate, -(k + 1));
    std::vector<double> discounted(pairs.keys.size());
    for (std::size_t j = 0; j < pairs.keys.size(); ++j) {
        const double x = double(pairs.keys[j] >> 32);
        const double T = distinctT.values[Eigen::Index(pairs.keys[j] & 0xFFFFFFFF)];
        const double c = p.a + p.b + x - 1;
        for (int k = 0; k < months; ++k) {
            const double t = (k + 1) * month;
            z[std::size_t(k)] = t / (p.alpha + T + t);
        }
        hyp2f1Many(upper1, upper2, c, z.data(), months, hyp.data());
        double previous = 0.0, sum = 0.0;
        for (int k = 0; k < months; ++k) {
            const auto K = std::size_t(k);
            const double s = c / (p.a - 1) * (1.0 - std::exp(upper2 * std::log1p(-z[K])) * hyp[K]);
            sum += (s - previous) * discount[K];
            previous = s;
        }
        discounted[j] = sum;
        if (progress && j % 4096 == 0 &&
            !progress(
                {"customer lifetime value", std::int64_t(j), std::int64_t(pairs.keys.size())}))
            return makeError(ErrorKind::Cancelled, "CLV cancelled");
    }

    const Eigen::ArrayXd expectedSpend = gammaGammaExpectedSpend(spend, data.x, data.mx);
    Eigen::ArrayXd clv(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const double x = data.x[i];
        const double mix =
            x > 0
                ? p.a / (p.b + x - 1) *
                      std::exp((p.r + x) * std::log((p.alpha + data.T[i]) / (p.alpha + data.tx[i])))
                : 0.0;
        const double margin =
            options.marginRatio.size() ? options.marginRatio[i] : options.marginRate;
        clv[i] = discounted[std::size_t(pairs.index[std::size_t(i)])] / (1.0 + mix) *
                 expectedSpend[i] * margin;
    }
    return clv;
}

}  // namespace cw::engine
