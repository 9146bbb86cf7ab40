// The Portfolio dock's edits: acknowledging and snoozing alerts, and every account-plan change.
// Each goes through an undo command on the document's stack (app/commands/AlertStateCommand.h,
// AccountPlanCommands.h); the dock reloads after every step of the stack. The building and
// reading of the dock are in PortfolioDock.cpp.
#include "app/portfolio/PortfolioDock.h"

#include <QItemSelectionModel>
#include <QMessageBox>
#include <QTableView>
#include <QTreeView>

#include <algorithm>

#include "app/commands/AccountPlanCommands.h"
#include "app/commands/AlertStateCommand.h"
#include "app/portfolio/PortfolioAlertsModel.h"
#include "app/portfolio/PortfolioCustomersModel.h"
#include "app/portfolio/PortfolioData.h"
#include "app/portfolio/PortfolioDialogs.h"
#include "app/portfolio/PortfolioPlansModel.h"
#include "app/widgets/Format.h"
#include "app/workbook/WorkbookDocument.h"
#include "engine/kpi/Indicators.h"
#include "store/Workbook.h"

namespace cw::app {

namespace dialogs = portfolio_dialogs;

// ---- edits ---------------------------------------------------------------------------------

QString PortfolioDock::userName() {
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty()) name = qEnvironmentVariable("USERNAME");
    return name;
}

Status PortfolioDock::pushAlertState(int alertRow, int change, std::optional<std::int32_t> until) {
    const engine::PortfolioAlert* a = m_alerts->alert(alertRow);
    if (!a || !m_document->isOpen()) return makeError(ErrorKind::Usage, "no alert is selected");
    std::optional<store::AlertStateRow> before;
    try {
        before = AlertStateCommand::storedState(m_document->workbook()->db(), a->alert.kind,
                                                a->alert.customerId);
    } catch (const store::SqlError& e) {
        return store::sqliteError(m_document->workbook()->db(), e);
    }
    AlertStateCommand::Change c;
    c.kind = AlertStateCommand::Change::Kind(change);
    c.until = until;
    c.by = toStdString(userName());
    return WorkbookEditCommand::push(
        std::make_unique<AlertStateCommand>(m_document, a->alert.kind, a->alert.customerId,
                                            toQString(a->customerCode), c, before),
        this);
}

Status PortfolioDock::acknowledgeAlert(int alertRow) {
    return pushAlertState(alertRow, int(AlertStateCommand::Change::Kind::Acknowledge),
                          std::nullopt);
}

Status PortfolioDock::snoozeAlert(int alertRow, std::int32_t untilDay) {
    return pushAlertState(alertRow, int(AlertStateCommand::Change::Kind::Snooze), untilDay);
}

Status PortfolioDock::showAlertAgain(int alertRow) {
    return pushAlertState(alertRow, int(AlertStateCommand::Change::Kind::Clear), std::nullopt);
}

Result<std::int64_t> PortfolioDock::createPlan(const QString& title, const QString& notes,
                                               std::vector<std::int64_t> customerIds) {
    if (!m_data || !m_data->portfolio) return makeError(ErrorKind::Usage, "no portfolio is shown");
    store::AccountPlan plan;
    plan.managerId = m_data->portfolio->managerId;
    plan.title = toStdString(title);
    plan.notes = toStdString(notes);
    plan.createdBy = toStdString(userName());
    std::sort(customerIds.begin(), customerIds.end());
    customerIds.erase(std::unique(customerIds.begin(), customerIds.end()), customerIds.end());
    plan.customerIds = std::move(customerIds);
    auto command = std::make_unique<CreatePlanCommand>(m_document, std::move(plan));
    auto* raw = command.get();
    if (auto st = WorkbookEditCommand::push(std::move(command), this); !st) return st.takeError();
    return raw->planId();
}

std::vector<std::int64_t> PortfolioDock::topByLifetimeValue(int n) const {
    std::vector<const engine::PortfolioCustomer*> withClv;
    if (m_data && m_data->portfolio)
        for (const auto& c : m_data->portfolio->customers)
            if (!std::isnan(c.clv)) withClv.push_back(&c);
    // As store::customersByLifetimeValue orders them: highest first, ties by code.
    std::stable_sort(withClv.begin(), withClv.end(), [](const auto* a, const auto* b) {
        return a->clv != b->clv ? a->clv > b->clv : a->base.code < b->base.code;
    });
    std::vector<std::int64_t> ids;
    for (const auto* c : withClv) {
        if (int(ids.size()) == n) break;
        ids.push_back(c->base.id);
    }
    return ids;
}

Result<std::int64_t> PortfolioDock::addObjective(std::int64_t planId, const QString& indicatorKey,
                                                 double target, std::int32_t dueDay) {
    if (!engine::kpi::findIndicator(toStdString(indicatorKey)))
        return makeError(ErrorKind::Usage, "unknown indicator " + toStdString(indicatorKey),
                         "choose one of docs/indicators.md");
    store::PlanObjective o;
    o.planId = planId;
    o.indicator = toStdString(indicatorKey);
    o.target = target;
    o.dueDay = dueDay;
    auto command = std::make_unique<AddObjectiveCommand>(m_document, o);
    auto* raw = command.get();
    if (auto st = WorkbookEditCommand::push(std::move(command), this); !st) return st.takeError();
    return raw->objectiveId();
}

Result<std::int64_t> PortfolioDock::addAction(std::int64_t planId, const QString& what,
                                              const QString& owner, std::int32_t dueDay,
                                              std::optional<std::int64_t> customerId) {
    store::PlanAction a;
    a.planId = planId;
    a.what = toStdString(what);
    a.owner = toStdString(owner);
    a.dueDay = dueDay;
    a.customerId = customerId;
    auto command = std::make_unique<AddActionCommand>(m_document, a, toStdString(userName()));
    auto* raw = command.get();
    if (auto st = WorkbookEditCommand::push(std::move(command), this); !st) return st.takeError();
    return raw->actionId();
}

Status PortfolioDock::setActionStatus(std::int64_t actionId, const QString& status) {
    QString what = QStringLiteral("#%1").arg(actionId);
    if (m_data)
        for (const auto& p : m_data->plans)
            for (const auto& a : p.actions)
                if (a.id == actionId) what = toQString(a.what);
    return WorkbookEditCommand::push(
        std::make_unique<SetActionStatusCommand>(m_document, actionId, toStdString(status),
                                                 toStdString(userName()), what),
        this);
}

Status PortfolioDock::editAction(std::int64_t actionId, const QString& what, const QString& owner,
                                 std::int32_t dueDay, std::optional<std::int64_t> customerId) {
    QString label = QStringLiteral("#%1").arg(actionId);
    if (m_data)
        for (const auto& p : m_data->plans)
            for (const auto& a : p.actions)
                if (a.id == actionId) label = toQString(a.what);
    store::PlanAction a;
    a.id = actionId;
    a.what = toStdString(what);
    a.owner = toStdString(owner);
    a.dueDay = dueDay;
    a.customerId = customerId;
    return WorkbookEditCommand::push(std::make_unique<EditActionCommand>(m_document, a, label),
                                     this);
}

Status PortfolioDock::deletePlan(std::int64_t planId) {
    QString title = QStringLiteral("#%1").arg(planId);
    if (m_data)
        for (const auto& p : m_data->plans)
            if (p.id == planId) title = toQString(p.title);
    return WorkbookEditCommand::push(std::make_unique<DeletePlanCommand>(m_document, planId, title),
                                     this);
}

Status PortfolioDock::deleteAction(std::int64_t actionId) {
    QString what = QStringLiteral("#%1").arg(actionId);
    if (m_data)
        for (const auto& p : m_data->plans)
            for (const auto& a : p.actions)
                if (a.id == actionId) what = toQString(a.what);
    return WorkbookEditCommand::push(
        std::make_unique<DeleteActionCommand>(m_document, actionId, what), this);
}

void PortfolioDock::report(const QString& what, const Status& st) {
    if (st) return;
    QMessageBox::warning(this, what, toQString(st.error().describe()));
}

// ---- the buttons ---------------------------------------------------------------------------

void PortfolioDock::onAcknowledge() {
    report(tr("Acknowledge"), acknowledgeAlert(currentAlertRow()));
}

void PortfolioDock::onSnooze() {
    const int row = currentAlertRow();
    if (row < 0) return;
    if (auto until = dialogs::askSnoozeUntil(this, m_today))
        report(tr("Snooze"), snoozeAlert(row, *until));
}

void PortfolioDock::onShowAgain() {
    report(tr("Show again"), showAlertAgain(currentAlertRow()));
}

void PortfolioDock::onNewPlanForSelected() {
    const auto ids = selectedCustomers();
    if (ids.empty()) return;
    QString forWhom = tr("%n selected customer(s) of %1", nullptr, int(ids.size())).arg(m_code);
    auto input =
        dialogs::askNewPlan(this, forWhom, tr("Account plan %1").arg(QDate::currentDate().year()));
    if (!input) return;
    auto id = createPlan(input->title, input->notes, ids);
    if (!id) report(tr("New account plan"), id.takeError());
}

void PortfolioDock::onNewPlanForTop() {
    const int available = int(topByLifetimeValue(std::numeric_limits<int>::max()).size());
    if (available == 0) {
        QMessageBox::information(
            this, tr("New account plan"),
            tr("No customer of this portfolio has a lifetime value: run the analysis first."));
        return;
    }
    auto input = dialogs::askTopPlan(this, available,
                                     tr("Top customers %1").arg(QDate::currentDate().year()));
    if (!input) return;
    auto id = createPlan(input->title, input->notes, topByLifetimeValue(input->top));
    if (!id) report(tr("New account plan"), id.takeError());
}

void PortfolioDock::onAddObjective() {
    const std::int64_t planId = currentPlanId();
    if (planId <= 0) return;
    auto o = dialogs::askObjective(this, m_today);
    if (!o) return;
    auto id = addObjective(planId, toQString(o->indicator), o->target, o->dueDay);
    if (!id) report(tr("Add objective"), id.takeError());
}

std::vector<std::pair<std::int64_t, QString>> PortfolioDock::planCustomerChoices(
    std::int64_t planId) const {
    std::vector<std::pair<std::int64_t, QString>> customers;
    if (!m_data) return customers;
    for (const auto& p : m_data->plans)
        if (p.id == planId)
            for (auto id : p.customerIds) {
                auto it = m_data->planCustomers.find(id);
                customers.emplace_back(id, it == m_data->planCustomers.end()
                                               ? QStringLiteral("#%1").arg(id)
                                               : toQString(it->second.first) + QStringLiteral(" ") +
                                                     toQString(it->second.second));
            }
    return customers;
}

void PortfolioDock::onAddAction() {
    const std::int64_t planId = currentPlanId();
    if (planId <= 0 || !m_data) return;
    const QString owner =
        m_data->portfolio ? toQString(m_data->portfolio->managerName) : userName();
    auto a = dialogs::askAction(this, m_today, owner, planCustomerChoices(planId));
    if (!a) return;
    auto id = addAction(planId, toQString(a->what), toQString(a->owner), a->dueDay, a->customerId);
    if (!id) report(tr("Add action"), id.takeError());
}

void PortfolioDock::onEditAction() {
    const std::int64_t actionId = currentActionId();
    if (actionId <= 0 || !m_data) return;
    const store::PlanAction* current = nullptr;
    for (const auto& p : m_data->plans)
        for (const auto& a : p.actions)
            if (a.id == actionId) current = &a;
    if (!current) return;
    // A copy: a reload may replace m_data while the form is open.
    const store::PlanAction before = *current;
    auto a = dialogs::askEditAction(this, before, planCustomerChoices(before.planId));
    if (!a) return;
    if (a->what == before.what && a->owner == before.owner && a->dueDay == before.dueDay &&
        a->customerId == before.customerId)
        return;  // nothing changed: no undo step
    report(tr("Edit action"), editAction(actionId, toQString(a->what), toQString(a->owner),
                                         a->dueDay, a->customerId));
}

void PortfolioDock::onSetStatus(const QString& status) {
    if (const std::int64_t id = currentActionId(); id > 0)
        report(tr("Action status"), setActionStatus(id, status));
}

void PortfolioDock::onDelete() {
    if (const std::int64_t action = currentActionId(); action > 0) {
        report(tr("Delete action"), deleteAction(action));
        return;
    }
    if (const std::int64_t plan = currentPlanId(); plan > 0)
        report(tr("Delete plan"), deletePlan(plan));
}

}  // namespace cw::app
