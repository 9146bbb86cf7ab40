#pragma once
// The Data quality dock: the store's audit (completeness per column, findings) for the open
// workbook, recomputed off the GUI thread whenever the data changes or the user asks.
#include <QDockWidget>

#include <memory>

#include "store/Audit.h"

class QLabel;
class QProgressBar;
class QTableView;
class QToolButton;

namespace cw::app {

class AuditJob;
class CompletenessModel;
class FindingsModel;
class WorkbookDocument;

class DataQualityDock : public QDockWidget {
    Q_OBJECT

public:
    explicit DataQualityDock(WorkbookDocument* document, QWidget* parent = nullptr);

    /// Starts a new audit of the open workbook (a running one is superseded).
    void refresh();
    bool isBusy() const;
    std::shared_ptr<const store::AuditReport> report() const { return m_report; }
    CompletenessModel* completenessModel() const { return m_completeness; }
    FindingsModel* findingsModel() const { return m_findings; }

signals:
    /// A new report (nullptr when the workbook was closed).
    void reportChanged(std::shared_ptr<const cw::store::AuditReport> report);

private:
    void clear();
    void showReport(std::shared_ptr<const store::AuditReport> report);
    void showFailure(const QString& message);

    WorkbookDocument* m_document;
    AuditJob* m_job;
    std::shared_ptr<const store::AuditReport> m_report;
    CompletenessModel* m_completeness;
    FindingsModel* m_findings;
    QLabel* m_status;
    QProgressBar* m_progress;
    QToolButton* m_refresh;
};

}  // namespace cw::app
