#pragma once
// Import wizard, page 1: which file, into which table.
#include <QWizardPage>

#include <memory>

#include "store/Importer.h"

namespace Ui {
class ImportFilePage;
}

namespace cw::app {

class ImportDraft;

class ImportFilePage : public QWizardPage {
    Q_OBJECT

public:
    ImportFilePage(ImportDraft* draft, QWidget* parent = nullptr);
    ~ImportFilePage() override;

    void setFile(const QString& path);
    void setTable(store::TargetTable table);

    bool isComplete() const override;
    bool validatePage() override;

private:
    void browse();
    void updateInfo();

    std::unique_ptr<Ui::ImportFilePage> m_ui;
    ImportDraft* m_draft;
};

}  // namespace cw::app
