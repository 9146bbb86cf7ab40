#pragma once
// Internal: the BG/NBD log-likelihood over collapsed data, value and gradient in one pass.
// Terms depending only on x are computed once per distinct x, ln(α + T) and ln(α + t_x)
// once per distinct T and t_x; only the mixture term of repeat customers is per pattern.
#include <Eigen/Core>

#include <cstddef>
#include <vector>

#include "engine/models/BgNbd.h"

namespace cw::engine::detail {

class BgNbdLikelihood {
public:
    /// Inputs must be valid (x integer >= 0, 0 <= t_x <= T, t_x = 0 when x = 0).
    BgNbdLikelihood(const Eigen::ArrayXd& x, const Eigen::ArrayXd& tx, const Eigen::ArrayXd& T);

    /// Total log-likelihood; gradient w.r.t. (r, α, a, b) into `grad` when not null.
    double evaluate(const BgNbdParams& p, double* grad) const;

    std::size_t customers() const { return m_customers; }
    std::size_t repeatCustomers() const { return m_repeatCustomers; }
    std::size_t patterns() const { return m_patterns; }

private:
    std::size_t m_customers = 0, m_repeatCustomers = 0, m_patterns = 0;
    // Per distinct x (all customers): value, weight.
    std::vector<double> m_xValue, m_xWeight;
    // Per distinct T: value, weight, weighted sum of x.
    Eigen::ArrayXd m_TValue, m_TWeight, m_TxSum;
    // Per distinct t_x of repeat customers.
    Eigen::ArrayXd m_tValue;
    // Per repeat pattern (x > 0): indexes into the tables above, x, weight.
    std::vector<int> m_patX, m_patT, m_patTx;
    Eigen::ArrayXd m_patXValue, m_patWeight;
    // Scratch space of evaluate().
    mutable Eigen::ArrayXd m_logbx, m_ibx;    // per distinct x
    mutable Eigen::ArrayXd m_diff, m_d, m_e;  // per repeat pattern
};

}  // namespace cw::engine::detail
