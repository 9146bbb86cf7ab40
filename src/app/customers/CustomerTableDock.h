#pragma once
// The Customers dock: every customer with its fields and metrics in a sortable, filterable table,
// its selection linked to the matrices. The caller loads the data (CustomerTableJob) and hands it
// over; the dock never reads the workbook itself.
#include <QDockWidget>
#include <QSet>

#include <memory>

#include "app/customers/CustomerData.h"
#include "app/customers/CustomerTableJob.h"  // the job that loads what setData() takes

class QAction;
class QItemSelection;
class QLabel;
class QLineEdit;
class QCheckBox;
class QSortFilterProxyModel;
class QTableView;

namespace cw::app {

class CustomerTableModel;

class CustomerTableDock : public QDockWidget {
    Q_OBJECT

public:
    explicit CustomerTableDock(QWidget* parent = nullptr);

    /// Shows `data` (nullptr: empty). The selection is kept for the ids still present.
    void setData(std::shared_ptr<const CustomerTableData> data);
    /// Selects the rows of `ids` that pass the filter and scrolls to the first of them (in view
    /// order); the first becomes the current row. Emits no selectionChangedByUser.
    void setSelectedIds(const QSet<qint64>& ids);
    QSet<qint64> selectedIds() const;
    /// Rows passing the filter.
    int visibleRowCount() const;

    QString filterText() const;
    void setFilterText(const QString& text);
    /// Puts the selected rows (all visible rows when none is selected) on the clipboard as CSV,
    /// in view order.
    void copyAsCsv();

    CustomerTableModel* model() const { return m_model; }
    QSortFilterProxyModel* proxyModel() const { return m_proxy; }
    QTableView* tableView() const { return m_view; }
    QAction* copyAction() const { return m_copy; }

signals:
    void selectionChangedByUser(const QSet<qint64>& ids);  // not emitted for setSelectedIds
    /// The current row's customer changed (0: none), by the user or by setSelectedIds.
    void currentCustomerChanged(qint64 id);

private:
    void onSelectionChanged();
    void onCurrentChanged(const QModelIndex& current);
    void updateRowCount();
    QList<int> selectedSourceRows() const;

    CustomerTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filter;
    QLabel* m_rowCount;
    QCheckBox* m_selectedOnly;
    QAction* m_copy;
    qint64 m_currentId = 0;
    bool m_settingSelection = false;
};

}  // namespace cw::app
