#include "engine/segment/GoodnessScore.h"

#include <cmath>
#include <limits>
#include <numeric>

#include "engine/segment/Quantile.h"

namespace cw::engine {

Status GoodnessOptions::validate(Eigen::Index columns) const {
    if (static_cast<Eigen::Index>(weights.size()) != columns)
        return makeError(ErrorKind::Usage, "goodness score: one weight per variable is needed");
    double total = 0;
    for (double w : weights) {
        if (!std::isfinite(w))
            return makeError(ErrorKind::Usage, "goodness score: weights must be finite");
        total += std::abs(w);
    }
    if (total <= 0)
        return makeError(ErrorKind::Usage, "goodness score: at least one weight must be non-zero");
    if (bandShares.empty() || bandShares.size() != bandNames.size())
        return makeError(ErrorKind::Usage, "goodness score: one share per band name is needed");
    double shares = 0;
    for (double s : bandShares) {
        if (!(s > 0))
            return makeError(ErrorKind::Usage, "goodness score: band shares must be positive");
        shares += s;
    }
    if (std::abs(shares - 1) > 1e-9)
        return makeError(ErrorKind::Usage, "goodness score: band shares must sum to 1");
    return {};
}

Result<GoodnessResult> goodnessScore(const Eigen::MatrixXd& data, const GoodnessOptions& options) {
    if (auto s = options.validate(data.cols()); !s) return s.takeError();
    GoodnessResult r;
    Standardized z = standardize(data);
    r.transform = std::move(z.transform);
    const Eigen::Index n = data.rows();
    r.score.resize(n);
    double total = 0;
    for (double w : options.weights) total += std::abs(w);
    for (Eigen::Index i = 0; i < n; ++i) {
        double sum = 0, weight = 0;
        bool complete = true;
        for (Eigen::Index j = 0; j < data.cols(); ++j) {
            const double w = options.weights[j];
            if (w == 0) continue;
            const double v = z.data(i, j);
            if (std::isnan(v)) {
                complete = false;
                continue;
            }
            sum += w * v;
            weight += std::abs(w);
        }
        const bool scored = weight > 0 && (complete || options.missingAsAverage);
        // A missing variable counts as z = 0: it adds nothing to the sum but keeps its weight.
        r.score(i) = scored ? sum / total : std::numeric_limits<double>::quiet_NaN();
    }
    // Band b holds the scores at or above the (1 - cumulative share)-quantile.
    std::vector<double> scores(r.score.data(), r.score.data() + n);
    const std::vector<double> sorted = sortedFinite(scores);
    double cumulative = 0;
    for (std::size_t b = 0; b + 1 < options.bandShares.size(); ++b) {
        cumulative += options.bandShares[b];
        r.cutValues.push_back(quantileSorted(sorted, 1.0 - cumulative));
    }
    r.labels = options.bandNames;
    r.labels.push_back("no data");
    r.counts.assign(r.labels.size(), 0);
    r.band.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        int b = static_cast<int>(options.bandShares.size()) - 1;
        if (std::isnan(r.score(i)))
            b = static_cast<int>(r.labels.size()) - 1;
        else
            for (std::size_t c = 0; c < r.cutValues.size(); ++c)
                if (r.score(i) >= r.cutValues[c]) {
                    b = static_cast<int>(c);
                    break;
                }
        r.band[i] = b;
        ++r.counts[b];
    }
    return r;
}

}  // namespace cw::engine
