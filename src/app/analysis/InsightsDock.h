#pragma once
// The insights pinned in the workbook (Analysis › Pin selection as insight…): what each says,
// its note, how many customers, the matrix it came from and when. Double-click (or "Select
// customers") selects its customers again in the matrices and the table; Delete is an undoable
// edit (undo puts the same insight back, under its id).
#include <QDockWidget>
#include <QString>

#include <vector>

#include "core/Result.h"
#include "store/Insights.h"

class QLabel;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTreeView;

namespace cw::app {

class MatrixSession;
class WorkbookDocument;

class InsightsDock : public QDockWidget {
    Q_OBJECT

public:
    InsightsDock(WorkbookDocument* document, MatrixSession* session, QWidget* parent = nullptr);

    /// Re-reads the insights (after opening, any undo step).
    void reload();
    /// Selects the insight's customers in the matrices (the session's linked selection).
    /// Usage error for an id that is not listed.
    Status selectCustomers(qint64 id);
    /// Deletes an insight; undoable.
    Status remove(qint64 id);

    /// For tests: one row per insight (id in column 0's Qt::UserRole), the chosen one, and the
    /// text shown instead of the list (empty while the list shows).
    QStandardItemModel* model() const { return m_model; }
    qint64 currentId() const;
    void setCurrentId(qint64 id);
    QString emptyMessage() const;

    enum Column { TitleColumn, CustomersColumn, DateColumn, SourceColumn, NoteColumn };

private:
    const store::Insight* find(qint64 id) const;
    void showCurrent();
    void warn(const QString& title, const Status& st);

    WorkbookDocument* m_document;
    MatrixSession* m_session;
    QStandardItemModel* m_model;
    QStackedWidget* m_pages;
    QLabel* m_empty;
    QTreeView* m_list;
    QLabel* m_note;
    QPushButton* m_select;
    QPushButton* m_delete;
    std::vector<store::Insight> m_insights;  ///< as listed, one per row
};

}  // namespace cw::app
