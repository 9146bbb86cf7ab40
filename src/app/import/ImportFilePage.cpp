#include "app/import/ImportFilePage.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>

#include "app/widgets/Format.h"
#include "app/import/ImportDraft.h"
#include "app/window/AppSettings.h"
#include "ui_ImportFilePage.h"

namespace cw::app {
namespace {

constexpr store::TargetTable kTables[] = {
    store::TargetTable::Transactions, store::TargetTable::Customers,   store::TargetTable::Managers,
    store::TargetTable::Survey,       store::TargetTable::CostToServe, store::TargetTable::Notes};

}  // namespace

ImportFilePage::ImportFilePage(ImportDraft* draft, QWidget* parent)
    : QWizardPage(parent), m_ui(std::make_unique<Ui::ImportFilePage>()), m_draft(draft) {
    m_ui->setupUi(this);
    setTitle(tr("Choose the file"));
    setSubTitle(
        tr("A delimited text file (CSV, semicolon, tab…) and the workbook table it feeds. "
           "Nothing is stored until the last step."));
    for (auto t : kTables)
        m_ui->tableCombo->addItem(tableTitle(std::string(store::targetTableName(t))),
                                  static_cast<int>(t));
    m_ui->fileInfo->setForegroundRole(QPalette::PlaceholderText);
    m_ui->tableHelp->setForegroundRole(QPalette::PlaceholderText);

    connect(m_ui->browseButton, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(m_ui->fileEdit, &QLineEdit::textChanged, this, [this] {
        updateInfo();
        emit completeChanged();
    });
    connect(m_ui->tableCombo, &QComboBox::currentIndexChanged, this, &ImportFilePage::updateInfo);
    updateInfo();
}

ImportFilePage::~ImportFilePage() = default;

void ImportFilePage::setFile(const QString& path) {
    m_ui->fileEdit->setText(path);
}

void ImportFilePage::setTable(store::TargetTable table) {
    m_ui->tableCombo->setCurrentIndex(m_ui->tableCombo->findData(static_cast<int>(table)));
}

void ImportFilePage::browse() {
    const QString start = m_ui->fileEdit->text().isEmpty()
                              ? prefs::lastImportDirectory.get()
                              : QFileInfo(m_ui->fileEdit->text()).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import file"), start,
                                     tr("Delimited text (*.csv *.tsv *.txt *.dat);;All files (*)"));
    if (path.isEmpty()) return;
    prefs::lastImportDirectory.set(QFileInfo(path).absolutePath());
    m_ui->fileEdit->setText(QDir::toNativeSeparators(path));
}

void ImportFilePage::updateInfo() {
    const QFileInfo file(m_ui->fileEdit->text().trimmed());
    if (m_ui->fileEdit->text().trimmed().isEmpty())
        m_ui->fileInfo->clear();
    else if (!file.isFile())
        m_ui->fileInfo->setText(tr("There is no file at this path."));
    else
        m_ui->fileInfo->setText(
            tr("%1, modified %2")
                .arg(QLocale().formattedDataSize(file.size()),
                     QLocale().toString(file.lastModified(), QLocale::ShortFormat)));

    const auto table = static_cast<store::TargetTable>(m_ui->tableCombo->currentData().toInt());
    QStringList required, optional;
    for (const auto& f : store::targetFields(table))
        (f.required ? required : optional) << toQString(f.name);
    QString help = required.isEmpty()
                       ? tr("No field is required on its own.")
                       : tr("Required: %1.").arg(required.join(QStringLiteral(", ")));
    if (table == store::TargetTable::Transactions)
        help += QLatin1Char(' ') + tr("Revenue, or quantity and unit_price.");
    if (table == store::TargetTable::Survey)
        help =
            tr("Required: customer_id or respondent_id, and overall, recommend or attribute "
               "columns.");
    help += QLatin1Char(' ') + tr("Optional: %1.").arg(optional.join(QStringLiteral(", ")));
    m_ui->tableHelp->setText(help);
}

bool ImportFilePage::isComplete() const {
    return QFileInfo(m_ui->fileEdit->text().trimmed()).isFile();
}

bool ImportFilePage::validatePage() {
    const auto table = static_cast<store::TargetTable>(m_ui->tableCombo->currentData().toInt());
    const std::string file =
        toStdString(QFileInfo(m_ui->fileEdit->text().trimmed()).absoluteFilePath());
    if (file != m_draft->file || table != m_draft->table) {
        m_draft->file = file;
        m_draft->table = table;
        m_draft->profile.clear();
        m_draft->resetColumns();
    }
    return true;
}

}  // namespace cw::app
