// k-means benchmark binary (bench/kmeans.sh): reads a numeric CSV (no header), and prints the
// fit time of our k-means (k-means++, one restart; median of RUNS), its inertia, the inertia
// from the k-means++ start it writes to INIT_CSV (for scikit-learn's init=array), and the
// best of 10 restarts.
// Usage: bench-kmeans-bin FEATURES_CSV INIT_CSV [K] [RUNS] [THREADS]
#include <Eigen/Core>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/segment/KMeans.h"

namespace {

Eigen::MatrixXd readCsv(const std::string& path) {
    std::ifstream in(path);
    std::vector<double> v;
    std::string line;
    Eigen::Index rows = 0, cols = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const char* p = line.c_str();
        Eigen::Index c = 0;
        for (char* end;; ++c) {
            v.push_back(std::strtod(p, &end));
            p = end;
            if (*p != ',') break;
            ++p;
        }
        cols = c + 1;
        ++rows;
    }
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index i = 0; i < rows; ++i)
        for (Eigen::Index j = 0; j < cols; ++j) m(i, j) = v[i * cols + j];
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s FEATURES_CSV INIT_CSV [K] [RUNS] [THREADS]\n", argv[0]);
        return 1;
    }
    const Eigen::MatrixXd x = readCsv(argv[1]);
    cw::engine::KMeansOptions o;
    o.k = argc > 3 ? std::atoi(argv[3]) : 6;
    const int runs = argc > 4 ? std::atoi(argv[4]) : 5;
    o.threads = argc > 5 ? std::atoi(argv[5]) : 2;
    std::vector<double> ms;
    double inertia = 0;
    int iterations = 0;
    for (int r = 0; r < runs; ++r) {
        o.seed = static_cast<std::uint64_t>(r);
        const auto t0 = std::chrono::steady_clock::now();
        auto fit = cw::engine::kMeans(x, o);
        const auto t1 = std::chrono::steady_clock::now();
        if (!fit) {
            std::fprintf(stderr, "%s\n", fit.error().describe().c_str());
            return 2;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        if (r == 0) inertia = fit->inertia, iterations = fit->iterations;
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    std::printf("ours_ms %.1f\nours_runs", sorted[sorted.size() / 2]);
    for (double t : ms) std::printf(" %.1f", t);
    std::printf("\nours_rows %lld\nours_iterations %d\nours_inertia %.10g\n",
                static_cast<long long>(x.rows()), iterations, inertia);

    const Eigen::MatrixXd init = cw::engine::kMeansPlusPlus(x, o.k, 12345);
    std::ofstream out(argv[2]);
    out.precision(17);
    for (Eigen::Index i = 0; i < init.rows(); ++i)
        for (Eigen::Index j = 0; j < init.cols(); ++j)
            out << init(i, j) << (j + 1 < init.cols() ? ',' : '\n');
    out.close();
    std::vector<double> sameMs;
    cw::Result<cw::engine::KMeansResult> same = cw::makeError(cw::ErrorKind::Internal, "not run");
    for (int r = 0; r < runs; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        same = cw::engine::kMeansFrom(x, init, o);
        sameMs.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    if (!same) return 2;
    std::sort(sameMs.begin(), sameMs.end());
    std::printf("ours_same_init_inertia %.10g iterations %d\n", same->inertia, same->iterations);
    std::printf("ours_same_init_ms %.1f\nours_best10_inertia", sameMs[sameMs.size() / 2]);
    o.restarts = 10;
    for (std::uint64_t seed = 0; seed < 3; ++seed) {
        o.seed = seed;
        auto best = cw::engine::kMeans(x, o);
        if (!best) return 2;
        std::printf(" %.10g", best->inertia);
    }
    std::printf("\n");
    return 0;
}
