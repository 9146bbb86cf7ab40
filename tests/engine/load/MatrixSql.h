#pragma once
// The independent computation the matrix tests compare against: quadrant counts, revenue and
// margin per quadrant, thresholds and insufficient data computed in SQL straight from the tables
// (median by ORDER BY … LIMIT/OFFSET, quadrants by GROUP BY on CASE WHEN).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/Database.h"

namespace cw::test {

struct SqlMatrix {
    std::array<std::int64_t, 4> count{};
    std::array<double, 4> revenue{}, margin{};
    std::int64_t insufficient = 0;
    std::int64_t plotted = 0;
    std::optional<double> tx, ty;
};

/// How the SQL sets a threshold: "median", "mean", or a number.
struct SqlThreshold {
    std::string mode = "median";
    double value = 0;
};

/// `where` is a constant condition on customers `c` (values as ?1, ?2… in `params`).
inline SqlMatrix sqlMatrix(store::Database& db, const std::string& x, const std::string& y,
                           const std::string& where = "1",
                           const std::vector<std::string>& params = {}, SqlThreshold tx = {},
                           SqlThreshold ty = {}) {
    auto expr = [](const SqlThreshold& t, const char* col) -> std::string {
        const std::string c = col;
        if (t.mode == "median")
            return "(SELECT avg(" + c + ") FROM (SELECT " + c + " FROM plotted ORDER BY " + c +
                   " LIMIT 2 - (SELECT count(*) FROM plotted) % 2 OFFSET ((SELECT count(*) FROM "
                   "plotted) - 1) / 2))";
        if (t.mode == "mean") return "(SELECT avg(" + c + ") FROM plotted)";
        return c == "x" ? ":tx" : ":ty";
    };
    const std::string with =
        "WITH pts AS (SELECT m." + x + " AS x, m." + y +
        " AS y, m.revenue AS rev, m.margin AS mar "
        "FROM customers c LEFT JOIN customer_metrics m ON m.customer_id = c.id "
        "LEFT JOIN managers mg ON mg.id = c.manager_id WHERE " +
        where +
        "), "
        "plotted AS (SELECT * FROM pts WHERE x IS NOT NULL AND y IS NOT NULL), "
        "th AS (SELECT " +
        expr(tx, "x") + " AS tx, " + expr(ty, "y") + " AS ty) ";
    auto prepare = [&](const std::string& sql) {
        auto st = db.prepare(sql);
        EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().describe());
        for (std::size_t i = 0; i < params.size(); ++i)
            st->bind(static_cast<int>(i + 1), params[i]);
        if (int i = sqlite3_bind_parameter_index(st->handle(), ":tx")) st->bind(i, tx.value);
        if (int i = sqlite3_bind_parameter_index(st->handle(), ":ty")) st->bind(i, ty.value);
        return std::move(*st);
    };
    SqlMatrix r;
    auto q = prepare(
        with +
        "SELECT q, count(*), total(rev), total(mar) FROM (SELECT CASE WHEN x >= tx AND y >= ty "
        "THEN 0 WHEN x >= tx THEN 1 WHEN y >= ty THEN 2 ELSE 3 END AS q, rev, mar FROM plotted, "
        "th) "
        "GROUP BY q");
    while (q.step()) {
        const auto i = static_cast<std::size_t>(q.int64(0));
        r.count[i] = q.int64(1);
        r.revenue[i] = q.real(2);
        r.margin[i] = q.real(3);
        r.plotted += r.count[i];
    }
    auto t = prepare(
        with + "SELECT tx, ty, (SELECT count(*) FROM pts WHERE x IS NULL OR y IS NULL) FROM th");
    EXPECT_TRUE(t.step());
    r.tx = t.optReal(0);
    r.ty = t.optReal(1);
    r.insufficient = t.int64(2);
    return r;
}

}  // namespace cw::test
