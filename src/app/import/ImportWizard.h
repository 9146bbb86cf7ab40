#pragma once
// The import wizard: file and table, then profile and column mapping against a live preview,
// then the import itself on a worker thread with progress, cancel and a report. The wizard has
// no connection to the workbook of its own: the worker opens one, and the window is told
// through imported() so the document can re-read.
#include <QTemporaryDir>
#include <QWizard>

#include "app/import/ImportDraft.h"
#include "store/Importer.h"

namespace cw::app {

class ImportFilePage;
class ImportMappingPage;
class ImportRunPage;

class ImportWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { FilePageId, MappingPageId, RunPageId };

    explicit ImportWizard(const QString& workbookPath, QWidget* parent = nullptr);
    ~ImportWizard() override;

    void setFile(const QString& path);
    void setTable(store::TargetTable table);
    /// A preview or the import is running.
    bool isBusy() const;

    const ImportDraft& draft() const { return m_draft; }
    ImportFilePage* filePage() const { return m_filePage; }
    ImportMappingPage* mappingPage() const { return m_mappingPage; }
    ImportRunPage* runPage() const { return m_runPage; }

public slots:
    /// While the import runs, Cancel / Escape / closing the window cancel the import (which
    /// rolls back) instead of leaving it running behind a closed dialog.
    void reject() override;

signals:
    void imported(const cw::store::ImportReport& report);

private:
    ImportDraft m_draft;
    QTemporaryDir m_scratch;  ///< edited mapping profiles
    ImportFilePage* m_filePage;
    ImportMappingPage* m_mappingPage;
    ImportRunPage* m_runPage;
};

}  // namespace cw::app
