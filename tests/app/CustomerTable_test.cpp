// The customer table: one row per customer with the values the analysis stored, "no data" last
// in both sort orders, a filter over the text fields, a selection linked by id and CSV copying.
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <cmath>

#include "AppTestSupport.h"
#include "app/customers/CustomerTableDock.h"
#include "app/customers/CustomerTableModel.h"
#include "engine/Analysis.h"

using namespace cw;
using namespace cw::app;
using cw::test::TempDir;
using cw::test::waitFor;

namespace {

class CustomerTable : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        s_path = s_dir->file("demo.cwb");
        test::makeDemoWorkbook(s_path, 400);
        auto wb = store::Workbook::open(s_path);
        ASSERT_TRUE(wb.ok());
        auto summary = engine::runAnalysis(*wb);
        ASSERT_TRUE(summary.ok()) << summary.error().describe();
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }

    void SetUp() override {
        auto wb = store::Workbook::open(s_path, store::Workbook::OpenMode::ReadOnly);
        ASSERT_TRUE(wb.ok());
        auto data = loadCustomerTable(*wb);
        ASSERT_TRUE(data.ok()) << data.error().describe();
        m_data = std::make_shared<const CustomerTableData>(std::move(*data));
        m_dock.setData(m_data);
    }

    QSortFilterProxyModel* proxy() { return m_dock.proxyModel(); }
    qint64 idAtView(int row) {
        return proxy()->index(row, 0).data(CustomerTableModel::IdRole).toLongLong();
    }

    static TempDir* s_dir;
    static std::string s_path;
    std::shared_ptr<const CustomerTableData> m_data;
    CustomerTableDock m_dock;
};

TempDir* CustomerTable::s_dir = nullptr;
std::string CustomerTable::s_path;

TEST_F(CustomerTable, HasOneRowPerCustomerWithTheStoredValues) {
    auto wb = store::Workbook::open(s_path, store::Workbook::OpenMode::ReadOnly);
    ASSERT_TRUE(wb.ok());
    EXPECT_EQ(m_dock.objectName(), "customerTableDock");
    EXPECT_EQ(m_dock.visibleRowCount(), 400);
    EXPECT_EQ(std::int64_t(m_data->rows.size()),
              *wb->db().queryInt("SELECT count(*) FROM customers"));
    EXPECT_TRUE(m_data->analysed);

    auto st = wb->db().prepare(
        "SELECT c.id, c.code, c.name, c.region, m.revenue, m.satisfaction, m.orders, m.exited "
        "FROM customers c LEFT JOIN customer_metrics m ON m.customer_id = c.id ORDER BY c.id");
    ASSERT_TRUE(st.ok());
    int rows = 0, missingSatisfaction = 0;
    while (st->step()) {
        const int row = m_data->rowOf(st->int64(0));
        ASSERT_GE(row, 0);
        const auto& r = m_data->rows[std::size_t(row)];
        EXPECT_EQ(r.code.toStdString(), st->text(1));
        EXPECT_EQ(r.name.toStdString(), st->text(2));
        EXPECT_EQ(r.region.toStdString(), st->text(3));
        auto same = [&](int col, CustomerMetric m) {
            if (st->isNull(col))
                EXPECT_TRUE(std::isnan(r.metric(m))) << "customer " << r.id;
            else
                EXPECT_DOUBLE_EQ(r.metric(m), st->real(col)) << "customer " << r.id;
        };
        same(4, CustomerMetric::Revenue);
        same(5, CustomerMetric::Satisfaction);
        same(6, CustomerMetric::Orders);
        EXPECT_EQ(r.flag(CustomerFlag::Exited), st->isNull(7) ? -1 : int(st->int64(7)));
        missingSatisfaction += st->isNull(5);
        ++rows;
    }
    EXPECT_EQ(rows, 400);
    ASSERT_GT(missingSatisfaction, 0);  // the demo surveys only part of the customers

    // The model shows "no data" as an em dash, not as 0.
    const int col = CustomerTableModel::metricColumn(CustomerMetric::Satisfaction);
    for (int row = 0; row < m_dock.model()->rowCount(); ++row) {
        const auto index = m_dock.model()->index(row, col);
        if (std::isnan(m_data->rows[std::size_t(row)].metric(CustomerMetric::Satisfaction))) {
            EXPECT_EQ(index.data().toString(), QStringLiteral("\u2014"));
            EXPECT_FALSE(index.data(CustomerTableModel::SortRole).isValid());
        }
    }
}

TEST_F(CustomerTable, SortingPutsNoDataLastInBothOrders) {
    const int col = CustomerTableModel::metricColumn(CustomerMetric::Satisfaction);
    for (auto order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        m_dock.tableView()->sortByColumn(col, order);
        const int n = proxy()->rowCount();
        bool seenMissing = false;
        double previous = order == Qt::AscendingOrder ? -1e300 : 1e300;
        for (int row = 0; row < n; ++row) {
            const QVariant v = proxy()->index(row, col).data(CustomerTableModel::SortRole);
            if (!v.isValid()) {
                seenMissing = true;
                continue;
            }
            ASSERT_FALSE(seenMissing) << "a value after no data at row " << row;
            if (order == Qt::AscendingOrder)
                EXPECT_GE(v.toDouble(), previous);
            else
                EXPECT_LE(v.toDouble(), previous);
            previous = v.toDouble();
        }
        EXPECT_TRUE(seenMissing);
        EXPECT_FALSE(proxy()->index(n - 1, col).data(CustomerTableModel::SortRole).isValid());
        EXPECT_TRUE(proxy()->index(0, col).data(CustomerTableModel::SortRole).isValid());
    }
}

TEST_F(CustomerTable, FilterTextNarrowsTheRows) {
    const QString region = m_data->rows.front().region;
    ASSERT_FALSE(region.isEmpty());
    m_dock.setFilterText(region.toLower());
    const int visible = m_dock.visibleRowCount();
    EXPECT_GT(visible, 0);
    EXPECT_LT(visible, 400);
    int expected = 0;
    for (const auto& r : m_data->rows)
        expected += r.code.contains(region, Qt::CaseInsensitive) ||
                    r.name.contains(region, Qt::CaseInsensitive) ||
                    r.region.contains(region, Qt::CaseInsensitive) ||
                    r.channel.contains(region, Qt::CaseInsensitive) ||
                    r.manager.contains(region, Qt::CaseInsensitive) ||
                    r.segment.contains(region, Qt::CaseInsensitive);
    EXPECT_EQ(visible, expected);

    const QString code = m_data->rows[7].code;
    m_dock.setFilterText(code);
    ASSERT_GE(m_dock.visibleRowCount(), 1);
    EXPECT_EQ(proxy()->index(0, CustomerTableModel::CodeColumn).data().toString(), code);
    m_dock.setFilterText(QString());
    EXPECT_EQ(m_dock.visibleRowCount(), 400);
}

TEST_F(CustomerTable, LinkedSelectionEmitsOnlyForTheUser) {
    int userSignals = 0;
    QSet<qint64> lastUser;
    QObject::connect(&m_dock, &CustomerTableDock::selectionChangedByUser,
                     [&](const QSet<qint64>& ids) {
                         ++userSignals;
                         lastUser = ids;
                     });
    qint64 current = 0;
    QObject::connect(&m_dock, &CustomerTableDock::currentCustomerChanged,
                     [&](qint64 id) { current = id; });

    const QSet<qint64> ids{m_data->rows[3].id, m_data->rows[50].id, m_data->rows[51].id,
                           m_data->rows[399].id};
    m_dock.setSelectedIds(ids);
    EXPECT_EQ(m_dock.selectedIds(), ids);
    EXPECT_EQ(m_dock.tableView()->selectionModel()->selectedRows().size(), 4);
    EXPECT_EQ(userSignals, 0);
    EXPECT_TRUE(ids.contains(current));

    // A user's selection through the selection model.
    auto* selection = m_dock.tableView()->selectionModel();
    selection->select(proxy()->index(10, 0),
                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    EXPECT_EQ(userSignals, 1);
    EXPECT_EQ(lastUser, QSet<qint64>{idAtView(10)});
    selection->select(proxy()->index(12, 0),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    EXPECT_EQ(lastUser, (QSet<qint64>{idAtView(10), idAtView(12)}));
    EXPECT_EQ(m_dock.selectedIds(), lastUser);
    selection->setCurrentIndex(proxy()->index(12, 0), QItemSelectionModel::NoUpdate);
    EXPECT_EQ(current, idAtView(12));

    // New data keeps the selection without telling anyone it changed.
    const int before = userSignals;
    m_dock.setData(m_data);
    EXPECT_EQ(m_dock.selectedIds(), lastUser);
    EXPECT_EQ(userSignals, before);

    m_dock.setSelectedIds({});
    EXPECT_TRUE(m_dock.selectedIds().isEmpty());
    EXPECT_EQ(userSignals, before);
}

TEST_F(CustomerTable, CopiesTheSelectedRowsAsCsv) {
    const QSet<qint64> ids{m_data->rows[5].id, m_data->rows[6].id};
    m_dock.setSelectedIds(ids);
    m_dock.copyAction()->trigger();
    const QStringList lines =
        QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("Code,Name,")));
    QStringList codes;
    for (int i = 1; i < 3; ++i) codes << lines[i].section(QLatin1Char(','), 0, 0);
    codes.sort();
    QStringList expected{m_data->rows[5].code, m_data->rows[6].code};
    expected.sort();
    EXPECT_EQ(codes, expected);

    // Nothing selected: every visible row.
    m_dock.setSelectedIds({});
    m_dock.setFilterText(m_data->rows[9].code);
    m_dock.copyAsCsv();
    const QStringList visible =
        QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    EXPECT_EQ(visible.size(), m_dock.visibleRowCount() + 1);
}

TEST_F(CustomerTable, JobLoadsOffTheGuiThread) {
    CustomerTableJob job;
    std::shared_ptr<const CustomerTableData> loaded;
    QObject::connect(&job, &CustomerTableJob::loaded,
                     [&](std::shared_ptr<const CustomerTableData> d) { loaded = d; });
    job.start(QString::fromStdString(s_path));
    EXPECT_TRUE(job.isRunning());
    ASSERT_TRUE(waitFor([&] { return bool(loaded); }));
    EXPECT_EQ(loaded->rows.size(), m_data->rows.size());
}

}  // namespace

namespace {

// Timing on a large workbook: CW_CUSTOMER_TABLE_BENCH names an analysed workbook. Disabled: run
// with --gtest_also_run_disabled_tests.
TEST(CustomerTableBench, DISABLED_LoadsSortsAndFiltersALargeWorkbook) {
    const QByteArray path = qgetenv("CW_CUSTOMER_TABLE_BENCH");
    if (path.isEmpty()) GTEST_SKIP() << "set CW_CUSTOMER_TABLE_BENCH to an analysed workbook";
    auto wb = store::Workbook::open(path.toStdString(), store::Workbook::OpenMode::ReadOnly);
    ASSERT_TRUE(wb.ok());
    QElapsedTimer t;
    t.start();
    auto data = loadCustomerTable(*wb);
    ASSERT_TRUE(data.ok());
    const auto load = t.restart();
    auto shared = std::make_shared<const CustomerTableData>(std::move(*data));
    CustomerTableDock dock;
    dock.setData(shared);
    const auto set = t.restart();
    dock.tableView()->sortByColumn(CustomerTableModel::metricColumn(CustomerMetric::Satisfaction),
                                   Qt::DescendingOrder);
    const auto sort = t.restart();
    dock.setFilterText(QStringLiteral("nor"));
    const auto filter = t.restart();
    QSet<qint64> half;
    for (std::size_t i = 0; i < shared->rows.size(); i += 2) half.insert(shared->rows[i].id);
    dock.setSelectedIds(half);
    const auto select = t.restart();
    std::printf(
        "%zu customers: load %lld ms, setData %lld ms, sort %lld ms, filter %lld ms, "
        "select %lld ids %lld ms\n",
        shared->rows.size(), qint64(load), qint64(set), qint64(sort), qint64(filter),
        qint64(half.size()), qint64(select));
}

}  // namespace
