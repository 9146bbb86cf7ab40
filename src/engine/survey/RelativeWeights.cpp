#include "engine/survey/RelativeWeights.h"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <cstdio>
#include <set>

namespace cw::engine {
namespace {

std::string predictorName(const std::vector<std::string>& names, Eigen::Index j) {
    if (j < static_cast<Eigen::Index>(names.size())) return names[j];
    return "predictor " + std::to_string(j + 1);
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

// Names the predictors that carry the eigenvectors of the tiny eigenvalues: those are the
// linear combinations that are (almost) constant, i.e. the collinear sets.
Error collinearityError(const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>& eig, double cut,
                        const RelativeWeightsOptions& o, const std::vector<std::string>& names) {
    const Eigen::VectorXd& lambda = eig.eigenvalues();
    std::set<Eigen::Index> involved;
    for (Eigen::Index k = 0; k < lambda.size() && lambda[k] < cut; ++k) {
        const Eigen::VectorXd v = eig.eigenvectors().col(k).cwiseAbs();
        const double top = v.maxCoeff();
        for (Eigen::Index j = 0; j < v.size(); ++j)
            if (v[j] >= o.collinearLoading * top) involved.insert(j);
    }
    std::string list;
    for (auto j : involved) list += (list.empty() ? "" : ", ") + predictorName(names, j);
    return makeError(ErrorKind::Input,
                     "predictors are (nearly) collinear: " + list +
                         " (smallest eigenvalue of their correlation matrix " + fmt(lambda[0]) +
                         ")",
                     "leave out one of them or combine them into one score");
}

}  // namespace

Status RelativeWeightsOptions::validate() const {
    if (!(minEigenvalueRatio > 0 && minEigenvalueRatio < 1))
        return makeError(ErrorKind::Usage, "minEigenvalueRatio must be between 0 and 1");
    if (!(collinearLoading > 0 && collinearLoading <= 1))
        return makeError(ErrorKind::Usage, "collinearLoading must be in (0, 1]");
    return {};
}

Result<RelativeWeights> relativeWeightsFromCorrelations(const Eigen::MatrixXd& rxx,
                                                        const Eigen::VectorXd& rxy, std::int64_t n,
                                                        const RelativeWeightsOptions& options,
                                                        const std::vector<std::string>& names) {
    if (auto st = options.validate(); !st) return Error(st.error());
    const Eigen::Index p = rxy.size();
    if (p == 0) return makeError(ErrorKind::Input, "relative weights need at least one predictor");
    if (rxx.rows() != p || rxx.cols() != p)
        return makeError(ErrorKind::Input, "the correlation matrix is " +
                                               std::to_string(rxx.rows()) + " x " +
                                               std::to_string(rxx.cols()) + " for " +
                                               std::to_string(p) + " predictors");
    if (!rxx.allFinite() || !rxy.allFinite())
        return makeError(ErrorKind::Input, "the correlations hold a value that is not a number");
    if (n < p + 2)
        return makeError(ErrorKind::Input,
                         "relative weights of " + std::to_string(p) + " predictors need at least " +
                             std::to_string(p + 2) + " complete observations, got " +
                             std::to_string(n),
                         "use fewer attributes or more responses");

    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(rxx);
    if (eig.info() != Eigen::Success)
        return makeError(ErrorKind::Internal,
                         "eigen-decomposition of the correlation matrix failed");
    const Eigen::VectorXd& lambda = eig.eigenvalues();  // ascending
    const Eigen::MatrixXd& v = eig.eigenvectors();
    const double cut = options.minEigenvalueRatio * lambda[p - 1];
    if (!(lambda[0] >= cut)) return collinearityError(eig, cut, options, names);

    const Eigen::VectorXd vtr = v.transpose() * rxy;
    const Eigen::MatrixXd lambdaStar = v * lambda.cwiseSqrt().asDiagonal() * v.transpose();
    const Eigen::VectorXd betaStar = v * (vtr.array() / lambda.array().sqrt()).matrix();
    const Eigen::VectorXd beta = v * (vtr.array() / lambda.array()).matrix();
    const Eigen::VectorXd eps = lambdaStar.cwiseAbs2() * betaStar.cwiseAbs2();

    RelativeWeights out;
    out.n = n;
    out.r2 = betaStar.squaredNorm();
    out.minEigenvalue = lambda[0];
    out.conditionNumber = lambda[p - 1] / lambda[0];
    out.weights.assign(eps.data(), eps.data() + p);
    out.beta.assign(beta.data(), beta.data() + p);
    out.correlations.assign(rxy.data(), rxy.data() + p);
    out.shares.resize(p, 0.0);
    if (out.r2 > 0)
        for (Eigen::Index j = 0; j < p; ++j) out.shares[j] = eps[j] / out.r2;
    out.message = "relative weights of " + std::to_string(p) + " predictors over " +
                  std::to_string(n) + " observations: R² " + fmt(out.r2) + ", condition number " +
                  fmt(out.conditionNumber);
    return out;
}

Result<RelativeWeights> relativeWeights(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                        const RelativeWeightsOptions& options,
                                        const std::vector<std::string>& names) {
    const Eigen::Index n = x.rows(), p = x.cols();
    if (y.size() != n)
        return makeError(ErrorKind::Input, "the criterion has " + std::to_string(y.size()) +
                                               " values for " + std::to_string(n) + " rows");
    if (p == 0) return makeError(ErrorKind::Input, "relative weights need at least one predictor");
    if (n < p + 2)
        return makeError(ErrorKind::Input,
                         "relative weights of " + std::to_string(p) + " predictors need at least " +
                             std::to_string(p + 2) + " complete observations, got " +
                             std::to_string(n),
                         "use fewer attributes or more responses");
    if (!x.allFinite() || !y.allFinite())
        return makeError(ErrorKind::Input, "the data hold a value that is not a number");
    // Standardise to unit length: Zᵀ Z is then the correlation matrix itself.
    Eigen::MatrixXd z = x.rowwise() - x.colwise().mean();
    for (Eigen::Index j = 0; j < p; ++j) {
        if (x.col(j).maxCoeff() == x.col(j).minCoeff())
            return makeError(ErrorKind::Input,
                             predictorName(names, j) + " is constant over the rows used",
                             "leave it out: a constant cannot explain anything");
        z.col(j) /= z.col(j).norm();
    }
    if (y.maxCoeff() == y.minCoeff())
        return makeError(ErrorKind::Input, "the criterion is constant over the rows used",
                         "there is nothing to explain");
    Eigen::VectorXd zy = y.array() - y.mean();
    zy /= zy.norm();
    Eigen::MatrixXd rxx = z.transpose() * z;
    rxx.diagonal().setOnes();  // exact by construction, up to rounding
    const Eigen::VectorXd rxy = z.transpose() * zy;
    return relativeWeightsFromCorrelations(rxx, rxy, n, options, names);
}

}  // namespace cw::engine
