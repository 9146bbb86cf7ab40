#include "app/analysis/SegmentsDock.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

#include <optional>

#include "app/widgets/Format.h"
#include "app/matrices/MatrixSession.h"
#include "app/widgets/StandardItems.h"
#include "app/workbook/WorkbookDocument.h"
#include "app/commands/ActivateSegmentationCommand.h"
#include "app/commands/DeleteSegmentationCommand.h"
#include "app/commands/RenameSegmentationCommand.h"
#include "store/Workbook.h"

namespace cw::app {
namespace {

// A short name for the column, and what it means for the tooltip.
QStandardItem* methodItem(const std::string& method) {
    struct Method {
        const char *key, *name, *meaning;
    };
    static const Method kMethods[] = {
        {"rules", QT_TRANSLATE_NOOP("SegmentsDock", "Grid"),
         QT_TRANSLATE_NOOP("SegmentsDock", "Rules: tiers of profitability × potential")},
        {"score", QT_TRANSLATE_NOOP("SegmentsDock", "Score"),
         QT_TRANSLATE_NOOP("SegmentsDock", "Bands of a weighted goodness score")},
        {"kmeans", QT_TRANSLATE_NOOP("SegmentsDock", "Clusters"),
         QT_TRANSLATE_NOOP("SegmentsDock", "k-means clusters of the customers' metrics")},
        {"selection", QT_TRANSLATE_NOOP("SegmentsDock", "Selection"),
         QT_TRANSLATE_NOOP("SegmentsDock", "Customers chosen in a matrix, against the others")},
        {"file", QT_TRANSLATE_NOOP("SegmentsDock", "File"), QT_TRANSLATE_NOOP("SegmentsDock", "Segments read from a file")},
    };
    auto* item = new QStandardItem(toQString(method));
    for (const auto& m : kMethods)
        if (method == m.key) {
            item->setText(SegmentsDock::tr(m.name));
            item->setToolTip(SegmentsDock::tr(m.meaning));
        }
    return item;
}

// The date the segments were computed, with the creation in the tooltip (one column: the dock is narrow).
QStandardItem* datesItem(const engine::SegmentationOutcome& s) {
    auto* item = storedDateItem(s.updatedAt);
    item->setToolTip(SegmentsDock::tr("Created %1 UTC, segments computed %2 UTC")
                         .arg(toQString(s.createdAt), toQString(s.updatedAt)));
    return item;
}

std::int64_t customersOf(const engine::SegmentationOutcome& s) {
    std::int64_t n = 0;
    for (const auto& g : s.segments) n += g.customers;
    return n;
}

}  // namespace

SegmentsDock::SegmentsDock(WorkbookDocument* document, MatrixSession* session, QWidget* parent)
    : QDockWidget(tr("Segments"), parent),
      m_document(document),
      m_session(session),
      m_segmentations(new QStandardItemModel(this)),
      m_segments(new QStandardItemModel(this)),
      m_pages(new QStackedWidget),
      m_empty(makeEmptyNote()),
      m_activeLine(new QLabel),
      m_list(makeRecordList(m_segmentations)),
      m_segmentsView(makeRecordList(m_segments)),
      m_activate(new QPushButton(tr("&Activate"))),
      m_rename(new QPushButton(tr("&Rename…"))),
      m_delete(new QPushButton(tr("&Delete…"))) {
    setObjectName(QStringLiteral("SegmentsDock"));
    m_activeLine->setWordWrap(true);
    m_activeLine->setTextFormat(Qt::RichText);
    m_activate->setObjectName(QStringLiteral("activateButton"));
    m_rename->setObjectName(QStringLiteral("renameButton"));
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_activate->setToolTip(tr("Use this segmentation's segments in the breakdowns, filters and lists by segment"));
    m_rename->setToolTip(tr("Give the segmentation another name"));
    m_delete->setToolTip(tr("Delete the segmentation and its segments (Edit › Undo brings it back)"));

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_list);
    splitter->addWidget(m_segmentsView);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* buttons = makeButtonRow({m_activate, m_rename, m_delete});
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_activeLine);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(content);
    setWidget(m_pages);

    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        if (currentName().isEmpty()) return;
        QMenu menu(this);
        menu.addAction(m_activate->text(), this, &SegmentsDock::activateChosen);
        menu.addAction(m_rename->text(), this, &SegmentsDock::renameChosen);
        menu.addAction(m_delete->text(), this, &SegmentsDock::deleteChosen);
        menu.exec(m_list->viewport()->mapToGlobal(at));
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showSegments();
        updateButtons();
    });
    connect(m_activate, &QPushButton::clicked, this, &SegmentsDock::activateChosen);
    connect(m_rename, &QPushButton::clicked, this, &SegmentsDock::renameChosen);
    connect(m_delete, &QPushButton::clicked, this, &SegmentsDock::deleteChosen);

    // Segmentations change with every undo step that touches them (these edits, a saved
    // selection), with an analysis (it re-runs them) and with the workbook.
    reloadOnWorkbookChanges(document, this, [this] { reload(); });
    reload();
}

QString SegmentsDock::currentName() const {
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? m_segmentations->item(current.row(), NameColumn)->data(Qt::UserRole).toString()
                             : QString();
}

void SegmentsDock::setCurrentName(const QString& name) {
    for (int row = 0; row < m_segmentations->rowCount(); ++row)
        if (m_segmentations->item(row, NameColumn)->data(Qt::UserRole).toString() == name) {
            m_list->setCurrentIndex(m_segmentations->index(row, NameColumn));
            return;
        }
}

QString SegmentsDock::emptyMessage() const {
    return m_pages->currentWidget() == m_empty ? m_empty->text() : QString();
}

void SegmentsDock::reload() {
    const QString chosen = currentName();
    m_segmentations->clear();
    m_all.clear();
    m_active.clear();
    auto* wb = m_document->workbook();
    if (!wb) {
        m_empty->setText(tr("No workbook open."));
        m_pages->setCurrentWidget(m_empty);
        showSegments();
        return;
    }
    auto all = engine::listSegmentations(wb->db());
    auto active = engine::activeSegmentationName(wb->db());
    if (!all || !active) {
        m_empty->setText(tr("The segmentations cannot be read: %1")
                             .arg(toQString((all ? active.error() : all.error()).describe()).toHtmlEscaped()));
        m_pages->setCurrentWidget(m_empty);
        showSegments();
        return;
    }
    m_all = std::move(*all);
    if (*active) m_active = toQString(**active);
    if (m_all.empty()) {
        m_empty->setText(tr("<p><b>No segmentation yet.</b></p>"
                            "<p>Select customers in a matrix and save them with <b>Analysis › Save selection as "
                            "segment…</b>, or create one from the metrics on the command line with "
                            "<code>clienting segment --name NAME --method rules</code> (or <code>score</code>, "
                            "<code>kmeans</code>).</p>"
                            "<p>The active segmentation gives the segments of the breakdowns “by segment”; "
                            "until one is active they show the segment imported with the customers.</p>"));
        m_pages->setCurrentWidget(m_empty);
        showSegments();
        return;
    }
    m_segmentations->setHorizontalHeaderLabels({tr("Name"), tr("Method"), tr("Segments"), tr("Customers"), tr("Updated")});
    m_segmentations->horizontalHeaderItem(UpdatedColumn)
        ->setToolTip(tr("When its segments were last computed (an analysis computes them again); the tooltip of "
                        "each date also says when it was created"));
    bool activeFound = false;
    for (const auto& s : m_all) {
        const QString name = toQString(s.name);
        const bool isActive = name == m_active;
        activeFound |= isActive;
        auto* nameItem = new QStandardItem(name);
        nameItem->setData(name, Qt::UserRole);
        if (isActive) {
            nameItem->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
            nameItem->setToolTip(tr("Active: the breakdowns by segment use its segments"));
        }
        QList<QStandardItem*> row{nameItem,
                                  methodItem(s.method),
                                  countItem(std::int64_t(s.segments.size())),
                                  countItem(customersOf(s)),
                                  datesItem(s)};
        if (isActive)
            for (auto* item : row) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
        m_segmentations->appendRow(row);
    }
    if (m_active.isEmpty())
        m_activeLine->setText(tr("Breakdowns by segment use the segment imported with the customers."));
    else if (activeFound)
        m_activeLine->setText(tr("Breakdowns by segment use <b>%1</b>.").arg(m_active.toHtmlEscaped()));
    else
        m_activeLine->setText(tr("The active segmentation “%1” no longer exists: activate another one.")
                                  .arg(m_active.toHtmlEscaped()));
    m_pages->setCurrentWidget(m_pages->widget(1));
    setCurrentName(chosen.isEmpty() ? m_active : chosen);
    if (!m_list->currentIndex().isValid()) m_list->setCurrentIndex(m_segmentations->index(0, NameColumn));
    showSegments();
    updateButtons();
}

void SegmentsDock::showSegments() {
    m_segments->clear();
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid() || std::size_t(current.row()) >= m_all.size()) return;
    const auto& s = m_all[std::size_t(current.row())];
    m_segments->setHorizontalHeaderLabels({tr("Segment"), tr("Customers"), tr("Share")});
    const double total = double(customersOf(s));
    for (const auto& g : s.segments) {
        // Plain text: a share bar squeezed into a list row hides its own figure.
        auto* share = new QStandardItem(total > 0 ? formatShare(double(g.customers) / total) : QString());
        share->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_segments->appendRow({new QStandardItem(toQString(g.label)), countItem(g.customers), share});
    }
}

void SegmentsDock::updateButtons() {
    const QString name = currentName();
    const bool chosen = !name.isEmpty();
    const bool isActive = chosen && name == m_active;
    m_activate->setText(isActive ? tr("De&activate") : tr("&Activate"));
    m_activate->setToolTip(isActive ? tr("Go back to the segment imported with the customers in the breakdowns")
                                    : tr("Use this segmentation's segments in the breakdowns, filters and lists "
                                         "by segment"));
    const bool writable = m_document->workbook() && !m_document->workbook()->readOnly();
    for (auto* b : {m_activate, m_rename, m_delete}) b->setEnabled(chosen && writable);
}

Status SegmentsDock::activate(const QString& name) {
    auto* wb = m_document->workbook();
    if (!wb) return makeError(ErrorKind::Usage, "no workbook is open");
    auto before = engine::activeSegmentationName(wb->db());
    if (!before) return before.takeError();
    const std::optional<std::string> after =
        name.isEmpty() ? std::nullopt : std::optional<std::string>(toStdString(name));
    if (*before == after) return {};
    return WorkbookEditCommand::push(
        std::make_unique<ActivateSegmentationCommand>(m_document, m_session, std::move(*before), after), this);
}

Status SegmentsDock::rename(const QString& from, const QString& to) {
    const QString trimmed = to.trimmed();
    if (trimmed == from) return {};
    const Status st = WorkbookEditCommand::push(
        std::make_unique<RenameSegmentationCommand>(m_document, toStdString(from), toStdString(trimmed)), this);
    if (st) setCurrentName(trimmed);
    return st;
}

Status SegmentsDock::remove(const QString& name) {
    auto* wb = m_document->workbook();
    if (!wb) return makeError(ErrorKind::Usage, "no workbook is open");
    auto stored = engine::readStoredSegmentation(wb->db(), toStdString(name));
    if (!stored) return stored.takeError();
    return WorkbookEditCommand::push(
        std::make_unique<DeleteSegmentationCommand>(m_document, m_session, std::move(*stored)), this);
}

void SegmentsDock::warn(const QString& title, const Status& st) {
    if (!st) QMessageBox::warning(this, title, toQString(st.error().describe()));
}

void SegmentsDock::activateChosen() {
    const QString name = currentName();
    if (name.isEmpty()) return;
    warn(tr("Activate segmentation"), activate(name == m_active ? QString() : name));
}

void SegmentsDock::renameChosen() {
    const QString name = currentName();
    if (name.isEmpty()) return;
    bool ok = false;
    const QString to = QInputDialog::getText(this, tr("Rename segmentation"), tr("New name of “%1”:").arg(name),
                                             QLineEdit::Normal, name, &ok);
    if (ok) warn(tr("Rename segmentation"), rename(name, to));
}

void SegmentsDock::deleteChosen() {
    const QString name = currentName();
    if (name.isEmpty()) return;
    const auto answer = QMessageBox::question(
        this, tr("Delete segmentation"),
        tr("Delete the segmentation “%1” and the segment of every customer in it?\n\n"
           "Edit › Undo brings it back.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes) warn(tr("Delete segmentation"), remove(name));
}

}  // namespace cw::app
