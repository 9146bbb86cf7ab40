#include "app/widgets/StandardItems.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItem>
#include <QStandardItemModel>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>

#include "app/widgets/Format.h"
#include "app/workbook/WorkbookDocument.h"

namespace cw::app {

QTableView* makeRowTable(QAbstractItemModel* model) {
    auto* view = new QTableView;
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QTreeView* makeRecordList(QStandardItemModel* model, int stretchColumn) {
    auto* view = new QTreeView;
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->header()->setStretchLastSection(false);
    // The header has no sections until the model has columns (a cleared model has none).
    QObject::connect(view->header(), &QHeaderView::sectionCountChanged, view, [view, stretchColumn](int, int count) {
        if (count > stretchColumn) view->header()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    });
    return view;
}

QStandardItem* countItem(std::int64_t n) {
    auto* item = new QStandardItem(formatCount(n));
    item->setData(QVariant::fromValue<qlonglong>(n), Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QStandardItem* storedDateItem(const std::string& stored) {
    auto* item = new QStandardItem(formatIsoDate(stored.substr(0, 10)));
    item->setToolTip(QCoreApplication::translate("StandardItems", "%1 UTC").arg(toQString(stored)));
    return item;
}

QLabel* makeEmptyNote() {
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setTextFormat(Qt::RichText);
    label->setMargin(8);
    return label;
}

QHBoxLayout* makeButtonRow(std::initializer_list<QPushButton*> buttons) {
    auto* row = new QHBoxLayout;
    for (auto* b : buttons) row->addWidget(b);
    row->addStretch(1);
    return row;
}

void reloadOnWorkbookChanges(WorkbookDocument* document, QObject* receiver, std::function<void()> reload) {
    QUndoStack* stack = document->undoStack();
    QObject::connect(stack, &QUndoStack::indexChanged, receiver, [reload] { reload(); });
    // The undo stack outlives the document's workbook while the document is destroyed (and is
    // cleared then): stop listening before.
    QObject::connect(document, &QObject::destroyed, receiver,
                     [stack, receiver] { QObject::disconnect(stack, nullptr, receiver, nullptr); });
    QObject::connect(document, &WorkbookDocument::workbookOpened, receiver, [reload] { reload(); });
    for (auto signal : {&WorkbookDocument::workbookClosed, &WorkbookDocument::dataChanged})
        QObject::connect(document, signal, receiver, [reload] { reload(); });
}

}  // namespace cw::app
