#include "app/report/ReportDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QScreen>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

#include "app/report/ReportJob.h"
#include "app/report/ReportNodesJob.h"
#include "app/widgets/Format.h"
#include "app/window/AppSettings.h"
#include "app/workbook/WorkbookDocument.h"
#include "report/ReportSection.h"

namespace cw::app {
namespace {

// A year, a quarter or a month as the report reads them; empty: the latest month.
const QRegularExpression kPeriod(QStringLiteral("^(\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?)?$"));
// While typing, what may still become one.
const QRegularExpression kPeriodTyping(QStringLiteral("^\\d{0,4}(-(Q[1-4]?|[01]?\\d?)?)?$"));

constexpr int kPreviewDelayMs = 600;

void showProgress(QProgressBar* bar, qint64 done, qint64 total) {
    if (total <= 0) {
        bar->setRange(0, 0);  // busy: the phase has no count
        return;
    }
    bar->setRange(0, 1000);
    bar->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
}

QString phaseText(const QString& phase, qint64 done, qint64 total) {
    if (phase == QLatin1String("drawing") && total > 0)
        return ReportDialog::tr("Drawing page %1 of %2").arg(done).arg(total);
    if (phase == QLatin1String("packs") && total > 0)
        return ReportDialog::tr("Pack %1 of %2").arg(done + 1).arg(total);
    if (phase == QLatin1String("laying out")) return ReportDialog::tr("Laying out the pages");
    if (const auto* s = report::SectionRegistry::standard().find(toStdString(phase)))
        return ReportDialog::tr("Writing “%1”").arg(s->title());
    return phase;
}

}  // namespace

ReportDialog::ReportDialog(WorkbookDocument* document, QWidget* parent)
    : QDialog(parent),
      m_document(document),
      m_previewJob(new ReportJob(this)),
      m_exportJob(new ReportJob(this)),
      m_nodesJob(new ReportNodesJob(this)),
      m_tempDir(std::make_unique<QTemporaryDir>()),
      m_previewDelay(new QTimer(this)) {
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(tr("Report"));
    m_previewDelay->setSingleShot(true);
    m_previewDelay->setInterval(kPreviewDelayMs);
    connect(m_previewDelay, &QTimer::timeout, this, &ReportDialog::preview);

    auto* columns = new QHBoxLayout;
    auto* optionsScroll = new QScrollArea;
    optionsScroll->setWidget(buildOptions());
    optionsScroll->setWidgetResizable(true);
    optionsScroll->setFrameShape(QFrame::NoFrame);
    optionsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    optionsScroll->setFixedWidth(optionsScroll->widget()->sizeHint().width() + 18);
    columns->addWidget(optionsScroll);
    columns->addWidget(buildPreview(), 1);

    auto* buttons = new QDialogButtonBox;
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("reportExport"));
    m_export->setDefault(true);
    buttons->addButton(QDialogButtonBox::Close);
    connect(m_export, &QPushButton::clicked, this, [this] { exportReport(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buildExportRow());
    layout->addWidget(buttons);

    restoreChoices();
    fillSections();
    targetChanged();

    connect(m_previewJob, &Job::progress, this, [this](const QString& phase, qint64 done, qint64 total) {
        showProgress(m_previewProgress, done, total);
        m_previewProgress->setFormat(phaseText(phase, done, total));
    });
    connect(m_previewJob, &ReportJob::written, this,
            [this](const report::ReportOutput& out) { showPreview(m_renderFile, out.pages); });
    connect(m_previewJob, &ReportJob::failed, this, [this](const Error& e) {
        m_previewProgressRow->hide();
        m_previewNote->setText(tr("The preview could not be made: %1").arg(toQString(e.describe()).toHtmlEscaped()));
        m_previewNote->show();
        updateButtons();
    });
    connect(m_previewJob, &ReportJob::cancelled, this, [this] {
        m_previewProgressRow->hide();
        m_previewNote->setText(tr("Preview cancelled. Press <b>Preview</b> to render it."));
        m_previewNote->show();
        updateButtons();
    });
    connect(m_exportJob, &Job::progress, this, [this](const QString& phase, qint64 done, qint64 total) {
        showProgress(m_exportProgress, done, total);
        m_exportPhase->setText(phaseText(phase, done, total));
    });
    connect(m_exportJob, &ReportJob::written, this, &ReportDialog::exportWritten);
    connect(m_exportJob, &ReportJob::failed, this, &ReportDialog::exportFailed);
    connect(m_exportJob, &ReportJob::cancelled, this, [this] {
        m_exportProgressRow->hide();
        m_status->setText(target() == Target::PackPerManager
                              ? tr("Cancelled: the packs written before stay in the folder.")
                              : tr("Cancelled: nothing was written."));
        updateButtons();
    });
    connect(m_nodesJob, &ReportNodesJob::loaded, this, &ReportDialog::fillNodes);
    connect(m_nodesJob, &ReportNodesJob::failed, this, [this](const QString& message) {
        fillNodes({}, {});
        m_node->setToolTip(tr("The managers could not be read: %1").arg(message));
    });
    // The workbook the dialog writes from went away or changed.
    connect(m_document, &WorkbookDocument::workbookClosed, this, &QDialog::reject);
    connect(m_document, &WorkbookDocument::openingStarted, this, &QDialog::reject);
    connect(m_document, &WorkbookDocument::dataChanged, this, &ReportDialog::schedulePreview);
    m_nodesJob->start(m_document->path());

    // As large as the work needs, never larger than the screen (a 1366×768 laptop included).
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1366, 768);
    resize(std::min(1280, available.width() - 40), std::min(880, available.height() - 40));
    updateButtons();
}

ReportDialog::~ReportDialog() = default;

// ---- building ------------------------------------------------------------------------------

QWidget* ReportDialog::buildOptions() {
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* what = new QGroupBox(tr("Write"));
    auto* whatLayout = new QVBoxLayout(what);
    m_targets = new QButtonGroup(this);
    const QStringList targets{tr("The &Clienting report"), tr("A &portfolio pack: the managers at and under the node"),
                              tr("One pack per &manager, into a folder")};
    for (int i = 0; i < targets.size(); ++i) {
        auto* radio = new QRadioButton(targets[i]);
        radio->setObjectName(QStringLiteral("reportTarget%1").arg(i));
        m_targets->addButton(radio, i);
        whatLayout->addWidget(radio);
    }
    layout->addWidget(what);

    auto* sections = new QGroupBox(tr("Sections"));
    auto* sectionsLayout = new QVBoxLayout(sections);
    m_sections = new QListWidget;
    m_sections->setObjectName(QStringLiteral("reportSections"));
    m_sections->setMinimumHeight(110);
    sectionsLayout->addWidget(m_sections);
    layout->addWidget(sections, 1);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_node = new QComboBox;
    m_node->setObjectName(QStringLiteral("reportNode"));
    m_node->setMinimumContentsLength(22);
    m_node->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_node->addItem(tr("The company"), QString());
    form->addRow(tr("&Node:"), m_node);
    m_period = new QLineEdit;
    m_period->setObjectName(QStringLiteral("reportPeriod"));
    m_period->setPlaceholderText(tr("latest month"));
    m_period->setToolTip(tr("A year (2024), a quarter (2024-Q3) or a month (2024-09)"));
    m_period->setValidator(new QRegularExpressionValidator(kPeriodTyping, m_period));
    form->addRow(tr("P&eriod:"), m_period);
    m_paper = new QComboBox;
    m_paper->addItem(tr("A4"), QStringLiteral("a4"));
    m_paper->addItem(tr("Letter"), QStringLiteral("letter"));
    form->addRow(tr("P&aper:"), m_paper);
    m_title = new QLineEdit;
    form->addRow(tr("&Title:"), m_title);
    m_client = new QLineEdit;
    m_client->setPlaceholderText(tr("on the cover and in the footer"));
    form->addRow(tr("C&lient:"), m_client);
    auto* logoRow = new QHBoxLayout;
    m_logo = new QLabel;
    m_logo->setObjectName(QStringLiteral("reportLogo"));
    m_logo->setMinimumWidth(60);
    m_logo->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* chooseLogo = new QPushButton(tr("Choose…"));
    m_clearLogo = new QPushButton(tr("None"));
    connect(chooseLogo, &QPushButton::clicked, this, &ReportDialog::chooseLogo);
    connect(m_clearLogo, &QPushButton::clicked, this, [this] { setLogo({}); });
    logoRow->addWidget(m_logo, 1);
    logoRow->addWidget(chooseLogo);
    logoRow->addWidget(m_clearLogo);
    form->addRow(tr("Logo:"), logoRow);
    m_xlsx = new QCheckBox;
    m_xlsx->setObjectName(QStringLiteral("reportXlsx"));
    form->addRow(QString(), m_xlsx);
    auto* outputRow = new QHBoxLayout;
    m_output = new QLineEdit;
    m_output->setObjectName(QStringLiteral("reportOutput"));
    auto* browse = new QPushButton(tr("&Browse…"));
    connect(browse, &QPushButton::clicked, this, &ReportDialog::chooseOutput);
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browse);
    m_outputLabel = new QLabel;
    m_outputLabel->setBuddy(m_output);
    form->addRow(m_outputLabel, outputRow);
    layout->addLayout(form);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("reportProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_problem);
    panel->setMinimumWidth(370);
    return panel;
}

QWidget* ReportDialog::buildPreview() {
    auto* box = new QGroupBox(tr("Preview"));
    auto* layout = new QVBoxLayout(box);
    auto* header = new QHBoxLayout;
    m_pages = new QLabel;
    m_pages->setObjectName(QStringLiteral("reportPageCounter"));
    m_previewButton = new QPushButton(tr("&Preview"));
    m_previewButton->setObjectName(QStringLiteral("reportPreview"));
    m_previewButton->setToolTip(tr("Render the preview again now (it also follows each change after a moment)"));
    connect(m_previewButton, &QPushButton::clicked, this, &ReportDialog::preview);
    header->addWidget(m_pages, 1);
    header->addWidget(m_previewButton);
    layout->addLayout(header);

    m_previewProgressRow = new QWidget;
    auto* progressLayout = new QHBoxLayout(m_previewProgressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    m_previewProgress = new QProgressBar;
    m_previewProgress->setTextVisible(true);
    auto* cancel = new QPushButton(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("reportPreviewCancel"));
    connect(cancel, &QPushButton::clicked, m_previewJob, &Job::cancel);
    progressLayout->addWidget(m_previewProgress, 1);
    progressLayout->addWidget(cancel);
    m_previewProgressRow->hide();
    layout->addWidget(m_previewProgressRow);

    m_previewNote = new QLabel;
    m_previewNote->setObjectName(QStringLiteral("reportPreviewNote"));
    m_previewNote->setWordWrap(true);
    m_previewNote->hide();
    layout->addWidget(m_previewNote);

    m_pdf = new QPdfDocument(this);
    m_view = new QPdfView;
    m_view->setObjectName(QStringLiteral("reportPreviewView"));
    m_view->setDocument(m_pdf);
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_view->setMinimumSize(320, 240);
    m_view->setBackgroundRole(QPalette::Dark);
    layout->addWidget(m_view, 1);
    connect(m_view->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this,
            &ReportDialog::updatePageCounter);
    connect(m_pdf, &QPdfDocument::pageCountChanged, this, &ReportDialog::updatePageCounter);
    updatePageCounter();
    return box;
}

QWidget* ReportDialog::buildExportRow() {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_open = new QPushButton(tr("&Open"));
    m_open->setObjectName(QStringLiteral("reportOpen"));
    m_open->hide();
    connect(m_open, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_lastWritten)); });
    layout->addWidget(m_status, 1);
    layout->addWidget(m_open);

    m_exportProgressRow = new QWidget;
    auto* progressLayout = new QHBoxLayout(m_exportProgressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    m_exportPhase = new QLabel;
    m_exportProgress = new QProgressBar;
    m_exportProgress->setTextVisible(false);
    m_exportProgress->setMaximumWidth(260);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("reportExportCancel"));
    connect(m_cancel, &QPushButton::clicked, m_exportJob, &Job::cancel);
    progressLayout->addWidget(m_exportPhase);
    progressLayout->addWidget(m_exportProgress);
    progressLayout->addWidget(m_cancel);
    m_exportProgressRow->hide();
    layout->addWidget(m_exportProgressRow);
    return row;
}

// ---- choices -------------------------------------------------------------------------------

void ReportDialog::restoreChoices() {
    const int kind = std::clamp(prefs::reportKind.get(), 0, 2);
    m_targets->button(kind)->setChecked(true);
    m_excluded = prefs::reportExcludedSections.get();
    m_pendingNode = prefs::reportNode.get();
    m_period->setText(prefs::reportPeriod.get());
    m_paper->setCurrentIndex(std::max(0, m_paper->findData(prefs::reportPaper.get())));
    m_title->setText(prefs::reportTitle.get());
    m_client->setText(prefs::reportClient.get());
    setLogo(prefs::reportLogo.get());
    m_xlsx->setChecked(prefs::reportXlsx.get());
    m_file = prefs::reportFile.get();
    m_folder = prefs::reportFolder.get();

    connect(m_targets, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked) targetChanged();
    });
    connect(m_sections, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const QString id = item->data(Qt::UserRole).toString();
        m_excluded.removeAll(id);
        if (item->checkState() != Qt::Checked) m_excluded << id;
        schedulePreview();
    });
    connect(m_node, &QComboBox::currentIndexChanged, this, &ReportDialog::schedulePreview);
    connect(m_period, &QLineEdit::textChanged, this, &ReportDialog::schedulePreview);
    connect(m_paper, &QComboBox::currentIndexChanged, this, &ReportDialog::schedulePreview);
    connect(m_title, &QLineEdit::textChanged, this, &ReportDialog::schedulePreview);
    connect(m_client, &QLineEdit::textChanged, this, &ReportDialog::schedulePreview);
    connect(m_output, &QLineEdit::textChanged, this, [this](const QString& text) {
        (target() == Target::PackPerManager ? m_folder : m_file) = text.trimmed();
        updateButtons();
    });
}

void ReportDialog::saveChoices() const {
    prefs::reportKind.set(int(target()));
    prefs::reportExcludedSections.set(m_excluded);
    prefs::reportNode.set(nodeCode());
    prefs::reportPeriod.set(m_period->text().trimmed());
    prefs::reportPaper.set(m_paper->currentData().toString());
    prefs::reportTitle.set(m_title->text());
    prefs::reportClient.set(m_client->text());
    prefs::reportLogo.set(m_logoPath);
    prefs::reportXlsx.set(m_xlsx->isChecked());
    prefs::reportFile.set(m_file);
    prefs::reportFolder.set(m_folder);
}

void ReportDialog::preset(Target t, const QString& nodeCode) {
    setTarget(t);
    if (!m_nodesLoaded) {
        m_pendingNode = nodeCode;
        return;
    }
    const int index = m_node->findData(nodeCode);
    m_node->setCurrentIndex(std::max(0, index));
}

ReportDialog::Target ReportDialog::target() const {
    return Target(std::max(0, m_targets->checkedId()));
}

void ReportDialog::setTarget(Target t) {
    m_targets->button(int(t))->setChecked(true);
}

QString ReportDialog::nodeCode() const {
    return m_nodesLoaded ? m_node->currentData().toString() : m_pendingNode;
}

void ReportDialog::targetChanged() {
    const bool pack = target() != Target::Report;
    const bool perManager = target() == Target::PackPerManager;
    fillSections();
    m_title->setPlaceholderText(pack ? tr("Portfolio pack") : tr("Clienting report"));
    m_xlsx->setText(perManager ? tr("Each pack's tables as a spreadsheet (CODE.xlsx)")
                               : tr("The tables as a spreadsheet (XLSX) too"));
    m_outputLabel->setText(perManager ? tr("&Folder:") : tr("&File:"));
    const QSignalBlocker block(m_output);
    m_output->setText(perManager ? m_folder : m_file);
    m_output->setPlaceholderText(perManager ? tr("the folder for CODE.pdf") : tr("the PDF to write"));
    schedulePreview();
}

void ReportDialog::fillSections() {
    const QSignalBlocker block(m_sections);
    m_sections->clear();
    const auto kind = target() == Target::Report ? report::ReportKind::Clienting : report::ReportKind::PortfolioPack;
    for (const auto* s : report::SectionRegistry::standard().sections(kind)) {
        const QString id = toQString(std::string(s->id()));
        auto* item = new QListWidgetItem(s->title(), m_sections);
        item->setData(Qt::UserRole, id);
        item->setToolTip(id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(m_excluded.contains(id) ? Qt::Unchecked : Qt::Checked);
    }
}

void ReportDialog::fillNodes(const QStringList& codes, const QStringList& labels) {
    {
        const QSignalBlocker block(m_node);
        while (m_node->count() > 1) m_node->removeItem(1);
        for (qsizetype i = 0; i < codes.size(); ++i) m_node->addItem(labels[i], codes[i]);
        m_node->setCurrentIndex(std::max(0, m_node->findData(m_pendingNode)));
    }
    m_nodesLoaded = true;
    m_pendingNode.clear();
    preview();
}

QStringList ReportDialog::sectionIds() const {
    QStringList ids;
    for (int i = 0; i < m_sections->count(); ++i) ids << m_sections->item(i)->data(Qt::UserRole).toString();
    return ids;
}

QStringList ReportDialog::checkedSections() const {
    QStringList ids;
    for (int i = 0; i < m_sections->count(); ++i)
        if (m_sections->item(i)->checkState() == Qt::Checked) ids << m_sections->item(i)->data(Qt::UserRole).toString();
    return ids;
}

void ReportDialog::setCheckedSections(const QStringList& ids) {
    for (int i = 0; i < m_sections->count(); ++i) {
        auto* item = m_sections->item(i);
        item->setCheckState(ids.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

report::ReportOptions ReportDialog::options() const {
    report::ReportOptions o;
    o.kind = target() == Target::Report ? report::ReportKind::Clienting : report::ReportKind::PortfolioPack;
    for (const QString& id : checkedSections()) o.sections.push_back(toStdString(id));
    o.node = toStdString(nodeCode());
    o.period = toStdString(m_period->text().trimmed());
    o.paper = m_paper->currentData().toString() == QLatin1String("letter") ? report::Paper::Letter : report::Paper::A4;
    o.title = m_title->text().trimmed();
    o.client = m_client->text().trimmed();
    o.logoPath = m_logoPath;
    return o;
}

QString ReportDialog::problem() const {
    if (checkedSections().isEmpty()) return tr("Check at least one section.");
    if (!kPeriod.match(m_period->text().trimmed()).hasMatch())
        return tr("The period is a year (2024), a quarter (2024-Q3) or a month (2024-09); empty: the latest month.");
    if (auto st = options().validate(); !st) {
        QString text = toQString(st.error().message);
        if (!st.error().hint.empty()) text += QStringLiteral(" — ") + toQString(st.error().hint);
        return text;
    }
    return {};
}

void ReportDialog::updateButtons() {
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_export->setEnabled(why.isEmpty() && !m_exportJob->isRunning());
    m_previewButton->setEnabled(why.isEmpty());
}

void ReportDialog::chooseLogo() {
    const QString start = m_logoPath.isEmpty() ? QFileInfo(m_document->path()).absolutePath() : m_logoPath;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Logo for the cover"), start, tr("Images (*.png *.jpg *.jpeg)"));
    if (!path.isEmpty()) setLogo(path);
}

void ReportDialog::setLogo(const QString& path) {
    m_logoPath = path;
    m_logo->setText(path.isEmpty() ? tr("none") : QFileInfo(path).fileName());
    m_logo->setToolTip(QDir::toNativeSeparators(path));
    m_clearLogo->setEnabled(!path.isEmpty());
    schedulePreview();
}

QString ReportDialog::defaultOutput() const {
    const QString dir = QFileInfo(m_document->path()).absolutePath();
    switch (target()) {
        case Target::Report: return QDir(dir).filePath(tr("Clienting report.pdf"));
        case Target::Pack:
            return QDir(dir).filePath(
                tr("Portfolio pack %1.pdf").arg(nodeCode().isEmpty() ? tr("company") : nodeCode()));
        case Target::PackPerManager: return QDir(dir).filePath(QStringLiteral("packs"));
    }
    return dir;
}

void ReportDialog::chooseOutput() {
    const QString current = m_output->text().trimmed().isEmpty() ? defaultOutput() : m_output->text().trimmed();
    QString path;
    if (target() == Target::PackPerManager) {
        QDir().mkpath(current);  // the chooser opens in it (writePortfolioPacks makes it anyway)
        path = QFileDialog::getExistingDirectory(this, tr("Folder for the packs"), current);
    } else {
        path = QFileDialog::getSaveFileName(this, tr("Write the report to"), current, tr("PDF files (*.pdf)"));
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".pdf");
    }
    if (!path.isEmpty()) m_output->setText(QDir::toNativeSeparators(path));
}

// ---- preview -------------------------------------------------------------------------------

void ReportDialog::schedulePreview() {
    updateButtons();
    if (m_nodesLoaded) m_previewDelay->start();
}

void ReportDialog::preview() {
    m_previewDelay->stop();
    if (const QString why = problem(); !why.isEmpty()) {
        m_previewJob->cancel();
        m_previewProgressRow->hide();
        m_previewNote->setText(tr("Nothing to preview: %1").arg(why.toHtmlEscaped()));
        m_previewNote->show();
        return;
    }
    if (!m_tempDir->isValid()) {
        m_previewNote->setText(tr("No temporary folder for the preview: %1").arg(m_tempDir->errorString()));
        m_previewNote->show();
        return;
    }
    ReportRequest request;
    request.options = options();
    // One pack per manager previews as the packs of the node in one document.
    m_renderFile = m_tempDir->filePath(QStringLiteral("preview-%1.pdf").arg(++m_renderCount));
    request.pdfPath = m_renderFile;
    m_previewNote->setText(target() == Target::PackPerManager
                               ? tr("The packs of the node in one document; the export writes one file each.")
                               : QString());
    m_previewNote->setVisible(target() == Target::PackPerManager);
    m_previewProgress->setRange(0, 0);
    m_previewProgress->setFormat(tr("Rendering the preview"));
    m_previewProgressRow->show();
    m_previewJob->start(m_document->path(), request);
}

void ReportDialog::showPreview(const QString& path, int pages) {
    m_previewProgressRow->hide();
    const QString previous = m_previewFile;
    const auto error = m_pdf->load(path);  // a local file pdfium opens lazily: milliseconds
    if (error != QPdfDocument::Error::None) {
        m_previewNote->setText(tr("The preview (%1 pages) could not be shown.").arg(pages));
        m_previewNote->show();
    }
    m_previewFile = path;
    if (!previous.isEmpty() && previous != path) QFile::remove(previous);
    updatePageCounter();
    updateButtons();
}

void ReportDialog::updatePageCounter() {
    const int count = m_pdf->pageCount();
    if (count <= 0) {
        m_pages->setText(tr("No pages yet"));
        return;
    }
    m_pages->setText(tr("Page %1 of %2").arg(m_view->pageNavigator()->currentPage() + 1).arg(count));
}

// ---- export --------------------------------------------------------------------------------

void ReportDialog::exportReport(const QString& path) {
    if (!problem().isEmpty() || m_exportJob->isRunning()) return;
    if (!path.isEmpty()) m_output->setText(path);
    if (m_output->text().trimmed().isEmpty()) chooseOutput();
    QString out = QDir::fromNativeSeparators(m_output->text().trimmed());
    if (out.isEmpty()) return;
    ReportRequest request;
    request.options = options();
    if (target() == Target::PackPerManager) {
        request.perManager = true;
        request.directory = out;
        request.tables = m_xlsx->isChecked();
    } else {
        if (QFileInfo(out).suffix().isEmpty()) out += QStringLiteral(".pdf");
        request.pdfPath = out;
        if (m_xlsx->isChecked()) {
            const QFileInfo info(out);
            request.xlsxPath = info.dir().filePath(info.completeBaseName() + QStringLiteral(".xlsx"));
        }
    }
    saveChoices();
    m_open->hide();
    m_status->clear();
    m_exportPhase->setText(tr("Starting"));
    m_exportProgress->setRange(0, 0);
    m_exportProgressRow->show();
    m_exportJob->start(m_document->path(), request);
    updateButtons();
}

void ReportDialog::exportWritten(const report::ReportOutput& out) {
    m_exportProgressRow->hide();
    m_lastOutput = std::make_unique<report::ReportOutput>(out);
    QString summary;
    if (target() == Target::PackPerManager) {
        m_lastWritten = m_folder;
        summary = tr("Wrote %n pack(s), ", nullptr, out.managers) + tr("%n page(s), ", nullptr, out.pages) +
                  tr("%n file(s) into %1.", nullptr, int(out.files.size())).arg(QDir::toNativeSeparators(m_folder));
    } else {
        m_lastWritten = out.files.empty() ? QString() : out.files.front();
        QStringList names;
        for (const auto& f : out.files) names << QFileInfo(f).fileName();
        summary = tr("Wrote %n page(s): ", nullptr, out.pages) + names.join(QStringLiteral(", ")) +
                  tr(" (%1 s).").arg(QLocale().toString(out.seconds, 'f', 1));
    }
    m_status->setText(summary);
    m_status->setToolTip(QDir::toNativeSeparators(m_lastWritten));
    m_open->setVisible(!m_lastWritten.isEmpty());
    updateButtons();
    emit exported(summary);
}

void ReportDialog::exportFailed(const Error& error) {
    m_exportProgressRow->hide();
    m_status->setText(tr("Not written: %1").arg(toQString(error.message)));
    updateButtons();
    // As the window shows errors: what failed, then where and what to do.
    QMessageBox box(QMessageBox::Critical, windowTitle(), tr("The report was not written."), QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("ErrorMessageBox"));
    box.setInformativeText(toQString(error.describe()));
    box.exec();
}

void ReportDialog::cancel() {
    if (m_exportJob->isRunning())
        m_exportJob->cancel();
    else
        m_previewJob->cancel();
}

bool ReportDialog::isExporting() const {
    return m_exportJob->isRunning();
}

bool ReportDialog::isPreviewing() const {
    return m_previewJob->isRunning() || m_previewDelay->isActive();
}

bool ReportDialog::isBusy() const {
    return m_nodesJob->isRunning() || isPreviewing() || isExporting();
}

void ReportDialog::done(int result) {
    saveChoices();
    m_previewDelay->stop();
    m_previewJob->cancel();
    m_exportJob->cancel();  // an export not finished is not committed: nothing half written
    QDialog::done(result);
}

}  // namespace cw::app
