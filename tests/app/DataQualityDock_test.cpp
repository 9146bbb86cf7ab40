// The Data quality dock audits the open workbook on a worker with its own connection and shows
// completeness and findings; the overview page shows the date coverage it found.
#include <QLabel>

#include "AppTestSupport.h"
#include "app/quality/CompletenessModel.h"
#include "app/quality/DataQualityDock.h"
#include "app/import/DataSourcesDock.h"
#include "app/quality/FindingsModel.h"
#include "app/import/ImportsModel.h"
#include "app/window/MainWindow.h"
#include "app/workbook/OverviewPage.h"
#include "app/workbook/WorkbookDocument.h"

using namespace cw;
using namespace cw::app;
using cw::test::TempDir;
using cw::test::waitFor;

namespace {

TEST(DataQualityDock, AuditsOffTheGuiThreadAndShowsCompleteness) {
    TempDir dir;
    const auto path = dir.file("w.cwb");
    ASSERT_TRUE(store::Workbook::create(path).ok());
    // Two customers of three have a region: completeness 2 of 3.
    test::importCsv(path, dir, "customers.csv",
                    "customer_id,name,region\nA,Ann,North\nB,Bob,\nC,Cy,South\n",
                    store::TargetTable::Customers);

    WorkbookDocument document;
    DataQualityDock dock(&document);
    std::shared_ptr<const store::AuditReport> received;
    QObject::connect(&dock, &DataQualityDock::reportChanged,
                     [&](std::shared_ptr<const store::AuditReport> r) { received = r; });
    ASSERT_TRUE(document.open(QString::fromStdString(path)).ok());
    EXPECT_TRUE(dock.isBusy());  // the open returned before the audit ended
    ASSERT_TRUE(waitFor([&] { return !dock.isBusy(); }));
    ASSERT_TRUE(received);
    EXPECT_EQ(received->rowCounts.at("customers"), 3);

    const CompletenessModel* m = dock.completenessModel();
    int regionRow = -1;
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, CompletenessModel::TableColumn).data().toString() == "Customers" &&
            m->index(r, CompletenessModel::FieldColumn).data().toString() == "region")
            regionRow = r;
    ASSERT_GE(regionRow, 0);
    EXPECT_EQ(m->index(regionRow, CompletenessModel::FilledColumn).data().toString(), "2 of 3");
    EXPECT_NEAR(m->index(regionRow, CompletenessModel::ShareColumn)
                    .data(CompletenessModel::ShareRole)
                    .toDouble(),
                2.0 / 3.0, 1e-9);
    EXPECT_EQ(dock.findingsModel()->rowCount(), static_cast<int>(received->findings.size()));
    // A table with no rows has nothing to be complete about: said so, not "0 of 0" and "100 %".
    int emptyRows = 0;
    for (int r = 0; r < m->rowCount(); ++r) {
        const auto& c = received->completeness[std::size_t(r)];
        if (c.total != 0) continue;
        ++emptyRows;
        EXPECT_EQ(m->index(r, CompletenessModel::FilledColumn).data().toString(), "no rows");
        EXPECT_EQ(m->index(r, CompletenessModel::ShareColumn).data().toString(), QStringLiteral("—"));
        EXPECT_FALSE(m->index(r, CompletenessModel::ShareColumn).data(CompletenessModel::ShareRole).isValid());
    }
    EXPECT_GT(emptyRows, 0) << "the workbook has empty tables (no transactions)";

    document.close();
    EXPECT_EQ(dock.completenessModel()->rowCount(), 0);
    EXPECT_FALSE(received);
}

TEST(DataQualityDock, OverviewShowsCountsAndDateCoverageOfADemoWorkbook) {
    TempDir dir;
    const auto path = dir.file("demo.cwb");
    const auto demo = test::makeDemoWorkbook(path, 150);
    MainWindow w;
    w.openWorkbook(QString::fromStdString(path));
    EXPECT_TRUE(w.document()->isOpening());  // the integrity check runs on a worker
    ASSERT_TRUE(waitFor([&] { return w.document()->isOpen(); }));
    EXPECT_EQ(w.overviewPage()->tileValue("customers"), QLocale().toString(qlonglong(150)));
    EXPECT_EQ(w.overviewPage()->tileValue("transactions"),
              QLocale().toString(qlonglong(demo.transactions)));
    ASSERT_TRUE(waitFor([&] { return !w.isBusy(); }));
    auto report = w.dataQualityDock()->report();
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->firstTransaction.empty());
    EXPECT_GT(w.dataQualityDock()->completenessModel()->rowCount(), 5);
}

}  // namespace

namespace {

// Findings speak of the window's actions, not of command-line commands, and the rejected records
// they point to can be saved from the Data sources dock.
TEST(DataQualityDock, FindingsNameTheWindowsActionsAndRejectsCanBeSavedFromDataSources) {
    TempDir dir;
    const auto path = dir.file("w.cwb");
    ASSERT_TRUE(store::Workbook::create(path).ok());
    test::importCsv(path, dir, "sales.csv",
                    "customer_id,date,revenue\nC1,2024-01-05,10\nC2,not a date,5\nC3,2024-01-07,7\n");
    MainWindow w;
    w.openWorkbook(QString::fromStdString(path));
    auto* quality = w.findChild<DataQualityDock*>();
    ASSERT_NE(quality, nullptr);
    ASSERT_TRUE(waitFor([&] { return w.document()->isOpen() && !quality->isBusy() && quality->findingsModel()->rowCount() > 0; }));
    const FindingsModel* findings = quality->findingsModel();
    bool rejectsFinding = false;
    for (int r = 0; r < findings->rowCount(); ++r) {
        const QString text = findings->index(r, FindingsModel::MessageColumn).data().toString();
        EXPECT_FALSE(text.contains(QStringLiteral("clienting "))) << text.toStdString();
        rejectsFinding |= text.contains(QStringLiteral("Save rejected records…"));
    }
    EXPECT_TRUE(rejectsFinding);
    EXPECT_EQ(FindingsModel::windowText("No transactions yet — import a transactions file (clienting import --table "
                                        "transactions FILE) or a survey to begin."),
              QStringLiteral("No transactions yet — import a transactions file (File › Import data…) or a survey to begin."));

    auto* sources = w.dataSourcesDock();
    const qint64 id = sources->importsModel()->index(0, 0).data(ImportsModel::ImportIdRole).toLongLong();
    const auto csv = dir.file("rejects.csv");
    ASSERT_EQ(sources->saveRejects(id, QString::fromStdString(csv)), QString());
    const auto text = test::readFile(csv);
    EXPECT_NE(text.find("not a date"), std::string::npos) << text;
    EXPECT_EQ(text.find("C1,"), std::string::npos) << "only the rejected record" << text;
    EXPECT_FALSE(sources->saveRejects(id, QString::fromStdString(dir.file("no/such/folder/r.csv"))).isEmpty());
}

}  // namespace
