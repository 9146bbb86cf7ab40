// k-means on per-customer features of a demo workbook recovers the planted segments
// (src/engine/DemoPopulation.cpp: segments differ in order value, order rhythm, channel and
// basket). The features are computed here with SQL from the transactions, independently of
// the engine's own metrics.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "engine/DemoGenerator.h"
#include "engine/segment/AdjustedRandIndex.h"
#include "engine/segment/KMeans.h"
#include "engine/segment/Standardize.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

namespace {

using cw::engine::adjustedRandIndex;
using cw::engine::kMeans;
using cw::engine::KMeansOptions;
using cw::engine::standardize;

// One row per customer: log mean order value, log orders per year, share of orders through the
// key-account channel, share of invoice lines per product category; the planted segment
// alongside. (Channel shares beyond key accounts made k-means split customers by their main
// channel, which the segments share, and lowered the agreement.)
constexpr const char* kFeatures = R"(
WITH sales AS (SELECT * FROM transactions WHERE kind = 0 AND customer_id IS NOT NULL),
orders AS (
  SELECT customer_id, code, MIN(ts) AS ts, SUM(revenue) AS value, MIN(channel) AS channel
  FROM sales GROUP BY customer_id, code),
per AS (
  SELECT customer_id, COUNT(*) AS n, SUM(value) AS revenue,
         (MAX(ts) - MIN(ts)) / 86400.0 AS span_days, AVG(channel = 'key account') AS key_share
  FROM orders GROUP BY customer_id),
basket AS (
  SELECT customer_id, AVG(category = 'Cleaning') AS c1, AVG(category = 'Consumables') AS c2,
         AVG(category = 'Equipment') AS c3, AVG(category = 'Packaging') AS c4,
         AVG(category = 'Safety') AS c5, AVG(category = 'Services') AS c6,
         AVG(category = 'Spare parts') AS c7, AVG(category = 'Tools') AS c8
  FROM sales GROUP BY customer_id)
SELECT t.segment, p.n, p.revenue, p.span_days, p.key_share,
       b.c1, b.c2, b.c3, b.c4, b.c5, b.c6, b.c7, b.c8
FROM demo_truth t JOIN per p ON p.customer_id = t.customer_id
JOIN basket b ON b.customer_id = t.customer_id
ORDER BY t.customer_id
)";

struct Features {
    Eigen::MatrixXd x;
    Eigen::VectorXi truth;
};

Features loadFeatures(cw::store::Workbook& wb) {
    auto st = wb.db().prepare(kFeatures);
    EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().describe());
    std::vector<std::vector<double>> rows;
    std::vector<int> truth;
    std::map<std::string, int> segments;
    while (st->step()) {
        truth.push_back(
            segments.try_emplace(st->text(0), static_cast<int>(segments.size())).first->second);
        const double n = st->real(1), revenue = st->real(2), span = st->real(3);
        // Orders per year over the customer's own active span (a year at least, so that new
        // customers and one-order customers are not extreme).
        const double perYear = n / std::max(span / 365.25, 1.0);
        std::vector<double> row{std::log(revenue / n), std::log(perYear)};
        for (int c = 4; c <= 12; ++c) row.push_back(st->real(c));
        rows.push_back(std::move(row));
    }
    Features f;
    f.x.resize(static_cast<Eigen::Index>(rows.size()),
               static_cast<Eigen::Index>(rows.front().size()));
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < rows[i].size(); ++j) f.x(i, j) = rows[i][j];
    f.truth = Eigen::Map<Eigen::VectorXi>(truth.data(), static_cast<Eigen::Index>(truth.size()));
    return f;
}

TEST(DemoSegments, KMeansRecoversPlantedSegments) {
    cw::test::TempDir dir;
    auto wb = cw::store::Workbook::create(dir.file("demo.cwb"));
    ASSERT_TRUE(wb.ok()) << wb.error().describe();
    cw::engine::DemoOptions demo;
    demo.customers = 2000;
    demo.seed = 42;
    auto summary = cw::engine::generateDemo(*wb, demo);
    ASSERT_TRUE(summary.ok()) << summary.error().describe();

    const Features f = loadFeatures(*wb);
    ASSERT_EQ(f.x.rows(), 2000);
    const Eigen::MatrixXd z = standardize(f.x).data;
    KMeansOptions o;
    o.k = 4;
    o.restarts = 10;
    o.seed = 1;
    auto fit = kMeans(z, o);
    ASSERT_TRUE(fit.ok()) << fit.error().describe();
    const double ari = adjustedRandIndex(fit->labels, f.truth).value();
    std::printf(
        "demo (2,000 customers, seed 42): k-means k=4 ARI against planted segments = %.3f\n", ari);
    RecordProperty("ari", std::to_string(ari));
    // Observed 0.626, 0.632, 0.669 for k-means seeds 1, 2, 3 (scikit-learn on the same features:
    // 0.655). The segments overlap by design (order values scale with a heavy-tailed company
    // size), so a perfect recovery is not expected; chance level is 0.
    EXPECT_GT(ari, 0.55);
}

}  // namespace
