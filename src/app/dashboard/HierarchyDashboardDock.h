#pragma once
// The hierarchy dashboard (issue 11): the managers' tree with each node's customers and a filter
// to find a manager, a shared period selector (kind, period, the trend's range), a tile per
// indicator (value, changes, sparkline, target status), the selected indicator's trend with its
// target, and the node's children ranked side by side (table and bars). Traceability: a tile's
// customers become the linked selection shown in the customer table; "Matrices for this node"
// filters the matrices to the node's managers. Targets are set from a tile, undoably. Shows what
// to do when the workbook has no indicators. State and reads live in DashboardSession.
#include <QDockWidget>
#include <QHash>

#include <map>
#include <optional>

#include "engine/kpi/Indicators.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSplitter;
class QSortFilterProxyModel;
class QStackedWidget;
class QStandardItem;
class QStandardItemModel;
class QTableView;
class QTreeView;

namespace cw::app {

class AnalysisWorkspace;
class ChildrenBars;
class ChildrenModel;
class DashboardCustomersJob;
class DashboardSession;
class KpiTile;
class KpiTrendChart;
class WorkbookDocument;

class HierarchyDashboardDock : public QDockWidget {
    Q_OBJECT

public:
    HierarchyDashboardDock(WorkbookDocument* document, AnalysisWorkspace* workspace, QWidget* parent = nullptr);
    ~HierarchyDashboardDock() override;

    DashboardSession* session() const { return m_session; }
    /// Selects a node (0: the company) in the tree and shows it; false for an unknown node.
    bool selectNode(std::int64_t nodeId);
    /// "company" or a manager's code.
    bool selectNode(const QString& codeOrCompany);
    /// Selects a node once the dashboard has loaded (the command line's --dashboard).
    void selectWhenLoaded(const QString& codeOrCompany);

    KpiTile* tile(engine::kpi::IndicatorId id) const { return m_tiles.at(id); }
    QTreeView* treeView() const { return m_tree; }
    QLineEdit* filterEdit() const { return m_filter; }
    QTableView* childrenView() const { return m_childrenView; }
    ChildrenModel* childrenModel() const { return m_childrenModel; }
    ChildrenBars* childrenBars() const { return m_bars; }
    KpiTrendChart* trendChart() const { return m_trend; }
    QComboBox* periodKindBox() const { return m_kind; }
    QComboBox* periodBox() const { return m_period; }
    QPushButton* matricesButton() const { return m_matrices; }
    bool showsPlaceholder() const;
    QString placeholderText() const;

    /// Traceability: selects the node's customers that the indicator counts in the period (on a
    /// worker) in the linked selection and raises the customer table. False when the indicator
    /// does not count customers.
    bool showCustomers(engine::kpi::IndicatorId id);
    bool isBusy() const;
    /// "Set target…": asks for the value (TargetDialog) and stores it, undoably.
    void editTarget(engine::kpi::IndicatorId id);
    /// Filters the matrix docks to the customers of the node's managers (every manager below it
    /// too); the company clears the manager filter.
    void showMatricesForNode();

signals:
    /// The customers behind a tile became the selection (count of them).
    void customersShown(int count);
    /// "Portfolio" for the selected manager (its code): the window opens the Portfolio dock on it.
    void portfolioRequested(const QString& managerCode);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildTreePanel();
    QWidget* buildControls();
    QWidget* buildTiles();
    QWidget* buildBottom();
    void rebuildTree();
    void syncPeriodControls();
    void showFigures();
    void showIndicator();
    void onTreeSelection();
    void tileMenu(engine::kpi::IndicatorId id, const QPoint& globalPos);
    void setStatus(const QString& text);

    WorkbookDocument* m_document;
    AnalysisWorkspace* m_workspace;
    DashboardSession* m_session;
    DashboardCustomersJob* m_customersJob;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_placeholder = nullptr;
    QLineEdit* m_filter = nullptr;
    QTreeView* m_tree = nullptr;
    QStandardItemModel* m_treeModel = nullptr;
    QSortFilterProxyModel* m_treeProxy = nullptr;
    QHash<qint64, QStandardItem*> m_items;
    QLabel* m_title = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_period = nullptr;
    QComboBox* m_from = nullptr;
    QComboBox* m_to = nullptr;
    QPushButton* m_matrices = nullptr;
    QPushButton* m_portfolio = nullptr;  ///< enabled for a manager, not for the company
    QLabel* m_status = nullptr;
    std::map<engine::kpi::IndicatorId, KpiTile*> m_tiles;
    KpiTrendChart* m_trend = nullptr;
    QLabel* m_childrenTitle = nullptr;
    ChildrenModel* m_childrenModel = nullptr;
    QTableView* m_childrenView = nullptr;
    ChildrenBars* m_bars = nullptr;
    std::optional<QString> m_pendingNode;
    bool m_syncing = false;
    QSplitter* m_split = nullptr;  ///< tiles above, trend and children below
    bool m_splitMoved = false;  ///< by the user: the sizes are theirs from then on
};

}  // namespace cw::app
