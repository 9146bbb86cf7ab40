#pragma once
// The analyst's workspace in the main window: the Analysis menu (analyze, new matrix view,
// export), the matrix docks, the customer table and detail docks, and the linked selection
// between them through the MatrixSession. The main window creates it and places its docks.
#include <QList>
#include <QObject>

#include "core/Result.h"
#include "engine/settings/AnalysisSettings.h"

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;
class QProgressBar;
class QToolButton;

namespace cw::app {

class AnalyzeJob;
class CustomerDetailDock;
class AnalysisSummaryDock;
class CustomerTableDock;
class CustomerTableJob;
class MatrixDock;
class MatrixSession;
class WorkbookDocument;

class AnalysisWorkspace : public QObject {
    Q_OBJECT

public:
    AnalysisWorkspace(QMainWindow* window, WorkbookDocument* document);
    ~AnalysisWorkspace() override;

    /// Adds the docks to the window in their default places.
    void placeDocks();
    QMenu* createMenu();
    QList<QDockWidget*> docks() const;

    MatrixSession* session() const { return m_session; }
    MatrixDock* matrixDock() const { return m_matrixDock; }
    CustomerTableDock* tableDock() const { return m_table; }
    CustomerDetailDock* detailDock() const { return m_detail; }
    AnalysisSummaryDock* summaryDock() const { return m_summary; }
    QAction* analyzeAction() const { return m_analyze; }
    bool isBusy() const;

    /// Starts the analysis of the open workbook in the background.
    void analyze();
    /// Stores the selected customers as a segmentation "name" (selected vs others); undoable.
    Status saveSelectionAsSegment(const QString& name);
    /// Pins the selected customers with a title and a note as an insight; undoable.
    Status pinSelection(const QString& title, const QString& note);

    /// Saves new analysis definitions (an undoable edit) and re-runs the analysis in the background.
    Status changeDefinitions(const engine::AnalysisSettings& settings);

    /// Opens one more matrix view beside the others.
    MatrixDock* newMatrixView();

signals:
    void analysed();

private:
    void workbookOpened();
    void workbookClosed();
    void loadTable();
    void exportMatrix();

    QMainWindow* m_window;
    WorkbookDocument* m_document;
    MatrixSession* m_session;
    AnalyzeJob* m_job;
    CustomerTableJob* m_tableJob;
    MatrixDock* m_matrixDock;
    QList<MatrixDock*> m_extraViews;
    CustomerTableDock* m_table;
    CustomerDetailDock* m_detail;
    AnalysisSummaryDock* m_summary;
    QAction* m_analyze = nullptr;
    QAction* m_newView = nullptr;
    QAction* m_export = nullptr;
    QAction* m_definitions = nullptr;
    QList<QAction*> m_selectionActions;  ///< save as segment, pin, clear: need a selection
    /// Enables what can act now: nothing acts on no workbook, no matrix or no selection.
    void updateActions();
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancel = nullptr;
    bool m_rerun = false;
};

}  // namespace cw::app
