#include "app/analysis/AnalysisWorkspace.h"

#include "app/analysis/AnalysisSummaryDock.h"
#include "engine/load/MatrixLoader.h"

#include <QAction>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QUndoStack>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

#include <spdlog/spdlog.h>

#include "app/analysis/AnalyzeJob.h"
#include "app/commands/ChangeDefinitionsCommand.h"
#include "app/commands/PinInsightCommand.h"
#include "app/commands/SaveSegmentCommand.h"
#include "app/customers/CustomerDetailDock.h"
#include "app/customers/CustomerTableDock.h"
#include "app/analysis/DefinitionsDialog.h"
#include "app/widgets/Format.h"
#include "app/matrices/MatrixDock.h"
#include "app/matrices/MatrixSession.h"
#include "app/workbook/WorkbookDocument.h"
#include "core/Log.h"
#include "store/Insights.h"
#include "engine/Segmentation.h"
#include "store/Segmentations.h"
#include "store/Workbook.h"

#include <nlohmann/json.hpp>

namespace cw::app {

AnalysisWorkspace::AnalysisWorkspace(QMainWindow* window, WorkbookDocument* document)
    : QObject(window),
      m_window(window),
      m_document(document),
      m_session(new MatrixSession(document, this)),
      m_job(new AnalyzeJob(this)),
      m_tableJob(new CustomerTableJob(this)),
      m_matrixDock(new MatrixDock(m_session, QStringLiteral("matrixDock"), window)),
      m_table(new CustomerTableDock(window)),
      m_detail(new CustomerDetailDock(window)),
      m_summary(new AnalysisSummaryDock(window)) {
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel = new QToolButton;
    m_cancel->setText(tr("Cancel"));
    m_cancel->hide();
    window->statusBar()->addPermanentWidget(m_progress);
    window->statusBar()->addPermanentWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, m_job, &AnalyzeJob::cancel);

    connect(m_job, &AnalyzeJob::progress, this, [this](const QString& phase, qint64, qint64) {
        m_window->statusBar()->showMessage(tr("Analysing: %1…").arg(phase));
    });
    connect(m_job, &AnalyzeJob::finished, this, [this](const AnalyzeJob::Outcome& out) {
        if (m_rerun) {
            m_rerun = false;
            m_job->start(m_document->path());
            return;
        }
        m_document->endBackgroundWrite();
        m_progress->hide();
        m_cancel->hide();
        if (m_analyze) m_analyze->setEnabled(m_document->isOpen());
        if (out.report) {
            m_window->statusBar()->showMessage(
                tr("Analysed %1 customers in %2 s").arg(formatCount(out.report->customers)).arg(out.report->seconds, 0, 'f', 2),
                8000);
            for (const auto& w : out.report->warnings) log::get("app")->warn("analysis: {}", w);
            // What it found, where the analyst looks next (the CLI prints the same summary).
            m_summary->setSummaryJson(QString::fromStdString(out.report->toJson()));
            m_summary->show();
            m_summary->raise();
            m_document->notifyDataChanged();
            emit analysed();
        } else if (out.error && out.error->kind != ErrorKind::Cancelled) {
            m_window->statusBar()->clearMessage();
            QMessageBox::warning(m_window, tr("Analysis"),
                                 tr("The analysis did not run.\n\n%1").arg(toQString(out.error->describe())));
        } else {
            m_window->statusBar()->showMessage(tr("Analysis cancelled; nothing was stored"), 5000);
        }
    });

    connect(m_document, &WorkbookDocument::workbookOpened, this, &AnalysisWorkspace::workbookOpened);
    connect(m_document, &WorkbookDocument::dataChanged, this, &AnalysisWorkspace::workbookOpened);
    connect(m_document, &WorkbookDocument::workbookClosed, this, &AnalysisWorkspace::workbookClosed);
    connect(m_session, &MatrixSession::loaded, this, &AnalysisWorkspace::loadTable);
    connect(m_tableJob, &CustomerTableJob::loaded, this, [this](std::shared_ptr<const CustomerTableData> data) {
        m_table->setData(std::move(data));
        m_table->setSelectedIds(m_session->selection());
    });

    // Linked selection: the session is the one place; each view follows it unless it made it.
    connect(m_session, &MatrixSession::selectionChanged, this, [this](QObject* origin) {
        if (origin == m_table) return;
        m_table->setSelectedIds(m_session->selection());
        // The table is the linked view of a matrix selection: bring it to the front of its tabs.
        if (!m_session->selection().isEmpty() && m_table->isVisible()) m_table->raise();
    });
    connect(m_table, &CustomerTableDock::selectionChangedByUser, this,
            [this](const QSet<qint64>& ids) { m_session->setSelection(ids, m_table); });
    connect(m_table, &CustomerTableDock::currentCustomerChanged, this, [this](qint64 id) {
        if (!m_document->isOpen() || id <= 0) return;
        m_detail->showCustomer(m_document->path(), id);
        m_detail->setQuadrants(m_session->quadrantsOf(id));
        m_detail->raise();
    });
    connect(m_session, &MatrixSession::selectionChanged, this, [this] {
        if (m_session->selection().size() != 1 || !m_document->isOpen()) return;
        const qint64 id = *m_session->selection().constBegin();
        m_detail->showCustomer(m_document->path(), id);
        m_detail->raise();
        m_detail->setQuadrants(m_session->quadrantsOf(id));
    });
}

AnalysisWorkspace::~AnalysisWorkspace() = default;

QList<QDockWidget*> AnalysisWorkspace::docks() const {
    QList<QDockWidget*> out{m_matrixDock, m_table, m_detail, m_summary};
    for (auto* v : m_extraViews) out << v;
    return out;
}

void AnalysisWorkspace::placeDocks() {
    m_window->addDockWidget(Qt::TopDockWidgetArea, m_matrixDock);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_table);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_detail);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_summary);
}

QMenu* AnalysisWorkspace::createMenu() {
    auto* menu = new QMenu(tr("&Analysis"), m_window);
    m_analyze = menu->addAction(tr("&Analyze"), this, &AnalysisWorkspace::analyze);
    m_analyze->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_analyze->setStatusTip(tr("Compute every metric, fit the models and store the results"));
    auto* definitions = m_definitions = menu->addAction(tr("&Definitions…"), this, [this] {
        auto* wb = m_document->workbook();
        if (!wb) return;
        auto current = engine::AnalysisSettings::load(*wb);
        if (!current) {
            QMessageBox::warning(m_window, tr("Definitions"), toQString(current.error().describe()));
            return;
        }
        DefinitionsDialog dialog(*current, m_window);
        if (dialog.exec() != QDialog::Accepted) return;
        if (auto st = changeDefinitions(dialog.settings()); !st)
            QMessageBox::warning(m_window, tr("Definitions"), toQString(st.error().describe()));
    });
    definitions->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    m_newView = menu->addAction(tr("&New matrix view"), this, [this] { newMatrixView(); });
    m_newView->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
    m_export = menu->addAction(tr("&Export matrix…"), this, &AnalysisWorkspace::exportMatrix);
    m_export->setShortcut(QKeySequence(tr("Ctrl+E")));
    menu->addSeparator();
    auto* save = menu->addAction(tr("Save selection as &segment…"), this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(m_window, tr("Save selection as segment"),
                                                   tr("Name of the segment (%n customer(s) selected):", nullptr,
                                                      int(m_session->selection().size())),
                                                   QLineEdit::Normal, QString(), &ok);
        if (!ok) return;
        if (auto st = saveSelectionAsSegment(name); !st)
            QMessageBox::warning(m_window, tr("Save selection as segment"), toQString(st.error().describe()));
    });
    save->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    auto* pin = menu->addAction(tr("&Pin selection as insight…"), this, [this] {
        bool ok = false;
        const QString title = QInputDialog::getText(m_window, tr("Pin insight"), tr("What does the selection show?"),
                                                    QLineEdit::Normal, QString(), &ok);
        if (!ok) return;
        const QString note = QInputDialog::getMultiLineText(m_window, tr("Pin insight"), tr("Note:"), QString(), &ok);
        if (!ok) return;
        if (auto st = pinSelection(title, note); !st)
            QMessageBox::warning(m_window, tr("Pin insight"), toQString(st.error().describe()));
    });
    pin->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    auto* clear = menu->addAction(tr("Clear &selection"), this, [this] { m_session->setSelection({}, nullptr); });
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    m_selectionActions = {save, pin, clear};
    m_analyze->setEnabled(m_document->isOpen());
    for (auto signal : {&MatrixSession::loaded, &MatrixSession::viewReset})
        connect(m_session, signal, this, &AnalysisWorkspace::updateActions);
    connect(m_session, &MatrixSession::notAnalysed, this, &AnalysisWorkspace::updateActions);
    connect(m_session, &MatrixSession::selectionChanged, this, &AnalysisWorkspace::updateActions);
    connect(m_document, &WorkbookDocument::workbookOpened, this, &AnalysisWorkspace::updateActions);
    connect(m_document, &WorkbookDocument::workbookClosed, this, &AnalysisWorkspace::updateActions);
    updateActions();
    return menu;
}

void AnalysisWorkspace::updateActions() {
    const bool open = m_document->isOpen();
    const bool matrices = open && m_session->isLoaded();
    if (m_definitions) m_definitions->setEnabled(open);
    if (m_newView) m_newView->setEnabled(matrices);
    if (m_export) m_export->setEnabled(matrices);
    for (auto* a : m_selectionActions) a->setEnabled(matrices && !m_session->selection().isEmpty());
}

bool AnalysisWorkspace::isBusy() const {
    return m_job->isRunning() || m_session->isLoading() || m_tableJob->isRunning();
}

void AnalysisWorkspace::analyze() {
    if (!m_document->isOpen()) return;
    if (m_job->isRunning()) {
        m_rerun = true;  // the definitions changed meanwhile: run again once this one ends
        return;
    }
    m_analyze->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_window->statusBar()->showMessage(tr("Analysing…"));
    m_document->beginBackgroundWrite(tr("the analysis"));
    m_job->start(m_document->path());
}

Status AnalysisWorkspace::changeDefinitions(const engine::AnalysisSettings& settings) {
    auto* wb = m_document->workbook();
    if (!wb) return makeError(ErrorKind::Usage, "no workbook is open");
    if (auto st = settings.validate(); !st) return st;
    auto before = engine::AnalysisSettings::load(*wb);
    if (!before) return before.takeError();
    if (before->toJson() == settings.toJson()) return {};
    return WorkbookEditCommand::push(std::make_unique<ChangeDefinitionsCommand>(m_document, this, *before, settings),
                                     m_window);
}

Status AnalysisWorkspace::saveSelectionAsSegment(const QString& name) {
    auto* wb = m_document->workbook();
    if (!wb) return makeError(ErrorKind::Usage, "no workbook is open");
    if (m_session->selection().isEmpty())
        return makeError(ErrorKind::Usage, "nothing is selected", "select customers in a matrix or the table first");
    const auto trimmed = toStdString(name.trimmed());
    if (trimmed.empty()) return makeError(ErrorKind::Usage, "the segment needs a name");
    auto exists = store::findSegmentation(wb->db(), trimmed);
    if (!exists) return exists.takeError();
    if (*exists)
        return makeError(ErrorKind::Usage, "a segmentation named '" + trimmed + "' exists already", "choose another name");
    std::vector<std::int64_t> ids(m_session->selection().begin(), m_session->selection().end());
    std::sort(ids.begin(), ids.end());
    const nlohmann::json def{{"method", "selection"}, {"label", trimmed}, {"customer_ids", ids}};
    return WorkbookEditCommand::push(std::make_unique<SaveSegmentCommand>(m_document, trimmed, def.dump()), m_window);
}

Status AnalysisWorkspace::pinSelection(const QString& title, const QString& note) {
    if (!m_document->workbook()) return makeError(ErrorKind::Usage, "no workbook is open");
    if (m_session->selection().isEmpty())
        return makeError(ErrorKind::Usage, "nothing is selected", "select customers in a matrix or the table first");
    if (title.trimmed().isEmpty()) return makeError(ErrorKind::Usage, "an insight needs a title");
    store::Insight insight;
    insight.title = toStdString(title.trimmed());
    insight.note = toStdString(note);
    insight.customerIds.assign(m_session->selection().begin(), m_session->selection().end());
    std::sort(insight.customerIds.begin(), insight.customerIds.end());
    const auto kind = m_matrixDock->current();
    const auto& m = m_session->matrix(kind);
    insight.sourceJson = nlohmann::json{{"matrix", engine::matrixSpec(kind).name},
                                        {"thresholds", nlohmann::json::parse(m.thresholds.toJson())}}
                             .dump();
    return WorkbookEditCommand::push(std::make_unique<PinInsightCommand>(m_document, std::move(insight)), m_window);
}

MatrixDock* AnalysisWorkspace::newMatrixView() {
    auto* view = new MatrixDock(m_session, QStringLiteral("matrixDock%1").arg(m_extraViews.size() + 2), m_window);
    view->setWindowTitle(tr("Matrices %1").arg(m_extraViews.size() + 2));
    view->setAttribute(Qt::WA_DeleteOnClose);
    m_extraViews << view;
    connect(view, &QObject::destroyed, this, [this, view] { m_extraViews.removeAll(view); });
    m_window->splitDockWidget(m_matrixDock, view, Qt::Horizontal);
    view->show();
    return view;
}

void AnalysisWorkspace::exportMatrix() {
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export matrix"), QString(),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    if (const QString why = m_matrixDock->exportCurrent(path); !why.isEmpty())
        QMessageBox::warning(m_window, tr("Export matrix"), tr("Cannot write “%1”: %2.").arg(path, why));
}

void AnalysisWorkspace::workbookOpened() {
    if (m_analyze) m_analyze->setEnabled(!m_job->isRunning());
    m_session->reload();
    // The last analysis's findings, as stored with its run (a small read on the open connection).
    QString summary;
    if (auto* wb = m_document->workbook())
        if (auto s = engine::lastAnalysisSummary(*wb); s && *s) summary = QString::fromStdString(**s);
    m_summary->setSummaryJson(summary);
}

void AnalysisWorkspace::workbookClosed() {
    if (m_analyze) m_analyze->setEnabled(false);
    m_table->setData(nullptr);
    m_detail->clear();
    m_summary->setSummaryJson({});
}

void AnalysisWorkspace::loadTable() {
    if (m_document->isOpen()) m_tableJob->start(m_document->path());
}

}  // namespace cw::app
