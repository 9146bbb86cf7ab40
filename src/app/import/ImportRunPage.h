#pragma once
// Import wizard, page 3: runs the import on a worker (progress, cancel), then shows the report
// (loaded, rejected and why, returns, anonymous sales, warnings) and offers the rejects as CSV.
#include <QWizardPage>

#include <optional>

#include "app/import/ImportJob.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace cw::app {

class ImportDraft;

class ImportRunPage : public QWizardPage {
    Q_OBJECT

public:
    ImportRunPage(ImportDraft* draft, QString workbookPath, QString scratchDir,
                  QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    bool isRunning() const { return m_job->isRunning(); }
    bool isFinished() const { return m_finished; }
    /// Asks the running import to stop; it rolls back and the page says so.
    void requestCancel();
    const std::optional<store::ImportReport>& report() const { return m_report; }
    QString headline() const;

signals:
    void imported(const cw::store::ImportReport& report);

private:
    void showProgress(const QString& phase, qint64 done, qint64 total);
    void showOutcome(const ImportJob::Outcome& outcome);
    void showReport(const store::ImportReport& report);
    void setHeadline(const QString& text, bool problem);
    void saveRejects();

    ImportDraft* m_draft;
    QString m_workbookPath;
    QString m_scratchDir;
    ImportJob* m_job;
    QLabel* m_icon;
    QLabel* m_headline;
    QLabel* m_phase;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QTreeWidget* m_details;
    QPushButton* m_saveRejects;
    QPushButton* m_changeMapping;
    std::optional<store::ImportReport> m_report;
    bool m_finished = false;
};

}  // namespace cw::app
