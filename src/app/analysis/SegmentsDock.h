#pragma once
// The segmentations stored in the workbook (rules grid, goodness score, k-means, saved
// selections): which one is active — its labels are the "segment" of the matrices' breakdowns,
// filters and lists — and, for the one chosen, its segments with their customers. Activate,
// rename and delete are undoable edits on the document's undo stack; after each the matrices
// are read again so the breakdown shows the change.
#include <QDockWidget>
#include <QString>

#include <vector>

#include "core/Result.h"
#include "engine/Segmentation.h"

class QLabel;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTreeView;

namespace cw::app {

class MatrixSession;
class WorkbookDocument;

class SegmentsDock : public QDockWidget {
    Q_OBJECT

public:
    SegmentsDock(WorkbookDocument* document, MatrixSession* session, QWidget* parent = nullptr);

    /// Makes `name` the active segmentation; an empty name goes back to the customers' own
    /// segment column. Undoable. Errors: no workbook, no such segmentation, a write refused.
    Status activate(const QString& name);
    /// Gives a segmentation another name (the active one stays active). Undoable. Errors: the
    /// name is empty or taken, or the write is refused; nothing changes then.
    Status rename(const QString& from, const QString& to);
    /// Deletes a segmentation (no question asked: the button asks first). Undoable: undo puts
    /// it back exactly, active again if it was.
    Status remove(const QString& name);

    /// Re-reads the list from the workbook (after opening, analysing, any undo step).
    void reload();

    /// For tests and the window: the list (one row per segmentation, name in column 0), the
    /// segments of the chosen one, which one is chosen, and the text shown instead of them.
    QStandardItemModel* segmentationsModel() const { return m_segmentations; }
    QStandardItemModel* segmentsModel() const { return m_segments; }
    QString currentName() const;
    void setCurrentName(const QString& name);
    QString activeName() const { return m_active; }
    /// The message shown instead of the list (no workbook, no segmentation), or empty.
    QString emptyMessage() const;

    enum Column { NameColumn, MethodColumn, SegmentsColumn, CustomersColumn, UpdatedColumn };

private:
    void showSegments();
    void updateButtons();
    void activateChosen();
    void renameChosen();
    void deleteChosen();
    void warn(const QString& title, const Status& st);

    WorkbookDocument* m_document;
    MatrixSession* m_session;
    QStandardItemModel* m_segmentations;
    QStandardItemModel* m_segments;
    QStackedWidget* m_pages;
    QLabel* m_empty;
    QLabel* m_activeLine;
    QTreeView* m_list;
    QTreeView* m_segmentsView;
    QPushButton* m_activate;
    QPushButton* m_rename;
    QPushButton* m_delete;
    std::vector<engine::SegmentationOutcome> m_all;  ///< as listed, one per row
    QString m_active;  ///< name of the active segmentation, empty: the customers' own column
};

}  // namespace cw::app
