#include "engine/models/Clv.h"

#include <gtest/gtest.h>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>

namespace cw::engine {
namespace {

const BgNbdParams kPurchases{0.2426, 4.4136, 0.7929, 2.4259};
const GammaGammaParams kSpend{6.2496, 3.7442, 15.4435};

RfmSummary customers() {
    RfmSummary d;
    d.unit = TimeUnit::Weeks;
    d.x.resize(3), d.tx.resize(3), d.T.resize(3), d.mx.resize(3);
    d.x << 0, 2, 6;
    d.tx << 0, 30.43, 36.0;
    d.T << 38.86, 38.86, 38.0;
    d.mx << 0, 22.35, 40.0;
    return d;
}

// E[Y(t) | x, t_x, T] by integrating p over its Beta prior with λ in closed form
// (independent of the 2F1 route; see BgNbd_test.cpp).
double expectedByIntegration(const BgNbdParams& p, double x, double tx, double T, double t) {
    auto integrate = [&](auto f) {
        auto g = [&](double u) { return f(std::pow(u, 1.0 / p.a)) / p.a; };
        return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(g, 0.0, 1.0, 15,
                                                                             1e-13);
    };
    const double m = p.r + x;
    const double num = integrate([&](double q) {
        return std::pow(1 - q, x + p.b - 1) * std::pow(p.alpha + T, -m) *
               -std::expm1(-m * std::log1p(q * t / (p.alpha + T))) / q;
    });
    const double den = integrate([&](double q) {
        double v = std::pow(1 - q, x + p.b - 1) * std::pow(p.alpha + T, -m);
        if (x > 0) v += q * std::pow(1 - q, x + p.b - 2) * std::pow(p.alpha + tx, -m);
        return v;
    });
    return num / den;
}

TEST(Clv, UndiscountedValueIsExpectedTransactionsTimesSpendTimesMargin) {
    const RfmSummary d = customers();
    ClvOptions o;
    o.horizonMonths = 12;
    o.annualDiscountRate = 0.0;
    o.marginRate = 0.3;
    auto clv = customerLifetimeValue(kPurchases, kSpend, d, o);
    ASSERT_TRUE(clv.ok());
    const double horizon = 12 * 30.4375 / 7;
    const double population = kSpend.p * kSpend.gamma / (kSpend.q - 1);
    for (int i = 0; i < 3; ++i) {
        const double w = kSpend.p * d.x[i] / (kSpend.p * d.x[i] + kSpend.q - 1);
        const double spend = (1 - w) * population + w * d.mx[i];
        const double expected = expectedByIntegration(kPurchases, d.x[i], d.tx[i], d.T[i], horizon);
        EXPECT_NEAR((*clv)[i], expected * spend * 0.3, 1e-7 * (*clv)[i]) << i;
    }
}

TEST(Clv, DiscountsEachMonthAndUsesPerCustomerMargins) {
    const RfmSummary d = customers();
    ClvOptions o;
    o.horizonMonths = 2;
    o.annualDiscountRate = 0.12;
    o.marginRatio.resize(3);
    o.marginRatio << 0.5, 0.25, 1.0;
    auto clv = customerLifetimeValue(kPurchases, kSpend, d, o);
    ASSERT_TRUE(clv.ok());
    const double month = 30.4375 / 7, v = std::pow(1.12, 1.0 / 12);
    const Eigen::ArrayXd spend = gammaGammaExpectedSpend(kSpend, d.x, d.mx);
    for (int i = 0; i < 3; ++i) {
        const double e1 = expectedByIntegration(kPurchases, d.x[i], d.tx[i], d.T[i], month);
        const double e2 = expectedByIntegration(kPurchases, d.x[i], d.tx[i], d.T[i], 2 * month);
        const double expected = (e1 / v + (e2 - e1) / (v * v)) * spend[i] * o.marginRatio[i];
        EXPECT_NEAR((*clv)[i], expected, 1e-7 * expected) << i;
    }
    o.marginRatio.resize(2);
    EXPECT_FALSE(customerLifetimeValue(kPurchases, kSpend, d, o).ok());
}

}  // namespace
}  // namespace cw::engine
