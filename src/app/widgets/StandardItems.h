#pragma once
// Pieces the docks that list workbook records in a QStandardItemModel share (segmentations,
// insights), so counts, dates and the list's behaviour read the same in each.
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>

class QAbstractItemModel;
class QHBoxLayout;
class QLabel;
class QObject;
class QPushButton;
class QStandardItem;
class QStandardItemModel;
class QTableView;
class QTreeView;

namespace cw::app {

/// A read-only list of rows: one row selected at a time, every column as wide as its contents
/// but `stretchColumn`, which takes the room left.
QTreeView* makeRecordList(QStandardItemModel* model, int stretchColumn = 0);
/// A table of a model's rows (the data sources, the audit's findings and completeness): whole
/// rows selected, alternating rows, no grid, no row numbers, the last column stretched.
QTableView* makeRowTable(QAbstractItemModel* model);
/// A count right-aligned in the locale's format, the number itself in Qt::UserRole.
QStandardItem* countItem(std::int64_t n);
/// A time as the store writes it ("2026-12-02 10:13:01", UTC) as the locale's short date, the
/// whole of it in the tooltip.
QStandardItem* storedDateItem(const std::string& stored);
/// The label shown instead of an empty list: rich text, wrapped, at the top.
QLabel* makeEmptyNote();
/// The buttons under a list, left-aligned.
QHBoxLayout* makeButtonRow(std::initializer_list<QPushButton*> buttons);

class WorkbookDocument;
/// Calls `reload` (a method of `receiver`) whenever what the workbook holds may have changed:
/// opened, closed, written by a job, or any step of the undo stack (an edit, an undo, a redo).
void reloadOnWorkbookChanges(WorkbookDocument* document, QObject* receiver, std::function<void()> reload);

}  // namespace cw::app
