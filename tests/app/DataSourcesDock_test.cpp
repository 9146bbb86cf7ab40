// The Data sources dock adapts the workbook's imports and table counts: one row per import with
// what was loaded and rejected and why, and the rows of each table.
#include <QTableView>

#include "AppTestSupport.h"
#include "app/import/DataSourcesDock.h"
#include "app/import/ImportsModel.h"
#include "app/workbook/TableCountsModel.h"
#include "app/workbook/WorkbookDocument.h"

using namespace cw;
using namespace cw::app;
using cw::test::TempDir;

namespace {

QString cell(const QAbstractItemModel* m, int row, int column) {
    return m->index(row, column).data().toString();
}

qint64 countOf(const TableCountsModel* m, const QString& table) {
    for (int r = 0; r < m->rowCount(); ++r) {
        const QModelIndex i = m->index(r, 0);
        if (i.data(TableCountsModel::TableNameRole).toString() == table)
            return i.data(TableCountsModel::CountRole).toLongLong();
    }
    return -1;
}

const char* const kSales =
    "customer_id,date,revenue\n"
    "C1,2024-01-05,10.5\n"
    "C2,2024-01-06,20\n"
    "C1,not a date,5\n"
    "C3,2024-02-01,7.25\n";

TEST(DataSourcesDock, ShowsEachImportWithLoadedRejectedAndReasons) {
    TempDir dir;
    const auto path = dir.file("w.cwb");
    ASSERT_TRUE(store::Workbook::create(path).ok());
    test::importCsv(path, dir, "sales.csv", kSales);
    test::importCsv(path, dir, "customers.csv",
                    "customer_id,name,region\nC1,Ann,North\nC9,Bob,South\n",
                    store::TargetTable::Customers);

    WorkbookDocument document;
    DataSourcesDock dock(&document);
    EXPECT_EQ(dock.importsModel()->rowCount(), 0);
    ASSERT_TRUE(document.open(QString::fromStdString(path)).ok());

    const ImportsModel* imports = dock.importsModel();
    ASSERT_EQ(imports->rowCount(), 2);
    EXPECT_EQ(cell(imports, 0, ImportsModel::FileColumn), "sales.csv");
    EXPECT_EQ(cell(imports, 0, ImportsModel::TableColumn), "Transactions");
    EXPECT_EQ(cell(imports, 0, ImportsModel::LoadedColumn), "3");
    EXPECT_EQ(cell(imports, 0, ImportsModel::RejectedColumn), "1");
    EXPECT_EQ(cell(imports, 0, ImportsModel::ReasonsColumn), "invalid_date 1");
    EXPECT_FALSE(cell(imports, 0, ImportsModel::DateColumn).isEmpty());
    EXPECT_TRUE(imports->index(0, 0).data(Qt::ToolTipRole).toString().contains("sales.csv"));
    EXPECT_EQ(cell(imports, 1, ImportsModel::FileColumn), "customers.csv");
    EXPECT_EQ(cell(imports, 1, ImportsModel::TableColumn), "Customers");
    EXPECT_EQ(cell(imports, 1, ImportsModel::LoadedColumn), "2");
    EXPECT_EQ(cell(imports, 1, ImportsModel::ReasonsColumn), QString::fromUtf8("—"));

    const TableCountsModel* counts = dock.countsModel();
    EXPECT_EQ(countOf(counts, "transactions"), 3);
    EXPECT_EQ(countOf(counts, "customers"), 4);  // C1, C2, C3 from sales; C9 from the file
    EXPECT_EQ(countOf(counts, "import_rejects"), 1);
    EXPECT_EQ(countOf(counts, "notes"), 0);
    // The store's display order: customers first.
    EXPECT_EQ(counts->index(0, TableCountsModel::TableColumn).data().toString(), "Customers");
}

TEST(DataSourcesDock, CountsOfADemoWorkbookAndEmptyAfterClose) {
    TempDir dir;
    const auto path = dir.file("demo.cwb");
    const auto demo = test::makeDemoWorkbook(path, 120);
    ASSERT_GT(demo.transactions, 0);

    WorkbookDocument document;
    DataSourcesDock dock(&document);
    ASSERT_TRUE(document.open(QString::fromStdString(path)).ok());
    EXPECT_EQ(countOf(dock.countsModel(), "customers"), demo.customers);
    EXPECT_EQ(countOf(dock.countsModel(), "transactions"), demo.transactions);
    EXPECT_EQ(countOf(dock.countsModel(), "survey_responses"), demo.surveyResponses);
    EXPECT_EQ(countOf(dock.countsModel(), "managers"), demo.managers);
    ASSERT_EQ(dock.importsModel()->rowCount(), 1);

    document.close();
    EXPECT_EQ(dock.importsModel()->rowCount(), 0);
    EXPECT_EQ(dock.countsModel()->rowCount(), 0);
}

TEST(DataSourcesDock, RefreshesWhenTheDocumentSaysTheDataChanged) {
    TempDir dir;
    const auto path = dir.file("w.cwb");
    ASSERT_TRUE(store::Workbook::create(path).ok());
    WorkbookDocument document;
    DataSourcesDock dock(&document);
    ASSERT_TRUE(document.open(QString::fromStdString(path)).ok());
    EXPECT_EQ(dock.importsModel()->rowCount(), 0);

    // Another connection writes (as the import worker does), then the document is told.
    test::importCsv(path, dir, "sales.csv", kSales);
    EXPECT_EQ(dock.importsModel()->rowCount(), 0);
    document.notifyDataChanged();
    EXPECT_EQ(dock.importsModel()->rowCount(), 1);
    EXPECT_EQ(countOf(dock.countsModel(), "transactions"), 3);
}

}  // namespace
