// Purchase-model benchmark: BG/NBD, Gamma-Gamma and 12-month CLV fitted on a generated
// transactions.csv (100k customers / 1M transactions by default), median of 5 runs each,
// against the lifetimes 0.11.3 figures of shared/ANCHORS.md. Those anchors are quoted, not
// timed in this run, because lifetimes cannot be installed on this machine.
// Usage: bench-models-bin path/to/transactions.csv [runs] [summary.csv]
// With summary.csv, the per-customer (x, t_x, T, m_x) are written there, so that a
// reference fit (bench/models.sh: scipy, when installed) sees the same input.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "core/CivilTime.h"
#include "engine/models/BgNbd.h"
#include "engine/models/Clv.h"
#include "engine/models/GammaGamma.h"
#include "engine/models/RfmSummary.h"

namespace {

using namespace cw::engine;
using Clock = std::chrono::steady_clock;

struct Row {
    std::int64_t customer;
    std::int32_t day;
    double value;
};

// transaction_id,customer_id,date,product_category,channel,region,quantity,unit_price,unit_cost
bool readTransactions(const std::string& path, std::vector<Row>& rows) {
    std::ifstream in(path);
    if (!in) return false;
    std::string line;
    std::getline(in, line);
    std::vector<std::string_view> f;
    while (std::getline(in, line)) {
        f.clear();
        std::size_t start = 0;
        for (std::size_t i = 0; i <= line.size(); ++i) {
            if (i == line.size() || line[i] == ',') {
                f.emplace_back(line.data() + start, i - start);
                start = i + 1;
            }
        }
        if (f.size() < 8) continue;
        const std::int64_t day = cw::parseIsoDay(std::string(f[2]));
        if (day < 0) continue;
        rows.push_back(
            {std::atoll(std::string(f[1]).c_str()), std::int32_t(day),
             std::atof(std::string(f[6]).c_str()) * std::atof(std::string(f[7]).c_str())});
    }
    return true;
}

PurchaseLog toLog(std::vector<Row> rows) {
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.customer != b.customer ? a.customer < b.customer : a.day < b.day;
    });
    PurchaseLog log;
    for (const Row& r : rows) {
        if (log.customerId.empty() || log.customerId.back() != r.customer) {
            if (!log.customerId.empty()) log.offset.push_back(std::int64_t(log.day.size()));
            log.customerId.push_back(r.customer);
        } else if (log.day.back() == r.day) {
            log.value.back() += r.value;
            continue;
        }
        log.day.push_back(r.day);
        log.value.push_back(r.value);
    }
    if (!log.customerId.empty()) log.offset.push_back(std::int64_t(log.day.size()));
    return log;
}

template <class F>
double medianSeconds(int runs, F f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto s = Clock::now();
        f();
        t.push_back(std::chrono::duration<double>(Clock::now() - s).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

void line(const char* what, double ours, double anchor) {
    std::printf("  %-34s %9.1f ms   lifetimes %6.0f ms   %6.1fx faster\n", what, ours * 1e3,
                anchor * 1e3, anchor / ours);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s transactions.csv [runs]\n", argv[0]);
        return 1;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const char* dumpPath = argc > 3 ? argv[3] : nullptr;
    std::vector<Row> rows;
    if (!readTransactions(argv[1], rows)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 3;
    }
    const PurchaseLog log = toLog(std::move(rows));
    CalibrationOptions co;
    co.unit = TimeUnit::Weeks;
    RfmSummary data;
    const double tSummary = medianSeconds(runs, [&] { data = summarizePurchases(log, co); });

    BgNbdFit bg;
    const double tBg = medianSeconds(runs, [&] { bg = fitBgNbd(data).value(); });
    GammaGammaFit gg;
    const double tGg = medianSeconds(runs, [&] { gg = fitGammaGamma(data).value(); });
    Eigen::ArrayXd clv;
    const double tClv = medianSeconds(runs, [&] {
        clv = customerLifetimeValue(bg.params, gg.params, data, ClvOptions{}).value();
    });

    // The same optimum from a distant start: the parameters are a property of the data,
    // not of where the optimiser began (the "same parameters to 1e-3" check we can run here).
    BgNbdOptions far;
    far.start = BgNbdParams{3.0, 0.5, 4.0, 0.5};
    const BgNbdFit bg2 = fitBgNbd(data, far).value();
    const double drift = std::max(
        {std::abs(bg2.params.r / bg.params.r - 1), std::abs(bg2.params.alpha / bg.params.alpha - 1),
         std::abs(bg2.params.a / bg.params.a - 1), std::abs(bg2.params.b / bg.params.b - 1)});

    std::printf(
        "purchase models benchmark: %zu customers (%zu repeat), %zu purchase days, weeks, "
        "calibration end %s; median of %d runs\n",
        data.customers(), bg.repeatCustomers, log.day.size(),
        cw::formatDate(data.calibrationEnd).c_str(), runs);
    std::printf("  summary (x, t_x, T, m_x)           %9.1f ms\n", tSummary * 1e3);
    line("BG/NBD fit", tBg, 1.05);
    line("Gamma-Gamma fit", tGg, 0.42);
    line("CLV 12 months, all customers", tClv, 0.45);
    std::printf(
        "  BG/NBD: r %.6g alpha %.6g a %.6g b %.6g  LL %.3f  %d evaluations, %zu patterns, %s\n",
        bg.params.r, bg.params.alpha, bg.params.a, bg.params.b, bg.logLikelihood, bg.evaluations,
        bg.patterns, bg.message.c_str());
    std::printf(
        "          refit from (3, 0.5, 4, 0.5): max relative difference %.2e (%d evaluations)\n",
        drift, bg2.evaluations);
    std::printf(
        "  Gamma-Gamma: p %.6g q %.6g gamma %.6g  LL %.3f  %d evaluations, %zu customers, rho "
        "%.3f, %s\n",
        gg.params.p, gg.params.q, gg.params.gamma, gg.logLikelihood, gg.evaluations, gg.customers,
        gg.correlation, gg.message.c_str());
    std::printf("  CLV: mean %.2f, total %.0f\n", clv.mean(), clv.sum());
    std::printf(
        "  lifetimes figures are quoted from shared/ANCHORS.md (lifetimes 0.11.3 on this machine\n"
        "  class), not timed in this run: lifetimes cannot be installed here. Target: >= 20x.\n");
    // One machine-readable line for bench/models.sh.
    std::printf("PARAMS %.17g %.17g %.17g %.17g %.17g %.17g %.17g\n", bg.params.r, bg.params.alpha,
                bg.params.a, bg.params.b, gg.params.p, gg.params.q, gg.params.gamma);
    if (dumpPath) {
        std::FILE* f = std::fopen(dumpPath, "w");
        if (!f) return 3;
        std::fprintf(f, "x,tx,T,mx\n");
        for (Eigen::Index i = 0; i < data.x.size(); ++i)
            std::fprintf(f, "%.17g,%.17g,%.17g,%.17g\n", data.x[i], data.tx[i], data.T[i],
                         data.mx[i]);
        std::fclose(f);
    }
    return bg.converged && gg.converged ? 0 : 2;
}
