#pragma once
// What the last analysis found, in the window as on the command line: the window of time,
// customers, active, exits and profitable exits, anorexia, revenue and margin, the survey (NPS,
// R²), each purchase model fitted or why not, and every warning. Shown after each analysis and
// when a workbook is opened (from the summary stored with the run).
#include <QDockWidget>

class QTextBrowser;

namespace cw::app {

class AnalysisSummaryDock : public QDockWidget {
    Q_OBJECT
public:
    explicit AnalysisSummaryDock(QWidget* parent = nullptr);
    /// The summary as stored in analysis_runs.summary (AnalysisSummary::toJson); empty: none yet.
    void setSummaryJson(const QString& json);
    /// The text shown, for tests and copying.
    QString text() const;

private:
    QTextBrowser* m_view;
};

}  // namespace cw::app
