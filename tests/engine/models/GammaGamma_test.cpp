#include "engine/models/GammaGamma.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "CdnowData.h"
#include "engine/models/RfmSummary.h"
#include "support/TempDir.h"

namespace cw::engine {
namespace {

using test::cdnowSample;
using test::cdnowWeeks;
using test::expectWithin;

// Fader & Hardie (2013) and lifetimes on the CDNOW sample (shared/ANCHORS.md).
TEST(GammaGamma, FitsCdnowSampleToPublishedParameters) {
    const RfmSummary d = cdnowSample();
    auto fit = fitGammaGamma(d);
    ASSERT_TRUE(fit.ok());
    EXPECT_TRUE(fit->converged) << fit->message;
    expectWithin(fit->params.p, 6.2496, 0.005);
    expectWithin(fit->params.q, 3.7442, 0.005);
    expectWithin(fit->params.gamma, 15.4435, 0.005);
    // 946 repeat customers in FHL's sample; those whose repeat purchases are worth 0 are left out.
    EXPECT_EQ(fit->customers + fit->nonPositive, 946u);
    // Fader & Hardie (2013) report a correlation of 0.11 between frequency and mean spend.
    EXPECT_NEAR(fit->correlation, 0.11, 0.01);
    EXPECT_TRUE(fit->warning.empty());
}

TEST(GammaGamma, FitsCdnowMasterToReferenceParameters) {
    const std::string path = test::cdnowMasterPath();
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
    auto fit = fitGammaGamma(cdnowWeeks(test::toPurchaseLog(test::readCdnowMaster(path))));
    ASSERT_TRUE(fit.ok());
    EXPECT_TRUE(fit->converged) << fit->message;
    expectWithin(fit->params.p, 6.2754, 0.005);
    expectWithin(fit->params.q, 3.6245, 0.005);
    expectWithin(fit->params.gamma, 14.9837, 0.005);
}

// A slice of the master disjoint from the sample, against an independent scipy fit
// (tests/data/tools/cdnow_reference_fit.py): always runs, unlike the master test above.
TEST(GammaGamma, FitsCdnowMasterSliceToReferenceParameters) {
    auto fit = fitGammaGamma(test::cdnowMasterSlice());
    ASSERT_TRUE(fit.ok());
    EXPECT_TRUE(fit->converged) << fit->message;
    EXPECT_EQ(fit->customers, 839u);
    EXPECT_EQ(fit->nonPositive, 0u);
    expectWithin(fit->params.p, 6.820487, 0.001);
    expectWithin(fit->params.q, 3.775617, 0.001);
    expectWithin(fit->params.gamma, 13.925828, 0.001);
    EXPECT_NEAR(fit->logLikelihood, -3569.3301, 0.1);
}

// Fader & Hardie (2013) eq. 4 evaluated customer by customer.
TEST(GammaGamma, LogLikelihoodEqualsPerCustomerFormula) {
    const RfmSummary d = cdnowSample();
    const GammaGammaParams g{4.0, 2.5, 20.0};
    double direct = 0;
    for (Eigen::Index i = 0; i < d.x.size(); ++i) {
        const double x = d.x[i], m = d.mx[i];
        if (x <= 0 || m <= 0) continue;
        direct += std::lgamma(g.p * x + g.q) - std::lgamma(g.p * x) - std::lgamma(g.q) +
                  g.q * std::log(g.gamma) + (g.p * x - 1) * std::log(m) + g.p * x * std::log(x) -
                  (g.p * x + g.q) * std::log(g.gamma + x * m);
    }
    EXPECT_NEAR(gammaGammaLogLikelihood(g, d.x, d.mx), direct, 1e-10 * std::abs(direct));
}

TEST(GammaGamma, AnalyticGradientMatchesFiniteDifferences) {
    const RfmSummary d = cdnowSample();
    for (const GammaGammaParams g :
         {GammaGammaParams{4.0, 2.5, 20.0}, GammaGammaParams{6.25, 3.74, 15.44},
          GammaGammaParams{0.5, 8.0, 3.0}}) {
        Eigen::Vector3d grad;
        gammaGammaLogLikelihood(g, d.x, d.mx, &grad);
        GammaGammaParams q = g;
        double* fields[3] = {&q.p, &q.q, &q.gamma};
        for (int k = 0; k < 3; ++k) {
            const double base = *fields[k], h = 1e-5 * base;
            *fields[k] = base + h;
            const double up = gammaGammaLogLikelihood(q, d.x, d.mx);
            *fields[k] = base - h;
            const double down = gammaGammaLogLikelihood(q, d.x, d.mx);
            *fields[k] = base;
            const double fd = (up - down) / (2 * h);
            EXPECT_NEAR(grad[k], fd, 1e-5 * std::max(1.0, std::abs(fd))) << "parameter " << k;
        }
    }
}

// The conditional mean is a weighted average of the population mean and the customer's
// own mean (Fader & Hardie 2013, eq. 5); x = 0 gives the population mean.
TEST(GammaGamma, ExpectedSpendIsTheCredibilityWeightedMean) {
    const GammaGammaParams g{6.25, 3.74, 15.44};
    Eigen::ArrayXd x(4), m(4);
    x << 0, 1, 2, 10;
    m << 0, 11.77, 22.35, 40.0;
    const Eigen::ArrayXd e = gammaGammaExpectedSpend(g, x, m);
    const double population = g.p * g.gamma / (g.q - 1);
    EXPECT_NEAR(e[0], population, 1e-12);
    for (int i = 1; i < 4; ++i) {
        const double w = g.p * x[i] / (g.p * x[i] + g.q - 1);
        EXPECT_NEAR(e[i], (1 - w) * population + w * m[i], 1e-10);
    }
}

TEST(GammaGamma, WarnsWhenSpendDependsOnFrequency) {
    std::mt19937_64 rng(3);
    std::poisson_distribution<int> freq(4.0);
    std::gamma_distribution<double> noise(20.0, 0.05);
    RfmSummary d;
    d.x.resize(500), d.mx.resize(500);
    for (int i = 0; i < 500; ++i) {
        d.x[i] = 1 + freq(rng);
        d.mx[i] = 10.0 * d.x[i] * noise(rng);  // spend grows with frequency
    }
    auto fit = fitGammaGamma(d);
    ASSERT_TRUE(fit.ok());
    EXPECT_GT(fit->correlation, 0.3);
    EXPECT_NE(fit->warning.find("correlated"), std::string::npos);
}

TEST(GammaGamma, RefusesTooFewRepeatCustomers) {
    RfmSummary d;
    d.x = Eigen::ArrayXd::Zero(40);
    d.mx = Eigen::ArrayXd::Zero(40);
    d.x.head(3) << 1, 2, 1;
    d.mx.head(3) << 5, 10, 20;
    auto fit = fitGammaGamma(d);
    ASSERT_TRUE(fit.ok());
    EXPECT_FALSE(fit->converged);
    EXPECT_NE(fit->message.find("too few repeat customers"), std::string::npos);
    GammaGammaOptions o;
    o.maxEvaluations = 2;
    auto cut = fitGammaGamma(cdnowSample(), o);
    ASSERT_TRUE(cut.ok());
    EXPECT_FALSE(cut->converged);
}

}  // namespace
}  // namespace cw::engine
