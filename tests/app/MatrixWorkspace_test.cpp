// The analyst's matrices in the main window, driven with mouse events: dragging a threshold line
// changes the quadrant counts to what the engine computes for that threshold; a rubber band selects
// exactly the customers inside it, in the matrix and in the customer table; undo restores the
// previous threshold.
#include <QMouseEvent>
#include <QSettings>
#include <QTableWidget>
#include <QUndoStack>

#include <cmath>

#include "MatrixWindowTest.h"
#include "app/analysis/AnalysisWorkspace.h"
#include "app/customers/CustomerTableDock.h"
#include "app/window/MainWindow.h"
#include "app/matrices/MatrixCanvas.h"
#include "app/matrices/MatrixDock.h"
#include "app/matrices/MatrixSession.h"
#include "app/workbook/WorkbookDocument.h"
#include "engine/Analysis.h"
#include "engine/matrix/MatrixComputation.h"

using namespace cw;
using namespace cw::app;
using cw::test::TempDir;
using cw::test::waitFor;

namespace {

using MatrixWorkspaceTest = cw::test::MatrixWindowTest;

TEST_F(MatrixWorkspaceTest, DraggingTheVerticalLineGivesTheEngineCountsAndUndoRestoresIt) {
    MainWindow w;
    openInWindow(w);
    auto* session = w.analysis()->session();
    auto* canvas = w.analysis()->matrixDock()->largeCanvas();
    const auto kind = engine::MatrixKind::ProfitabilityLoyalty;
    const auto before = session->matrix(kind).thresholds;
    const double oldX = canvas->thresholdX(), oldY = canvas->thresholdY();
    ASSERT_TRUE(std::isfinite(oldX) && std::isfinite(oldY));

    // Grab the vertical line half-way up and move it 60 px to the right.
    const QPointF onLine = canvas->toPixel(oldX, oldY) + QPointF(0, -25);
    drag(canvas, onLine, onLine + QPointF(60, 0));
    const double newX = canvas->thresholdX();
    ASSERT_GT(newX, oldX);
    const auto& after = session->matrix(kind);
    ASSERT_TRUE(after.result);
    EXPECT_EQ(after.thresholds.x.mode, engine::ThresholdMode::Custom);
    EXPECT_DOUBLE_EQ(after.thresholds.x.value, newX);
    EXPECT_EQ(after.thresholds.y, before.y);

    // The counts shown are what the engine computes on its own for that threshold.
    engine::MatrixOptions o;
    o.thresholds = after.thresholds;
    auto expected = engine::computeMatrix(engine::matrixSpec(kind), *after.input, o);
    ASSERT_TRUE(expected.ok());
    auto* table = w.analysis()->matrixDock()->quadrantTable();
    for (int q = 0; q < 4; ++q) {
        EXPECT_EQ(after.result->total.quadrants[std::size_t(q)].count, expected->total.quadrants[std::size_t(q)].count);
        EXPECT_EQ(table->item(q, 1)->text().remove(QChar(',')).remove(QChar(0x202F)).remove(QChar(' ')).toLongLong(),
                  expected->total.quadrants[std::size_t(q)].count)
            << "quadrant " << q;
    }

    // Undo restores the previous threshold (and its counts); redo brings the drag back.
    w.document()->undoStack()->undo();
    EXPECT_EQ(session->matrix(kind).thresholds, before);
    EXPECT_DOUBLE_EQ(canvas->thresholdX(), oldX);
    w.document()->undoStack()->redo();
    EXPECT_DOUBLE_EQ(session->matrix(kind).thresholds.x.value, newX);
}

TEST_F(MatrixWorkspaceTest, ARubberBandSelectsExactlyThosePointsInTheMatrixAndTheTable) {
    MainWindow w;
    openInWindow(w);
    auto* session = w.analysis()->session();
    auto* canvas = w.analysis()->matrixDock()->largeCanvas();
    const auto kind = engine::MatrixKind::ProfitabilityLoyalty;
    const auto& m = session->matrix(kind);
    // A band over the top-right part of the plot, away from the threshold lines.
    const QPointF a = canvas->toPixel(m.result->total.x.value.value(), m.result->total.y.value.value()) + QPointF(15, -15);
    const QRectF plot = QRectF(canvas->rect());
    const QPointF b(std::min(a.x() + 200.0, plot.right() - 5), std::max(a.y() - 120.0, plot.top() + 5));
    drag(canvas, a, b);

    // Independently: the customers whose point maps inside the band.
    const QRectF band = QRectF(a, b).normalized();
    QSet<qint64> expected;
    for (std::size_t i = 0; i < m.input->size(); ++i) {
        if (!std::isfinite(m.input->xs[i]) || !std::isfinite(m.input->ys[i])) continue;
        if (band.contains(canvas->toPixel(m.input->xs[i], m.input->ys[i]))) expected.insert(m.input->ids[i]);
    }
    ASSERT_FALSE(expected.isEmpty()) << "the band should catch some customers";
    EXPECT_EQ(session->selection(), expected);
    auto* table = w.analysis()->tableDock();
    ASSERT_TRUE(waitFor([&] { return table->visibleRowCount() > 0; }));
    EXPECT_EQ(table->selectedIds(), expected);
}

TEST_F(MatrixWorkspaceTest, ASelectionIsSavedAsASegmentAndPinnedAsAnInsightUndoably) {
    MainWindow w;
    openInWindow(w);
    auto* ws = w.analysis();
    auto* session = ws->session();
    EXPECT_FALSE(ws->saveSelectionAsSegment(QStringLiteral("chosen")).ok()) << "nothing selected yet";
    const auto kind = engine::MatrixKind::ProfitabilityLoyalty;
    const auto& m = session->matrix(kind);
    std::vector<std::int32_t> butterflies;
    for (std::size_t i = 0; i < m.result->assignment.size(); ++i)
        if (m.result->assignment[i] == 1) butterflies.push_back(std::int32_t(i));
    session->setSelection(session->idsOf(kind, butterflies), nullptr);
    const auto selected = session->selection().size();
    ASSERT_GT(selected, 0);
    auto count = [&](const std::string& sql) { return w.document()->workbook()->db().queryInt(sql).value_or(-1); };

    ASSERT_TRUE(ws->saveSelectionAsSegment(QStringLiteral("chosen")).ok());
    EXPECT_EQ(count("SELECT count(*) FROM customer_segments c JOIN segments s ON s.id = c.segment_id "
                    "WHERE s.label = 'chosen'"),
              selected);
    EXPECT_FALSE(ws->saveSelectionAsSegment(QStringLiteral("chosen")).ok()) << "names are unique";
    ASSERT_TRUE(ws->pinSelection(QStringLiteral("Profitable but leaving"), QStringLiteral("call them")).ok());
    EXPECT_EQ(count("SELECT json_array_length(customer_ids) FROM insights WHERE title = 'Profitable but leaving'"),
              selected);
    EXPECT_FALSE(ws->pinSelection(QString(), QString()).ok());

    w.document()->undoStack()->undo();
    EXPECT_EQ(count("SELECT count(*) FROM insights"), 0);
    w.document()->undoStack()->undo();
    EXPECT_EQ(count("SELECT count(*) FROM segmentations WHERE name = 'chosen'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM customer_segments"), 0);
    w.document()->undoStack()->redo();
    EXPECT_EQ(count("SELECT count(*) FROM segmentations WHERE name = 'chosen'"), 1);
}

TEST_F(MatrixWorkspaceTest, NewDefinitionsReRunTheAnalysisInTheBackgroundAndUndoRestoresThem) {
    MainWindow w;
    openInWindow(w);
    auto* ws = w.analysis();
    bool analysed = false;
    QObject::connect(ws, &AnalysisWorkspace::analysed, [&] { analysed = true; });
    auto settings = engine::AnalysisSettings::load(*w.document()->workbook());
    ASSERT_TRUE(settings.ok());
    const int before = settings->windowMonths;
    settings->windowMonths = 6;
    ASSERT_TRUE(ws->changeDefinitions(*settings).ok());
    ASSERT_TRUE(waitFor([&] { return analysed && !w.isBusy(); }));
    auto lastWindow = [&] {
        auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
        auto text = wb->db().queryText("SELECT settings FROM analysis_runs ORDER BY id DESC LIMIT 1");
        return engine::AnalysisSettings::fromJson(*text)->windowMonths;
    };
    EXPECT_EQ(lastWindow(), 6);
    analysed = false;
    w.document()->undoStack()->undo();
    ASSERT_TRUE(waitFor([&] { return analysed && !w.isBusy(); }));
    EXPECT_EQ(lastWindow(), before);
    settings->windowMonths = 0;
    EXPECT_FALSE(ws->changeDefinitions(*settings).ok()) << "invalid definitions are refused";
}

}  // namespace
