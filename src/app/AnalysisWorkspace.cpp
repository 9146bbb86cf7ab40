#include "app/AnalysisWorkspace.h"

#include <QAction>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

#include <spdlog/spdlog.h>

#include "app/AnalyzeJob.h"
#include "app/CustomerDetailDock.h"
#include "app/CustomerTableDock.h"
#include "app/Format.h"
#include "app/MatrixDock.h"
#include "app/MatrixSession.h"
#include "app/WorkbookDocument.h"
#include "core/Log.h"

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
      m_detail(new CustomerDetailDock(window)) {
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
        m_progress->hide();
        m_cancel->hide();
        if (m_analyze) m_analyze->setEnabled(m_document->isOpen());
        if (out.report) {
            m_window->statusBar()->showMessage(
                tr("Analysed %1 customers in %2 s").arg(formatCount(out.report->customers)).arg(out.report->seconds, 0, 'f', 2),
                8000);
            for (const auto& w : out.report->warnings) log::get("app")->warn("analysis: {}", w);
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
    QList<QDockWidget*> out{m_matrixDock, m_table, m_detail};
    for (auto* v : m_extraViews) out << v;
    return out;
}

void AnalysisWorkspace::placeDocks() {
    m_window->addDockWidget(Qt::TopDockWidgetArea, m_matrixDock);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_table);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_detail);
}

QMenu* AnalysisWorkspace::createMenu() {
    auto* menu = new QMenu(tr("&Analysis"), m_window);
    m_analyze = menu->addAction(tr("&Analyze"), this, &AnalysisWorkspace::analyze);
    m_analyze->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_analyze->setStatusTip(tr("Compute every metric, fit the models and store the results"));
    m_newView = menu->addAction(tr("&New matrix view"), this, [this] { newMatrixView(); });
    m_newView->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
    m_export = menu->addAction(tr("&Export matrix…"), this, &AnalysisWorkspace::exportMatrix);
    m_export->setShortcut(QKeySequence(tr("Ctrl+E")));
    menu->addSeparator();
    auto* clear = menu->addAction(tr("Clear &selection"), this, [this] { m_session->setSelection({}, nullptr); });
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    m_analyze->setEnabled(m_document->isOpen());
    return menu;
}

bool AnalysisWorkspace::isBusy() const {
    return m_job->isRunning() || m_session->isLoading() || m_tableJob->isRunning();
}

void AnalysisWorkspace::analyze() {
    if (!m_document->isOpen() || m_job->isRunning()) return;
    m_analyze->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_window->statusBar()->showMessage(tr("Analysing…"));
    m_job->start(m_document->path());
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
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty()) return;
    if (!m_matrixDock->exportCurrent(path))
        QMessageBox::warning(m_window, tr("Export matrix"), tr("Cannot write “%1”.").arg(path));
}

void AnalysisWorkspace::workbookOpened() {
    if (m_analyze) m_analyze->setEnabled(!m_job->isRunning());
    m_session->reload();
}

void AnalysisWorkspace::workbookClosed() {
    if (m_analyze) m_analyze->setEnabled(false);
    m_table->setData(nullptr);
    m_detail->clear();
}

void AnalysisWorkspace::loadTable() {
    if (m_document->isOpen()) m_tableJob->start(m_document->path());
}

}  // namespace cw::app
