// A matrix shown large spans its own points and thresholds, whatever was shown before it: the
// attribute matrix (shares of about 0.1) after the profitability matrix (margins in thousands)
// once had an axis of 0–300 with every attribute in the first pixel column.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QTableWidget>

#include "MatrixWindowTest.h"
#include "app/analysis/AnalysisWorkspace.h"
#include "app/window/MainWindow.h"
#include "app/matrices/MatrixCanvas.h"
#include "app/matrices/MatrixDock.h"
#include "app/matrices/MatrixSession.h"

#include <algorithm>
#include <cmath>

using namespace cw;
using namespace cw::app;

namespace {

using MatrixAxesTest = cw::test::MatrixWindowTest;

TEST_F(MatrixAxesTest, EveryMatrixShownLargeSpansItsOwnPoints) {
    MainWindow w;
    openInWindow(w);  // shows profitability-loyalty large
    auto* dock = w.analysis()->matrixDock();
    auto* canvas = dock->largeCanvas();
    for (const auto& spec : engine::matrixSpecs()) {
        SCOPED_TRACE(spec.name);
        dock->showMatrix(spec.kind);
        QTest::qWait(20);
        const auto& m = w.analysis()->session()->matrix(spec.kind);
        ASSERT_TRUE(m.input && m.result);
        double lo = INFINITY, hi = -INFINITY;
        for (std::size_t i = 0; i < m.input->size(); ++i)
            if (std::isfinite(m.input->xs[i]) && std::isfinite(m.input->ys[i])) {
                lo = std::min(lo, m.input->xs[i]);
                hi = std::max(hi, m.input->xs[i]);
            }
        ASSERT_LT(lo, hi);
        // The points' x extent covers most of the plot's width.
        const double left = canvas->toPixel(lo, 0).x(), right = canvas->toPixel(hi, 0).x();
        EXPECT_GT(right - left, canvas->width() * 0.5) << "x from " << lo << " to " << hi << " drawn over "
                                                       << right - left << " of " << canvas->width() << " px";
    }
}

TEST_F(MatrixAxesTest, TheAttributeMatrixNamesItsPointsAndReadsSharesAsPercentages) {
    MainWindow w;
    openInWindow(w);
    auto* dock = w.analysis()->matrixDock();
    dock->showMatrix(engine::MatrixKind::ImportanceSatisfaction);
    QTest::qWait(20);
    const auto& m = w.analysis()->session()->matrix(engine::MatrixKind::ImportanceSatisfaction);
    ASSERT_TRUE(m.input && m.result);
    ASSERT_GE(m.input->size(), 5u);
    // The exported drawing carries every attribute's name and percent ticks.
    const QString svg = QString::fromStdString(dir.file("attributes.svg"));
    ASSERT_TRUE(dock->largeCanvas()->renderSvg(svg, QSize(1600, 1100)));
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    for (const auto& name : m.input->labels) EXPECT_TRUE(text.contains(QString::fromStdString(name))) << name;
    EXPECT_TRUE(text.contains(QStringLiteral(" %</text>"))) << "percent ticks on the importance axis";
    // The importance threshold is shown, and typed, in percent.
    QDoubleSpinBox* x = nullptr;
    for (auto* spin : dock->findChildren<QDoubleSpinBox*>())
        if (!x) x = spin;  // the x threshold comes first
    ASSERT_NE(x, nullptr);
    EXPECT_EQ(x->suffix(), QStringLiteral(" %"));
    EXPECT_NEAR(x->value(), 100.0 * *m.result->total.x.value, 0.01);
    QComboBox* mode = nullptr;
    for (auto* c : dock->findChildren<QComboBox*>())
        if (!mode && c->itemText(0) == QStringLiteral("median")) mode = c;
    ASSERT_NE(mode, nullptr);
    mode->setCurrentIndex(3);  // custom
    x->setValue(12.0);         // 12 %
    QTest::qWait(20);
    const auto& after = w.analysis()->session()->matrix(engine::MatrixKind::ImportanceSatisfaction).thresholds;
    EXPECT_EQ(after.x.mode, engine::ThresholdMode::Custom);
    EXPECT_NEAR(after.x.value, 0.12, 1e-9);
    // The table counts attributes, not customers, and lists each attribute with its quadrant.
    auto* table = dock->quadrantTable();
    EXPECT_EQ(table->horizontalHeaderItem(1)->text(), QStringLiteral("Attributes"));
    int listed = 0;
    for (int r = 0; r < table->rowCount(); ++r)
        for (const auto& name : m.input->labels)
            if (table->item(r, 0)->text().trimmed() == QString::fromStdString(name)) ++listed;
    EXPECT_EQ(listed, int(m.input->size()));
}

}  // namespace

namespace {

TEST_F(MatrixAxesTest, ABreakdownShowsTheLargestGroupsNamedAndTheRestAsOthers) {
    MainWindow w;
    openInWindow(w);
    auto* dock = w.analysis()->matrixDock();
    dock->setBreakdown(engine::GroupField::Manager);  // the demo has dozens of managers
    QTest::qWait(50);
    const auto& m = w.analysis()->session()->matrix(dock->current());
    ASSERT_TRUE(m.result);
    ASSERT_GT(m.result->groups.size(), 13u);
    QList<QLabel*> captions;
    for (auto* label : dock->findChildren<QLabel*>())
        if (label->text().contains(QStringLiteral(" plotted<br><small>"))) captions << label;
    ASSERT_EQ(captions.size(), 12) << "11 groups and one panel for the others";
    QStringList texts;
    for (auto* c : captions) texts << c->text();
    const QString largest = QString::fromStdString(m.result->groups.front().name).toHtmlEscaped();
    EXPECT_TRUE(texts.join(QStringLiteral("\n")).contains(QStringLiteral("<b>%1</b>").arg(largest)));
    EXPECT_TRUE(texts.join(QStringLiteral("\n")).contains(QStringLiteral("other groups")));
    EXPECT_TRUE(texts.front().contains(QStringLiteral("true friends")) || texts.back().contains(QStringLiteral("true friends")))
        << "counts are named by quadrant";
}

}  // namespace
