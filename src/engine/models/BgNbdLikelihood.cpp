#include "engine/models/BgNbdLikelihood.h"

#include <boost/math/special_functions/digamma.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "engine/models/DistinctValues.h"

namespace cw::engine::detail {

using boost::math::digamma;

BgNbdLikelihood::BgNbdLikelihood(const Eigen::ArrayXd& x, const Eigen::ArrayXd& tx,
                                 const Eigen::ArrayXd& T) {
    const auto n = static_cast<std::size_t>(x.size());
    m_customers = n;

    // Distinct x: x is a small integer, so a table indexed by x is enough.
    const auto maxX = n ? static_cast<std::size_t>(x.maxCoeff()) : 0;
    std::vector<double> xCount(maxX + 1, 0.0);
    for (std::size_t i = 0; i < n; ++i) xCount[static_cast<std::size_t>(x[i])] += 1.0;
    std::vector<int> xIndex(maxX + 1, -1);
    for (std::size_t v = 0; v <= maxX; ++v) {
        if (xCount[v] == 0.0) continue;
        xIndex[v] = static_cast<int>(m_xValue.size());
        m_xValue.push_back(double(v));
        m_xWeight.push_back(xCount[v]);
    }

    const DistinctValues distinctT(T);
    m_TValue = distinctT.values;
    m_TWeight = Eigen::ArrayXd::Zero(m_TValue.size());
    m_TxSum = Eigen::ArrayXd::Zero(m_TValue.size());
    for (std::size_t i = 0; i < n; ++i) {
        m_TWeight[distinctT.index[i]] += 1.0;
        m_TxSum[distinctT.index[i]] += x[i];
    }

    // Repeat customers: collapse identical (x, t_x, T) into one weighted pattern.
    std::vector<std::size_t> repeaters;
    for (std::size_t i = 0; i < n; ++i)
        if (x[i] > 0) repeaters.push_back(i);
    m_repeatCustomers = repeaters.size();
    Eigen::ArrayXd repeatTx(repeaters.size());
    for (std::size_t k = 0; k < repeaters.size(); ++k) repeatTx[k] = tx[repeaters[k]];
    const DistinctValues distinctTx(repeatTx);
    m_tValue = distinctTx.values;
    std::vector<std::uint64_t> keys(repeaters.size());
    for (std::size_t k = 0; k < repeaters.size(); ++k) {
        const std::size_t i = repeaters[k];
        keys[k] = (std::uint64_t(xIndex[std::size_t(x[i])]) << 48) |
                  (std::uint64_t(distinctT.index[i]) << 24) | std::uint64_t(distinctTx.index[k]);
    }
    const DistinctKeys patterns(keys, keys.size());  // most patterns are distinct in days
    for (const std::uint64_t key : patterns.keys) {
        m_patX.push_back(int(key >> 48));
        m_patT.push_back(int((key >> 24) & 0xFFFFFF));
        m_patTx.push_back(int(key & 0xFFFFFF));
    }
    const std::vector<double>& weights = patterns.count;
    // Customers without repeat purchases are one pattern per distinct T.
    std::vector<char> zeroT(std::size_t(m_TValue.size()), 0);
    for (std::size_t i = 0; i < n; ++i)
        if (x[i] == 0) zeroT[std::size_t(distinctT.index[i])] = 1;
    m_patterns = m_patX.size() + std::size_t(std::count(zeroT.begin(), zeroT.end(), 1));
    m_patWeight = Eigen::Map<const Eigen::ArrayXd>(weights.data(), Eigen::Index(weights.size()));
    m_patXValue.resize(Eigen::Index(m_patX.size()));
    for (std::size_t k = 0; k < m_patX.size(); ++k)
        m_patXValue[Eigen::Index(k)] = m_xValue[m_patX[k]];
}

double BgNbdLikelihood::evaluate(const BgNbdParams& p, double* grad) const {
    const double r = p.r, al = p.alpha, a = p.a, b = p.b;
    double ll = 0, gr = 0, gal = 0, ga = 0, gb = 0;

    // Terms of x alone: ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b).
    const double lgr = std::lgamma(r), lgb = std::lgamma(b), lgab = std::lgamma(a + b);
    const double dr = digamma(r), db = digamma(b), dab = digamma(a + b), lal = std::log(al);
    const std::size_t nx = m_xValue.size();
    m_logbx.resize(Eigen::Index(nx));
    m_ibx.resize(Eigen::Index(nx));
    for (std::size_t k = 0; k < nx; ++k) {
        const double xv = m_xValue[k], w = m_xWeight[k];
        ll += w * (std::lgamma(r + xv) - lgr + r * lal + lgab + std::lgamma(b + xv) - lgb -
                   std::lgamma(a + b + xv));
        if (grad) {
            const double dabx = digamma(a + b + xv);
            gr += w * (digamma(r + xv) - dr + lal);
            gal += w * r / al;
            ga += w * (dab - dabx);
            gb += w * (dab + digamma(b + xv) - db - dabx);
        }
        // ln(b + x − 1) and 1/(b + x − 1) of the mixture term (used for x > 0 only).
        m_logbx[Eigen::Index(k)] = xv > 0 ? std::log(b + xv - 1) : 0.0;
        m_ibx[Eigen::Index(k)] = xv > 0 ? 1.0 / (b + xv - 1) : 0.0;
    }

    // −(r + x) ln(α + T), summed per distinct T.
    const Eigen::ArrayXd logT = (al + m_TValue).log();
    ll -= (r * m_TWeight + m_TxSum).cwiseProduct(logT).sum();
    if (grad) {
        gr -= m_TWeight.cwiseProduct(logT).sum();
        gal -= ((r * m_TWeight + m_TxSum) / (al + m_TValue)).sum();
    }

    // ln(1 + exp(d)), d = ln a − ln(b+x−1) − (r+x)(ln(α+t_x) − ln(α+T)), per repeat pattern.
    // Scratch arrays are members: fresh 100k-element temporaries would cost page faults.
    // The passes are few and fused; exp and log run vectorised over all patterns.
    const Eigen::ArrayXd logt = (al + m_tValue).log();
    const auto np = Eigen::Index(m_patX.size());
    m_diff.resize(np), m_d.resize(np), m_e.resize(np);
    const double la = std::log(a);
    for (Eigen::Index k = 0; k < np; ++k) {
        const double diff = logt[m_patTx[k]] - logT[m_patT[k]];
        m_diff[k] = diff;
        m_d[k] = la - m_logbx[m_patX[k]] - (r + m_patXValue[k]) * diff;
    }
    m_e = (-m_d.abs()).exp();
    // log(1 + e) rather than log1p: Eigen vectorises log for doubles, not log1p, and with
    // e in (0, 1] the absolute error stays at round-off.
    ll += (m_patWeight * (m_d.max(0.0) + (1.0 + m_e).log())).sum();
    if (grad) {
        const Eigen::ArrayXd invt = 1.0 / (al + m_tValue), invT = 1.0 / (al + m_TValue);
        // π = sigmoid(d), the weight of the "dropped out after t_x" branch, times the weight.
        m_e = m_patWeight * (m_d >= 0).select(1.0, m_e) / (1.0 + m_e);
        const double sumPi = m_e.sum();
        double sumDiff = 0, sumInv = 0, sumIb = 0;
        for (Eigen::Index k = 0; k < np; ++k) {
            const double pi = m_e[k];
            sumDiff += pi * m_diff[k];
            sumInv += pi * (r + m_patXValue[k]) * (invt[m_patTx[k]] - invT[m_patT[k]]);
            sumIb += pi * m_ibx[m_patX[k]];
        }
        gr -= sumDiff;
        gal -= sumInv;
        ga += sumPi / a;
        gb -= sumIb;
        grad[0] = gr, grad[1] = gal, grad[2] = ga, grad[3] = gb;
    }
    return ll;
}

}  // namespace cw::engine::detail
