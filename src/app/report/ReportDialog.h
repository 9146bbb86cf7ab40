#pragma once
// The Report dialog (File › Report…, and "Portfolio pack…" in the Portfolio dock): what to write
// (the Clienting report, one portfolio pack for the managers at and under a node, or one pack per
// manager into a folder), its sections, node, period, paper, cover texts and logo, the
// spreadsheet, and where to write. Built in code (no .ui form: the preview and the lists are
// filled at run time). The right half previews the report: rendered into a temporary PDF on a
// worker (ReportJob) when the dialog opens and 600 ms after each change, then shown in a
// QPdfView with a page counter. Export runs on another ReportJob, with progress and Cancel; success
// is a line in the dialog with an Open button, an error a message with the file and a hint. The
// last choices are kept (prefs::report…).
#include <QDialog>
#include <QStringList>

#include <memory>

#include "report/Report.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPdfDocument;
class QPdfView;
class QProgressBar;
class QPushButton;
class QTemporaryDir;
class QTimer;

namespace cw::app {

class ReportJob;
class ReportNodesJob;
class WorkbookDocument;
struct ReportRequest;

class ReportDialog : public QDialog {
    Q_OBJECT

public:
    /// What the dialog writes; the values are those kept in prefs::reportKind.
    enum class Target { Report = 0, Pack = 1, PackPerManager = 2 };

    explicit ReportDialog(WorkbookDocument* document, QWidget* parent = nullptr);
    ~ReportDialog() override;

    /// Chooses what to write and the node ("" : the company); a node not yet read is chosen once
    /// the hierarchy arrives.
    void preset(Target target, const QString& nodeCode);

    Target target() const;
    void setTarget(Target target);
    /// The code of the node chosen, "" for the company.
    QString nodeCode() const;
    /// The sections listed (ids) and those checked, in report order.
    QStringList sectionIds() const;
    QStringList checkedSections() const;
    /// Checks exactly these sections.
    void setCheckedSections(const QStringList& ids);
    /// The options as chosen (validated by the report itself).
    report::ReportOptions options() const;

    /// Starts writing the chosen file(s) (the output field, or `path` when given).
    void exportReport(const QString& path = {});
    /// Starts rendering the preview now (the Preview button).
    void preview();
    /// Cancels the export, or else the preview.
    void cancel();
    bool isExporting() const;
    bool isPreviewing() const;
    /// Reading the nodes, rendering the preview or exporting.
    bool isBusy() const;

    QListWidget* sectionList() const { return m_sections; }
    QComboBox* nodeBox() const { return m_node; }
    QLineEdit* periodEdit() const { return m_period; }
    QLineEdit* outputEdit() const { return m_output; }
    QCheckBox* xlsxBox() const { return m_xlsx; }
    QPdfView* previewView() const { return m_view; }
    QPdfDocument* previewDocument() const { return m_pdf; }
    QLabel* pageCounter() const { return m_pages; }
    QLabel* exportStatus() const { return m_status; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* cancelButton() const { return m_cancel; }
    /// What the last export wrote (null before the first one succeeded).
    const report::ReportOutput* lastOutput() const { return m_lastOutput.get(); }

signals:
    /// An export finished: the status line, for the main window's status bar too.
    void exported(const QString& summary);

protected:
    void done(int result) override;

private:
    QWidget* buildOptions();
    QWidget* buildPreview();
    QWidget* buildExportRow();
    void fillSections();
    void fillNodes(const QStringList& codes, const QStringList& labels);
    void restoreChoices();
    void saveChoices() const;
    void chooseOutput();
    void chooseLogo();
    void setLogo(const QString& path);
    void targetChanged();
    /// Restarts the preview's delay (a choice changed).
    void schedulePreview();
    /// Why the choices cannot be written (empty when they can).
    QString problem() const;
    void updateButtons();
    QString defaultOutput() const;
    void showPreview(const QString& path, int pages);
    void exportWritten(const report::ReportOutput& out);
    void exportFailed(const Error& error);
    void updatePageCounter();

    WorkbookDocument* m_document;
    ReportJob* m_previewJob;
    ReportJob* m_exportJob;
    ReportNodesJob* m_nodesJob;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_previewFile;   ///< the PDF shown
    QString m_renderFile;    ///< the PDF being rendered
    int m_renderCount = 0;
    QString m_pendingNode;   ///< chosen before the nodes were read
    bool m_nodesLoaded = false;
    QString m_logoPath;
    QStringList m_excluded;  ///< sections unchecked, of either kind
    QString m_file, m_folder;  ///< the output of each: a PDF, or a folder for one pack per manager
    QString m_lastWritten;   ///< what Open opens
    std::unique_ptr<report::ReportOutput> m_lastOutput;
    QTimer* m_previewDelay;

    QButtonGroup* m_targets = nullptr;
    QListWidget* m_sections = nullptr;
    QComboBox* m_node = nullptr;
    QLineEdit* m_period = nullptr;
    QComboBox* m_paper = nullptr;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_client = nullptr;
    QLabel* m_logo = nullptr;
    QPushButton* m_clearLogo = nullptr;
    QCheckBox* m_xlsx = nullptr;
    QLabel* m_outputLabel = nullptr;
    QLineEdit* m_output = nullptr;
    QLabel* m_problem = nullptr;

    QPdfDocument* m_pdf = nullptr;
    QPdfView* m_view = nullptr;
    QLabel* m_pages = nullptr;
    QLabel* m_previewNote = nullptr;
    QWidget* m_previewProgressRow = nullptr;
    QProgressBar* m_previewProgress = nullptr;
    QPushButton* m_previewButton = nullptr;

    QWidget* m_exportProgressRow = nullptr;
    QProgressBar* m_exportProgress = nullptr;
    QLabel* m_exportPhase = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_export = nullptr;
};

}  // namespace cw::app
