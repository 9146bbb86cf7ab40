#include "app/quality/DataQualityDock.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>

#include "app/quality/AuditJob.h"
#include "app/quality/CompletenessModel.h"
#include "app/quality/FindingsModel.h"
#include "app/quality/ShareBarDelegate.h"
#include "app/widgets/StandardItems.h"
#include "app/workbook/WorkbookDocument.h"

namespace cw::app {

DataQualityDock::DataQualityDock(WorkbookDocument* document, QWidget* parent)
    : QDockWidget(tr("Data quality"), parent),
      m_document(document),
      m_job(new AuditJob(this)),
      m_completeness(new CompletenessModel(this)),
      m_findings(new FindingsModel(this)),
      m_status(new QLabel),
      m_progress(new QProgressBar),
      m_refresh(new QToolButton) {
    setObjectName(QStringLiteral("DataQualityDock"));

    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refresh->setToolTip(tr("Run the data-quality audit again"));
    m_refresh->setEnabled(false);
    connect(m_refresh, &QToolButton::clicked, this, &DataQualityDock::refresh);

    m_progress->setMaximumWidth(120);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_progress);
    bar->addWidget(m_refresh);

    auto* completeness = makeRowTable(m_completeness);
    completeness->setItemDelegateForColumn(
        CompletenessModel::ShareColumn, new ShareBarDelegate(CompletenessModel::ShareRole, this));
    completeness->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    completeness->horizontalHeader()->setSectionResizeMode(CompletenessModel::ShareColumn,
                                                           QHeaderView::Stretch);
    auto* findings = makeRowTable(m_findings);
    findings->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    findings->horizontalHeader()->setSectionResizeMode(FindingsModel::MessageColumn,
                                                       QHeaderView::Stretch);
    findings->setWordWrap(true);
    findings->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(findings);
    splitter->addWidget(completeness);
    splitter->setChildrenCollapsible(false);

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    setWidget(content);

    connect(m_job, &AuditJob::progress, this, [this](const QString& phase, qint64 done, qint64 total) {
        m_progress->setRange(0, int(qMax<qint64>(total, 0)));
        m_progress->setValue(int(done));
        m_status->setText(tr("Checking %1…").arg(phase));
    });
    connect(m_job, &AuditJob::finished, this, &DataQualityDock::showReport);
    connect(m_job, &AuditJob::failed, this, &DataQualityDock::showFailure);
    connect(document, &WorkbookDocument::workbookOpened, this, &DataQualityDock::refresh);
    connect(document, &WorkbookDocument::dataChanged, this, &DataQualityDock::refresh);
    connect(document, &WorkbookDocument::workbookClosed, this, &DataQualityDock::clear);
    clear();
}

bool DataQualityDock::isBusy() const {
    return m_job->isRunning();
}

void DataQualityDock::refresh() {
    if (!m_document->isOpen()) return;
    m_status->setText(tr("Auditing the workbook…"));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_refresh->setEnabled(false);
    m_job->start(m_document->path());
}

void DataQualityDock::clear() {
    m_job->cancel();
    m_progress->hide();
    m_refresh->setEnabled(false);
    m_status->setText(tr("No workbook open."));
    m_report.reset();
    m_completeness->setReport(nullptr);
    m_findings->setReport(nullptr);
    emit reportChanged(nullptr);
}

void DataQualityDock::showReport(std::shared_ptr<const store::AuditReport> report) {
    m_progress->hide();
    m_refresh->setEnabled(true);
    int errors = 0, warnings = 0;
    for (const auto& f : report->findings) {
        errors += f.severity == store::Severity::Error;
        warnings += f.severity == store::Severity::Warning;
    }
    const QString errorText = errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors);
    const QString warningText = warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings);
    m_status->setText(
        tr("Audited at %1: %2, %3")
            .arg(QTime::currentTime().toString(QStringLiteral("HH:mm")), errorText, warningText));
    m_report = std::move(report);
    m_completeness->setReport(m_report);
    m_findings->setReport(m_report);
    emit reportChanged(m_report);
}

void DataQualityDock::showFailure(const QString& message) {
    m_progress->hide();
    m_refresh->setEnabled(m_document->isOpen());
    m_status->setText(tr("The audit failed: %1").arg(message));
}

}  // namespace cw::app
