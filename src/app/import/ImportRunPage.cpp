#include "app/import/ImportRunPage.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWizard>

#include "app/widgets/Format.h"
#include "app/import/ImportDraft.h"
#include "store/Workbook.h"

namespace cw::app {
namespace {

QTreeWidgetItem* addRow(QTreeWidget* tree, const QString& what, const QString& value) {
    auto* item = new QTreeWidgetItem(tree, {what, value});
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

ImportRunPage::ImportRunPage(ImportDraft* draft, QString workbookPath, QString scratchDir,
                             QWidget* parent)
    : QWizardPage(parent),
      m_draft(draft),
      m_workbookPath(std::move(workbookPath)),
      m_scratchDir(std::move(scratchDir)),
      m_job(new ImportJob(this)),
      m_icon(new QLabel),
      m_headline(new QLabel),
      m_phase(new QLabel),
      m_progress(new QProgressBar),
      m_cancel(new QPushButton(tr("&Cancel import"))),
      m_details(new QTreeWidget),
      m_saveRejects(new QPushButton(tr("&Save rejects as CSV…"))),
      m_changeMapping(new QPushButton(tr("Change the &mapping"))) {
    setTitle(tr("Import"));
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phase->setForegroundRole(QPalette::PlaceholderText);
    m_details->setColumnCount(2);
    m_details->setHeaderHidden(true);
    m_details->setRootIsDecorated(true);
    // Labels and figures side by side, as a short table rather than across the page.
    m_details->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_details->header()->setStretchLastSection(false);
    m_details->setWordWrap(true);

    auto* head = new QHBoxLayout;
    head->addWidget(m_icon, 0, Qt::AlignTop);
    head->addWidget(m_headline, 1);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_changeMapping);
    buttons->addStretch();
    buttons->addWidget(m_saveRejects);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addLayout(progressRow);
    layout->addWidget(m_phase);
    layout->addWidget(m_details, 1);
    layout->addStretch();  // keeps the progress at the top while the details are hidden
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, this, &ImportRunPage::requestCancel);
    connect(m_saveRejects, &QPushButton::clicked, this, &ImportRunPage::saveRejects);
    connect(m_changeMapping, &QPushButton::clicked, this, [this] { wizard()->back(); });
    connect(m_job, &ImportJob::progress, this, &ImportRunPage::showProgress);
    connect(m_job, &ImportJob::finished, this, &ImportRunPage::showOutcome);
}

void ImportRunPage::initializePage() {
    m_finished = false;
    m_report.reset();
    m_details->clear();
    m_details->hide();
    m_saveRejects->hide();
    m_changeMapping->hide();
    m_icon->clear();
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    const QString file = QFileInfo(toQString(m_draft->file)).fileName();
    setSubTitle(tr("%1 into %2 of %3")
                    .arg(file,
                         tableTitle(std::string(store::targetTableName(m_draft->table))).toLower(),
                         QFileInfo(m_workbookPath).fileName()));
    setHeadline(tr("Importing %1…").arg(file), false);
    m_phase->setText(tr("Starting…"));
    emit completeChanged();

    auto options = m_draft->toOptions(toStdString(m_scratchDir));
    if (!options) {
        showOutcome({std::nullopt, options.error()});
        return;
    }
    m_job->start(m_workbookPath, *options);
}

void ImportRunPage::showProgress(const QString& phase, qint64 done, qint64 total) {
    if (total > 0) {
        // Bytes can exceed an int: show per mille.
        m_progress->setRange(0, 1000);
        m_progress->setValue(
            static_cast<int>(qBound<qint64>(0, done * 1000 / total, qint64(1000))));
    }
    const QString what = phase == QLatin1String("reading")    ? tr("Reading and checking rows")
                         : phase == QLatin1String("indexing") ? tr("Indexing")
                                                              : phase;
    m_phase->setText(total > 0 ? tr("%1: %2 of %3")
                                     .arg(what, QLocale().formattedDataSize(done),
                                          QLocale().formattedDataSize(total))
                               : what);
}

void ImportRunPage::requestCancel() {
    if (!m_job->isRunning()) return;
    m_job->cancel();
    m_cancel->setEnabled(false);
    m_phase->setText(tr("Cancelling: rolling back…"));
}

void ImportRunPage::showOutcome(const ImportJob::Outcome& outcome) {
    m_finished = true;
    m_details->show();
    m_progress->hide();
    m_cancel->hide();
    m_phase->clear();
    if (outcome.report) {
        m_report = *outcome.report;
        showReport(*m_report);
        emit imported(*m_report);
    } else if (outcome.error && outcome.error->kind == ErrorKind::Cancelled) {
        setHeadline(tr("Import cancelled. Nothing was stored; the workbook is as it was."), true);
    } else if (outcome.error) {
        setHeadline(tr("The import failed. Nothing was stored."), true);
        auto* item = addRow(m_details, toQString(outcome.error->describe()), {});
        item->setFirstColumnSpanned(true);
        m_changeMapping->show();
    }
    emit completeChanged();
}

void ImportRunPage::showReport(const store::ImportReport& r) {
    setHeadline(tr("Imported %1 of %2 records in %3 s.")
                    .arg(formatCount(r.loaded), formatCount(r.records),
                         QLocale().toString(r.seconds, 'f', 1)),
                r.rejected > 0 || !r.warnings.empty());
    addRow(m_details, tr("Read as"), toQString(r.dialect));
    addRow(m_details, tr("Profile"), toQString(r.profile));
    addRow(m_details, tr("Loaded"), formatCount(r.loaded));
    auto* rejected = addRow(m_details, tr("Rejected"), formatCount(r.rejected));
    for (const auto& [reason, count] : r.reasons) {
        auto* item = new QTreeWidgetItem(rejected, {toQString(reason), formatCount(count)});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    rejected->setExpanded(true);
    if (r.table == "transactions") {
        addRow(m_details, tr("Returns and cancellations"), formatCount(r.returns));
        addRow(m_details, tr("Anonymous sales (no customer id)"), formatCount(r.anonymous));
    }
    if (r.customersCreated || r.customersUpdated) {
        addRow(m_details, tr("Customers created"), formatCount(r.customersCreated));
        addRow(m_details, tr("Customers updated"), formatCount(r.customersUpdated));
    }
    if (r.managersCreated)
        addRow(m_details, tr("Managers created"), formatCount(r.managersCreated));
    if (r.customFields) addRow(m_details, tr("Custom fields"), formatCount(r.customFields));
    if (!r.warnings.empty()) {
        auto* warnings =
            addRow(m_details, tr("Warnings"), formatCount(std::int64_t(r.warnings.size())));
        for (const auto& w : r.warnings) {
            auto* item = new QTreeWidgetItem(warnings, {toQString(w)});
            item->setFirstColumnSpanned(true);
        }
        warnings->setExpanded(true);
    }
    m_saveRejects->setVisible(r.rejected > 0);
}

void ImportRunPage::setHeadline(const QString& text, bool problem) {
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize);
    m_icon->setPixmap(style()
                          ->standardIcon(problem ? QStyle::SP_MessageBoxWarning
                                                 : QStyle::SP_MessageBoxInformation)
                          .pixmap(size, size));
    m_headline->setText(text);
}

void ImportRunPage::saveRejects() {
    if (!m_report) return;
    const QString suggested =
        QFileInfo(toQString(m_draft->file)).completeBaseName() + QStringLiteral("-rejects.csv");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save rejects"),
        QFileInfo(toQString(m_draft->file)).absoluteDir().filePath(suggested),
        tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    // A connection of its own: the wizard has none, and the worker's is gone.
    Status st;
    try {
        auto wb =
            store::Workbook::open(toStdString(m_workbookPath), store::Workbook::OpenMode::ReadOnly);
        st = wb ? store::writeRejectsCsv(*wb, m_report->importId, toStdString(path))
                : Status(wb.error());
    } catch (const store::SqlError& e) {
        st = makeError(ErrorKind::Internal, e.message);
    }
    if (!st) QMessageBox::warning(this, tr("Save rejects"), toQString(st.error().describe()));
}

bool ImportRunPage::isComplete() const {
    return m_finished;
}

QString ImportRunPage::headline() const {
    return m_headline->text();
}

}  // namespace cw::app
