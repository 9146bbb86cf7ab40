#include "app/analysis/InsightsDock.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

#include "app/widgets/Format.h"
#include "app/matrices/MatrixSession.h"
#include "app/widgets/StandardItems.h"
#include "app/workbook/WorkbookDocument.h"
#include "app/commands/DeleteInsightCommand.h"
#include "engine/matrix/MatrixFormat.h"
#include "engine/matrix/MatrixSpec.h"
#include "store/Workbook.h"

namespace cw::app {
namespace {

QString firstLine(const std::string& text) {
    const QString s = toQString(text);
    const qsizetype end = s.indexOf(QLatin1Char('\n'));
    return end < 0 ? s : s.left(end) + QStringLiteral(" …");
}

}  // namespace

InsightsDock::InsightsDock(WorkbookDocument* document, MatrixSession* session, QWidget* parent)
    : QDockWidget(tr("Insights"), parent),
      m_document(document),
      m_session(session),
      m_model(new QStandardItemModel(this)),
      m_pages(new QStackedWidget),
      m_empty(makeEmptyNote()),
      m_list(makeRecordList(m_model, NoteColumn)),  // the note is also shown whole below the list
      m_note(new QLabel),
      m_select(new QPushButton(tr("&Select customers"))),
      m_delete(new QPushButton(tr("&Delete"))) {
    setObjectName(QStringLiteral("InsightsDock"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_select->setObjectName(QStringLiteral("selectCustomersButton"));
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_select->setToolTip(tr("Select the insight's customers in the matrices and the customer table"));
    m_delete->setToolTip(tr("Delete the insight (Edit › Undo brings it back)"));

    auto* buttons = makeButtonRow({m_select, m_delete});
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_note);
    layout->addLayout(buttons);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(content);
    setWidget(m_pages);

    auto selectCurrent = [this] { warn(tr("Select customers"), selectCustomers(currentId())); };
    auto deleteCurrent = [this] { warn(tr("Delete insight"), remove(currentId())); };
    connect(m_list, &QTreeView::doubleClicked, this, selectCurrent);
    connect(m_select, &QPushButton::clicked, this, selectCurrent);
    connect(m_delete, &QPushButton::clicked, this, deleteCurrent);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this, selectCurrent, deleteCurrent](const QPoint& at) {
        if (currentId() <= 0) return;
        QMenu menu(this);
        menu.addAction(m_select->text(), this, selectCurrent);
        menu.addAction(m_delete->text(), this, deleteCurrent);
        menu.exec(m_list->viewport()->mapToGlobal(at));
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &InsightsDock::showCurrent);

    // Pinning is an undo step of its own (Analysis › Pin selection as insight…): every step
    // that moves the stack may add or remove an insight.
    reloadOnWorkbookChanges(document, this, [this] { reload(); });
    reload();
}

qint64 InsightsDock::currentId() const {
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? m_model->item(current.row(), TitleColumn)->data(Qt::UserRole).toLongLong() : 0;
}

void InsightsDock::setCurrentId(qint64 id) {
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->item(row, TitleColumn)->data(Qt::UserRole).toLongLong() == id) {
            m_list->setCurrentIndex(m_model->index(row, TitleColumn));
            return;
        }
}

QString InsightsDock::emptyMessage() const {
    return m_pages->currentWidget() == m_empty ? m_empty->text() : QString();
}

const store::Insight* InsightsDock::find(qint64 id) const {
    for (const auto& i : m_insights)
        if (i.id == id) return &i;
    return nullptr;
}

void InsightsDock::reload() {
    const qint64 chosen = currentId();
    m_model->clear();
    m_insights.clear();
    auto* wb = m_document->workbook();
    if (!wb) {
        m_empty->setText(tr("No workbook open."));
        m_pages->setCurrentWidget(m_empty);
        showCurrent();
        return;
    }
    auto listed = store::listInsights(wb->db());
    if (!listed) {
        m_empty->setText(
            tr("The insights cannot be read: %1").arg(toQString(listed.error().describe()).toHtmlEscaped()));
        m_pages->setCurrentWidget(m_empty);
        showCurrent();
        return;
    }
    m_insights = std::move(*listed);
    if (m_insights.empty()) {
        m_empty->setText(tr("<p><b>No insight pinned yet.</b></p>"
                            "<p>Select customers in a matrix (or the customer table) and keep them with a title "
                            "and a note: <b>Analysis › Pin selection as insight…</b> (Ctrl+Shift+P).</p>"));
        m_pages->setCurrentWidget(m_empty);
        showCurrent();
        return;
    }
    m_model->setHorizontalHeaderLabels({tr("Insight"), tr("Customers"), tr("Pinned"), tr("From"), tr("Note")});
    // The matrix titles are long: elided at a fixed width (the tooltip has it whole).
    m_list->header()->setSectionResizeMode(SourceColumn, QHeaderView::Interactive);
    m_list->header()->resizeSection(SourceColumn, m_list->fontMetrics().horizontalAdvance(QStringLiteral("Profitability vs loy")));
    for (const auto& i : m_insights) {
        auto* title = new QStandardItem(toQString(i.title));
        title->setData(QVariant::fromValue<qlonglong>(i.id), Qt::UserRole);
        title->setToolTip(toQString(i.note));
        auto* note = new QStandardItem(firstLine(i.note));
        note->setToolTip(toQString(i.note));
        auto* source = new QStandardItem(toQString(engine::insightSourceText(i.sourceJson)));
        source->setToolTip(source->text());
        m_model->appendRow({title, countItem(std::int64_t(i.customerIds.size())), storedDateItem(i.createdAt), source, note});
    }
    m_pages->setCurrentWidget(m_pages->widget(1));
    setCurrentId(chosen);
    if (!m_list->currentIndex().isValid()) m_list->setCurrentIndex(m_model->index(m_model->rowCount() - 1, 0));
    showCurrent();
}

void InsightsDock::showCurrent() {
    const auto* insight = find(currentId());
    m_note->setText(insight && !insight->note.empty() ? toQString(insight->note) : QString());
    m_note->setVisible(insight && !insight->note.empty());
    const bool writable = m_document->workbook() && !m_document->workbook()->readOnly();
    m_select->setEnabled(insight != nullptr);
    m_delete->setEnabled(insight != nullptr && writable);
}

Status InsightsDock::selectCustomers(qint64 id) {
    const auto* insight = find(id);
    if (!insight) return makeError(ErrorKind::Usage, "no insight is chosen", "choose one in the list");
    QSet<qint64> ids;
    for (auto c : insight->customerIds) ids.insert(c);
    m_session->setSelection(ids, this);
    return {};
}

Status InsightsDock::remove(qint64 id) {
    const auto* insight = find(id);
    if (!insight) return makeError(ErrorKind::Usage, "no insight is chosen", "choose one in the list");
    // With its id: undo puts it back as it was.
    return WorkbookEditCommand::push(std::make_unique<DeleteInsightCommand>(m_document, *insight), this);
}

void InsightsDock::warn(const QString& title, const Status& st) {
    if (!st) QMessageBox::warning(this, title, toQString(st.error().describe()));
}

}  // namespace cw::app
