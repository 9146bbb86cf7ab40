// A selection made in a matrix: its size is shown (matrix title, customer table), the table can
// show the selected customers only, and selected points are drawn in a colour no quadrant or
// category uses.
#include <QCheckBox>
#include <QComboBox>

#include <filesystem>
#include <QLabel>
#include <QSortFilterProxyModel>

#include "MatrixWindowTest.h"
#include "app/customers/CustomerTableDock.h"
#include "charts/ScatterPainter.h"
#include "app/workbook/WorkbookDocument.h"

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
        const auto colors = charts::ScatterColors::fromPalette(palette);
        for (const QColor& c : charts::ScatterPainter::categoryPalette(12, dark)) {
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
    auto* scaleX = dock->findChild<QComboBox*>(QStringLiteral("scaleX"));
    ASSERT_NE(scaleX, nullptr);
    scaleX->setCurrentIndex(scaleX->findText(QStringLiteral("log")));
    QTest::qWait(20);
    bool said = false;
    for (auto* l : dock->findChildren<QLabel*>())
        said |= l->text().contains(QLocale().toString(qlonglong(nonPositive)) + QStringLiteral(" not shown"));
    EXPECT_TRUE(said);
    EXPECT_EQ(dock->largeCanvas()->viewport().xScale, charts::AxisScale::Log10);
}

// Skewed, signed money gets a symmetric log axis by default, which shows every point (zero and
// losses included), spreads them over the width, and says which scale it is.
TEST_F(SelectionTest, SkewedMarginsAreDrawnOnASymmetricLogAxisThatShowsEveryPoint) {
    MainWindow w;
    openInWindow(w);
    auto* dock = w.analysis()->matrixDock();
    auto* canvas = dock->largeCanvas();
    const auto& m = w.analysis()->session()->matrix(dock->current());
    ASSERT_EQ(m.result->x.unit, "currency");
    EXPECT_EQ(canvas->viewport().xScale, charts::AxisScale::SymLog) << "the demo's margins are skewed";
    EXPECT_EQ(canvas->viewport().yScale, charts::AxisScale::Linear) << "a 0-100 index stays linear";
    // Every plotted point maps inside the plot, ≤ 0 included; and they spread: the middle half
    // of the points covers far more than the one pixel column a linear axis gave them.
    std::vector<double> xs;
    for (std::size_t i = 0; i < m.input->size(); ++i) {
        if (m.result->assignment[i] < 0) continue;
        const QPointF p = canvas->toPixel(m.input->xs[i], m.input->ys[i]);
        ASSERT_TRUE(std::isfinite(p.x()) && std::isfinite(p.y())) << "point " << i;
        xs.push_back(p.x());
    }
    std::sort(xs.begin(), xs.end());
    const double middleHalf = xs[xs.size() * 3 / 4] - xs[xs.size() / 4];
    EXPECT_GT(middleHalf, 0.05 * canvas->width());
    auto* scaleX = dock->findChild<QComboBox*>(QStringLiteral("scaleX"));
    scaleX->setCurrentIndex(scaleX->findText(QStringLiteral("linear")));
    QTest::qWait(20);
    EXPECT_EQ(canvas->viewport().xScale, charts::AxisScale::Linear);
    std::vector<double> linear;
    for (std::size_t i = 0; i < m.input->size(); ++i)
        if (m.result->assignment[i] >= 0) linear.push_back(canvas->toPixel(m.input->xs[i], m.input->ys[i]).x());
    std::sort(linear.begin(), linear.end());
    EXPECT_LT(linear[linear.size() * 3 / 4] - linear[linear.size() / 4], middleHalf / 3)
        << "on a linear axis the same points crowd together";
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

namespace {

TEST_F(SelectionTest, AFilterValueThatMatchesNothingIsSaidUnderTheFilterWithItsNearMatch) {
    MainWindow w;
    openInWindow(w);
    auto* dock = w.analysis()->matrixDock();
    ASSERT_TRUE(dock->setFilterText(QStringLiteral("region=nort")));
    QTest::qWait(20);
    bool said = false;
    for (auto* l : dock->findChildren<QLabel*>())
        said |= l->isVisible() && l->text().contains(QStringLiteral("did you mean 'North'"));
    EXPECT_TRUE(said);
    ASSERT_TRUE(dock->setFilterText(QStringLiteral("region=North")));
    QTest::qWait(20);
    for (auto* l : dock->findChildren<QLabel*>())
        EXPECT_FALSE(l->isVisible() && l->text().contains(QStringLiteral("no point has"))) << "gone once it matches";
}

}  // namespace

namespace {

// Colour by manager (43 in the demo): the nine largest portfolios get their own colour, the
// others one shared colour named with their count; every point keeps its manager's colour.
TEST_F(SelectionTest, ColourByAFieldWithManyValuesKeepsTenColoursAndNamesTheOthers) {
    MainWindow w;
    openInWindow(w);
    auto* dock = w.analysis()->matrixDock();
    QComboBox* colorBy = nullptr;
    for (auto* c : dock->findChildren<QComboBox*>())
        if (c->findText(QStringLiteral("manager")) >= 0 && c->findText(QStringLiteral("quadrant")) >= 0) colorBy = c;
    ASSERT_NE(colorBy, nullptr);
    colorBy->setCurrentIndex(colorBy->findText(QStringLiteral("manager")));
    QTest::qWait(20);
    const auto& m = w.analysis()->session()->matrix(dock->current());
    const auto& managers = m.input->field(engine::GroupField::Manager);
    ASSERT_GT(managers.names.size(), 10u);
    const QStringList legend = dock->largeCanvas()->colorNames();
    ASSERT_EQ(legend.size(), 10);
    EXPECT_EQ(legend.back(), QStringLiteral("%1 others").arg(managers.names.size() - 9)) << legend.back().toStdString();
    // The nine named are the nine largest portfolios.
    std::map<std::string, std::int64_t> size;
    for (auto c : managers.codes)
        if (c >= 0) ++size[managers.names[std::size_t(c)]];
    std::vector<std::int64_t> sizes;
    for (const auto& [name, n] : size) sizes.push_back(n);
    std::sort(sizes.rbegin(), sizes.rend());
    for (int k = 0; k < 9; ++k) EXPECT_GE(size[legend[k].toStdString()], sizes[8]) << legend[k].toStdString();
}

}  // namespace
