// Responsiveness of the hierarchy dashboard (issue 11) on a real workbook: the dock shown at
// 1366×768, the time from selecting a node until the dock has been repainted (read the node's
// series and its children's figures, refresh the tiles, the trend and the children, grab()).
// Nodes are taken in turn: the company, then managers spread over the hierarchy (regions and
// leaves alike). Target: <= 100 ms per switch (1M customers / 2,009 managers).
//   bench-dashboard-bin WORKBOOK [switches]   (QT_QPA_PLATFORM=offscreen)
#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "app/analysis/AnalysisWorkspace.h"
#include "app/dashboard/DashboardSession.h"
#include "app/dashboard/HierarchyDashboardDock.h"
#include "app/workbook/WorkbookDocument.h"

using namespace cw;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s WORKBOOK [switches]\n", argv[0]);
        return 1;
    }
    const int switches = argc > 2 ? std::max(3, std::atoi(argv[2])) : 41;
    QMainWindow window;
    auto* document = new app::WorkbookDocument(&window);
    auto* workspace = new app::AnalysisWorkspace(&window, document);
    auto* dock = new app::HierarchyDashboardDock(document, workspace, &window);
    window.addDockWidget(Qt::TopDockWidgetArea, dock);
    window.resize(1366, 768);
    window.show();
    QElapsedTimer open;
    open.start();
    if (auto st = document->open(QString::fromLocal8Bit(argv[1])); !st) {
        std::fprintf(stderr, "%s\n", st.error().describe().c_str());
        return 3;
    }
    auto* session = dock->session();
    while ((session->isLoading() || !session->isReady()) && open.elapsed() < 120000) {
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (!session->isLoading() && !session->isReady()) break;
    }
    if (!session->isReady()) {
        std::fprintf(stderr, "no indicators: %s\n", session->unavailableReason().toLocal8Bit().constData());
        return 3;
    }
    const double loadMs = double(open.nsecsElapsed()) / 1e6;
    // The window's other readers (matrices, customer table) finish first: the switches are timed alone.
    while (workspace->isBusy() && open.elapsed() < 300000) QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QApplication::processEvents();
    // The company, then managers spread evenly over the pre-order (regions, leaves, any depth).
    const auto& tree = session->tree();
    std::vector<std::int64_t> nodes{0};
    const auto& order = tree.hierarchy.preorder();
    const int spread = std::min<int>(switches - 1, int(order.size()));
    for (int i = 0; i < spread; ++i)
        nodes.push_back(tree.hierarchy.id(order[std::size_t(i) * order.size() / std::size_t(std::max(1, spread))]));
    QApplication::processEvents();
    std::vector<double> ms;
    std::size_t maxChildren = 0;
    for (int i = 0; i < switches; ++i) {
        const auto node = nodes[std::size_t(i) % nodes.size()];
        QElapsedTimer timer;
        timer.start();
        dock->selectNode(node);
        const double tSelect = double(timer.nsecsElapsed()) / 1e6;
        QApplication::processEvents();
        const double tEvents = double(timer.nsecsElapsed()) / 1e6;
        (void)dock->grab();  // every widget of the dock painted
        if (qEnvironmentVariableIsSet("CW_BENCH_VERBOSE"))
            std::printf("  node %lld: select %.1f, events %.1f, grab %.1f ms\n", static_cast<long long>(node), tSelect,
                        tEvents - tSelect, double(timer.nsecsElapsed()) / 1e6 - tEvents);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        maxChildren = std::max(maxChildren, session->children().size());
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    std::printf("dashboard node switch -> series and children read, tiles, trend and children refreshed, dock grabbed\n");
    std::printf("  %lld customers, %zu managers (up to %zu children shown), tree and periods read in %.0f ms\n",
                static_cast<long long>(session->customersOf(0)), tree.managers.size(), maxChildren, loadMs);
    std::printf("  median %.1f ms, max %.1f ms over %d switches between %zu nodes (target <= 100 ms)\n",
                sorted[sorted.size() / 2], sorted.back(), switches, nodes.size());
    return 0;
}
