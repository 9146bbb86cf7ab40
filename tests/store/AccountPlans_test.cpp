// Account plans in the store: a plan read back as written; every edit undone exactly (a deleted
// plan or action inserted again with its ids and history reads back equal, an update undone by the
// old values, a status change by removeLastStatusChange); the status history in order; overdue
// actions and the two indicators on a hand-made case counted by hand; deletes that take everything
// of a plan and nothing else; bad input refused before anything is written.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "core/CivilTime.h"
#include "store/AccountPlans.h"
#include "support/FreshWorkbook.h"

using namespace cw;
using store::AccountPlan;
using store::PlanAction;
using store::PlanObjective;

namespace {

[[maybe_unused]] auto* const g_tempDir = ::testing::AddGlobalTestEnvironment(new cw::test::SuiteTempDir);

constexpr const char* kTables[] = {"account_plans", "account_plan_customers", "plan_objectives", "plan_actions",
                                   "plan_action_history"};

class AccountPlansTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE((wb = test::freshWorkbook("account-plans.cwb")));
        // Managers 1 (head) > 2; 3 on its own. Customers 10…14.
        const auto st = store::inOwnTransaction(db(), [](store::WriteTransaction& tx) {
            return tx.db().exec(
                "INSERT INTO managers(id, code, parent_id) VALUES (1, 'HEAD', NULL), (2, 'M2', 1), (3, 'M3', NULL);"
                "INSERT INTO customers(id, code, manager_id) VALUES (10, 'c10', 2), (11, 'c11', 2), (12, 'c12', 3),"
                " (13, 'c13', 2), (14, 'c14', NULL);");
        });
        ASSERT_TRUE(st.ok()) << st.error().describe();
    }

    store::Database& db() { return wb->db(); }

    template <class F>
    auto write(F&& f) {
        return store::inOwnTransaction(db(), std::forward<F>(f));
    }

    std::int64_t insert(const AccountPlan& p) {
        auto id = write([&](store::WriteTransaction& tx) { return store::insertPlan(tx, p); });
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().describe());
        return id.ok() ? *id : 0;
    }

    std::int64_t addAction(PlanAction a, const std::string& by = "") {
        auto id = write([&](store::WriteTransaction& tx) { return store::insertAction(tx, a, by); });
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().describe());
        return id.ok() ? *id : 0;
    }

    void setStatus(std::int64_t action, const std::string& status, const std::string& by = "") {
        auto changed = write([&](store::WriteTransaction& tx) { return store::setActionStatus(tx, action, status, by); });
        ASSERT_TRUE(changed.ok()) << changed.error().describe();
        EXPECT_TRUE(*changed);
    }

    std::int64_t rows(const std::string& table) {
        return db().queryInt("SELECT count(*) FROM " + table).value_or(-1);
    }
    std::vector<std::int64_t> allCounts() {
        std::vector<std::int64_t> out;
        for (const char* t : kTables) out.push_back(rows(t));
        return out;
    }

    std::vector<std::string> statuses(std::int64_t action) {
        std::vector<std::string> out;
        for (const auto& h : store::readActionHistory(db(), action)) out.push_back(h.status);
        return out;
    }

    static AccountPlan samplePlan() {
        AccountPlan p;
        p.managerId = 2;
        p.title = "Grow the best accounts";
        p.notes = "renewals first";
        p.createdBy = "ann";
        p.createdAt = "2025-03-01 09:30:00";
        p.customerIds = {11, 10};
        p.objectives = {{0, 0, "margin", 12000.5, static_cast<std::int32_t>(daysFromCivil(2025, 12, 31))}};
        PlanAction call;
        call.customerId = 10;
        call.what = "Call about the renewal";
        call.owner = "bob";
        call.dueDay = static_cast<std::int32_t>(daysFromCivil(2025, 4, 1));
        PlanAction review;
        review.what = "Review the plan";
        review.dueDay = static_cast<std::int32_t>(daysFromCivil(2025, 6, 30));
        review.status = "in_progress";
        p.actions = {call, review};
        return p;
    }

    std::optional<store::Workbook> wb;
};

TEST_F(AccountPlansTest, APlanReadsBackAsWritten) {
    const auto id = insert(samplePlan());
    ASSERT_GT(id, 0);
    const auto p = store::readPlan(db(), id);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->id, id);
    EXPECT_EQ(p->managerId, 2);
    EXPECT_EQ(p->title, "Grow the best accounts");
    EXPECT_EQ(p->notes, "renewals first");
    EXPECT_EQ(p->status, "open");
    EXPECT_EQ(p->createdAt, "2025-03-01 09:30:00");
    EXPECT_EQ(p->createdBy, "ann");
    EXPECT_EQ(p->customerIds, (std::vector<std::int64_t>{10, 11})) << "ascending";
    ASSERT_EQ(p->objectives.size(), 1u);
    EXPECT_GT(p->objectives[0].id, 0);
    EXPECT_EQ(p->objectives[0].planId, id);
    EXPECT_EQ(p->objectives[0].indicator, "margin");
    EXPECT_EQ(p->objectives[0].target, 12000.5);
    EXPECT_EQ(formatDate(p->objectives[0].dueDay), "2025-12-31");
    ASSERT_EQ(p->actions.size(), 2u);
    const auto& call = p->actions[0];
    EXPECT_EQ(call.planId, id);
    EXPECT_EQ(call.customerId, 10);
    EXPECT_EQ(call.what, "Call about the renewal");
    EXPECT_EQ(call.owner, "bob");
    EXPECT_EQ(formatDate(call.dueDay), "2025-04-01");
    EXPECT_EQ(call.status, "open");
    EXPECT_EQ(p->actions[1].customerId, std::nullopt) << "the whole plan";
    EXPECT_EQ(p->actions[1].status, "in_progress");
    // Each action's first status, when the plan was made and by its author.
    ASSERT_EQ(p->history.size(), 2u);
    EXPECT_EQ(p->history[0], (store::ActionStatusChange{call.id, "2025-03-01 09:30:00", "open", "ann"}));
    EXPECT_EQ(p->history[1], (store::ActionStatusChange{p->actions[1].id, "2025-03-01 09:30:00", "in_progress", "ann"}));

    auto other = samplePlan();
    other.managerId = 3;
    other.customerIds = {12};
    other.actions.clear();
    const auto otherId = insert(other);
    EXPECT_EQ(store::readPlans(db()).size(), 2u);
    ASSERT_EQ(store::readPlans(db(), 3).size(), 1u);
    EXPECT_EQ(store::readPlans(db(), 3)[0].id, otherId);
    EXPECT_TRUE(store::readPlans(db(), 1).empty()) << "a manager's own plans, not those of the managers below";
    EXPECT_EQ(store::readPlansOfManagers(db(), {1, 2, 3}).size(), 2u);
    EXPECT_TRUE(store::readPlansOfManagers(db(), {}).empty());
    EXPECT_EQ(store::readPlan(db(), 999), std::nullopt);
}

TEST_F(AccountPlansTest, ADeletedPlanInsertedAgainIsTheSamePlan) {
    const auto id = insert(samplePlan());
    auto before = store::readPlan(db(), id);
    ASSERT_TRUE(before);
    setStatus(before->actions[0].id, "in_progress", "bob");
    setStatus(before->actions[0].id, "done", "bob");
    before = store::readPlan(db(), id);
    ASSERT_EQ(before->history.size(), 4u);
    const auto kept = insert(samplePlan());  // another plan that must keep its rows

    ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::deletePlan(tx, id); }).ok());
    EXPECT_EQ(store::readPlan(db(), id), std::nullopt);
    // Everything of the plan went, nothing of the other one.
    const auto k = *store::readPlan(db(), kept);
    EXPECT_EQ(allCounts(), (std::vector<std::int64_t>{1, 2, 1, 2, 2}));
    EXPECT_EQ(k.actions.size(), 2u);

    const auto restored = insert(*before);
    EXPECT_EQ(restored, id);
    EXPECT_EQ(store::readPlan(db(), id), before) << "ids, customers, objectives, actions and history";
    EXPECT_EQ(store::readActionHistory(db(), before->actions[0].id).size(), 3u);
    // Inserting it twice is refused.
    auto again = write([&](store::WriteTransaction& tx) { return store::insertPlan(tx, *before); });
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.error().message.find("already exists"), std::string::npos) << again.error().message;
}

TEST_F(AccountPlansTest, EveryOtherEditIsUndoneByItsInverse) {
    const auto id = insert(samplePlan());
    const auto original = *store::readPlan(db(), id);

    // Plan fields.
    auto changed = original;
    changed.title = "Keep the best accounts";
    changed.notes = "";
    changed.status = "closed";
    ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::updatePlan(tx, changed); }).ok());
    const auto afterUpdate = *store::readPlan(db(), id);
    EXPECT_EQ(afterUpdate.title, "Keep the best accounts");
    EXPECT_EQ(afterUpdate.status, "closed");
    ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::updatePlan(tx, original); }).ok());
    EXPECT_EQ(*store::readPlan(db(), id), original);

    // Customers.
    ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::setPlanCustomers(tx, id, {13, 10, 13}); }).ok());
    EXPECT_EQ(store::readPlan(db(), id)->customerIds, (std::vector<std::int64_t>{10, 13}));
    ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::setPlanCustomers(tx, id, original.customerIds); }).ok());
    EXPECT_EQ(*store::readPlan(db(), id), original);

    // Objectives: delete and insert again, update and back.
    const auto objective = original.objectives[0];
    ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::deleteObjective(tx, objective.id); }).ok());
    EXPECT_TRUE(store::readPlan(db(), id)->objectives.empty());
    auto objectiveId = write([&](store::WriteTransaction& tx) { return store::insertObjective(tx, objective); });
    ASSERT_TRUE(objectiveId.ok());
    EXPECT_EQ(*objectiveId, objective.id);
    auto retargeted = objective;
    retargeted.target = 9000;
    retargeted.indicator = "revenue";
    ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::updateObjective(tx, retargeted); }).ok());
    EXPECT_EQ(store::readPlan(db(), id)->objectives[0], retargeted);
    ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::updateObjective(tx, objective); }).ok());
    EXPECT_EQ(*store::readPlan(db(), id), original);

    // Actions: update and back; delete and restore with the history.
    const auto action = original.actions[0];
    auto edited = action;
    edited.what = "Visit";
    edited.owner = "carl";
    edited.customerId = 11;
    edited.dueDay += 7;
    edited.status = "done";  // not changed by updateAction
    ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::updateAction(tx, edited); }).ok());
    const auto afterEdit = *store::readAction(db(), action.id);
    EXPECT_EQ(afterEdit.what, "Visit");
    EXPECT_EQ(afterEdit.customerId, 11);
    EXPECT_EQ(afterEdit.status, "open");
    ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::updateAction(tx, action); }).ok());
    EXPECT_EQ(*store::readPlan(db(), id), original);

    setStatus(action.id, "cancelled", "ann");
    const auto withChange = *store::readPlan(db(), id);
    const auto history = store::readActionHistory(db(), action.id);
    ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::deleteAction(tx, action.id); }).ok());
    EXPECT_EQ(store::readAction(db(), action.id), std::nullopt);
    EXPECT_TRUE(store::readActionHistory(db(), action.id).empty());
    EXPECT_EQ(*store::readAction(db(), original.actions[1].id), original.actions[1]) << "the other is untouched";
    ASSERT_TRUE(write([&](store::WriteTransaction& tx) {
                    return store::restoreAction(tx, *std::find_if(withChange.actions.begin(), withChange.actions.end(),
                                                                  [&](const PlanAction& x) { return x.id == action.id; }),
                                                history);
                }).ok());
    EXPECT_EQ(*store::readPlan(db(), id), withChange);
}

TEST_F(AccountPlansTest, EveryStatusChangeIsKeptInOrderAndTheLastCanBeTakenBack) {
    auto plan = samplePlan();
    plan.actions.clear();
    const auto planId = insert(plan);
    PlanAction a;
    a.planId = planId;
    a.what = "Send the offer";
    a.dueDay = static_cast<std::int32_t>(daysFromCivil(2025, 5, 1));
    const auto id = addAction(a, "ann");
    EXPECT_EQ(statuses(id), (std::vector<std::string>{"open"}));
    setStatus(id, "in_progress", "bob");
    setStatus(id, "done", "carl");
    setStatus(id, "open", "dan");
    EXPECT_EQ(statuses(id), (std::vector<std::string>{"open", "in_progress", "done", "open"}));
    const auto history = store::readActionHistory(db(), id);
    EXPECT_EQ(history[0].by, "ann");
    EXPECT_EQ(history[2].by, "carl");
    const std::regex stamp(R"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})");
    for (const auto& h : history) EXPECT_TRUE(std::regex_match(h.at, stamp)) << h.at;

    // The same status again is no change: nothing appended.
    auto same = write([&](store::WriteTransaction& tx) { return store::setActionStatus(tx, id, "open", "eve"); });
    ASSERT_TRUE(same.ok());
    EXPECT_FALSE(*same);
    EXPECT_EQ(statuses(id).size(), 4u);

    for (const char* expected : {"done", "in_progress", "open"}) {
        ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::removeLastStatusChange(tx, id); }).ok());
        EXPECT_EQ(store::readAction(db(), id)->status, expected);
        EXPECT_EQ(statuses(id).back(), expected);
    }
    EXPECT_EQ(statuses(id), (std::vector<std::string>{"open"}));
    auto none = write([&](store::WriteTransaction& tx) { return store::removeLastStatusChange(tx, id); });
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.error().message.find("no status change to undo"), std::string::npos) << none.error().message;
    EXPECT_EQ(statuses(id), (std::vector<std::string>{"open"})) << "the first status stays";
}

TEST_F(AccountPlansTest, OverdueActionsAndTheIndicatorsOnAHandMadeCase) {
    const std::int32_t today = static_cast<std::int32_t>(daysFromCivil(2025, 6, 15));
    const auto makePlan = [&](std::optional<std::int64_t> manager, std::vector<std::int64_t> customers,
                              const char* status) {
        AccountPlan p;
        p.managerId = manager;
        p.title = "plan";
        p.status = status;
        p.customerIds = std::move(customers);
        return insert(p);
    };
    const auto p1 = makePlan(2, {10, 11}, "open");
    const auto p2 = makePlan(3, {11, 12}, "open");
    const auto p3 = makePlan(2, {13}, "closed");
    const auto p4 = makePlan(std::nullopt, {14}, "open");
    const auto act = [&](std::int64_t plan, std::int32_t dueIn, const char* status, std::optional<std::int64_t> customer = {}) {
        PlanAction a;
        a.planId = plan;
        a.what = "do";
        a.dueDay = today + dueIn;
        a.status = status;
        a.customerId = customer;
        return addAction(a);
    };
    const auto a = act(p1, -1, "open", 10);       // overdue
    const auto b = act(p1, -10, "in_progress");  // overdue
    act(p1, -5, "done");                          // finished: never overdue
    act(p1, -5, "cancelled");
    act(p1, 0, "open");  // due today: not yet overdue
    act(p1, 3, "in_progress");
    const auto g = act(p2, -2, "open");
    const auto h = act(p3, -1, "in_progress");  // a closed plan's pending action counts too
    const auto i = act(p4, -1, "open");

    const auto all = store::overdueActions(db(), today);
    std::vector<std::int64_t> ids;
    for (const auto& o : all) ids.push_back(o.action.id);
    EXPECT_EQ(ids, (std::vector<std::int64_t>{b, g, a, h, i})) << "by due day, then id";
    EXPECT_EQ(all[0].daysOverdue, 10);
    EXPECT_EQ(all[0].managerCode, "M2");
    EXPECT_EQ(all[0].customerCode, "");
    EXPECT_EQ(all[2].customerCode, "c10");
    EXPECT_EQ(all[2].action.planId, p1);
    EXPECT_EQ(all[4].managerId, std::nullopt);
    EXPECT_EQ(all[4].managerCode, "");
    EXPECT_EQ(store::overdueActions(db(), today, std::vector<std::int64_t>{2}).size(), 3u);

    using Ids = std::vector<std::int64_t>;
    EXPECT_EQ(store::countOverdueActions(db(), today), 5);
    EXPECT_EQ(store::countOverdueActions(db(), today, Ids{2}), 3);
    EXPECT_EQ(store::countOverdueActions(db(), today, Ids{3}), 1);
    EXPECT_EQ(store::countOverdueActions(db(), today, Ids{1}), 0) << "a plan's node is its own manager";
    EXPECT_EQ(store::countOverdueActions(db(), today, Ids{1, 2, 3}), 4) << "the plan without a manager is no one's";
    EXPECT_EQ(store::countOverdueActions(db(), today, Ids{}), 0);
    EXPECT_EQ(store::countOverdueActions(db(), today + 1, Ids{2}), 4) << "the action due today is overdue tomorrow";
    EXPECT_EQ(store::countOverdueActions(db(), today - 10, Ids{2}), 0);

    // Open plans: P1 {10, 11}, P2 {11, 12}, P4 {14}; the closed P3's customer 13 is not counted.
    EXPECT_EQ(store::countCustomersUnderOpenPlans(db()), 4);
    EXPECT_EQ(store::countCustomersUnderOpenPlans(db(), Ids{2}), 2);
    EXPECT_EQ(store::countCustomersUnderOpenPlans(db(), Ids{3}), 2);
    EXPECT_EQ(store::countCustomersUnderOpenPlans(db(), Ids{2, 3}), 3) << "customer 11 once";
    EXPECT_EQ(store::countCustomersUnderOpenPlans(db(), Ids{1}), 0);

    // Finishing an action, closing a plan.
    setStatus(a, "done");
    EXPECT_EQ(store::countOverdueActions(db(), today, Ids{2}), 2);
    auto closed = *store::readPlan(db(), p1);
    closed.status = "closed";
    ASSERT_TRUE(write([&](store::WriteTransaction& tx) { return store::updatePlan(tx, closed); }).ok());
    EXPECT_EQ(store::countCustomersUnderOpenPlans(db(), Ids{2}), 0);
    EXPECT_EQ(store::countCustomersUnderOpenPlans(db()), 3);
}

TEST_F(AccountPlansTest, RemovingACustomerFromTheWorkbookLeavesThePlanConsistent) {
    const auto id = insert(samplePlan());
    ASSERT_TRUE(write([](store::WriteTransaction& tx) { return tx.db().exec("DELETE FROM customers WHERE id = 10"); }).ok());
    const auto p = *store::readPlan(db(), id);
    EXPECT_EQ(p.customerIds, (std::vector<std::int64_t>{11}));
    EXPECT_EQ(p.actions[0].customerId, std::nullopt) << "the action stays, for the whole plan";
    EXPECT_EQ(p.history.size(), 2u);
}

TEST_F(AccountPlansTest, BadInputIsRefusedBeforeAnythingIsWritten) {
    const auto planId = insert(samplePlan());
    const auto actionId = store::readPlan(db(), planId)->actions[0].id;
    const auto objectiveId = store::readPlan(db(), planId)->objectives[0].id;
    const auto before = allCounts();
    const auto beforePlan = *store::readPlan(db(), planId);

    // Each edit runs in a transaction that is committed anyway: the refusal must have written nothing.
    const auto refused = [&](const std::string& expected, auto&& edit) {
        auto tx = store::WriteTransaction::begin(db());
        ASSERT_TRUE(tx.ok());
        const auto result = edit(*tx);
        ASSERT_TRUE(tx->commit().ok());
        ASSERT_FALSE(result.ok()) << expected;
        EXPECT_NE(result.error().message.find(expected), std::string::npos) << result.error().message;
        EXPECT_EQ(result.error().kind, ErrorKind::Usage);
        EXPECT_EQ(allCounts(), before) << expected;
        EXPECT_EQ(*store::readPlan(db(), planId), beforePlan) << expected;
    };
    using Tx = store::WriteTransaction;
    auto plan = samplePlan();
    plan.title = " \t";
    refused("needs a title", [&](Tx& tx) { return store::insertPlan(tx, plan); });
    plan = samplePlan();
    plan.status = "paused";
    refused("'paused' is not an account plan status", [&](Tx& tx) { return store::insertPlan(tx, plan); });
    plan = samplePlan();
    plan.managerId = 77;
    refused("no manager has the id 77", [&](Tx& tx) { return store::insertPlan(tx, plan); });
    plan = samplePlan();
    plan.customerIds = {10, 99};
    refused("no customer has the id 99", [&](Tx& tx) { return store::insertPlan(tx, plan); });
    plan = samplePlan();
    plan.actions[0].customerId = 12;
    refused("customer c12 is not a customer of the account plan", [&](Tx& tx) { return store::insertPlan(tx, plan); });
    plan = samplePlan();
    plan.actions[1].status = "later";
    refused("'later' is not an action status", [&](Tx& tx) { return store::insertPlan(tx, plan); });
    plan = samplePlan();
    plan.objectives[0].target = std::nan("");
    refused("target must be a number", [&](Tx& tx) { return store::insertPlan(tx, plan); });
    auto changed = beforePlan;
    changed.title = "";
    refused("needs a title", [&](Tx& tx) { return store::updatePlan(tx, changed); });
    changed = beforePlan;
    changed.id = 404;
    refused("no account plan has the id 404", [&](Tx& tx) { return store::updatePlan(tx, changed); });
    refused("no account plan has the id 404", [&](Tx& tx) { return store::deletePlan(tx, 404); });
    refused("no customer has the id 98", [&](Tx& tx) { return store::setPlanCustomers(tx, planId, {10, 98}); });
    refused("is about customer c10, who would leave the plan",
            [&](Tx& tx) { return store::setPlanCustomers(tx, planId, {11}); });

    PlanObjective o{0, planId, "margin", 1, static_cast<std::int32_t>(daysFromCivil(2025, 1, 1))};
    o.planId = 404;
    refused("no account plan has the id 404", [&](Tx& tx) { return store::insertObjective(tx, o); });
    o.planId = planId;
    o.indicator = "Margin!";
    refused("'Margin!' is not an indicator key", [&](Tx& tx) { return store::insertObjective(tx, o); });
    o.indicator = "margin";
    o.dueDay = static_cast<std::int32_t>(daysFromCivil(3100, 1, 1));
    refused("is not a date between 1900-01-01 and 2999-12-31", [&](Tx& tx) { return store::insertObjective(tx, o); });
    o.dueDay = 0;
    o.id = objectiveId;
    refused("an objective with the id", [&](Tx& tx) { return store::insertObjective(tx, o); });
    refused("no objective has the id 404", [&](Tx& tx) { return store::deleteObjective(tx, 404); });

    PlanAction a;
    a.planId = planId;
    a.what = "";
    a.dueDay = 20000;
    refused("needs a text", [&](Tx& tx) { return store::insertAction(tx, a, ""); });
    a.what = "call";
    a.customerId = 13;
    refused("customer c13 is not a customer of account plan", [&](Tx& tx) { return store::insertAction(tx, a, ""); });
    a.customerId.reset();
    a.status = "started";
    refused("'started' is not an action status", [&](Tx& tx) { return store::insertAction(tx, a, ""); });
    a.status = "open";
    a.planId = 404;
    refused("no account plan has the id 404", [&](Tx& tx) { return store::insertAction(tx, a, ""); });
    auto edited = beforePlan.actions[0];
    edited.what = "  ";
    refused("needs a text", [&](Tx& tx) { return store::updateAction(tx, edited); });
    edited = beforePlan.actions[0];
    edited.customerId = 12;
    refused("customer c12 is not a customer of account plan", [&](Tx& tx) { return store::updateAction(tx, edited); });
    refused("'finished' is not an action status",
            [&](Tx& tx) { return store::setActionStatus(tx, actionId, "finished", ""); });
    refused("no action has the id 404", [&](Tx& tx) { return store::setActionStatus(tx, 404, "done", ""); });
    refused("no action has the id 404", [&](Tx& tx) { return store::deleteAction(tx, 404); });
    refused("no status change to undo", [&](Tx& tx) { return store::removeLastStatusChange(tx, actionId); });
    refused("an action with the id", [&](Tx& tx) { return store::restoreAction(tx, beforePlan.actions[0], {}); });
}

}  // namespace
