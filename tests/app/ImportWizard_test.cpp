// The import wizard, driven as a user would: file and table, mapping checked against the
// preview, the import on a worker, the report; the window's docks then show the new data.
#include <QComboBox>
#include <QLabel>
#include <QSettings>

#include "AppTestSupport.h"
#include "app/import/DataSourcesDock.h"
#include "app/import/ImportMappingPage.h"
#include "app/import/ValueMapBox.h"
#include "app/import/ImportPreviewModel.h"
#include "app/import/ImportRunPage.h"
#include "app/import/ImportWizard.h"
#include "app/import/ImportsModel.h"
#include "app/window/MainWindow.h"
#include "app/import/MappingHeaderView.h"
#include "app/workbook/OverviewPage.h"
#include "app/workbook/WorkbookDocument.h"

using namespace cw;
using namespace cw::app;
using cw::test::TempDir;
using cw::test::waitFor;

namespace {

class ImportWizardTest : public ::testing::Test {
protected:
    void SetUp() override {
        QSettings().clear();
        path = dir.file("fresh.cwb");
        ASSERT_TRUE(window.document()->create(QString::fromStdString(path)).ok());
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    }

    /// Opens the wizard on `file` for `table` and waits for the mapping page's preview.
    ImportWizard* openOnMappingPage(const std::string& file, store::TargetTable table) {
        ImportWizard* wizard = window.showImportWizard();
        EXPECT_NE(wizard, nullptr);
        if (!wizard) return nullptr;
        wizard->setFile(QString::fromStdString(file));
        wizard->setTable(table);
        wizard->next();
        EXPECT_EQ(wizard->currentId(), ImportWizard::MappingPageId);
        EXPECT_TRUE(waitFor([&] { return !wizard->mappingPage()->isBusy(); }));
        return wizard;
    }

    TempDir dir;
    std::string path;
    MainWindow window;
};

TEST_F(ImportWizardTest, ImportsACsvThroughTheWorkerAndTheCountsAppear) {
    const auto csv = dir.write("sales.csv",
                               "customer_id,date,revenue\n"
                               "C1,2024-01-05,10.5\n"
                               "C2,2024-01-06,20\n"
                               "C1,not a date,5\n"
                               "C3,2024-02-01,7.25\n");
    ImportWizard* wizard = openOnMappingPage(csv, store::TargetTable::Transactions);
    ASSERT_NE(wizard, nullptr);

    // The preview shows the file's rows and marks the one the import would reject.
    ImportMappingPage* mapping = wizard->mappingPage();
    ASSERT_TRUE(mapping->isComplete()) << mapping->message().toStdString();
    const ImportPreviewModel* preview = mapping->previewModel();
    ASSERT_EQ(preview->rowCount(), 4);
    EXPECT_EQ(preview->columnCount(), 4);  // status + three file columns
    EXPECT_EQ(preview->rejectedRows(), 1);
    EXPECT_TRUE(preview->index(2, 0).data(ImportPreviewModel::RejectedRole).toBool());
    EXPECT_TRUE(preview->index(2, 1).data(Qt::ToolTipRole).toString().contains("invalid_date"));
    EXPECT_FALSE(preview->index(0, 0).data(ImportPreviewModel::RejectedRole).toBool());
    EXPECT_TRUE(preview->index(0, 0).data(Qt::ToolTipRole).toString().contains("C1"));
    EXPECT_EQ(preview->headerData(1, Qt::Horizontal, ImportPreviewModel::ChoiceRole).toString(),
              "customer_id");
    ASSERT_NE(mapping->mappingHeader()->comboForColumn(2), nullptr);
    EXPECT_EQ(mapping->mappingHeader()->comboForColumn(2)->currentData().toString(), "revenue");

    wizard->next();  // "Import": runs on the worker
    ASSERT_EQ(wizard->currentId(), ImportWizard::RunPageId);
    ImportRunPage* run = wizard->runPage();
    ASSERT_TRUE(waitFor([&] { return run->isFinished(); }));
    ASSERT_TRUE(run->report().has_value()) << run->headline().toStdString();
    EXPECT_EQ(run->report()->loaded, 3);
    EXPECT_EQ(run->report()->rejected, 1);
    EXPECT_EQ(run->report()->reasons.at("invalid_date"), 1);
    EXPECT_TRUE(run->isComplete());

    // The document re-read the workbook; docks, overview and status bar show the import.
    EXPECT_EQ(window.document()->summary().count("transactions"), 3);
    const ImportsModel* imports = window.dataSourcesDock()->importsModel();
    ASSERT_EQ(imports->rowCount(), 1);
    EXPECT_EQ(imports->index(0, ImportsModel::LoadedColumn).data().toString(), "3");
    EXPECT_EQ(imports->index(0, ImportsModel::RejectedColumn).data().toString(), "1");
    EXPECT_EQ(window.overviewPage()->tileValue("transactions"), "3");
    EXPECT_EQ(window.overviewPage()->tileValue("customers"), "3");
    EXPECT_TRUE(window.statusCounts()->text().startsWith("3 customers"))
        << window.statusCounts()->text().toStdString();

    // And the data really is in the file.
    auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
    ASSERT_TRUE(wb.ok());
    EXPECT_EQ(wb->tableCounts().at("transactions"), 3);
    wizard->accept();
}

TEST_F(ImportWizardTest, ColumnsTheProfileCannotMapAreMappedInTheHeader) {
    // No column name the generic profile knows: the store refuses the mapping, the page still
    // shows the file, and the user maps the columns with the header combos.
    const auto csv = dir.write("kassa.csv",
                               "kunde;tag;betrag;notiz\n"
                               "K1;2024-03-01;12,50;x\n"
                               "K2;2024-03-02;3,75;y\n");
    ImportWizard* wizard = openOnMappingPage(csv, store::TargetTable::Transactions);
    ASSERT_NE(wizard, nullptr);
    ImportMappingPage* mapping = wizard->mappingPage();
    EXPECT_FALSE(mapping->isComplete());
    EXPECT_TRUE(mapping->message().contains("customer_id")) << mapping->message().toStdString();
    ASSERT_EQ(mapping->previewModel()->rowCount(), 2);

    auto choose = [&](int column, const char* field) {
        QComboBox* combo = mapping->mappingHeader()->comboForColumn(column);
        ASSERT_NE(combo, nullptr);
        const int index = combo->findData(QString::fromLatin1(field));
        ASSERT_GE(index, 0) << field;
        combo->setCurrentIndex(index);
        emit combo->activated(index);  // what a user's pick emits
    };
    choose(0, "customer_id");
    choose(1, "date");
    choose(2, "revenue");
    ASSERT_TRUE(waitFor([&] { return !mapping->isBusy(); }));
    ASSERT_TRUE(mapping->isComplete()) << mapping->message().toStdString();
    EXPECT_EQ(mapping->previewModel()->rejectedRows(), 0);
    EXPECT_EQ(wizard->draft().choices()[3], ImportDraft::kIgnore);

    wizard->next();
    ASSERT_TRUE(waitFor([&] { return wizard->runPage()->isFinished(); }));
    ASSERT_TRUE(wizard->runPage()->report().has_value())
        << wizard->runPage()->headline().toStdString();
    EXPECT_EQ(wizard->runPage()->report()->loaded, 2);
    EXPECT_EQ(window.document()->summary().count("transactions"), 2);
    // Decimal commas of a semicolon file: 12,50 + 3,75.
    auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
    ASSERT_TRUE(wb.ok());
    auto sum = wb->db().queryText("SELECT printf('%.2f', sum(revenue)) FROM transactions");
    EXPECT_EQ(sum.value_or(""), "16.25");
    wizard->accept();
}

TEST_F(ImportWizardTest, CancelRollsBackAndStoresNothing) {
    std::string big = "customer_id,date,revenue\n";
    for (int i = 0; i < 120000; ++i)
        big += "C" + std::to_string(i % 5000) + ",2024-01-" + std::to_string(1 + i % 28) + "," +
               std::to_string(i % 100) + ".5\n";
    const auto csv = dir.write("big.csv", big);
    ImportWizard* wizard = openOnMappingPage(csv, store::TargetTable::Transactions);
    ASSERT_NE(wizard, nullptr);
    ASSERT_TRUE(wizard->mappingPage()->isComplete());

    wizard->next();
    ImportRunPage* run = wizard->runPage();
    ASSERT_TRUE(run->isRunning());
    wizard->reject();  // Cancel while importing cancels the import, not the dialog
    EXPECT_TRUE(wizard->isVisible());
    ASSERT_TRUE(waitFor([&] { return run->isFinished(); }));
    EXPECT_FALSE(run->report().has_value());
    EXPECT_TRUE(run->headline().contains("cancelled")) << run->headline().toStdString();

    auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
    ASSERT_TRUE(wb.ok());
    EXPECT_EQ(wb->tableCounts().at("transactions"), 0);
    EXPECT_TRUE(wb->imports().empty());
    EXPECT_EQ(window.dataSourcesDock()->importsModel()->rowCount(), 0);
    wizard->reject();  // now it closes
    EXPECT_TRUE(waitFor([&] { return window.importWizard() == nullptr; }));
}

}  // namespace

namespace {

// Text answers become numbers in the wizard, as with --value-map: "Satisfied" rejected every
// airline row before; "?" reads as no value, as with --na-value.
TEST_F(ImportWizardTest, TextAnswersAreReadAsNumbersThroughTheValueMap) {
    const auto csv = dir.write("survey.csv",
                               "respondent_id,overall,recommend\n"
                               "R1,Satisfied,9\n"
                               "R2,Neutral or Dissatisfied,3\n"
                               "R3,satisfied,?\n");
    ImportWizard* wizard = openOnMappingPage(csv, store::TargetTable::Survey);
    ASSERT_NE(wizard, nullptr);
    ImportMappingPage* mapping = wizard->mappingPage();
    EXPECT_EQ(mapping->previewModel()->rejectedRows(), 3) << "text answers cannot be scores as written";

    auto* box = mapping->valueMapBox();
    ASSERT_NE(box, nullptr);
    box->setValues({"overall: Satisfied=1, \"Neutral or Dissatisfied\"=0"}, {"?"});
    emit box->changed();
    ASSERT_TRUE(waitFor([&] { return !mapping->isBusy(); }));
    EXPECT_EQ(mapping->previewModel()->rejectedRows(), 0) << mapping->message().toStdString();

    // A map that cannot be read says so, and the import cannot start.
    box->setValues({"overall Satisfied"}, {});
    emit box->changed();
    ASSERT_TRUE(waitFor([&] { return !mapping->isBusy(); }));
    EXPECT_FALSE(mapping->isComplete());
    EXPECT_TRUE(mapping->message().contains(QStringLiteral("FIELD:TEXT=VALUE"))) << mapping->message().toStdString();

    box->setValues({"overall: Satisfied=1, \"Neutral or Dissatisfied\"=0"}, {"?"});
    emit box->changed();
    ASSERT_TRUE(waitFor([&] { return !mapping->isBusy() && mapping->isComplete(); }));
    wizard->next();
    ImportRunPage* run = wizard->runPage();
    ASSERT_TRUE(waitFor([&] { return run->isFinished(); }));
    ASSERT_TRUE(run->report().has_value()) << run->headline().toStdString();
    EXPECT_EQ(run->report()->loaded, 3);
    auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
    ASSERT_TRUE(wb.ok());
    EXPECT_EQ(wb->db().queryInt("SELECT count(*) FROM survey_responses WHERE overall = 1").value_or(-1), 2);
    EXPECT_EQ(wb->db().queryInt("SELECT count(*) FROM survey_responses WHERE overall = 0").value_or(-1), 1);
    EXPECT_EQ(wb->db().queryInt("SELECT count(*) FROM survey_responses WHERE recommend IS NULL").value_or(-1), 1);
    wizard->accept();
}

}  // namespace
