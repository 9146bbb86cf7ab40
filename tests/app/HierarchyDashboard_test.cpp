// The hierarchy dashboard (issue 11) in the main window, on a small analysed demo workbook: the
// tiles show what is stored for the company, a region and a leaf manager (read again here through
// engine::loadKpiSeries); the children table lists exactly the node's children, ranked in the
// indicator's good direction; a target set through the dialog is stored and undo removes it; a
// tile's customers become the selection (compared with a read of our own); no indicators → a
// placeholder that says what to do, gone after Analyze.
#include <QComboBox>
#include <QFontMetricsF>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <set>

#include "AppTestSupport.h"
#include "app/analysis/AnalysisWorkspace.h"
#include "app/customers/CustomerTableDock.h"
#include "app/dashboard/ChildrenBars.h"
#include "app/dashboard/ChildrenModel.h"
#include "app/dashboard/DashboardSession.h"
#include "app/dashboard/HierarchyDashboardDock.h"
#include "app/dashboard/KpiTile.h"
#include "app/dashboard/KpiTrendChart.h"
#include "app/dashboard/TargetDialog.h"
#include "app/matrices/MatrixSession.h"
#include "app/portfolio/PortfolioDock.h"
#include "app/window/MainWindow.h"
#include "app/workbook/WorkbookDocument.h"
#include "engine/Analysis.h"
#include "engine/load/KpiValues.h"
#include "store/CustomerQuery.h"
#include "store/Kpi.h"

#include <QSettings>

using namespace cw;
using namespace cw::app;
namespace kpi = cw::engine::kpi;

namespace {

class HierarchyDashboardTest : public ::testing::Test {
protected:
    void SetUp() override {
        QSettings().clear();
        path = dir.file("dash.cwb");
        test::makeDemoWorkbook(path, 400);
        auto wb = store::Workbook::open(path);
        ASSERT_TRUE(wb.ok());
        auto r = engine::runAnalysis(*wb);
        ASSERT_TRUE(r.ok()) << r.error().describe();
        auto tree = engine::loadManagerTree(wb->db());
        ASSERT_TRUE(tree.ok());
        // A region: the node below the head with the most children; a leaf: a manager without
        // children, with customers.
        std::size_t most = 0;
        for (std::size_t n = 0; n < tree->managers.size(); ++n) {
            const auto& h = tree->hierarchy;
            if (h.depth(n) == 1 && h.children(n).size() > most) {
                most = h.children(n).size();
                region = tree->managers[n].id;
            }
            if (!leaf && h.depth(n) >= 2 && h.children(n).empty() && tree->managers[n].customers > 0)
                leaf = tree->managers[n].id;
        }
        ASSERT_NE(region, 0);
        ASSERT_NE(leaf, 0);
        this->tree = std::move(*tree);
    }
    void TearDown() override { QSettings().clear(); }

    HierarchyDashboardDock* open(MainWindow& w) {
        w.resize(1366, 768);
        w.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&w));
        w.openWorkbook(QString::fromStdString(path));
        auto* dock = w.dashboardDock();
        EXPECT_TRUE(test::waitFor([&] {
            return w.analysis()->session()->isLoaded() && dock->session()->isReady() && !w.isBusy();
        }));
        dock->show();
        dock->raise();
        QTest::qWait(20);
        return dock;
    }

    // What is stored for a node, read on a connection of our own.
    kpi::KpiSeries storedSeries(std::int64_t node, kpi::PeriodKind kind = kpi::PeriodKind::Month) {
        auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
        EXPECT_TRUE(wb.ok());
        auto s = engine::loadKpiSeries(wb->db(), node, 0, kind);
        EXPECT_TRUE(s.ok());
        EXPECT_TRUE(engine::addPlanIndicators(wb->db(), tree, node, engine::todayDay(), *s).ok());
        return *s;
    }

    static void expectSame(const std::optional<double>& a, const std::optional<double>& b, const std::string& what) {
        ASSERT_EQ(a.has_value(), b.has_value()) << what;
        if (a) {
            EXPECT_NEAR(*a, *b, 1e-9 * std::max(1.0, std::abs(*b))) << what;
        }
    }

    void expectTilesShowStored(HierarchyDashboardDock* dock, std::int64_t node) {
        const auto s = storedSeries(node);
        ASSERT_FALSE(s.periods.empty());
        const std::size_t last = s.periods.size() - 1;
        ASSERT_EQ(dock->session()->period()->start, s.periods[last].start) << "the latest period by default";
        for (const auto& ind : kpi::indicators()) {
            const auto want = s.figure(ind.id, last);
            const auto* tile = dock->tile(ind.id);
            const auto& got = tile->content().figure;
            const std::string what = "node " + std::to_string(node) + ", " + std::string(ind.key);
            expectSame(got.value, want.value, what);
            expectSame(got.previous, want.previous, what + " previous");
            expectSame(got.yearBefore, want.yearBefore, what + " year before");
            EXPECT_EQ(tile->valueText().toStdString(), kpi::formatValue(ind.id, want.value, "currency")) << what;
        }
    }

    test::TempDir dir;
    std::string path;
    engine::ManagerTree tree;
    std::int64_t region = 0, leaf = 0;
};

TEST_F(HierarchyDashboardTest, TilesShowTheStoredValuesOfCompanyRegionAndLeaf) {
    MainWindow w;
    auto* dock = open(w);
    ASSERT_EQ(dock->objectName(), "HierarchyDashboardDock");
    EXPECT_EQ(dock->windowTitle(), "Dashboard");
    EXPECT_FALSE(dock->showsPlaceholder());
    // The tree: the company at the root with every customer, every manager below it.
    auto* treeModel = dock->treeView()->model();
    ASSERT_EQ(treeModel->rowCount(), 1);
    EXPECT_EQ(treeModel->index(0, 0).data().toString(), "Company");
    EXPECT_EQ(treeModel->index(0, 1).data().toString(), "400");

    for (std::int64_t node : {std::int64_t{0}, region, leaf}) {
        ASSERT_TRUE(dock->selectNode(node));
        QTest::qWait(1);
        EXPECT_EQ(dock->session()->node(), node);
        expectTilesShowStored(dock, node);
        // The tree follows.
        const QModelIndex current = dock->treeView()->currentIndex();
        EXPECT_EQ(current.data(Qt::UserRole + 1).toLongLong(), node);
    }

    // Selecting in the tree (a user's click) selects the node.
    dock->selectNode(0);
    auto* view = dock->treeView();
    view->expandAll();
    QModelIndex found;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int r = 0; r < view->model()->rowCount(parent); ++r) {
            const auto idx = view->model()->index(r, 0, parent);
            if (idx.data(Qt::UserRole + 1).toLongLong() == region) found = idx;
            walk(idx);
        }
    };
    walk({});
    ASSERT_TRUE(found.isValid());
    view->scrollTo(found);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(found).center());
    EXPECT_EQ(dock->session()->node(), region);

    // The filter finds a manager from a list: type the leaf's code, Enter opens it.
    const auto code = QString::fromStdString(tree.managers[*tree.hierarchy.node(leaf)].code);
    dock->filterEdit()->setText(code);
    QTest::keyClick(dock->filterEdit(), Qt::Key_Return);
    EXPECT_EQ(dock->session()->node(), leaf);

    // Another period kind: the quarter's tiles are the stored quarter.
    dock->periodKindBox()->setCurrentIndex(dock->periodKindBox()->findData(int(kpi::PeriodKind::Quarter)));
    const auto q = storedSeries(leaf, kpi::PeriodKind::Quarter);
    expectSame(dock->tile(kpi::IndicatorId::Revenue)->content().figure.value,
               q.figure(kpi::IndicatorId::Revenue, q.periods.size() - 1).value, "quarter revenue");
    // The trend covers the range, one point per period with a value.
    const auto values = dock->trendChart()->valuePoints();
    EXPECT_EQ(values.size(), qsizetype(q.periods.size()));
}

TEST_F(HierarchyDashboardTest, ChildrenTableListsTheChildrenRankedInTheGoodDirection) {
    MainWindow w;
    auto* dock = open(w);
    ASSERT_TRUE(dock->selectNode(region));
    std::set<std::int64_t> want;
    for (auto c : tree.hierarchy.children(*tree.hierarchy.node(region))) want.insert(tree.hierarchy.id(c));
    ASSERT_GE(want.size(), 2u);

    auto check = [&](kpi::IndicatorId id) {
        dock->session()->setIndicator(id);
        auto* model = dock->childrenModel();
        std::set<std::int64_t> listed;
        std::vector<std::optional<double>> values;
        const auto latest = dock->session()->period()->start;
        for (int r = 0; r < model->rowCount(); ++r) {
            const auto child = model->nodeIdAt(r);
            listed.insert(child);
            // Each child's value is its own stored value.
            const auto s = storedSeries(child);
            const auto k = s.indexOf(latest);
            values.push_back(k ? s.figure(id, *k).value : std::nullopt);
            EXPECT_EQ(model->index(r, ChildrenModel::ValueColumn).data().toString().toStdString(),
                      kpi::formatValue(id, values.back(), "currency"));
        }
        EXPECT_EQ(listed, want) << "exactly the node's children";
        EXPECT_EQ(dock->childrenBars()->barCount(), int(want.size()));
        const bool up = kpi::indicator(id).good == kpi::Direction::Up;
        for (std::size_t i = 1; i < values.size(); ++i) {
            if (!values[i]) continue;  // no value last
            ASSERT_TRUE(values[i - 1].has_value()) << "a child without a value before one with";
            if (up) EXPECT_GE(*values[i - 1], *values[i]) << "row " << i;
            else EXPECT_LE(*values[i - 1], *values[i]) << "row " << i;
        }
    };
    check(kpi::IndicatorId::Revenue);  // good up: the largest first
    check(kpi::IndicatorId::Exits);    // good down: the fewest first

    // Double-clicking a child opens it.
    auto* table = dock->childrenView();
    const auto first = dock->childrenModel()->nodeIdAt(0);
    const QRect cell = table->visualRect(dock->childrenModel()->index(0, ChildrenModel::NodeColumn));
    ASSERT_TRUE(table->isVisible());
    // A double-click is a click, then the second press.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    EXPECT_EQ(dock->session()->node(), first);

    // So does double-clicking a child's bar (the second one: the hit row is the painted row).
    ASSERT_TRUE(dock->selectNode(region));
    auto* bars = dock->childrenBars();
    const auto second = dock->childrenModel()->nodeIdAt(1);
    const auto& painter = bars->painter();
    const QFontMetricsF fm(bars->font(), bars);
    const double y = painter.margin(fm) + 1.5 * painter.effectiveRowHeight(fm);
    QTest::mouseDClick(bars, Qt::LeftButton, {}, QPoint(bars->width() / 2, int(y)));
    EXPECT_EQ(dock->session()->node(), second);
}

TEST_F(HierarchyDashboardTest, TargetSetThroughTheDialogIsStoredAndUndoRemovesIt) {
    MainWindow w;
    auto* dock = open(w);
    ASSERT_TRUE(dock->selectNode(leaf));
    const auto id = kpi::IndicatorId::Margin;
    const auto start = dock->session()->period()->start;
    const double value = dock->tile(id)->content().figure.value.value_or(0);
    const double target = std::round(value) + 1000;  // above the value: missed (margin is good up)

    auto stored = [&]() -> std::optional<double> {
        auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
        EXPECT_TRUE(wb.ok());
        for (const auto& t : store::readTargets(wb->db(), leaf))
            if (t.indicator == "margin" && t.period == "month" && t.startDay == start) return t.target;
        return std::nullopt;
    };
    // The dialog's code path: the tile's "Set target…" opens it; type the value, OK.
    bool answered = false;
    QTimer::singleShot(50, [&] {
        auto* dialog = qobject_cast<TargetDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        dialog->setTargetValue(target);
        answered = true;
        dialog->accept();
    });
    dock->editTarget(id);
    ASSERT_TRUE(answered);
    auto* undo = w.document()->undoStack();
    ASSERT_EQ(undo->count(), 1);
    ASSERT_TRUE(stored().has_value());
    EXPECT_DOUBLE_EQ(*stored(), target);
    EXPECT_EQ(dock->tile(id)->content().figure.status, kpi::TargetStatus::Missed);
    EXPECT_TRUE(dock->tile(id)->statusText().contains("missed"));
    // The trend shows it: a lone target is a marker.
    ASSERT_TRUE(dock->session()->indicator() == id);
    EXPECT_EQ(dock->trendChart()->targetCount(), 1);
    EXPECT_EQ(dock->trendChart()->targetMarkerCount(), 1);

    undo->undo();
    EXPECT_FALSE(stored().has_value()) << "undo removes it";
    EXPECT_EQ(dock->tile(id)->content().figure.status, kpi::TargetStatus::NoTarget);
    undo->redo();
    ASSERT_TRUE(stored().has_value());
    EXPECT_DOUBLE_EQ(*stored(), target);

    // Replacing it: undo puts the previous target back.
    ASSERT_TRUE(dock->session()->setTarget(id, target - 5000, &w).ok());
    EXPECT_DOUBLE_EQ(*stored(), target - 5000);
    EXPECT_EQ(dock->tile(id)->content().figure.status, kpi::TargetStatus::Met);
    undo->undo();
    EXPECT_DOUBLE_EQ(*stored(), target);
}

TEST_F(HierarchyDashboardTest, ShowCustomersSelectsTheNodesCustomersWithTheFlag) {
    MainWindow w;
    auto* dock = open(w);
    ASSERT_TRUE(dock->selectNode(region));
    const auto period = *dock->session()->period();

    // Our own read: the region's customers (every manager below it) with the stored flag.
    auto expected = [&](store::CustomerQuery::Flag flag, auto keep) {
        auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
        EXPECT_TRUE(wb.ok());
        store::CustomerQuery q;
        q.managerSubtree = region;
        q.flag = flag;
        q.metrics = {"first_day", "exit_day"};
        auto rows = store::readCustomers(wb->db(), q);
        EXPECT_TRUE(rows.ok());
        QSet<qint64> ids;
        while (rows->next())
            if (keep(rows->metric(0), rows->metric(1))) ids.insert(rows->id());
        return ids;
    };
    auto shown = [&](kpi::IndicatorId id) {
        int count = -1;
        auto c = QObject::connect(dock, &HierarchyDashboardDock::customersShown, [&](int n) { count = n; });
        EXPECT_TRUE(dock->showCustomers(id));
        EXPECT_TRUE(test::waitFor([&] { return count >= 0; }));
        QObject::disconnect(c);
        return w.analysis()->session()->selection();
    };
    using Flag = store::CustomerQuery::Flag;
    const double start = period.start, end = period.end;
    const auto exits = shown(kpi::IndicatorId::Exits);
    EXPECT_EQ(exits, expected(Flag::Exited, [&](auto, auto exit) { return exit && *exit >= start && *exit <= end; }));
    EXPECT_EQ(double(exits.size()), dock->tile(kpi::IndicatorId::Exits)->content().figure.value.value_or(-1))
        << "as many as the tile counts";
    EXPECT_TRUE(w.analysis()->tableDock()->isVisible());

    const auto anorexic = shown(kpi::IndicatorId::Anorexic);
    EXPECT_EQ(anorexic, expected(Flag::Anorexic, [](auto, auto) { return true; }));
    EXPECT_EQ(double(anorexic.size()), dock->tile(kpi::IndicatorId::Anorexic)->content().figure.value.value_or(-1));

    const auto base = shown(kpi::IndicatorId::Customers);
    EXPECT_EQ(base, expected(Flag::Any, [&](auto first, auto exit) { return first && *first <= end && (!exit || *exit > end); }));
    EXPECT_EQ(double(base.size()), dock->tile(kpi::IndicatorId::Customers)->content().figure.value.value_or(-1));

    EXPECT_FALSE(dock->showCustomers(kpi::IndicatorId::Revenue)) << "not a count of customers";
}

TEST_F(HierarchyDashboardTest, PortfolioOpensTheSelectedManagersPortfolio) {
    MainWindow w;
    auto* dock = open(w);
    auto* button = dock->findChild<QPushButton*>(QStringLiteral("portfolioForNode"));
    ASSERT_NE(button, nullptr);
    ASSERT_TRUE(dock->selectNode(std::int64_t{0}));
    EXPECT_FALSE(button->isEnabled()) << "the company has no portfolio of its own";
    ASSERT_TRUE(dock->selectNode(leaf));
    ASSERT_TRUE(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    const auto code = QString::fromStdString(tree.managers[*tree.hierarchy.node(leaf)].code);
    EXPECT_EQ(w.portfolioDock()->managerCode(), code);
}

TEST_F(HierarchyDashboardTest, MatricesForThisNodeFilterTheManagersBelowIt) {
    MainWindow w;
    auto* dock = open(w);
    ASSERT_TRUE(dock->selectNode(region));
    QTest::mouseClick(dock->matricesButton(), Qt::LeftButton);
    std::set<std::string> want, got;
    for (auto n : tree.hierarchy.subtree(*tree.hierarchy.node(region)))
        if (tree.managers[n].customers > 0) want.insert(tree.managers[n].code);
    for (const auto& f : w.analysis()->session()->filters()) {
        EXPECT_EQ(f.field, engine::GroupField::Manager);
        got.insert(f.value);
    }
    EXPECT_EQ(got, want);
    const auto& m = w.analysis()->session()->matrix(engine::MatrixKind::ProfitabilityLoyalty);
    ASSERT_TRUE(m.result.has_value());
    EXPECT_TRUE(m.result->warnings.empty());
    // The company clears the manager filter.
    ASSERT_TRUE(dock->selectNode(0));
    QTest::mouseClick(dock->matricesButton(), Qt::LeftButton);
    EXPECT_TRUE(w.analysis()->session()->filters().empty());
}

TEST_F(HierarchyDashboardTest, WithoutIndicatorsSaysWhatToDoAndFillsAfterAnalyze) {
    const std::string raw = dir.file("raw.cwb");
    test::makeDemoWorkbook(raw, 200);
    path = raw;
    MainWindow w;
    w.show();
    w.openWorkbook(QString::fromStdString(path));
    auto* dock = w.dashboardDock();
    ASSERT_TRUE(test::waitFor([&] { return w.document()->isOpen() && !w.isBusy() && !dock->session()->isLoading(); }));
    EXPECT_TRUE(dock->showsPlaceholder());
    EXPECT_TRUE(dock->placeholderText().contains("Analysis ▸ Analyze")) << dock->placeholderText().toStdString();

    bool analysed = false;
    QObject::connect(w.analysis(), &AnalysisWorkspace::analysed, [&] { analysed = true; });
    w.analysis()->analyze();
    ASSERT_TRUE(test::waitFor([&] { return analysed && !w.isBusy() && dock->session()->isReady(); }, 60000));
    EXPECT_FALSE(dock->showsPlaceholder());
    EXPECT_NE(dock->tile(kpi::IndicatorId::Customers)->valueText(), "—");
}

}  // namespace
