#include "engine/models/BgNbd.h"

#include <gtest/gtest.h>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/hypergeometric_pFq.hpp>
#include <cmath>
#include <filesystem>

#include "CdnowData.h"
#include "engine/models/Hypergeometric.h"
#include "engine/models/RfmSummary.h"
#include "support/TempDir.h"

namespace cw::engine {
namespace {

using test::cdnowSample;
using test::cdnowWeeks;
using test::expectWithin;

// ∫_0^1 f(p) p^(a−1) dp with p = u^(1/a), which removes the singularity of p^(a−1) at 0.
template <class F>
double integrateBeta(double a, F f) {
    auto g = [&](double u) { return f(std::pow(u, 1.0 / a)) / a; };
    return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(g, 0.0, 1.0, 15, 1e-13);
}

// Independent computations (FHL 2005): λ integrated in closed form, p numerically over its
// Beta(a, b) prior. Common factors Γ(r+x)α^r/Γ(r) and B(a, b) cancel in the ratios.
struct Posterior {
    BgNbdParams p;
    double x, tx, T;

    double likelihood() const {
        return integrateBeta(p.a, [&](double q) {
            double v = std::pow(1 - q, x + p.b - 1) * std::pow(p.alpha + T, -(p.r + x));
            if (x > 0) v += q * std::pow(1 - q, x + p.b - 2) * std::pow(p.alpha + tx, -(p.r + x));
            return v;
        });
    }
    double probabilityAlive() const {
        return integrateBeta(p.a,
                             [&](double q) {
                                 return std::pow(1 - q, x + p.b - 1) *
                                        std::pow(p.alpha + T, -(p.r + x));
                             }) /
               likelihood();
    }
    // E[Y(t) | λ, p, alive at T] = (1 − e^(−λ p t)) / p, integrated over λ | data.
    double expectedTransactions(double t) const {
        const double m = p.r + x;
        return integrateBeta(
                   p.a,
                   [&](double q) {
                       const double gain = -std::expm1(-m * std::log1p(q * t / (p.alpha + T)));
                       return std::pow(1 - q, x + p.b - 1) * std::pow(p.alpha + T, -m) * gain / q;
                   }) /
               likelihood();
    }
};

double expectedNewByIntegration(const BgNbdParams& p, double t) {
    const double beta = std::exp(std::lgamma(p.a) + std::lgamma(p.b) - std::lgamma(p.a + p.b));
    return integrateBeta(p.a,
                         [&](double q) {
                             const double gain = -std::expm1(-p.r * std::log1p(q * t / p.alpha));
                             return std::pow(1 - q, p.b - 1) * gain / q;
                         }) /
           beta;
}

// Fader, Hardie & Lee (2005) and lifetimes on the CDNOW sample (shared/ANCHORS.md).
TEST(BgNbd, FitsCdnowSampleToPublishedParameters) {
    const RfmSummary d = cdnowSample();
    ASSERT_EQ(d.customers(), 2357u);
    auto fit = fitBgNbd(d);
    ASSERT_TRUE(fit.ok());
    EXPECT_TRUE(fit->converged) << fit->message;
    expectWithin(fit->params.r, 0.2426, 0.005);
    expectWithin(fit->params.alpha, 4.4136, 0.005);
    expectWithin(fit->params.a, 0.7929, 0.005);
    expectWithin(fit->params.b, 2.4259, 0.005);
    EXPECT_NEAR(fit->logLikelihood, -9582.43, 0.1);
    EXPECT_EQ(fit->customers, 2357u);
    EXPECT_EQ(fit->repeatCustomers, std::size_t((d.x > 0).count()));
    EXPECT_GT(fit->evaluations, 0);
}

TEST(BgNbd, FitsCdnowMasterToReferenceParameters) {
    const std::string path = test::cdnowMasterPath();
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
    const RfmSummary d = cdnowWeeks(test::toPurchaseLog(test::readCdnowMaster(path)));
    ASSERT_EQ(d.customers(), 23570u);
    auto fit = fitBgNbd(d);
    ASSERT_TRUE(fit.ok());
    EXPECT_TRUE(fit->converged) << fit->message;
    expectWithin(fit->params.r, 0.2516, 0.005);
    expectWithin(fit->params.alpha, 4.7889, 0.005);
    expectWithin(fit->params.a, 0.7234, 0.005);
    expectWithin(fit->params.b, 2.1611, 0.005);
}

// A slice of the master disjoint from the sample, against an independent scipy fit
// (tests/data/tools/cdnow_reference_fit.py): always runs, unlike the master test above.
TEST(BgNbd, FitsCdnowMasterSliceToReferenceParameters) {
    const RfmSummary d = test::cdnowMasterSlice();
    ASSERT_EQ(d.customers(), 2118u);
    auto fit = fitBgNbd(d);
    ASSERT_TRUE(fit.ok());
    EXPECT_TRUE(fit->converged) << fit->message;
    EXPECT_EQ(fit->repeatCustomers, 839u);
    expectWithin(fit->params.r, 0.238540, 0.001);
    expectWithin(fit->params.alpha, 4.417010, 0.001);
    expectWithin(fit->params.a, 0.592288, 0.001);
    expectWithin(fit->params.b, 1.681134, 0.001);
    EXPECT_NEAR(fit->logLikelihood, -8501.2699, 0.1);
}

// The log-likelihood of the collapsed data equals FHL 2005 eq. 6 summed customer by customer.
TEST(BgNbd, LogLikelihoodEqualsPerCustomerFormula) {
    const RfmSummary d = cdnowSample();
    const BgNbdParams p{0.5, 3.0, 1.2, 1.7};
    auto lbeta = [](double u, double v) {
        return std::lgamma(u) + std::lgamma(v) - std::lgamma(u + v);
    };
    double direct = 0;
    for (Eigen::Index i = 0; i < d.x.size(); ++i) {
        const double x = d.x[i],
                     common = std::lgamma(p.r + x) - std::lgamma(p.r) + p.r * std::log(p.alpha);
        double l = std::exp(lbeta(p.a, p.b + x) - lbeta(p.a, p.b) + common -
                            (p.r + x) * std::log(p.alpha + d.T[i]));
        if (x > 0)
            l += std::exp(lbeta(p.a + 1, p.b + x - 1) - lbeta(p.a, p.b) + common -
                          (p.r + x) * std::log(p.alpha + d.tx[i]));
        direct += std::log(l);
    }
    EXPECT_NEAR(bgNbdLogLikelihood(p, d), direct, 1e-9 * std::abs(direct));
}

TEST(BgNbd, AnalyticGradientMatchesFiniteDifferences) {
    const RfmSummary d = cdnowSample();
    for (const BgNbdParams p :
         {BgNbdParams{0.5, 3.0, 1.2, 1.7}, BgNbdParams{0.2426, 4.41, 0.79, 2.43},
          BgNbdParams{2.0, 10.0, 0.3, 5.0}}) {
        Eigen::Vector4d g;
        bgNbdLogLikelihood(p, d, &g);
        double* fields[4];
        BgNbdParams q = p;
        fields[0] = &q.r, fields[1] = &q.alpha, fields[2] = &q.a, fields[3] = &q.b;
        for (int k = 0; k < 4; ++k) {
            const double base = *fields[k], h = 1e-5 * base;
            *fields[k] = base + h;
            const double up = bgNbdLogLikelihood(q, d);
            *fields[k] = base - h;
            const double down = bgNbdLogLikelihood(q, d);
            *fields[k] = base;
            const double fd = (up - down) / (2 * h);
            EXPECT_NEAR(g[k], fd, 1e-5 * std::max(1.0, std::abs(fd))) << "parameter " << k;
        }
    }
}

TEST(BgNbd, PredictionsMatchNumericIntegration) {
    const BgNbdParams p{0.2426, 4.4136, 0.7929, 2.4259};
    Eigen::ArrayXd x(6), tx(6), T(6);
    x << 0, 0, 1, 2, 5, 20;
    tx << 0, 0, 1.71, 30.43, 37.0, 30.0;
    T << 38.86, 5.0, 38.86, 38.86, 38.5, 38.0;
    const Eigen::ArrayXd alive = bgNbdProbabilityAlive(p, x, tx, T);
    for (double t : {10.0, 39.0, 52.0}) {
        const Eigen::ArrayXd e = bgNbdExpectedTransactions(p, t, x, tx, T);
        for (int i = 0; i < 6; ++i) {
            const Posterior post{p, x[i], tx[i], T[i]};
            EXPECT_NEAR(e[i], post.expectedTransactions(t), 1e-8 * std::max(1.0, e[i]))
                << "customer " << i << " t " << t;
            if (t == 10.0) {
                EXPECT_NEAR(alive[i], post.probabilityAlive(), 1e-9) << "customer " << i;
            }
        }
        EXPECT_NEAR(bgNbdExpectedTransactionsNew(p, t), expectedNewByIntegration(p, t), 1e-9);
    }
    EXPECT_EQ(alive[0], 1.0);  // no repeat purchase: never seen to drop out
    // FHL 2005 quote 1.226 expected transactions in the next 39 weeks for the
    // CDNOW customer with x = 2, t_x = 30.43, T = 38.86.
    EXPECT_NEAR(bgNbdExpectedTransactions(p, 39, x, tx, T)[3], 1.226, 0.0005);
}

TEST(Hypergeometric, MatchesBoostPfq) {
    struct Case {
        double a, b, c, z;
    };
    for (const Case k :
         {Case{0.5, 1.5, 2.5, 0.3}, Case{2.24, 4.42, 3.22, 0.57}, Case{20.2, 22.4, 22.2, 0.6},
          Case{0.24, 2.43, 2.22, 0.95}, Case{5.0, 3.0, 1.5, 0.9}, Case{2.97, -0.21, 40.8, 0.93},
          Case{-0.3, -0.8, 1.9, 0.99}}) {
        const double ours = hyp2f1(k.a, k.b, k.c, k.z);
        const double ref = boost::math::hypergeometric_pFq({k.a, k.b}, {k.c}, k.z);
        EXPECT_NEAR(ours, ref, 1e-11 * std::abs(ref))
            << k.a << " " << k.b << " " << k.c << " " << k.z;
    }
    EXPECT_DOUBLE_EQ(hyp2f1(1.0, 1.0, 2.0, 0.5), -std::log(1 - 0.5) / 0.5);  // −ln(1−z)/z
    // Several z at once (the CLV's horizons) give the one-at-a-time values.
    const double z[4] = {0.1, 0.5, 0.9, 0.97};
    double many[4];
    hyp2f1Many(2.97, -0.21, 40.8, z, 4, many);
    for (int k = 0; k < 4; ++k) {
        const double ref = boost::math::hypergeometric_pFq({2.97, -0.21}, {40.8}, z[k]);
        EXPECT_NEAR(many[k], ref, 1e-12 * std::abs(ref)) << z[k];
    }
    EXPECT_TRUE(std::isnan(hyp2f1(1, 1, 2, 1.0)));
}

TEST(BgNbd, RefusesTooFewRepeatCustomers) {
    RfmSummary d;
    d.x = Eigen::ArrayXd::Zero(40);
    d.tx = Eigen::ArrayXd::Zero(40);
    d.T = Eigen::ArrayXd::Constant(40, 30.0);
    d.x.head(3) << 1, 2, 1;
    d.tx.head(3) << 5, 10, 20;
    auto fit = fitBgNbd(d);
    ASSERT_TRUE(fit.ok());
    EXPECT_FALSE(fit->converged);
    EXPECT_EQ(fit->message, "too few repeat customers: 3 of 40 (at least 20 needed)");
    EXPECT_TRUE(std::isnan(fit->params.r));
}

TEST(BgNbd, RefusesAFitThatDidNotConverge) {
    BgNbdOptions o;
    o.maxEvaluations = 3;
    auto fit = fitBgNbd(cdnowSample(), o);
    ASSERT_TRUE(fit.ok());
    EXPECT_FALSE(fit->converged);
    EXPECT_EQ(fit->evaluations, 3);
    EXPECT_NE(fit->message.find("evaluation limit"), std::string::npos) << fit->message;
}

TEST(BgNbd, CancelsThroughProgress) {
    int calls = 0;
    auto fit = fitBgNbd(cdnowSample(), {}, [&](const ProgressInfo&) { return ++calls < 2; });
    ASSERT_FALSE(fit.ok());
    EXPECT_EQ(fit.error().kind, ErrorKind::Cancelled);
}

TEST(BgNbd, RejectsImpossibleData) {
    RfmSummary d;
    d.x = Eigen::ArrayXd::Constant(30, 1.0);
    d.tx = Eigen::ArrayXd::Constant(30, 5.0);
    d.T = Eigen::ArrayXd::Constant(30, 10.0);
    d.tx[7] = 11.0;  // last purchase after the end of the period
    auto fit = fitBgNbd(d);
    ASSERT_FALSE(fit.ok());
    EXPECT_EQ(fit.error().kind, ErrorKind::Input);
    BgNbdOptions o;
    o.maxEvaluations = 0;
    EXPECT_EQ(o.validate().error().kind, ErrorKind::Usage);
}

}  // namespace
}  // namespace cw::engine
