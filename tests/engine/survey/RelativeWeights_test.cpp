// Johnson's relative weights checked against independent routes: the orthogonal-Z regression
// of Johnson's paper built from an SVD of the raw data, an OLS fit by QR on the raw data, and the
// squared correlations of uncorrelated predictors.
#include "engine/survey/RelativeWeights.h"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/TempDir.h"

namespace {

using cw::engine::relativeWeights;
using cw::engine::RelativeWeights;

struct Slice {
    std::vector<std::string> names;
    Eigen::MatrixXd x;
    Eigen::VectorXd y;
    int rowsRead = 0;
};

std::vector<std::string> splitLine(std::string line) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> out;
    std::stringstream ss(line);
    for (std::string f; std::getline(ss, f, ',');) out.push_back(f);
    return out;
}

// The airline slice: columns 10–23 are the 14 attributes on 0–5 (0 = not applicable),
// column 24 "Satisfied" / "Neutral or Dissatisfied". Rows with a 0 are left out (listwise).
Slice readAirlineSlice() {
    std::ifstream in(cw::test::testData("airline_survey_slice.csv"));
    std::string line;
    std::getline(in, line);
    const auto header = splitLine(line);
    Slice s;
    s.names.assign(header.begin() + 9, header.begin() + 23);
    std::vector<std::vector<double>> rows;
    std::vector<double> ys;
    while (std::getline(in, line)) {
        const auto f = splitLine(line);
        if (f.size() != 24) continue;
        ++s.rowsRead;
        std::vector<double> r;
        for (int j = 9; j < 23; ++j) r.push_back(std::stod(f[j]));
        if (std::find(r.begin(), r.end(), 0.0) != r.end()) continue;
        rows.push_back(r);
        ys.push_back(f[23] == "Satisfied" ? 1.0 : 0.0);
    }
    s.x.resize(rows.size(), 14);
    s.y.resize(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        for (int j = 0; j < 14; ++j) s.x(i, j) = rows[i][j];
        s.y[i] = ys[i];
    }
    return s;
}

// Johnson's route: Z = U Vᵀ from the SVD of the standardised predictors is the orthonormal
// matrix closest to them; regress y on Z (β*) and the predictors on Z (Λ* = Zᵀ X).
Eigen::VectorXd weightsByOrthogonalZ(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
    Eigen::MatrixXd xs = x.rowwise() - x.colwise().mean();
    for (Eigen::Index j = 0; j < xs.cols(); ++j) xs.col(j) /= xs.col(j).norm();
    Eigen::VectorXd ys = y.array() - y.mean();
    ys /= ys.norm();
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(xs, Eigen::ComputeThinU | Eigen::ComputeThinV);
    const Eigen::MatrixXd z = svd.matrixU() * svd.matrixV().transpose();
    const Eigen::VectorXd betaStar = z.transpose() * ys;
    const Eigen::MatrixXd lambdaStar = z.transpose() * xs;  // row k: Z_k, column j: X_j
    Eigen::VectorXd eps(x.cols());
    for (Eigen::Index j = 0; j < x.cols(); ++j)
        eps[j] = (lambdaStar.col(j).array().square() * betaStar.array().square()).sum();
    return eps;
}

struct OlsFit {
    double r2 = 0;
    Eigen::VectorXd standardisedBeta;
};

// OLS with intercept by Householder QR on the raw data.
OlsFit olsByQr(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
    const Eigen::Index n = x.rows(), p = x.cols();
    Eigen::MatrixXd a(n, p + 1);
    a.col(0).setOnes();
    a.rightCols(p) = x;
    const Eigen::VectorXd b = a.colPivHouseholderQr().solve(y);
    const Eigen::VectorXd resid = y - a * b;
    const double tss = (y.array() - y.mean()).square().sum();
    OlsFit f;
    f.r2 = 1.0 - resid.squaredNorm() / tss;
    const double sdY = std::sqrt(tss / (n - 1));
    f.standardisedBeta.resize(p);
    for (Eigen::Index j = 0; j < p; ++j) {
        const double sdX = std::sqrt((x.col(j).array() - x.col(j).mean()).square().sum() / (n - 1));
        f.standardisedBeta[j] = b[j + 1] * sdX / sdY;
    }
    return f;
}

TEST(RelativeWeights, AirlineSliceAgreesWithOrthogonalZRegressionAndOls) {
    const Slice s = readAirlineSlice();
    ASSERT_EQ(s.rowsRead, 1200);  // the fixture's data rows
    ASSERT_GT(s.x.rows(), 1000);  // a few passengers have a "not applicable" score
    auto rw = relativeWeights(s.x, s.y, {}, s.names);
    ASSERT_TRUE(rw.ok()) << rw.error().message;
    EXPECT_EQ(rw->n, s.x.rows());

    double sum = 0;
    for (double w : rw->weights) sum += w;
    EXPECT_NEAR(sum, rw->r2, 1e-9);

    const Eigen::VectorXd byZ = weightsByOrthogonalZ(s.x, s.y);
    const OlsFit ols = olsByQr(s.x, s.y);
    EXPECT_NEAR(rw->r2, ols.r2, 1e-9);
    std::printf("airline slice: %lld complete rows, R2 %.6f\n", static_cast<long long>(rw->n),
                rw->r2);
    for (int j = 0; j < 14; ++j) {
        EXPECT_NEAR(rw->weights[j], byZ[j], 1e-9) << s.names[j];
        EXPECT_NEAR(rw->beta[j], ols.standardisedBeta[j], 1e-9) << s.names[j];
        EXPECT_NEAR(rw->shares[j], rw->weights[j] / rw->r2, 1e-12);
        EXPECT_GE(rw->weights[j], 0.0);
        std::printf("  %-40s weight %.5f share %5.1f%% beta %+.4f\n", s.names[j].c_str(),
                    rw->weights[j], 100 * rw->shares[j], rw->beta[j]);
    }
}

// A 2^4 full factorial design: its ±1 columns are exactly uncorrelated, so each relative weight
// is the squared correlation of that predictor with the criterion.
TEST(RelativeWeights, UncorrelatedPredictorsGetTheirSquaredCorrelations) {
    const int n = 32, p = 4;
    Eigen::MatrixXd x(n, p);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < p; ++j) x(i, j) = ((i >> j) & 1) ? 1.0 : -1.0;
    std::mt19937 gen(7);
    std::normal_distribution<double> noise(0.0, 1.0);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i)
        y[i] = 2.0 * x(i, 0) + 1.0 * x(i, 1) - 0.5 * x(i, 2) + 0.0 * x(i, 3) + noise(gen);

    auto rw = relativeWeights(x, y);
    ASSERT_TRUE(rw.ok()) << rw.error().message;
    double sumR2 = 0;
    for (int j = 0; j < p; ++j) {
        const Eigen::VectorXd a = x.col(j).array() - x.col(j).mean();
        const Eigen::VectorXd b = y.array() - y.mean();
        const double r = a.dot(b) / (a.norm() * b.norm());
        EXPECT_NEAR(rw->weights[j], r * r, 1e-12);
        EXPECT_NEAR(rw->beta[j], r, 1e-12);  // uncorrelated: beta equals the correlation
        sumR2 += r * r;
    }
    EXPECT_NEAR(rw->r2, sumR2, 1e-12);
    EXPECT_NEAR(rw->conditionNumber, 1.0, 1e-12);
}

TEST(RelativeWeights, CollinearPredictorsAreNamed) {
    std::mt19937 gen(3);
    std::normal_distribution<double> nd;
    const int n = 50;
    Eigen::MatrixXd x(n, 4);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        x(i, 0) = nd(gen);
        x(i, 1) = nd(gen);
        x(i, 2) = nd(gen);
        x(i, 3) = x(i, 0) + x(i, 2);  // an exact linear combination
        y[i] = x(i, 0) + nd(gen);
    }
    auto rw = relativeWeights(x, y, {}, {"Price", "Speed", "Quality", "Value"});
    ASSERT_FALSE(rw.ok());
    EXPECT_EQ(rw.error().kind, cw::ErrorKind::Input);
    const std::string& m = rw.error().message;
    EXPECT_NE(m.find("collinear"), std::string::npos) << m;
    EXPECT_NE(m.find("Price"), std::string::npos) << m;
    EXPECT_NE(m.find("Quality"), std::string::npos) << m;
    EXPECT_NE(m.find("Value"), std::string::npos) << m;
    EXPECT_EQ(m.find("Speed"), std::string::npos) << m;

    // Nearly collinear (tiny noise) is refused as well.
    for (int i = 0; i < n; ++i) x(i, 3) += 1e-6 * nd(gen);
    EXPECT_FALSE(relativeWeights(x, y).ok());
}

TEST(RelativeWeights, RefusesConstantColumnsAndTooFewRows) {
    Eigen::MatrixXd x(6, 2);
    x << 1, 5, 2, 5, 3, 5, 4, 5, 5, 5, 6, 5;
    Eigen::VectorXd y(6);
    y << 1, 3, 2, 5, 4, 6;
    auto constant = relativeWeights(x, y, {}, {"Speed", "Price"});
    ASSERT_FALSE(constant.ok());
    EXPECT_NE(constant.error().message.find("Price is constant"), std::string::npos);

    Eigen::VectorXd flat = Eigen::VectorXd::Constant(6, 2.0);
    EXPECT_FALSE(relativeWeights(x.leftCols(1), flat).ok());

    Eigen::MatrixXd few(3, 2);
    few << 1, 2, 2, 1, 3, 5;
    auto small = relativeWeights(few, Eigen::Vector3d(1, 2, 4));
    ASSERT_FALSE(small.ok());
    EXPECT_NE(small.error().message.find("at least 4"), std::string::npos);
}

}  // namespace
