// Threshold drags on the large matrix are undone and redone one drop at a time: after several
// drags, every undo and redo lands on the value of that step, in the session, on the canvas and
// in the workbook (matrix.<name>.thresholds, read through a connection of its own).
#include <QUndoStack>

#include <ostream>

#include "MatrixWindowTest.h"
#include "app/matrices/MatrixCanvas.h"
#include "app/workbook/WorkbookDocument.h"
#include "engine/load/MatrixLoader.h"

namespace cw::engine {
// Failures print thresholds as the JSON the workbook stores.
void PrintTo(const MatrixThresholds& t, std::ostream* os) {
    *os << t.toJson();
}
}  // namespace cw::engine

using namespace cw;
using namespace cw::app;

namespace {

using engine::MatrixKind;
using engine::MatrixThresholds;

class ThresholdUndoTest : public cw::test::MatrixWindowTest {
protected:
    static constexpr MatrixKind kKind = MatrixKind::ProfitabilityLoyalty;

    MatrixThresholds stored() const {
        auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
        EXPECT_TRUE(wb.ok());
        auto t = engine::loadMatrixThresholds(*wb, engine::matrixSpec(kKind));
        EXPECT_TRUE(t.ok());
        return t.ok() ? *t : MatrixThresholds{};
    }

    // The session, the canvas and the workbook all hold `expected`.
    void expectEverywhere(MainWindow& w, const MatrixThresholds& expected, const char* step) {
        SCOPED_TRACE(step);
        const auto& m = w.analysis()->session()->matrix(kKind);
        EXPECT_EQ(m.thresholds, expected);
        EXPECT_EQ(stored(), expected);
        auto* canvas = w.analysis()->matrixDock()->largeCanvas();
        ASSERT_TRUE(m.result);
        EXPECT_DOUBLE_EQ(canvas->thresholdX(), m.result->total.x.value.value());
        EXPECT_DOUBLE_EQ(canvas->thresholdY(), m.result->total.y.value.value());
    }

    // Drags the vertical line by dx pixels, or the horizontal one by dy, with the mouse.
    void dragLine(MainWindow& w, double dx, double dy) {
        auto* canvas = w.analysis()->matrixDock()->largeCanvas();
        const QPointF cross = canvas->toPixel(canvas->thresholdX(), canvas->thresholdY());
        // Grab a line 30 px away from where the two cross, so only that line moves.
        const QPointF grab = dx != 0 ? cross + QPointF(0, cross.y() > 80 ? -30 : 30)
                                     : cross + QPointF(cross.x() > 80 ? -30 : 30, 0);
        drag(canvas, grab, grab + QPointF(dx, dy));
    }
};

TEST_F(ThresholdUndoTest, SeveralDragsUndoAndRedoOneDropAtATime) {
    MainWindow w;
    openInWindow(w);
    auto* undo = w.document()->undoStack();
    const int baseline = undo->count();
    std::vector<MatrixThresholds> states{w.analysis()->session()->matrix(kKind).thresholds};

    // Four drops: right, right again, down, left.
    for (auto [dx, dy] : {std::pair{40.0, 0.0}, {30.0, 0.0}, {0.0, 25.0}, {-50.0, 0.0}}) {
        dragLine(w, dx, dy);
        const auto now = w.analysis()->session()->matrix(kKind).thresholds;
        ASSERT_NE(now, states.back()) << "the drag moved a line";
        states.push_back(now);
        expectEverywhere(w, now, "after a drag");
    }
    ASSERT_EQ(undo->count() - baseline, 4) << "one undo step per drop";

    // Undo twice, redo once, undo all the way, redo all the way.
    undo->undo();
    expectEverywhere(w, states[3], "undo 1");
    undo->undo();
    expectEverywhere(w, states[2], "undo 2");
    undo->redo();
    expectEverywhere(w, states[3], "undo 2, redo 1");
    for (int i = 3; i >= 1; --i) {
        undo->undo();
        expectEverywhere(w, states[std::size_t(i - 1)], "undo to the start");
    }
    EXPECT_FALSE(undo->canUndo() && undo->index() > baseline);
    for (int i = 1; i <= 4; ++i) {
        undo->redo();
        expectEverywhere(w, states[std::size_t(i)], "redo to the end");
    }

    // A new drag after undoing drops the redo branch.
    undo->undo();
    undo->undo();
    dragLine(w, 20, 0);
    const auto branch = w.analysis()->session()->matrix(kKind).thresholds;
    expectEverywhere(w, branch, "a new drag after two undos");
    EXPECT_FALSE(undo->canRedo());
    undo->undo();
    expectEverywhere(w, states[2], "undo the new drag");
    undo->redo();
    expectEverywhere(w, branch, "redo the new drag");
}

}  // namespace
