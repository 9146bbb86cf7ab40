// The Portfolio dock (issue 11, acceptance 4): a manager's portfolio opened in the window; an
// account plan with an action due in the past raises an overdue-action alert and the "overdue
// actions" figure, marking it done clears both, and undo/redo walk back and forth through the
// same rows (same ids); "Edit action…" giving it a due day after today clears them too, undoably.
// Alerts are acknowledged and snoozed undoably, the stored state restored exactly. Every step
// goes through the dock's own functions, the ones its buttons call.
#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>

#include "MatrixWindowTest.h"
#include "app/commands/AlertStateCommand.h"
#include "app/portfolio/PortfolioAlertsModel.h"
#include "app/portfolio/PortfolioCustomersModel.h"
#include "app/portfolio/PortfolioData.h"
#include "app/portfolio/PortfolioDock.h"
#include "app/portfolio/PortfolioFigure.h"
#include "app/portfolio/PortfolioPlansModel.h"
#include "app/widgets/Format.h"
#include "app/workbook/WorkbookDocument.h"
#include "engine/load/KpiValues.h"
#include "store/AccountPlans.h"
#include "store/Portfolio.h"

using namespace cw;
using namespace cw::app;

namespace {

class PortfolioTest : public cw::test::MatrixWindowTest {
protected:
    // A manager with no team and at least a few customers, as the demo makes them.
    std::string leafManager() {
        auto wb = store::Workbook::open(path);
        EXPECT_TRUE(wb.ok());
        auto tree = engine::loadManagerTree(wb->db());
        EXPECT_TRUE(tree.ok());
        for (const auto& m : tree->managers) {
            const bool hasTeam = std::any_of(tree->managers.begin(), tree->managers.end(),
                                             [&](const auto& o) { return o.parentId == m.id; });
            if (!hasTeam && m.customers >= 4) return m.code;
        }
        ADD_FAILURE() << "no manager with customers";
        return {};
    }

    /// Opens the window on the workbook and the dock on a manager, with a fixed today.
    PortfolioDock* openPortfolio(MainWindow& w, const std::string& code) {
        openInWindow(w);
        auto* dock = w.portfolioDock();
        EXPECT_NE(dock, nullptr);
        if (!dock) return nullptr;
        dock->showManager(QString::fromStdString(code));
        EXPECT_TRUE(cw::test::waitFor([&] { return dock->isLoaded() && !dock->isBusy(); }));
        // Today a month after the data's end, so due days before and after it are both easy.
        const std::int32_t today = dock->data()->portfolio->analysisDay + 30;
        afterReload(dock, [&] { dock->setToday(today); });
        return dock;
    }

    /// Runs `edit` and waits for the read it causes.
    template <class Edit>
    static void afterReload(PortfolioDock* dock, Edit&& edit) {
        int loads = 0;
        auto c = QObject::connect(dock, &PortfolioDock::loaded, dock, [&] { ++loads; });
        edit();
        EXPECT_TRUE(cw::test::waitFor([&] { return loads > 0 && !dock->isBusy(); }));
        QObject::disconnect(c);
    }

    static const engine::Portfolio& portfolio(PortfolioDock* dock) {
        return *dock->data()->portfolio;
    }

    static bool hasOverdueAlert(PortfolioDock* dock, std::int64_t actionId) {
        auto* model = dock->alertsModel();
        for (int r = 0; r < model->rowCount(); ++r) {
            const auto* a = model->alert(r);
            if (a->alert.kind == engine::kpi::AlertKind::OverdueAction &&
                a->alert.actionId == actionId)
                return true;
        }
        return false;
    }

    static int rowOf(PortfolioDock* dock, engine::kpi::AlertKind kind, std::int64_t customerId) {
        auto* model = dock->alertsModel();
        for (int r = 0; r < model->rowCount(); ++r) {
            const auto* a = model->alert(r);
            if (a->alert.kind == kind && a->alert.customerId == customerId) return r;
        }
        return -1;
    }
};

TEST_F(PortfolioTest, OverdueActionRaisesAnAlertUntilDoneAndUndoRedoWalkThroughTheSameRows) {
    MainWindow w;
    const std::string code = leafManager();
    auto* dock = openPortfolio(w, code);
    ASSERT_NE(dock, nullptr);
    EXPECT_EQ(dock->objectName(), "PortfolioDock");
    EXPECT_EQ(dock->windowTitle(), "Portfolio");
    ASSERT_FALSE(dock->showsPlaceholder()) << dock->placeholderText().toStdString();
    EXPECT_EQ(dock->managerBox()->currentData().toString().toStdString(), code);
    const engine::Portfolio p0 = portfolio(dock);  // a copy: each read replaces the data
    ASSERT_GE(p0.customers.size(), 2u);
    EXPECT_EQ(dock->customersModel()->rowCount(), int(p0.customers.size()));
    const std::int64_t overdue0 = p0.overdueActions;
    const std::int32_t today = dock->today();
    EXPECT_EQ(dock->figure(PortfolioDock::Figure::Overdue)->value(), formatCount(overdue0));
    const int plans0 = int(dock->data()->plans.size());

    // A plan for two of the manager's customers not yet in one, then an action due three days ago.
    std::vector<std::int64_t> two;
    for (const auto& c : p0.customers)
        if (c.plans.empty() && two.size() < 2) two.push_back(c.base.id);
    ASSERT_EQ(two.size(), 2u);
    Result<std::int64_t> plan = makeError(ErrorKind::Internal, "not run");
    afterReload(dock, [&] { plan = dock->createPlan("Keep the best two", "from the test", two); });
    ASSERT_TRUE(plan.ok()) << plan.error().describe();
    EXPECT_EQ(int(dock->data()->plans.size()), plans0 + 1);
    EXPECT_EQ(dock->plansModel()->rowCount(), plans0 + 1);
    Result<std::int64_t> action = makeError(ErrorKind::Internal, "not run");
    afterReload(dock, [&] {
        action = dock->addAction(*plan, "Call them about the renewal", "Tester", today - 3);
    });
    ASSERT_TRUE(action.ok()) << action.error().describe();

    EXPECT_TRUE(hasOverdueAlert(dock, *action)) << "an overdue_action alert for the new action";
    EXPECT_EQ(portfolio(dock).overdueActions, overdue0 + 1);
    EXPECT_EQ(dock->figure(PortfolioDock::Figure::Overdue)->value(), formatCount(overdue0 + 1));
    EXPECT_EQ(portfolio(dock).customersUnderPlan, p0.customersUnderPlan + 2);

    // Done, with the button, the action chosen in the plans: the alert goes, the figure goes back
    // down.
    auto* plans = dock->plansModel();
    QModelIndex actionIndex;
    for (int r = 0; r < plans->rowCount(); ++r)
        for (int c = 0; c < plans->rowCount(plans->index(r, 0)); ++c) {
            const QModelIndex i = plans->index(c, 0, plans->index(r, 0));
            if (PortfolioPlansModel::kindOf(i) == PortfolioPlansModel::Kind::Action &&
                PortfolioPlansModel::idOf(i) == *action)
                actionIndex = i;
        }
    ASSERT_TRUE(actionIndex.isValid()) << "the action is listed under its plan";
    EXPECT_EQ(
        actionIndex.siblingAtColumn(PortfolioPlansModel::Status).data().toString().toStdString(),
        "overdue 3 d");
    dock->plansView()->setCurrentIndex(actionIndex);
    QPushButton* done = nullptr;
    for (auto* b : dock->findChildren<QPushButton*>())
        if (b->text() == "Mark &done") done = b;
    ASSERT_NE(done, nullptr);
    ASSERT_TRUE(done->isEnabled());
    afterReload(dock, [&] { QTest::mouseClick(done, Qt::LeftButton); });
    EXPECT_EQ(store::readAction(w.document()->workbook()->db(), *action)->status, "done");
    EXPECT_FALSE(hasOverdueAlert(dock, *action));
    EXPECT_EQ(portfolio(dock).overdueActions, overdue0);
    EXPECT_EQ(dock->figure(PortfolioDock::Figure::Overdue)->value(), formatCount(overdue0));

    auto* undo = w.document()->undoStack();
    auto& db = w.document()->workbook()->db();
    const auto planStored = store::readPlan(db, *plan);
    ASSERT_TRUE(planStored.has_value());

    // Undo "done": the alert and the figure are back.
    afterReload(dock, [&] { undo->undo(); });
    EXPECT_TRUE(hasOverdueAlert(dock, *action));
    EXPECT_EQ(portfolio(dock).overdueActions, overdue0 + 1);
    EXPECT_EQ(dock->figure(PortfolioDock::Figure::Overdue)->value(), formatCount(overdue0 + 1));
    EXPECT_EQ(store::readAction(db, *action)->status, "open");
    const auto historyOpen = store::readActionHistory(db, *action);

    // Undo twice more: the action, then the plan are gone.
    afterReload(dock, [&] { undo->undo(); });
    EXPECT_FALSE(store::readAction(db, *action).has_value());
    EXPECT_FALSE(hasOverdueAlert(dock, *action));
    afterReload(dock, [&] { undo->undo(); });
    EXPECT_FALSE(store::readPlan(db, *plan).has_value());
    EXPECT_EQ(int(dock->data()->plans.size()), plans0);
    EXPECT_EQ(portfolio(dock).overdueActions, overdue0);

    // Redo: the same plan and action, same ids and history; then done again.
    afterReload(dock, [&] { undo->redo(); });
    auto replan = store::readPlan(db, *plan);
    ASSERT_TRUE(replan.has_value());
    EXPECT_EQ(replan->customerIds, two);
    EXPECT_EQ(replan->createdAt, planStored->createdAt);
    afterReload(dock, [&] { undo->redo(); });
    auto reaction = store::readAction(db, *action);
    ASSERT_TRUE(reaction.has_value());
    EXPECT_EQ(reaction->planId, *plan);
    EXPECT_EQ(store::readActionHistory(db, *action), historyOpen);
    EXPECT_TRUE(hasOverdueAlert(dock, *action));
    EXPECT_EQ(portfolio(dock).overdueActions, overdue0 + 1);
    afterReload(dock, [&] { undo->redo(); });
    EXPECT_EQ(store::readAction(db, *action)->status, "done");
    EXPECT_EQ(store::readPlan(db, *plan), planStored)
        << "redo stores the very rows of the first time";
    EXPECT_FALSE(hasOverdueAlert(dock, *action));
}

TEST_F(PortfolioTest, EditActionGivesANewDueDayThatClearsTheOverdueAlertAndUndoRedoWalk) {
    MainWindow w;
    auto* dock = openPortfolio(w, leafManager());
    ASSERT_NE(dock, nullptr);
    ASSERT_FALSE(dock->showsPlaceholder()) << dock->placeholderText().toStdString();
    const engine::Portfolio p0 = portfolio(dock);
    const std::int64_t overdue0 = p0.overdueActions;
    const std::int32_t today = dock->today();
    auto& db = w.document()->workbook()->db();
    auto* undo = w.document()->undoStack();

    // A plan for two customers not yet in one, with an action about the first due a week ago.
    std::vector<std::int64_t> two;
    for (const auto& c : p0.customers)
        if (c.plans.empty() && two.size() < 2) two.push_back(c.base.id);
    ASSERT_EQ(two.size(), 2u);
    Result<std::int64_t> plan = makeError(ErrorKind::Internal, "not run");
    afterReload(dock, [&] { plan = dock->createPlan("Win them back", "from the test", two); });
    ASSERT_TRUE(plan.ok()) << plan.error().describe();
    Result<std::int64_t> action = makeError(ErrorKind::Internal, "not run");
    afterReload(dock, [&] {
        action = dock->addAction(*plan, "Visit about the renewal", "Tester", today - 7, two[0]);
    });
    ASSERT_TRUE(action.ok()) << action.error().describe();
    EXPECT_TRUE(hasOverdueAlert(dock, *action));
    EXPECT_EQ(portfolio(dock).overdueActions, overdue0 + 1);
    const auto before = store::readAction(db, *action);
    ASSERT_TRUE(before.has_value());
    EXPECT_EQ(before->dueDay, today - 7);
    const auto history = store::readActionHistory(db, *action);

    // "Edit action…" is enabled only with an action selected.
    QPushButton* edit = nullptr;
    for (auto* b : dock->findChildren<QPushButton*>())
        if (b->text() == "Ed&it action…") edit = b;
    ASSERT_NE(edit, nullptr);
    auto* plans = dock->plansModel();
    QModelIndex planIndex, actionIndex;
    for (int r = 0; r < plans->rowCount(); ++r) {
        const QModelIndex p = plans->index(r, 0);
        if (PortfolioPlansModel::idOf(p) == *plan) planIndex = p;
        for (int c = 0; c < plans->rowCount(p); ++c) {
            const QModelIndex i = plans->index(c, 0, p);
            if (PortfolioPlansModel::kindOf(i) == PortfolioPlansModel::Kind::Action &&
                PortfolioPlansModel::idOf(i) == *action)
                actionIndex = i;
        }
    }
    ASSERT_TRUE(planIndex.isValid());
    ASSERT_TRUE(actionIndex.isValid());
    dock->plansView()->setCurrentIndex(planIndex);
    EXPECT_FALSE(edit->isEnabled()) << "a plan is selected, not an action";
    dock->plansView()->setCurrentIndex(actionIndex);
    EXPECT_TRUE(edit->isEnabled());

    // A new due day after today (and a new owner): the alert goes, the figure goes back down;
    // the status and its history stay.
    const int steps = undo->count();
    afterReload(dock, [&] {
        ASSERT_TRUE(dock->editAction(*action, "Visit about the renewal", "Someone else",
                                     today + 10, two[0])
                        .ok());
    });
    EXPECT_EQ(undo->count(), steps + 1);
    auto after = store::readAction(db, *action);
    ASSERT_TRUE(after.has_value());
    EXPECT_EQ(after->dueDay, today + 10);
    EXPECT_EQ(after->owner, "Someone else");
    EXPECT_EQ(after->customerId, std::optional<std::int64_t>(two[0]));
    EXPECT_EQ(after->status, "open");
    EXPECT_EQ(store::readActionHistory(db, *action), history);
    EXPECT_FALSE(hasOverdueAlert(dock, *action));
    EXPECT_EQ(portfolio(dock).overdueActions, overdue0);
    EXPECT_EQ(dock->figure(PortfolioDock::Figure::Overdue)->value(), formatCount(overdue0));
    EXPECT_TRUE(edit->isEnabled()) << "the action stays selected after the reload";

    // Undo: exactly the old action again, overdue.
    afterReload(dock, [&] { undo->undo(); });
    EXPECT_EQ(store::readAction(db, *action), before);
    EXPECT_EQ(store::readAction(db, *action)->dueDay, today - 7);
    EXPECT_TRUE(hasOverdueAlert(dock, *action));
    EXPECT_EQ(portfolio(dock).overdueActions, overdue0 + 1);
    EXPECT_EQ(dock->figure(PortfolioDock::Figure::Overdue)->value(), formatCount(overdue0 + 1));

    // Redo: the new due day again.
    afterReload(dock, [&] { undo->redo(); });
    EXPECT_EQ(store::readAction(db, *action), after);
    EXPECT_EQ(store::readAction(db, *action)->dueDay, today + 10);
    EXPECT_FALSE(hasOverdueAlert(dock, *action));
    EXPECT_EQ(portfolio(dock).overdueActions, overdue0);

    // An action no longer in the workbook is refused, with no undo step.
    const int steps2 = undo->count();
    EXPECT_FALSE(dock->editAction(1'000'000'000, "x", "y", today).ok());
    EXPECT_EQ(undo->count(), steps2);
}

TEST_F(PortfolioTest, AcknowledgeAndSnoozeAreUndoableAndRestoreTheStoredState) {
    MainWindow w;
    auto* dock = openPortfolio(w, leafManager());
    ASSERT_NE(dock, nullptr);
    auto* model = dock->alertsModel();
    ASSERT_GT(model->rowCount(), 0) << "the demo plants alerts";
    auto& db = w.document()->workbook()->db();
    auto* undo = w.document()->undoStack();
    const auto first = *model->alert(0);
    ASSERT_NE(first.alert.kind, engine::kpi::AlertKind::OverdueAction);
    const auto kind = first.alert.kind;
    const auto customer = first.alert.customerId;
    const int shown0 = model->rowCount();
    ASSERT_FALSE(AlertStateCommand::storedState(db, kind, customer).has_value());

    // Acknowledge: hidden, stored; undo: shown, nothing stored; redo: the same row again.
    afterReload(dock, [&] { ASSERT_TRUE(dock->acknowledgeAlert(0).ok()); });
    EXPECT_EQ(rowOf(dock, kind, customer), -1);
    EXPECT_EQ(model->rowCount(), shown0 - 1);
    const auto acknowledged = AlertStateCommand::storedState(db, kind, customer);
    ASSERT_TRUE(acknowledged.has_value());
    EXPECT_EQ(acknowledged->state, "acknowledged");
    EXPECT_EQ(acknowledged->by, PortfolioDock::userName().toStdString());
    dock->showHiddenBox()->setChecked(true);
    const int hiddenRow = rowOf(dock, kind, customer);
    ASSERT_GE(hiddenRow, 0) << "listed with the hidden alerts";
    EXPECT_TRUE(model->isHidden(hiddenRow));
    EXPECT_TRUE(model->data(model->index(hiddenRow, PortfolioAlertsModel::State))
                    .toString()
                    .startsWith("acknowledged"));
    dock->showHiddenBox()->setChecked(false);

    afterReload(dock, [&] { undo->undo(); });
    EXPECT_EQ(rowOf(dock, kind, customer), 0) << "shown again, at its rank";
    EXPECT_FALSE(AlertStateCommand::storedState(db, kind, customer).has_value());
    afterReload(dock, [&] { undo->redo(); });
    EXPECT_EQ(rowOf(dock, kind, customer), -1);
    EXPECT_EQ(AlertStateCommand::storedState(db, kind, customer), acknowledged);
    afterReload(dock, [&] { undo->undo(); });

    // Snooze two weeks: hidden until then, shown after the day.
    const std::int32_t until = dock->today() + 14;
    afterReload(dock, [&] { ASSERT_TRUE(dock->snoozeAlert(0, until).ok()); });
    EXPECT_EQ(rowOf(dock, kind, customer), -1);
    const auto snoozed = AlertStateCommand::storedState(db, kind, customer);
    ASSERT_TRUE(snoozed.has_value());
    EXPECT_EQ(snoozed->state, "snoozed");
    EXPECT_EQ(snoozed->untilDay, until);
    const std::int32_t today = dock->today();
    afterReload(dock, [&] { dock->setToday(until + 1); });
    EXPECT_GE(rowOf(dock, kind, customer), 0) << "the snooze is over";
    afterReload(dock, [&] { dock->setToday(today); });
    EXPECT_EQ(rowOf(dock, kind, customer), -1);

    // Acknowledging the snoozed alert replaces its state; undo puts back the very snooze row.
    dock->showHiddenBox()->setChecked(true);
    int row = rowOf(dock, kind, customer);
    ASSERT_GE(row, 0);
    afterReload(dock, [&] { ASSERT_TRUE(dock->acknowledgeAlert(row).ok()); });
    EXPECT_EQ(AlertStateCommand::storedState(db, kind, customer)->state, "acknowledged");
    afterReload(dock, [&] { undo->undo(); });
    EXPECT_EQ(AlertStateCommand::storedState(db, kind, customer), snoozed);

    // "Show again" clears it; undo restores the snooze row exactly.
    row = rowOf(dock, kind, customer);
    ASSERT_GE(row, 0);
    afterReload(dock, [&] { ASSERT_TRUE(dock->showAlertAgain(row).ok()); });
    EXPECT_FALSE(AlertStateCommand::storedState(db, kind, customer).has_value());
    EXPECT_FALSE(model->isHidden(rowOf(dock, kind, customer)));
    afterReload(dock, [&] { undo->undo(); });
    EXPECT_EQ(AlertStateCommand::storedState(db, kind, customer), snoozed);

    // An overdue action's alert is not acknowledged: nothing is stored, no undo step.
    dock->showHiddenBox()->setChecked(false);
    const int steps = undo->count();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->alert(r)->alert.kind == engine::kpi::AlertKind::OverdueAction) {
            EXPECT_FALSE(dock->acknowledgeAlert(r).ok());
            break;
        }
    EXPECT_EQ(undo->count(), steps);
}

TEST_F(PortfolioTest, PlaceholdersSayWhatToDo) {
    MainWindow w;
    auto* dock = w.portfolioDock();
    ASSERT_NE(dock, nullptr);
    dock->show();
    EXPECT_TRUE(dock->showsPlaceholder());
    EXPECT_TRUE(dock->placeholderText().contains("Open a workbook"))
        << dock->placeholderText().toStdString();

    openInWindow(w);
    dock->show();
    dock->raise();
    ASSERT_TRUE(cw::test::waitFor([&] { return dock->data() != nullptr && !dock->isBusy(); }));
    EXPECT_TRUE(dock->showsPlaceholder());
    EXPECT_TRUE(dock->placeholderText().contains("Choose a commercial manager"))
        << dock->placeholderText().toStdString();
    EXPECT_GT(dock->managerBox()->count(), 0) << "the managers to choose from";

    afterReload(dock, [&] { dock->showManager("NO-SUCH-MANAGER"); });
    EXPECT_TRUE(dock->showsPlaceholder());
    EXPECT_TRUE(dock->placeholderText().contains("NO-SUCH-MANAGER"))
        << dock->placeholderText().toStdString();
}

TEST_F(PortfolioTest, TopByLifetimeValueAndCustomerSelection) {
    MainWindow w;
    auto* dock = openPortfolio(w, leafManager());
    ASSERT_NE(dock, nullptr);
    const auto top = dock->topByLifetimeValue(3);
    ASSERT_FALSE(top.empty());
    // The same order as the store's, restricted to the portfolio.
    auto& db = w.document()->workbook()->db();
    std::vector<std::int64_t> expected;
    std::vector<std::int64_t> mine;
    for (const auto& c : portfolio(dock).customers) mine.push_back(c.base.id);
    for (auto id : store::customersByLifetimeValue(db))
        if (std::find(mine.begin(), mine.end(), id) != mine.end() && expected.size() < top.size())
            expected.push_back(id);
    EXPECT_EQ(top, expected);

    // Selecting a row of the customer table makes it the linked selection.
    auto* view = dock->customersView();
    view->setFocus();
    view->selectRow(0);
    const qint64 id = view->model()->index(0, 0).data(PortfolioCustomersModel::IdRole).toLongLong();
    EXPECT_EQ(w.analysis()->session()->selection(), QSet<qint64>{id});
}

}  // namespace
