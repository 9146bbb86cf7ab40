#include "app/import/ImportWizard.h"

#include "app/import/ImportFilePage.h"
#include "app/import/ImportMappingPage.h"
#include "app/import/ImportRunPage.h"

namespace cw::app {

ImportWizard::ImportWizard(const QString& workbookPath, QWidget* parent)
    : QWizard(parent),
      m_filePage(new ImportFilePage(&m_draft)),
      m_mappingPage(new ImportMappingPage(&m_draft, m_scratch.path())),
      m_runPage(new ImportRunPage(&m_draft, workbookPath, m_scratch.path())) {
    setObjectName(QStringLiteral("ImportWizard"));
    setWindowTitle(tr("Import data"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setPage(FilePageId, m_filePage);
    setPage(MappingPageId, m_mappingPage);
    setPage(RunPageId, m_runPage);
    setButtonText(QWizard::FinishButton, tr("&Close"));
    resize(1280, 760);
    connect(m_runPage, &ImportRunPage::imported, this, &ImportWizard::imported);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::setFile(const QString& path) {
    m_filePage->setFile(path);
}

void ImportWizard::setTable(store::TargetTable table) {
    m_filePage->setTable(table);
}

bool ImportWizard::isBusy() const {
    return (currentId() == MappingPageId && m_mappingPage->isBusy()) || m_runPage->isRunning();
}

void ImportWizard::reject() {
    if (m_runPage->isRunning()) {
        m_runPage->requestCancel();
        return;
    }
    QWizard::reject();
}

}  // namespace cw::app
