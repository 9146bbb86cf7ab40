// The portfolio alerts against the situations a demo workbook planted (setting demo.planted_alerts,
// docs/demo.md): each known manager's portfolio, as of the day after the history, raises every
// planted alert (recall) and nothing else about the planted customers (precision); the alerts are
// ranked by value at risk, whose parts are checked against the analysis' results read back with
// SQL on a connection of the test's own; and every anorexic customer the analysis found in a known
// manager's portfolio, planted or not, raises its anorexia alert.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/CivilTime.h"
#include "engine/Analysis.h"
#include "engine/DemoGenerator.h"
#include "engine/kpi/Alerts.h"
#include "engine/load/Portfolio.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/Workbook.h"
#include "support/FreshWorkbook.h"
#include "support/SuiteTempDir.h"

using namespace cw;
using namespace cw::engine;
using cw::engine::kpi::AlertKind;

namespace {

[[maybe_unused]] auto* const g_tempDir = ::testing::AddGlobalTestEnvironment(new cw::test::SuiteTempDir);

// The analysis' per-customer results, read with SQL on a read-only connection of the test's own.
struct CustomerRow {
    double margin = NAN, pAlive = NAN, prevRevenue = NAN, recentRevenue = NAN;
    double prevOrders = NAN, recentOrders = NAN;
    bool active = false, anorexic = false;
    std::string manager;
};

class SqlFile {
public:
    explicit SqlFile(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << "cannot open " << path << ": " << sqlite3_errmsg(m_db);
        }
    }
    ~SqlFile() { sqlite3_close(m_db); }
    SqlFile(const SqlFile&) = delete;
    SqlFile& operator=(const SqlFile&) = delete;

    // Every customer with stored metrics, by code.
    std::map<std::string, CustomerRow> customers() {
        std::map<std::string, CustomerRow> out;
        sqlite3_stmt* st = nullptr;
        const char* sql =
            "SELECT c.code, m.code, cm.margin, cm.p_alive, cm.prev_revenue, cm.recent_revenue, cm.prev_orders, "
            "cm.recent_orders, cm.active, cm.anorexic FROM customer_metrics cm JOIN customers c ON c.id = cm.customer_id "
            "LEFT JOIN managers m ON m.id = c.manager_id";
        EXPECT_EQ(sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(m_db);
        auto real = [&](int col) { return sqlite3_column_type(st, col) == SQLITE_NULL ? NAN : sqlite3_column_double(st, col); };
        auto text = [&](int col) {
            const auto* t = sqlite3_column_text(st, col);
            return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
        };
        while (st && sqlite3_step(st) == SQLITE_ROW) {
            CustomerRow r;
            r.manager = text(1);
            r.margin = real(2);
            r.pAlive = real(3);
            r.prevRevenue = real(4);
            r.recentRevenue = real(5);
            r.prevOrders = real(6);
            r.recentOrders = real(7);
            r.active = sqlite3_column_int(st, 8) != 0;
            r.anorexic = sqlite3_column_int(st, 9) != 0;
            out[text(0)] = r;
        }
        sqlite3_finalize(st);
        return out;
    }

private:
    sqlite3* m_db = nullptr;
};

void expectNear(double expected, double actual, const std::string& what) {
    EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

class PlantedAlerts : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(PlantedAlerts, EveryPlantedCaseRaisesExactlyItsAlertRankedByValueAtRisk) {
    const std::uint64_t seed = GetParam();
    auto wb = cw::test::freshWorkbook("planted_alerts_" + std::to_string(seed) + ".cwb");
    ASSERT_TRUE(wb);
    DemoOptions o;
    o.customers = 2000;
    o.seed = seed;
    auto demo = generateDemo(*wb, o);
    ASSERT_TRUE(demo.ok()) << demo.error().describe();
    auto analysed = runAnalysis(*wb);
    ASSERT_TRUE(analysed.ok()) << analysed.error().describe();

    auto planted = settings::read(wb->db(), settings::demoPlantedAlerts());
    ASSERT_TRUE(planted.ok()) << planted.error().describe();
    auto analysis = settings::read(wb->db(), settings::analysis());
    ASSERT_TRUE(analysis.ok()) << analysis.error().describe();
    const double annualise = 12.0 / double(analysis->windowMonths);

    // Three known managers, one case of each of the five kinds each.
    std::set<std::string> managers;
    std::map<std::string, settings::PlantedAlert> byCustomer;
    for (const auto& p : *planted) {
        managers.insert(p.manager);
        EXPECT_TRUE(kpi::findAlertKind(p.kind)) << p.kind;
        EXPECT_TRUE(byCustomer.emplace(p.customer, p).second) << "planted twice: " << p.customer;
    }
    ASSERT_EQ(managers.size(), 3u);
    ASSERT_EQ(planted->size(), 3u * kpi::kAlertKindCount);
    EXPECT_EQ(std::set<std::string>(demo->alertManagers.begin(), demo->alertManagers.end()), managers);
    EXPECT_EQ(demo->plantedAlerts, static_cast<std::int64_t>(planted->size()));

    SqlFile sql(wb->path());
    const auto rows = sql.customers();
    const auto today = static_cast<std::int32_t>(parseIsoDay(o.endDate) + 1);

    std::size_t found = 0, alertsOnPlanted = 0, rightKind = 0, naturalAnorexic = 0;
    for (const auto& manager : managers) {
        auto portfolio = loadPortfolio(*wb, manager, today);
        ASSERT_TRUE(portfolio.ok()) << portfolio.error().describe();
        EXPECT_FALSE(portfolio->team) << manager;

        // Ranked by value at risk, each list on its own; every figure from its parts.
        std::vector<PortfolioAlert> all;
        for (const auto* list : {&portfolio->alerts, &portfolio->hidden}) {
            for (std::size_t i = 1; i < list->size(); ++i)
                EXPECT_GE((*list)[i - 1].alert.valueAtRisk, (*list)[i].alert.valueAtRisk) << manager << " #" << i;
            all.insert(all.end(), list->begin(), list->end());
        }
        std::set<std::pair<std::string, AlertKind>> raised;
        for (const auto& pa : all) {
            const auto& a = pa.alert;
            const std::string what = manager + " " + pa.customerCode + " " + std::string(kpi::alertKey(a.kind));
            raised.insert({pa.customerCode, a.kind});
            expectNear(a.marginAtStake * a.probability, a.valueAtRisk, what + ": value at risk");
            auto row = rows.find(pa.customerCode);
            ASSERT_NE(row, rows.end()) << what;
            const CustomerRow& c = row->second;
            EXPECT_EQ(c.manager, manager) << what;
            if (a.kind != AlertKind::OverdueAction || byCustomer.count(pa.customerCode))
                expectNear(std::max(0.0, c.margin * annualise), a.marginAtStake, what + ": margin at stake");
            if (a.kind == AlertKind::LowPAlive) expectNear(1.0 - c.pAlive, a.probability, what + ": probability");
            if (a.kind == AlertKind::Anorexia) {
                const double drop = std::max(1.0 - c.recentRevenue / c.prevRevenue, 1.0 - c.recentOrders / c.prevOrders);
                expectNear(std::clamp(drop, 0.0, 1.0), a.probability, what + ": probability");
            }
            if (auto p = byCustomer.find(pa.customerCode); p != byCustomer.end()) {
                ++alertsOnPlanted;
                const bool right = kpi::alertKey(a.kind) == p->second.kind && p->second.manager == manager;
                rightKind += right;
                EXPECT_TRUE(right) << what << " raised on a customer planted for " << p->second.kind;
            }
        }
        for (const auto& [code, p] : byCustomer) {
            if (p.manager != manager) continue;
            const bool hit = raised.count({code, *kpi::findAlertKind(p.kind)}) > 0;
            found += hit;
            EXPECT_TRUE(hit) << manager << " " << code << ": planted " << p.kind << " not raised";
        }
        // Every anorexic active customer the analysis found in the portfolio, planted or not.
        for (const auto& [code, c] : rows) {
            if (c.manager != manager || !c.active || !c.anorexic) continue;
            naturalAnorexic += !byCustomer.count(code);
            EXPECT_TRUE(raised.count({code, AlertKind::Anorexia})) << manager << " " << code << ": anorexic, no alert";
        }
    }
    const double recall = double(found) / double(planted->size());
    const double precision = alertsOnPlanted ? double(rightKind) / double(alertsOnPlanted) : 0.0;
    std::printf("seed %llu: planted %zu alert situations for %zu managers; recall %.3f (%zu/%zu), precision %.3f "
                "(%zu/%zu); %zu unplanted anorexic customers raise theirs\n",
                static_cast<unsigned long long>(seed), planted->size(), managers.size(), recall, found, planted->size(),
                precision, rightKind, alertsOnPlanted, naturalAnorexic);
    RecordProperty("recall", std::to_string(recall));
    RecordProperty("precision", std::to_string(precision));
    EXPECT_EQ(recall, 1.0);
    EXPECT_EQ(precision, 1.0);
}

INSTANTIATE_TEST_SUITE_P(Seeds, PlantedAlerts, ::testing::Values(42u, 7u));

}  // namespace
