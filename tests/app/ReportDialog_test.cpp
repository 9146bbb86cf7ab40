// The Report dialog in the window: it lists the report's sections from the registry; two sections
// checked and exported write a PDF with those two and none of the others; "Portfolio pack…" in
// the Portfolio dock opens it on a pack for that manager; Cancel during an export leaves no file;
// the preview ends showing as many pages as the exported file has.
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfDocument>
#include <QPdfView>
#include <QDir>
#include <QPushButton>
#include <QRadioButton>

#include <algorithm>

#include "MatrixWindowTest.h"
#include "app/portfolio/PortfolioDock.h"
#include "app/report/ReportDialog.h"
#include "engine/load/KpiValues.h"
#include "support/PdfProbe.h"
#include "store/Workbook.h"
#include "report/Report.h"
#include "report/ReportSection.h"

using namespace cw;
using namespace cw::app;

namespace {

// The text as laid out on the page, in one line.
QString pdfText(const QString& pdf) { return cw::test::pdfLayoutText(pdf).simplified(); }

class ReportDialogTest : public cw::test::MatrixWindowTest {
protected:
    ReportDialog* openDialog(MainWindow& w) {
        openInWindow(w);
        auto* dialog = w.showReportDialog();
        EXPECT_NE(dialog, nullptr);
        if (dialog) {
            EXPECT_TRUE(cw::test::waitFor([&] { return !dialog->isBusy(); }, 120000));
        }
        return dialog;
    }

    static bool waitExport(ReportDialog* dialog) {
        return cw::test::waitFor([&] { return !dialog->isExporting(); }, 120000);
    }

    static QStringList ids(report::ReportKind kind) {
        QStringList out;
        for (const auto* s : report::SectionRegistry::standard().sections(kind))
            out << QString::fromStdString(std::string(s->id()));
        return out;
    }
};

TEST_F(ReportDialogTest, ListsTheReportsSectionsAllChecked) {
    MainWindow w;
    auto* dialog = openDialog(w);
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->objectName(), "reportDialog");
    EXPECT_EQ(dialog->target(), ReportDialog::Target::Report);
    const QStringList all = ids(report::ReportKind::Clienting);
    ASSERT_FALSE(all.isEmpty());
    EXPECT_EQ(dialog->sectionIds(), all);
    EXPECT_EQ(dialog->checkedSections(), all);
    for (int i = 0; i < dialog->sectionList()->count(); ++i)
        EXPECT_EQ(dialog->sectionList()->item(i)->text(),
                  report::SectionRegistry::standard().find(all[i].toStdString())->title());
    EXPECT_EQ(dialog->nodeBox()->itemText(0), "The company");
    EXPECT_GT(dialog->nodeBox()->count(), 1);  // the demo's managers and regions
    EXPECT_EQ(dialog->periodEdit()->placeholderText(), "latest month");

    // A period that is none of a year, a quarter or a month stops the export.
    dialog->periodEdit()->setText(QStringLiteral("2024-13"));
    EXPECT_FALSE(dialog->exportButton()->isEnabled());
    dialog->periodEdit()->setText(QStringLiteral("2024-Q3"));
    EXPECT_TRUE(dialog->exportButton()->isEnabled());
    dialog->setCheckedSections({});
    EXPECT_FALSE(dialog->exportButton()->isEnabled());
    dialog->close();
}

TEST_F(ReportDialogTest, ExportsOnlyTheCheckedSectionsAndThePreviewHasItsPages) {
    MainWindow w;
    auto* dialog = openDialog(w);
    ASSERT_NE(dialog, nullptr);
    const QStringList all = ids(report::ReportKind::Clienting);
    const QStringList two{QStringLiteral("quality"), QStringLiteral("exits")};
    ASSERT_TRUE(all.contains(two[0]) && all.contains(two[1]));
    // Unchecked by clicking through the list's items, as a user would.
    for (int i = 0; i < dialog->sectionList()->count(); ++i) {
        auto* item = dialog->sectionList()->item(i);
        if (!two.contains(item->data(Qt::UserRole).toString())) item->setCheckState(Qt::Unchecked);
    }
    EXPECT_EQ(dialog->checkedSections(), two);

    const QString pdf = QString::fromStdString(dir.file("two.pdf"));
    dialog->outputEdit()->setText(pdf);
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    EXPECT_TRUE(dialog->isExporting());
    ASSERT_TRUE(waitExport(dialog));
    ASSERT_TRUE(QFileInfo::exists(pdf)) << dialog->exportStatus()->text().toStdString();
    ASSERT_NE(dialog->lastOutput(), nullptr);
    EXPECT_TRUE(dialog->exportStatus()->text().contains(QStringLiteral("two.pdf")));
    EXPECT_TRUE(dialog->findChild<QPushButton*>(QStringLiteral("reportOpen"))->isVisible());

    const QString text = pdfText(pdf);
    for (const QString& id : all) {
        const QString title = report::SectionRegistry::standard().find(id.toStdString())->title();
        if (two.contains(id))
            EXPECT_TRUE(text.contains(title)) << title.toStdString();
        else
            EXPECT_FALSE(text.contains(title)) << title.toStdString();
    }

    // The preview (started by the changes) ends showing the same pages as the exported file.
    const int pages = cw::test::pdfPages(pdf);
    EXPECT_EQ(pages, dialog->lastOutput()->pages);
    ASSERT_TRUE(cw::test::waitFor([&] { return !dialog->isBusy(); }, 120000));
    EXPECT_EQ(dialog->previewView()->document(), dialog->previewDocument());
    EXPECT_EQ(dialog->previewDocument()->pageCount(), pages);
    EXPECT_EQ(dialog->pageCounter()->text(), QStringLiteral("Page 1 of %1").arg(pages));
    dialog->close();
}

TEST_F(ReportDialogTest, CancelDuringAnExportLeavesNoFile) {
    MainWindow w;
    auto* dialog = openDialog(w);
    ASSERT_NE(dialog, nullptr);
    const QString pdf = QString::fromStdString(dir.file("cancelled.pdf"));
    dialog->xlsxBox()->setChecked(true);
    dialog->exportReport(pdf);
    ASSERT_TRUE(dialog->isExporting());
    ASSERT_TRUE(dialog->cancelButton()->isVisible());
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    ASSERT_TRUE(waitExport(dialog));
    EXPECT_FALSE(QFileInfo::exists(pdf));
    EXPECT_FALSE(QFileInfo::exists(QString::fromStdString(dir.file("cancelled.xlsx"))));
    EXPECT_EQ(dialog->lastOutput(), nullptr);
    EXPECT_TRUE(dialog->exportStatus()->text().startsWith(QStringLiteral("Cancelled")));
    dialog->close();
}

TEST_F(ReportDialogTest, PortfolioPackFromThePortfolioDockHoldsTheManager) {
    std::string code;
    {
        auto wb = store::Workbook::open(path);
        ASSERT_TRUE(wb.ok());
        auto tree = engine::loadManagerTree(wb->db());
        ASSERT_TRUE(tree.ok());
        for (const auto& m : tree->managers)
            if (m.customers > 0) {
                code = m.code;
                break;
            }
    }
    ASSERT_FALSE(code.empty());
    MainWindow w;
    openInWindow(w);
    auto* dock = w.portfolioDock();
    dock->showManager(QString::fromStdString(code));
    ASSERT_TRUE(cw::test::waitFor([&] { return dock->isLoaded() && !dock->isBusy(); }));
    ASSERT_TRUE(dock->packAction()->isEnabled());
    dock->packAction()->trigger();
    auto* dialog = w.reportDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    ASSERT_TRUE(cw::test::waitFor([&] { return !dialog->isBusy(); }, 120000));
    EXPECT_EQ(dialog->target(), ReportDialog::Target::Pack);
    EXPECT_EQ(dialog->nodeCode().toStdString(), code);
    EXPECT_EQ(dialog->nodeBox()->currentData().toString().toStdString(), code);
    EXPECT_EQ(dialog->sectionIds(), ids(report::ReportKind::PortfolioPack));
    EXPECT_EQ(dialog->options().node, code);
    EXPECT_EQ(dialog->options().kind, report::ReportKind::PortfolioPack);
    EXPECT_GT(dialog->previewDocument()->pageCount(), 0);
    dialog->close();
}

// One pack per manager from the dialog, as a user does it: the third choice, a region in the node
// box, a folder, the spreadsheet box, Export: a PDF and an XLSX for each manager of the region.
TEST_F(ReportDialogTest, OnePackPerManagerOfARegionIntoAFolder) {
    std::vector<std::string> codes;
    {
        auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
        ASSERT_TRUE(wb.ok());
        auto c = report::packManagers(*wb, "MGR-0002");
        ASSERT_TRUE(c.ok());
        codes = *c;
    }
    ASSERT_GE(codes.size(), 2u);
    MainWindow w;
    auto* dialog = openDialog(w);
    ASSERT_NE(dialog, nullptr);
    auto* perManager = dialog->findChild<QRadioButton*>(QStringLiteral("reportTarget2"));
    ASSERT_NE(perManager, nullptr);
    perManager->click();
    EXPECT_EQ(dialog->target(), ReportDialog::Target::PackPerManager);
    EXPECT_EQ(dialog->sectionIds(), ids(report::ReportKind::PortfolioPack));
    const int region = dialog->nodeBox()->findData(QStringLiteral("MGR-0002"));
    ASSERT_GE(region, 0);
    dialog->nodeBox()->setCurrentIndex(region);
    dialog->xlsxBox()->setChecked(true);
    const QString folder = QString::fromStdString(dir.file("packs"));
    dialog->outputEdit()->setText(folder);
    ASSERT_TRUE(dialog->exportButton()->isEnabled()) << dialog->findChild<QLabel*>(QStringLiteral("reportProblem"))->text().toStdString();
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    ASSERT_TRUE(waitExport(dialog));
    ASSERT_NE(dialog->lastOutput(), nullptr) << dialog->exportStatus()->text().toStdString();
    EXPECT_EQ(dialog->lastOutput()->managers, int(codes.size()));
    for (const auto& code : codes) {
        const QString base = QDir(folder).filePath(QString::fromStdString(code));
        ASSERT_TRUE(QFileInfo::exists(base + QStringLiteral(".pdf"))) << code;
        EXPECT_TRUE(QFileInfo::exists(base + QStringLiteral(".xlsx"))) << code;
        EXPECT_TRUE(pdfText(base + QStringLiteral(".pdf")).contains(QString::fromStdString(code))) << code;
    }
    // Nothing else in the folder: one pair per manager.
    EXPECT_EQ(QDir(folder).entryList(QDir::Files).size(), qsizetype(2 * codes.size()));
    dialog->close();
}

}  // namespace
