#include "engine/models/ModelInput.h"

#include <cmath>
#include <string>

namespace cw::engine::detail {

Status checkFrequencyData(const Eigen::ArrayXd& x, const Eigen::ArrayXd& tx,
                          const Eigen::ArrayXd& T) {
    if (x.size() != tx.size() || x.size() != T.size())
        return makeError(ErrorKind::Internal, "x, t_x and T differ in length");
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        const bool ok = std::isfinite(x[i]) && std::isfinite(tx[i]) && std::isfinite(T[i]) &&
                        x[i] >= 0 && x[i] == std::floor(x[i]) && x[i] < 65536 && tx[i] >= 0 &&
                        tx[i] <= T[i];
        if (!ok)
            return makeError(ErrorKind::Input,
                             "customer row " + std::to_string(i + 1) +
                                 " has an impossible (x, t_x, T): x must be a whole number >= 0 "
                                 "below 65536 and 0 <= t_x <= T");
    }
    return {};
}

}  // namespace cw::engine::detail
