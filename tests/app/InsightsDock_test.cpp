// The Insights dock: a pinned selection is listed, double-clicking it (or "Select customers")
// selects its customers again, and deleting it is an undo step that puts the same insight back.
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QUndoStack>

#include "MatrixWindowTest.h"
#include "app/analysis/InsightsDock.h"
#include "app/workbook/WorkbookDocument.h"
#include "store/Insights.h"

using namespace cw;
using namespace cw::app;

namespace {

class InsightsDockTest : public cw::test::MatrixWindowTest {
protected:
    static std::vector<store::Insight> stored(MainWindow& w) {
        auto all = store::listInsights(w.document()->workbook()->db());
        EXPECT_TRUE(all.ok());
        return all.ok() ? *all : std::vector<store::Insight>{};
    }

    // Pins the first `n` customers of the profitability × loyalty matrix, as the menu does.
    static QSet<qint64> pinSome(MainWindow& w, int n) {
        auto* session = w.analysis()->session();
        const auto& m = session->matrix(engine::MatrixKind::ProfitabilityLoyalty);
        QSet<qint64> ids;
        for (int i = 0; i < n; ++i) ids.insert(m.input->ids[std::size_t(i)]);
        session->setSelection(ids, nullptr);
        EXPECT_TRUE(w.analysis()->pinSelection("Loyal but costly", "Talk to their managers\nbefore March").ok());
        return ids;
    }
};

TEST_F(InsightsDockTest, PinnedInsightIsListedSelectedAndDeletedUndoably) {
    MainWindow w;
    openInWindow(w);
    auto* dock = w.insightsDock();
    ASSERT_NE(dock, nullptr);
    EXPECT_EQ(dock->objectName(), "InsightsDock");
    EXPECT_TRUE(dock->emptyMessage().contains("No insight pinned yet")) << dock->emptyMessage().toStdString();

    const QSet<qint64> ids = pinSome(w, 12);
    auto* model = dock->model();
    ASSERT_EQ(model->rowCount(), 1) << "listed as soon as it is pinned";
    EXPECT_EQ(model->item(0, InsightsDock::TitleColumn)->text(), "Loyal but costly");
    EXPECT_EQ(model->item(0, InsightsDock::CustomersColumn)->data(Qt::UserRole).toLongLong(), 12);
    EXPECT_EQ(model->item(0, InsightsDock::SourceColumn)->text(), "Profitability vs loyalty");
    EXPECT_EQ(model->item(0, InsightsDock::NoteColumn)->text(), "Talk to their managers …");
    const auto pinned = stored(w);
    ASSERT_EQ(pinned.size(), 1u);
    const qint64 id = pinned.front().id;
    EXPECT_EQ(dock->currentId(), id);

    // "Select customers" and a double-click both select them again.
    auto* session = w.analysis()->session();
    session->setSelection({}, nullptr);
    auto* select = dock->findChild<QPushButton*>("selectCustomersButton");
    ASSERT_NE(select, nullptr);
    dock->show();
    dock->raise();
    ASSERT_TRUE(cw::test::waitFor([&] { return select->isVisible(); }));
    QTest::mouseClick(select, Qt::LeftButton);
    EXPECT_EQ(session->selection(), ids);
    session->setSelection({}, nullptr);
    auto* list = dock->findChild<QTreeView*>();
    ASSERT_NE(list, nullptr);
    const QRect cell = list->visualRect(model->index(0, 0));
    EXPECT_GE(cell.width(), list->fontMetrics().horizontalAdvance("Loyal but costly")) << "the title is not clipped";
    // A double-click is a click, then the second press.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, cell.center());
    EXPECT_EQ(session->selection(), ids);

    // Delete, undo (the same insight, id and customers), redo.
    auto* undo = w.document()->undoStack();
    ASSERT_TRUE(dock->remove(id).ok());
    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_TRUE(stored(w).empty());
    undo->undo();
    ASSERT_EQ(model->rowCount(), 1);
    const auto back = stored(w);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back.front().id, id);
    EXPECT_EQ(back.front().customerIds, pinned.front().customerIds);
    EXPECT_EQ(back.front().createdAt, pinned.front().createdAt);
    EXPECT_EQ(back.front().note, pinned.front().note);
    EXPECT_EQ(back.front().sourceJson, pinned.front().sourceJson);
    undo->redo();
    EXPECT_EQ(model->rowCount(), 0);
    undo->undo();
    EXPECT_EQ(model->rowCount(), 1);

    // Undoing the pin itself empties the list again.
    undo->undo();
    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_TRUE(dock->emptyMessage().contains("Pin selection as insight"));

    auto none = dock->selectCustomers(id);
    EXPECT_FALSE(none.ok());
}

TEST_F(InsightsDockTest, SaysSoWithoutAWorkbook) {
    MainWindow w;
    EXPECT_EQ(w.insightsDock()->emptyMessage(), "No workbook open.");
}

}  // namespace
