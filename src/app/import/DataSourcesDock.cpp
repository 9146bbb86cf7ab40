#include "app/import/DataSourcesDock.h"

#include <QAction>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "app/widgets/Format.h"
#include "app/import/ImportsModel.h"
#include "app/workbook/TableCountsModel.h"
#include "app/widgets/StandardItems.h"
#include "app/workbook/WorkbookDocument.h"
#include "store/Importer.h"
#include "store/Workbook.h"

namespace cw::app {
namespace {

// The data sources' tables size every column to its contents.
QTableView* makeTable(QAbstractItemModel* model) {
    auto* view = makeRowTable(model);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

}  // namespace

DataSourcesDock::DataSourcesDock(WorkbookDocument* document, QWidget* parent)
    : QDockWidget(tr("Data sources"), parent),
      m_document(document),
      m_imports(new ImportsModel(this)),
      m_counts(new TableCountsModel(this)),
      m_importsView(makeTable(m_imports)),
      m_caption(new QLabel),
      m_splitter(new QSplitter(Qt::Vertical)) {
    setObjectName(QStringLiteral("DataSourcesDock"));
    // Reasons can be long: they get what is left and the tooltip has the rest.
    m_importsView->horizontalHeader()->setSectionResizeMode(ImportsModel::ReasonsColumn,
                                                            QHeaderView::Interactive);
    m_importsView->horizontalHeader()->resizeSection(ImportsModel::ReasonsColumn, 160);
    auto* countsView = makeTable(m_counts);
    countsView->horizontalHeader()->setSectionResizeMode(TableCountsModel::TableColumn,
                                                         QHeaderView::Stretch);
    countsView->horizontalHeader()->setStretchLastSection(false);

    auto* importsBox = new QWidget;
    auto* importsLayout = new QVBoxLayout(importsBox);
    importsLayout->setContentsMargins(0, 0, 0, 0);
    importsLayout->addWidget(m_caption);
    importsLayout->addWidget(m_importsView);

    m_splitter->addWidget(importsBox);
    m_splitter->addWidget(countsView);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    // Side by side when docked at the top or bottom, stacked at the sides.
    connect(this, &QDockWidget::dockLocationChanged, this, [this](Qt::DockWidgetArea area) {
        const bool wide = area == Qt::TopDockWidgetArea || area == Qt::BottomDockWidgetArea;
        m_splitter->setOrientation(wide ? Qt::Horizontal : Qt::Vertical);
    });

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);
    setWidget(content);

    // The rejected records of an import, to fix the file: what `clienting rejects` writes.
    m_importsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* saveRejected = new QAction(tr("Save rejected records…"), m_importsView);
    m_importsView->addAction(saveRejected);
    connect(saveRejected, &QAction::triggered, this, [this] {
        const QModelIndex current = m_importsView->currentIndex();
        if (!current.isValid()) return;
        const qint64 id = m_imports->index(current.row(), 0).data(ImportsModel::ImportIdRole).toLongLong();
        const QString path = QFileDialog::getSaveFileName(this, tr("Save rejected records"),
                                                          tr("rejects-import-%1.csv").arg(id), tr("CSV file (*.csv)"));
        if (path.isEmpty()) return;
        if (const QString why = saveRejects(id, path); !why.isEmpty())
            QMessageBox::warning(this, tr("Save rejected records"), why);
    });
    connect(document, &WorkbookDocument::workbookOpened, this, &DataSourcesDock::reload);
    connect(document, &WorkbookDocument::dataChanged, this, &DataSourcesDock::reload);
    connect(document, &WorkbookDocument::workbookClosed, this, &DataSourcesDock::reload);
    reload();
}

QString DataSourcesDock::saveRejects(qint64 importId, const QString& path) {
    auto* wb = m_document->workbook();
    if (!wb) return tr("no workbook is open");
    if (auto st = store::writeRejectsCsv(*wb, importId, toStdString(path)); !st) return toQString(st.error().describe());
    return {};
}

void DataSourcesDock::reload() {
    if (!m_document->isOpen()) {
        m_imports->setImports({});
        m_counts->setCounts({});
        m_caption->setText(tr("No workbook open."));
        return;
    }
    const auto& summary = m_document->summary();
    m_imports->setImports(summary.imports);
    m_counts->setCounts(summary.counts);
    const auto n = static_cast<std::int64_t>(summary.imports.size());
    m_caption->setText(n == 0   ? tr("No imports yet: use File › Import data…")
                       : n == 1 ? tr("1 import")
                                : tr("%1 imports").arg(formatCount(n)));
}

}  // namespace cw::app
