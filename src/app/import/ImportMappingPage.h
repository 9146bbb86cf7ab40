#pragma once
// Import wizard, page 2: the mapping profile and what each column becomes, checked against a
// live preview of the first rows (re-run on a worker after every change).
#include <QWizardPage>

#include "app/import/PreviewJob.h"

class QComboBox;
class QLabel;
class QTableView;
class QTimer;

namespace cw::app {

class ImportDraft;
class ImportPreviewModel;
class MappingHeaderView;
class SurveyOptionsBox;
class ValueMapBox;

class ImportMappingPage : public QWizardPage {
    Q_OBJECT

public:
    ImportMappingPage(ImportDraft* draft, QString scratchDir, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    /// A preview is pending or running.
    bool isBusy() const;

    QComboBox* profileCombo() const { return m_profileCombo; }
    ImportPreviewModel* previewModel() const { return m_model; }
    MappingHeaderView* mappingHeader() const { return m_header; }
    ValueMapBox* valueMapBox() const { return m_values; }
    QString message() const;

private:
    void fillProfiles();
    void selectProfile(const std::string& name);
    void fillChoices();
    void profileChosen();
    void columnChosen(int column, const QString& value);
    void attributeToggled(int column, bool attribute);
    void requestPreview();
    void runPreview();
    void showOutcome(const PreviewJob::Outcome& outcome);
    void showMessage(const QString& text, bool problem);
    void syncSurveyBox();

    ImportDraft* m_draft;
    QString m_scratchDir;
    QComboBox* m_profileCombo;
    QLabel* m_profileHelp;
    QLabel* m_dialect;
    QTableView* m_view;
    ImportPreviewModel* m_model;
    MappingHeaderView* m_header;
    SurveyOptionsBox* m_survey;
    ValueMapBox* m_values;
    QLabel* m_messageIcon;
    QLabel* m_message;
    QTimer* m_debounce;
    PreviewJob* m_job;
    bool m_previewOk = false;
    bool m_retriedWithGuess = false;
    bool m_suggestProfile = false;  ///< no profile chosen yet: let the preview pick one
};

}  // namespace cw::app
