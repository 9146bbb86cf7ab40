// The user's edits as undo commands (app/commands): each edit of the window is its own command
// with its id from CommandId; every write goes through the document, so a workbook whose write
// lock another connection holds refuses the edit with a message that says so (and who, when it
// is the window's own analysis), nothing is stored and no undo step appears; an undo the
// workbook refuses is shown to the user and leaves the stack.
#include <QUndoStack>

#include <optional>
#include <set>
#include <vector>

#include "MatrixWindowTest.h"
#include "app/analysis/InsightsDock.h"
#include "app/analysis/SegmentsDock.h"
#include "app/commands/CommandId.h"
#include "app/commands/WorkbookEditCommand.h"
#include "app/workbook/WorkbookDocument.h"
#include "engine/load/MatrixLoader.h"
#include "engine/matrix/MatrixComputation.h"
#include "store/Database.h"
#include "store/Insights.h"
#include "support/LockHolder.h"

using namespace cw;
using namespace cw::app;
using cw::test::waitFor;

namespace {

using engine::MatrixKind;
constexpr MatrixKind kKind = MatrixKind::ProfitabilityLoyalty;

class CommandsTest : public cw::test::MatrixWindowTest {
protected:
    // Selects the customers of the first quadrant of the profitability × loyalty matrix.
    static void selectSome(MainWindow& w) {
        auto* session = w.analysis()->session();
        const auto& m = session->matrix(kKind);
        std::vector<std::int32_t> points;
        for (std::size_t i = 0; i < m.result->assignment.size(); ++i)
            if (m.result->assignment[i] == 1) points.push_back(std::int32_t(i));
        session->setSelection(session->idsOf(kKind, points), nullptr);
        ASSERT_FALSE(session->selection().isEmpty());
    }

    // The id of the command on top of the stack.
    static std::optional<CommandId> top(MainWindow& w) {
        auto* stack = w.document()->undoStack();
        if (stack->index() == 0) return std::nullopt;
        auto* c = dynamic_cast<const WorkbookEditCommand*>(stack->command(stack->index() - 1));
        if (!c) return std::nullopt;
        EXPECT_EQ(c->id(), static_cast<int>(c->commandId()));
        return c->commandId();
    }

    static engine::MatrixThresholds movedThresholds(MainWindow& w) {
        auto t = w.analysis()->session()->matrix(kKind).thresholds;
        t.x = {engine::ThresholdMode::Custom, 1234.5};
        return t;
    }

    // A second connection holding the workbook's write lock until reset.
    std::unique_ptr<cw::test::LockHolder> holdWriteLock() { return std::make_unique<cw::test::LockHolder>(path); }

    std::int64_t insightsStored() {
        auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
        auto list = store::listInsights(wb->db());
        EXPECT_TRUE(list.ok());
        return list.ok() ? std::int64_t(list->size()) : -1;
    }
};

TEST_F(CommandsTest, EveryEditIsACommandOfItsOwnWithItsId) {
    MainWindow w;
    openInWindow(w);
    auto* ws = w.analysis();
    selectSome(w);
    std::vector<CommandId> seen;
    auto expectTop = [&](CommandId id, const char* what) {
        auto t = top(w);
        ASSERT_TRUE(t.has_value()) << what;
        EXPECT_EQ(*t, id) << what;
        seen.push_back(*t);
    };

    ASSERT_TRUE(ws->session()->setThresholds(kKind, movedThresholds(w)).ok());
    expectTop(CommandId::SetThresholds, "thresholds");
    ASSERT_TRUE(ws->saveSelectionAsSegment(QStringLiteral("picked")).ok());
    expectTop(CommandId::SaveSelectionAsSegment, "save as segment");
    ASSERT_TRUE(ws->pinSelection(QStringLiteral("Look here"), QString()).ok());
    expectTop(CommandId::PinInsight, "pin");
    auto* segments = w.segmentsDock();
    ASSERT_TRUE(segments->activate(QStringLiteral("picked")).ok());
    expectTop(CommandId::ActivateSegmentation, "activate");
    ASSERT_TRUE(waitFor([&] { return !w.isBusy(); }));
    ASSERT_TRUE(segments->rename(QStringLiteral("picked"), QStringLiteral("chosen")).ok());
    expectTop(CommandId::RenameSegmentation, "rename");
    ASSERT_TRUE(segments->remove(QStringLiteral("chosen")).ok());
    expectTop(CommandId::DeleteSegmentation, "delete segmentation");
    ASSERT_TRUE(waitFor([&] { return !w.isBusy(); }));
    auto* insights = w.insightsDock();
    auto list = store::listInsights(w.document()->workbook()->db());
    ASSERT_TRUE(list.ok() && list->size() == 1);
    ASSERT_TRUE(insights->remove(list->front().id).ok());
    expectTop(CommandId::DeleteInsight, "delete insight");
    auto settings = engine::AnalysisSettings::load(*w.document()->workbook());
    ASSERT_TRUE(settings.ok());
    settings->windowMonths = 6;
    ASSERT_TRUE(ws->changeDefinitions(*settings).ok());
    expectTop(CommandId::ChangeDefinitions, "definitions");
    ASSERT_TRUE(waitFor([&] { return !w.isBusy(); }));

    // Eight kinds of edit, eight ids, one per command class.
    EXPECT_EQ(std::set<CommandId>(seen.begin(), seen.end()).size(), seen.size());
    EXPECT_EQ(seen.size(), std::size_t(CommandId::DeleteInsight));

    // Undone all the way back, the workbook has neither the segmentation nor the insight.
    while (w.document()->undoStack()->canUndo()) {
        w.document()->undoStack()->undo();
        ASSERT_TRUE(waitFor([&] { return !w.isBusy(); }));
    }
    EXPECT_EQ(insightsStored(), 0);
    EXPECT_EQ(w.document()->workbook()->db().queryInt("SELECT count(*) FROM segmentations").value_or(-1), 0);
}

TEST_F(CommandsTest, ABusyWorkbookRefusesTheEditSaysSoAndStoresNothing) {
    MainWindow w;
    openInWindow(w);
    auto* ws = w.analysis();
    auto* session = ws->session();
    selectSome(w);
    auto* stack = w.document()->undoStack();
    const int steps = stack->count();
    const auto shown = session->matrix(kKind).thresholds;
    auto saved = engine::loadMatrixThresholds(*w.document()->workbook(), engine::matrixSpec(kKind));
    ASSERT_TRUE(saved.ok());

    auto holder = holdWriteLock();
    auto st = session->setThresholds(kKind, movedThresholds(w));
    ASSERT_FALSE(st.ok()) << "another connection holds the write lock";
    EXPECT_TRUE(store::isBusyError(st.error())) << st.error().describe();
    EXPECT_TRUE(session->matrix(kKind).thresholds == shown) << "the session keeps the thresholds that hold";
    auto pinned = ws->pinSelection(QStringLiteral("Look here"), QString());
    ASSERT_FALSE(pinned.ok());
    EXPECT_TRUE(store::isBusyError(pinned.error()));

    // While the window's own analysis writes, the message names it.
    w.document()->beginBackgroundWrite(QStringLiteral("the analysis"));
    auto named = ws->saveSelectionAsSegment(QStringLiteral("picked"));
    w.document()->endBackgroundWrite();
    ASSERT_FALSE(named.ok());
    EXPECT_NE(named.error().message.find("the analysis is storing its results"), std::string::npos)
        << named.error().message;
    EXPECT_FALSE(named.error().hint.empty());
    EXPECT_EQ(stack->count(), steps) << "a refused edit is no undo step";

    holder.reset();
    EXPECT_EQ(insightsStored(), 0);
    auto after = engine::loadMatrixThresholds(*w.document()->workbook(), engine::matrixSpec(kKind));
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(*after == *saved) << "nothing was stored";
    // Once the lock is gone the same edit works.
    ASSERT_TRUE(ws->pinSelection(QStringLiteral("Look here"), QString()).ok());
    EXPECT_EQ(insightsStored(), 1);
    EXPECT_EQ(stack->count(), steps + 1);
}

TEST_F(CommandsTest, AnUndoTheWorkbookRefusesIsShownAndLeavesTheStack) {
    MainWindow w;
    openInWindow(w);
    selectSome(w);
    auto* stack = w.document()->undoStack();
    ASSERT_TRUE(w.analysis()->pinSelection(QStringLiteral("Look here"), QString()).ok());
    const int steps = stack->count();
    auto holder = holdWriteLock();
    auto box = cw::test::answerNextMessageBox();
    stack->undo();
    EXPECT_TRUE(box->shown) << "the failed undo is shown";
    EXPECT_TRUE(box->text.contains(QStringLiteral("could not be undone"))) << box->text.toStdString();
    EXPECT_TRUE(box->text.contains(QStringLiteral("busy"))) << box->text.toStdString();
    EXPECT_EQ(stack->count(), steps - 1) << "the command leaves the stack";
    holder.reset();
    EXPECT_EQ(insightsStored(), 1) << "the insight stays, as the message says";
}

}  // namespace
