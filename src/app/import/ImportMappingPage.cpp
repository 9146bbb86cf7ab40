#include "app/import/ImportMappingPage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "app/widgets/Format.h"
#include "app/import/ImportDraft.h"
#include "app/import/ImportPreviewModel.h"
#include "app/import/MappingHeaderView.h"
#include "app/import/SurveyOptionsBox.h"
#include "app/import/ValueMapBox.h"
#include "store/MappingProfile.h"

namespace cw::app {

ImportMappingPage::ImportMappingPage(ImportDraft* draft, QString scratchDir, QWidget* parent)
    : QWizardPage(parent),
      m_draft(draft),
      m_scratchDir(std::move(scratchDir)),
      m_profileCombo(new QComboBox),
      m_profileHelp(new QLabel),
      m_dialect(new QLabel),
      m_view(new QTableView),
      m_model(new ImportPreviewModel(this)),
      m_header(new MappingHeaderView(ImportPreviewModel::FileColumnRole,
                                     ImportPreviewModel::ChoiceRole)),
      m_survey(new SurveyOptionsBox),
      m_values(new ValueMapBox),
      m_messageIcon(new QLabel),
      m_message(new QLabel),
      m_debounce(new QTimer(this)),
      m_job(new PreviewJob(this)) {
    setTitle(tr("Map the columns"));
    setSubTitle(
        tr("Choose a profile, then check what each column becomes. The first rows show "
           "what the import would load or reject."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import"));

    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profileHelp->setWordWrap(true);
    m_profileHelp->setForegroundRole(QPalette::PlaceholderText);
    m_dialect->setForegroundRole(QPalette::PlaceholderText);

    m_view->setHorizontalHeader(m_header);
    m_view->setModel(m_model);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_header->setSectionResizeMode(QHeaderView::Interactive);
    m_header->setStretchLastSection(true);

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageIcon->setAlignment(Qt::AlignTop);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);

    auto* profileLabel = new QLabel(tr("&Profile:"));
    profileLabel->setBuddy(m_profileCombo);
    auto* profileRow = new QHBoxLayout;
    profileRow->addWidget(profileLabel);
    profileRow->addWidget(m_profileCombo, 1);
    auto* messageRow = new QHBoxLayout;
    messageRow->addWidget(m_messageIcon);
    messageRow->addWidget(m_message, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(profileRow);
    layout->addWidget(m_profileHelp);
    layout->addWidget(m_dialect);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_survey);
    layout->addWidget(m_values);
    layout->addLayout(messageRow);

    connect(m_profileCombo, &QComboBox::activated, this, &ImportMappingPage::profileChosen);
    connect(m_header, &MappingHeaderView::choiceChanged, this, &ImportMappingPage::columnChosen);
    connect(m_survey, &SurveyOptionsBox::attributeToggled, this,
            &ImportMappingPage::attributeToggled);
    connect(m_survey, &SurveyOptionsBox::settingsChanged, this, [this] {
        m_draft->scale = m_survey->scale();
        m_draft->naValue = m_survey->naValue();
        requestPreview();
    });
    connect(m_values, &ValueMapBox::changed, this, [this] {
        m_draft->valueMaps = m_values->valueMaps();
        m_draft->naTexts = m_values->naTexts();
        requestPreview();
    });
    connect(m_debounce, &QTimer::timeout, this, &ImportMappingPage::runPreview);
    connect(m_job, &PreviewJob::finished, this, &ImportMappingPage::showOutcome);
}

void ImportMappingPage::initializePage() {
    m_suggestProfile = m_draft->profile.empty();
    fillProfiles();
    fillChoices();
    m_survey->setVisible(m_draft->table == store::TargetTable::Survey);
    m_survey->setScale(m_draft->scale);
    m_survey->setNaValue(m_draft->naValue);
    m_values->setValues(m_draft->valueMaps, m_draft->naTexts);
    if (!m_draft->hasColumns()) m_model->clear();
    requestPreview();
}

void ImportMappingPage::fillProfiles() {
    const QSignalBlocker block(m_profileCombo);
    m_profileCombo->clear();
    const std::string table(store::targetTableName(m_draft->table));
    for (const auto& p : store::availableProfiles()) {
        if (p.table != table) continue;
        m_profileCombo->addItem(toQString(p.title), toQString(p.name));
        m_profileCombo->setItemData(m_profileCombo->count() - 1, toQString(p.description),
                                    Qt::ToolTipRole);
    }
    selectProfile(m_draft->profileName());
}

void ImportMappingPage::selectProfile(const std::string& name) {
    const QSignalBlocker block(m_profileCombo);
    const int index = m_profileCombo->findData(toQString(name));
    m_profileCombo->setCurrentIndex(index < 0 ? 0 : index);
    m_draft->profile = toStdString(m_profileCombo->currentData().toString());
    m_profileHelp->setText(m_profileCombo->currentData(Qt::ToolTipRole).toString());
}

void ImportMappingPage::fillChoices() {
    QList<MappingHeaderView::Choice> choices;
    choices.append(
        {tr("(not imported)"), ImportDraft::kIgnore, tr("The column is left out of the workbook")});
    if (m_draft->tableKeepsCustomFields())
        choices.append({tr("(custom field)"), ImportDraft::kCustom,
                        tr("Kept as an extra, typed field; unmapped columns are kept or left out "
                           "together")});
    if (m_draft->table == store::TargetTable::Survey)
        choices.append({tr("(service attribute)"), ImportDraft::kAttribute,
                        tr("A score per service attribute")});
    for (const auto& f : store::targetFields(m_draft->table))
        choices.append({toQString(f.name) + (f.required ? QStringLiteral(" *") : QString()),
                        toQString(f.name), toQString(f.description)});
    m_header->setChoices(choices);
}

void ImportMappingPage::profileChosen() {
    m_suggestProfile = false;
    selectProfile(toStdString(m_profileCombo->currentData().toString()));
    m_draft->resetColumns();
    m_retriedWithGuess = false;
    requestPreview();
}

void ImportMappingPage::columnChosen(int column, const QString& value) {
    m_draft->choose(column, toStdString(value));
    m_model->setPreview(m_model->preview(), m_draft->choices());
    syncSurveyBox();
    requestPreview();
}

void ImportMappingPage::attributeToggled(int column, bool attribute) {
    if (attribute)
        m_draft->choose(column, ImportDraft::kAttribute);
    else
        m_draft->clearColumn(column);
    m_model->setPreview(m_model->preview(), m_draft->choices());
    requestPreview();
}

void ImportMappingPage::requestPreview() {
    m_previewOk = false;
    emit completeChanged();
    m_debounce->start();
}

void ImportMappingPage::runPreview() {
    auto options = m_draft->toOptions(toStdString(m_scratchDir));
    if (!options) {
        showMessage(toQString(options.error().describe()), true);
        // A value map that cannot be read is said where it is typed, too.
        m_values->setError(options.error().message.find("value map") != std::string::npos
                               ? toQString(options.error().message) : QString());
        return;
    }
    m_values->setError({});
    m_job->start(*options, m_suggestProfile);
}

void ImportMappingPage::showOutcome(const PreviewJob::Outcome& outcome) {
    if (m_debounce->isActive()) return;  // a newer preview is on its way
    if (m_suggestProfile) {
        m_suggestProfile = false;
        if (!outcome.suggestedProfile.empty()) selectProfile(outcome.suggestedProfile);
    }
    const auto& pv = outcome.preview;
    if (!outcome.error) {
        if (!m_draft->hasColumns()) m_draft->initColumns(pv.header, pv.columnRoles);
    } else if (outcome.rawOnly && !m_draft->hasColumns()) {
        // The profile misses a required field: show its partial mapping and try it once.
        m_draft->initColumnsFromProfile(pv.header);
        if (!m_retriedWithGuess) {
            m_retriedWithGuess = true;
            requestPreview();
        }
    }
    m_model->setPreview(pv, m_draft->choices());
    m_view->resizeColumnsToContents();
    // Long descriptions would push every other column out of sight.
    const int widest = m_view->fontMetrics().averageCharWidth() * 26;
    for (int s = 0; s < m_header->count(); ++s)
        if (m_header->sectionSize(s) > widest) m_header->resizeSection(s, widest);
    syncSurveyBox();
    m_dialect->setText(
        pv.dialect.empty()
            ? QString()
            : tr("Read as: %1 · first %2 rows").arg(toQString(pv.dialect)).arg(pv.rows.size()));
    m_previewOk = !outcome.error;
    emit completeChanged();

    if (outcome.error) {
        showMessage(toQString(outcome.error->describe()), true);
        return;
    }
    const int rejected = m_model->rejectedRows();
    QString text = rejected == 0
                       ? tr("Every row shown would be loaded.")
                       : tr("%1 of the %2 rows shown would be rejected (point at a row for the "
                            "reason).")
                             .arg(rejected)
                             .arg(m_model->rowCount());
    for (const auto& w : pv.warnings) text += QStringLiteral("\n") + toQString(w);
    showMessage(text, rejected > 0 || !pv.warnings.empty());
}

void ImportMappingPage::showMessage(const QString& text, bool problem) {
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_messageIcon->setPixmap(style()
                                 ->standardIcon(problem ? QStyle::SP_MessageBoxWarning
                                                        : QStyle::SP_MessageBoxInformation)
                                 .pixmap(size, size));
    m_message->setText(text);
}

QString ImportMappingPage::message() const {
    return m_message->text();
}

void ImportMappingPage::syncSurveyBox() {
    if (m_draft->table != store::TargetTable::Survey) return;
    std::vector<bool> attribute;
    for (const auto& c : m_draft->choices()) attribute.push_back(c == ImportDraft::kAttribute);
    m_survey->setColumns(m_draft->header(), attribute);
}

bool ImportMappingPage::isComplete() const {
    return m_previewOk && !isBusy();
}

bool ImportMappingPage::isBusy() const {
    return m_debounce->isActive() || m_job->isRunning();
}

}  // namespace cw::app
