#pragma once
// A small analysed workbook for the matrix tests: managers, customers with regions, channels,
// managers and segments (some missing), customer_metrics with values drawn from small integer
// sets (so ties at the median happen), NULL metrics, and customers without a metrics row; service
// attributes with attribute_metrics; a k-means segmentation. Values come from mt19937's raw output
// (portable), never from our code.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>

#include "store/Workbook.h"
#include "support/TempDir.h"

namespace cw::test {

inline constexpr int kFixtureCustomers = 240;

class MatrixFixture {
public:
    explicit MatrixFixture(bool analysed = true) {
        auto wb = store::Workbook::create(m_dir.file("m.cwb"));
        EXPECT_TRUE(wb.ok()) << (wb.ok() ? "" : wb.error().describe());
        m_wb.emplace(std::move(*wb));
        fill(analysed);
    }
    store::Workbook& wb() { return *m_wb; }
    store::Database& db() { return m_wb->db(); }

private:
    void exec(const std::string& sql) {
        auto st = db().exec(sql);
        ASSERT_TRUE(st.ok()) << st.error().describe();
    }
    // A value from a small set, or NULL with probability nullPercent.
    std::optional<double> pick(std::mt19937& rng, int levels, double step, double offset,
                               unsigned nullPercent) {
        if (rng() % 100 < nullPercent) return std::nullopt;
        return offset + step * static_cast<double>(rng() % static_cast<unsigned>(levels));
    }

    void fill(bool analysed) {
        exec("BEGIN");
        exec(
            "INSERT INTO managers(id, code, name) VALUES (1, 'M01', 'Ana Ruiz'), (2, 'M02', 'Bo "
            "Chen'), "
            "(3, 'M03', NULL)");
        const char* regions[] = {"North", "South", "East", nullptr};
        const char* channels[] = {"web", "store", "phone"};
        const char* segments[] = {"gold", "silver", "bronze", ""};
        std::mt19937 rng(20240601u);
        auto ins = db().prepareOrThrow(
            "INSERT INTO customers(id, code, name, region, channel, manager_id, segment) VALUES "
            "(?,?,?,?,?,?,?)");
        auto met = db().prepareOrThrow(
            "INSERT INTO customer_metrics(customer_id, revenue, margin, potential, satisfaction, "
            "loyalty, "
            "last_day, rhythm_days, exit_day, prev_revenue, recent_revenue, prev_orders, "
            "recent_orders, "
            "exited, profitable_exit, anorexic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        for (int i = 1; i <= kFixtureCustomers; ++i) {
            const char* region = regions[rng() % 4];
            ins.bind(1, i)
                .bind(2, "C" + std::to_string(1000 + i))
                .bind(3, "Customer " + std::to_string(i));
            region ? ins.bind(4, region) : ins.bindNull(4);
            ins.bind(5, channels[rng() % 3]);
            const unsigned m = rng() % 4;
            m == 0 ? ins.bindNull(6) : ins.bind(6, static_cast<int>(m));
            ins.bind(7, segments[rng() % 4]);
            ASSERT_TRUE(ins.exec()) << ins.lastError();
            if (!analysed || i % 12 == 0) continue;  // every 12th customer has no metrics row
            const auto revenue = pick(rng, 9, 250.0, 100.0, 5);
            met.bind(1, i).bind(2, revenue);
            met.bind(3, pick(rng, 7, 40.0, -60.0, 10));  // margin, negative too
            met.bind(4, pick(rng, 6, 100.0, 0.0, 10));   // potential
            met.bind(5, pick(rng, 5, 25.0, 0.0, 30));    // satisfaction: many without a survey
            met.bind(6, pick(rng, 8, 12.5, 10.0, 10));   // loyalty
            const bool exited = rng() % 5 == 0, anorexic = !exited && rng() % 6 == 0;
            met.bind(7, 19000 + static_cast<int>(rng() % 300));
            met.bind(8, pick(rng, 10, 7.0, 5.0, 15));
            exited ? met.bind(9, 19400 + static_cast<int>(rng() % 20)) : met.bindNull(9);
            met.bind(10, pick(rng, 10, 80.0, 0.0, 0)).bind(11, pick(rng, 10, 40.0, 0.0, 0));
            met.bind(12, static_cast<int>(rng() % 9)).bind(13, static_cast<int>(rng() % 5));
            met.bind(14, exited ? 1 : 0)
                .bind(15, exited && rng() % 2 == 0 ? 1 : 0)
                .bind(16, anorexic ? 1 : 0);
            ASSERT_TRUE(met.exec()) << met.lastError();
        }
        exec(
            "INSERT INTO service_attributes(id, name, scale_min, scale_max) VALUES "
            "(1,'delivery',1,5),"
            "(2,'price',1,5),(3,'advice',1,5),(4,'invoicing',1,5),(5,'returns',1,5),(6,'website',1,"
            "5),"
            "(7,'hotline',1,5)");
        if (analysed)
            exec(
                "INSERT INTO attribute_metrics(attribute_id, responses, satisfaction, "
                "stated_importance, "
                "derived_importance, derived_share) VALUES "
                "(1,100,80,4.5,0.20,0.40),(2,100,40,4.8,0.10,0.20),"
                "(3,100,70,3.0,0.05,0.10),(4,100,60,2.0,0.06,0.12),(5,100,30,3.5,0.04,0.08),"
                "(6,100,NULL,4.0,0.05,0.10)");  // hotline has no metrics row, website no
                                                // satisfaction
        exec(
            "INSERT INTO segmentations(id, name, method, definition, created_at, updated_at) "
            "VALUES "
            "(1, 'kmeans-3', 'kmeans', '{}', '2024-01-01', '2024-01-01')");
        exec(
            "INSERT INTO segments(id, segmentation_id, ordinal, label) VALUES "
            "(1,1,0,'A'),(2,1,1,'B'),(3,1,2,'C')");
        // Two of three customers get a k-means segment.
        exec(
            "INSERT INTO customer_segments(segmentation_id, customer_id, segment_id) "
            "SELECT 1, id, 1 + id % 3 FROM customers WHERE id % 3 != 0");
        exec("COMMIT");
    }

    TempDir m_dir;
    std::optional<store::Workbook> m_wb;
};

}  // namespace cw::test
