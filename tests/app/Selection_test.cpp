// A selection made in a matrix: its size is shown (matrix title, customer table), the table can
// show the selected customers only, and selected points are drawn in a colour no quadrant or
// category uses.
#include <QCheckBox>
#include <QComboBox>

#include <filesystem>
#include <QLabel>
#include <QSortFilterProxyModel>

#include "MatrixWindowTest.h"
#include "app/CustomerTableDock.h"
#include "app/ScatterPainter.h"
#include "app/WorkbookDocument.h"

using namespace cw;
using namespace cw::app;

namespace {

using SelectionTest = cw::test::MatrixWindowTest;

TEST_F(SelectionTest, TheSelectionIsCountedAndTheTableCanShowItAlone) {
    MainWindow w;
    openInWindow(w);
    auto* session = w.analysis()->session();
    auto* table = w.analysis()->tableDock();
    ASSERT_TRUE(cw::test::waitFor([&] { return table->proxyModel()->rowCount() > 0; }));
    const int all = table->proxyModel()->rowCount();
    // The customers of one quadrant, selected as a rubber band would.
    const auto kind = w.analysis()->matrixDock()->current();
    const auto& m = session->matrix(kind);
    std::vector<std::int32_t> points;
    for (std::size_t i = 0; i < m.result->assignment.size(); ++i)
        if (m.result->assignment[i] == 1) points.push_back(std::int32_t(i));
    ASSERT_FALSE(points.empty());
    session->setSelection(session->idsOf(kind, points), nullptr);
    QTest::qWait(20);
    const QString n = QLocale().toString(qlonglong(points.size()));
    bool titled = false;
    for (auto* l : w.analysis()->matrixDock()->findChildren<QLabel*>()) titled |= l->text().contains(n + QStringLiteral(" selected"));
    EXPECT_TRUE(titled) << "the matrix title counts the selection";
    bool counted = false;
    for (auto* l : table->findChildren<QLabel*>()) counted |= l->text().contains(n + QStringLiteral(" selected"));
    EXPECT_TRUE(counted) << "the table counts the selection";

    auto* only = table->findChild<QCheckBox*>();
    ASSERT_NE(only, nullptr);
    only->setChecked(true);
    EXPECT_EQ(table->proxyModel()->rowCount(), int(points.size()));
    // A new selection in the matrix: the table follows it.
    session->setSelection(session->idsOf(kind, {points.front()}), nullptr);
    QTest::qWait(20);
    EXPECT_EQ(table->proxyModel()->rowCount(), 1);
    only->setChecked(false);
    EXPECT_EQ(table->proxyModel()->rowCount(), all);
}

TEST(SelectionColour, IsNoneOfTheQuadrantOrCategoryColours) {
    for (bool dark : {false, true}) {
        QPalette palette;
        palette.setColor(QPalette::Window, dark ? Qt::black : Qt::white);
        palette.setColor(QPalette::Base, dark ? Qt::black : Qt::white);
        palette.setColor(QPalette::Text, dark ? Qt::white : Qt::black);
        const auto colors = ScatterColors::fromPalette(palette);
        for (const QColor& c : ScatterPainter::categoryPalette(12, dark)) {
            // Far apart in RGB: at least 120 in the largest channel difference.
            const int d = std::max({std::abs(c.red() - colors.selection.red()), std::abs(c.green() - colors.selection.green()),
                                    std::abs(c.blue() - colors.selection.blue())});
            EXPECT_GE(d, 120) << c.name().toStdString() << " vs selection " << colors.selection.name().toStdString();
        }
    }
}

}  // namespace

namespace {

TEST_F(SelectionTest, ALogScaleSaysHowManyPointsItCannotShow) {
    MainWindow w;
    openInWindow(w);  // profitability-loyalty: margins, some of them ≤ 0
    auto* dock = w.analysis()->matrixDock();
    const auto& m = w.analysis()->session()->matrix(dock->current());
    std::int64_t nonPositive = 0;
    for (std::size_t i = 0; i < m.input->size(); ++i)
        if (m.result->assignment[i] >= 0 && !(m.input->xs[i] > 0)) ++nonPositive;
    ASSERT_GT(nonPositive, 0) << "the demo has customers with no margin";
    QCheckBox* logX = nullptr;
    for (auto* c : dock->findChildren<QCheckBox*>())
        if (c->text() == QStringLiteral("Log scale x")) logX = c;
    ASSERT_NE(logX, nullptr);
    logX->setChecked(true);
    QTest::qWait(20);
    bool said = false;
    for (auto* l : dock->findChildren<QLabel*>())
        said |= l->text().contains(QLocale().toString(qlonglong(nonPositive)) + QStringLiteral(" not shown"));
    EXPECT_TRUE(said);
}

}  // namespace

namespace {

TEST_F(SelectionTest, TheBreakdownOfOneWorkbookDoesNotFollowIntoTheNext) {
    MainWindow w;
    openInWindow(w);
    auto* dock = w.analysis()->matrixDock();
    dock->setBreakdown(engine::GroupField::Region);
    QTest::qWait(20);
    ASSERT_TRUE(w.analysis()->session()->groupBy().has_value());
    // Another workbook (a copy of this one): no breakdown there until chosen.
    const auto other = dir.file("other.cwb");
    std::filesystem::copy_file(path, other);
    w.openWorkbook(QString::fromStdString(other));
    ASSERT_TRUE(cw::test::waitFor([&] {
        return w.document()->path() == QString::fromStdString(other) && w.analysis()->session()->isLoaded() && !w.isBusy();
    }));
    EXPECT_FALSE(w.analysis()->session()->groupBy().has_value());
    QComboBox* breakdown = nullptr;
    for (auto* c : dock->findChildren<QComboBox*>())
        if (c->itemText(0) == QStringLiteral("(no breakdown)")) breakdown = c;
    ASSERT_NE(breakdown, nullptr);
    EXPECT_EQ(breakdown->currentIndex(), 0);
}

}  // namespace
