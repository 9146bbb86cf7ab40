#include "engine/segment/Standardize.h"

#include <cmath>
#include <limits>

namespace cw::engine {

Eigen::MatrixXd Standardization::apply(const Eigen::MatrixXd& data) const {
    Eigen::MatrixXd out(data.rows(), data.cols());
    for (Eigen::Index j = 0; j < data.cols(); ++j) {
        const double m = mean(j), s = sd(j);
        for (Eigen::Index i = 0; i < data.rows(); ++i) {
            const double x = data(i, j);
            out(i, j) = std::isnan(x) ? x : (s > 0 ? (x - m) / s : 0.0);
        }
    }
    return out;
}

Standardized standardize(const Eigen::MatrixXd& data) {
    Standardized r;
    const Eigen::Index d = data.cols();
    r.transform.mean.resize(d);
    r.transform.sd.resize(d);
    for (Eigen::Index j = 0; j < d; ++j) {
        // Two passes (mean, then squared deviations) rather than sum of squares, which loses
        // the variance of columns with a large mean to cancellation.
        double sum = 0;
        Eigen::Index n = 0;
        for (Eigen::Index i = 0; i < data.rows(); ++i)
            if (!std::isnan(data(i, j))) sum += data(i, j), ++n;
        const double mean = n ? sum / double(n) : std::numeric_limits<double>::quiet_NaN();
        double ss = 0;
        for (Eigen::Index i = 0; i < data.rows(); ++i)
            if (!std::isnan(data(i, j))) ss += (data(i, j) - mean) * (data(i, j) - mean);
        double sd = n ? std::sqrt(ss / double(n)) : 0.0;
        // Rounding noise of a constant column is not spread.
        if (sd <= 1e-12 * std::max(1.0, std::abs(mean))) sd = 0;
        r.transform.mean(j) = mean;
        r.transform.sd(j) = sd;
    }
    r.data = r.transform.apply(data);
    return r;
}

}  // namespace cw::engine
