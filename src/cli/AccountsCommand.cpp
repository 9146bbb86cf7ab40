// clienting accounts: the commercial managers' account plans — create a plan for chosen customers
// (codes, the top N by lifetime value, a segment, a matrix quadrant), add objectives and actions,
// change an action's status (every change kept with its date), list and show plans, list the
// overdue actions. Each edit is one transaction; a refused one stores nothing.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>

#include "cli/Commands.h"
#include "core/CivilTime.h"
#include "core/Error.h"
#include "core/Text.h"
#include "core/TextTable.h"
#include "engine/kpi/Indicators.h"
#include "engine/load/KpiValues.h"
#include "engine/load/MatrixLoader.h"
#include "engine/matrix/MatrixComputation.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/AccountPlans.h"
#include "store/Database.h"
#include "store/Segmentations.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

struct AccountsArgs {
    std::string workbook, format = "table";
    std::string manager, title, notes, by, customers, segment, quadrant;  // create, update
    std::string indicator, due, what, owner, customer, status, today;
    std::int64_t plan = 0, action = 0, top = 0;
    double target = 0;
    bool team = false, titleGiven = false, notesGiven = false;
    // edit-action: only what is given changes
    std::optional<std::string> newWhat, newOwner, newDue, newCustomer;
    bool wholePlan = false;
};

using Ids = std::vector<std::int64_t>;

Error usage(std::string message, std::string hint = {}) {
    return makeError(ErrorKind::Usage, std::move(message), std::move(hint));
}

std::string quoted(const std::string& s) { return "'" + text::printable(s) + "'"; }

Error noPlan(std::int64_t id) {
    return usage("no account plan has the id " + std::to_string(id), "list the plans with `clienting accounts list -w W`");
}

// ---- names and ids ------------------------------------------------------------------------------

Result<std::int64_t> managerOf(const engine::ManagerTree& tree, const std::string& code) {
    auto n = tree.node(code);
    if (!n) return n.takeError();
    return tree.managers[*n].id;
}

std::string managerCode(const engine::ManagerTree& tree, const std::optional<std::int64_t>& id) {
    if (!id) return "";
    if (auto n = tree.hierarchy.node(*id)) return tree.managers[*n].code;
    return std::to_string(*id);
}

/// The managers whose plans --manager (and --team) asks for; none: every plan.
Result<std::optional<Ids>> managerScope(const engine::ManagerTree& tree, const AccountsArgs& a) {
    if (a.manager.empty()) {
        if (a.team) return usage("--team needs --manager", "give the code of the manager at the head of the team");
        return std::optional<Ids>();
    }
    auto id = managerOf(tree, a.manager);
    if (!id) return id.takeError();
    Ids ids{*id};
    if (auto n = tree.hierarchy.node(*id); a.team && n) {
        ids.clear();
        for (auto node : tree.hierarchy.subtree(*n)) ids.push_back(tree.managers[node].id);
    }
    return std::optional<Ids>(std::move(ids));
}

Result<std::int64_t> customerOf(store::Database& db, const std::string& code) {
    if (auto id = store::findCustomerId(db, code)) return *id;
    return usage("no customer has the code " + quoted(code), "give codes of the workbook's customers");
}

/// Code and name of each customer.
std::map<std::int64_t, std::pair<std::string, std::string>> customerNames(store::Database& db, const Ids& ids) {
    return store::readCustomerCodes(db, ids);
}

std::string customerCode(store::Database& db, const std::optional<std::int64_t>& id) {
    if (!id) return "";
    const auto names = customerNames(db, {*id});
    return names.empty() ? std::to_string(*id) : names.begin()->second.first;
}

// ---- choosing a plan's customers ----------------------------------------------------------------

Result<Ids> listedCustomers(store::Database& db, const std::string& list) {
    Ids ids;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        auto code = list.substr(start, end - start);
        code.erase(0, code.find_first_not_of(' '));
        code.erase(code.find_last_not_of(' ') + 1);
        if (!code.empty()) {
            auto id = customerOf(db, code);
            if (!id) return id.takeError();
            ids.push_back(*id);
        }
        start = end + 1;
    }
    if (ids.empty()) return usage("--customers names no customer", "give customer codes separated by commas");
    return ids;
}

Ids sorted(Ids ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

/// Keeps in `chosen` (none: every customer) the customers that are also in `more`.
void narrow(std::optional<Ids>& chosen, Ids more) {
    more = sorted(std::move(more));
    if (!chosen) {
        chosen = std::move(more);
        return;
    }
    Ids both;
    std::set_intersection(chosen->begin(), chosen->end(), more.begin(), more.end(), std::back_inserter(both));
    *chosen = std::move(both);
}

Result<Ids> segmentMembers(store::Database& db, const std::string& label) {
    const auto active = engine::settings::readOr(db, engine::settings::activeSegmentation());
    if (!active)
        return usage("no segmentation is active, so --segment has no segments to choose from",
                     "make one active with `clienting segment -w W --name NAME --method … --activate`");
    const auto seg = store::readSegmentation(db, *active);
    if (!seg)
        return makeError(ErrorKind::Input, "the active segmentation " + quoted(*active) + " does not exist",
                         "activate an existing one with `clienting segment … --activate`");
    const auto segments = store::readSegments(db, seg->id);
    const auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        return s;
    };
    const auto found = std::find_if(segments.begin(), segments.end(),
                                    [&](const store::SegmentRow& s) { return lower(s.label) == lower(label); });
    if (found == segments.end()) {
        std::string labels;
        for (const auto& s : segments) labels += (labels.empty() ? "" : ", ") + quoted(s.label);
        return usage("segmentation " + quoted(*active) + " has no segment labelled " + quoted(label),
                     "its segments are " + (labels.empty() ? std::string("none") : labels));
    }
    Ids out;
    for (const auto& [customer, segment] : store::readMemberships(db, seg->id))
        if (segment == found->id) out.push_back(customer);
    return out;
}

Result<Ids> quadrantMembers(store::Workbook& wb, const std::string& arg) {
    const auto colon = arg.find(':');
    if (colon == std::string::npos)
        return usage("--quadrant " + quoted(arg) + " is not MATRIX:QUADRANT",
                     "for example --quadrant \"profitability-loyalty:true friends\"");
    auto spec = engine::findMatrixSpec(arg.substr(0, colon));
    if (!spec) return spec.takeError();
    if ((*spec)->points != engine::PointKind::Customer)
        return usage("matrix " + (*spec)->name + " places service attributes, not customers",
                     "choose a customer matrix, e.g. profitability-loyalty");
    auto quadrant = engine::findQuadrant(**spec, arg.substr(colon + 1));
    if (!quadrant) return quadrant.takeError();
    auto input = engine::loadMatrixInput(wb, (*spec)->kind);
    if (!input) return input.takeError();
    engine::MatrixOptions options;
    auto thresholds = engine::loadMatrixThresholds(wb, **spec);
    if (!thresholds) return thresholds.takeError();
    options.thresholds = *thresholds;
    auto result = engine::computeMatrix(**spec, *input, options);
    if (!result) return result.takeError();
    Ids out;
    for (std::size_t i = 0; i < input->size(); ++i)
        if (result->assignment[i] == static_cast<std::int8_t>(*quadrant)) out.push_back(input->ids[i]);
    return out;
}

/// The `n` customers of `chosen` (none: every customer) with the highest lifetime value.
Result<Ids> topByClv(store::Database& db, const std::optional<Ids>& chosen, std::int64_t n, const std::string& workbook) {
    if (!store::hasCustomerMetrics(db))
        return makeError(ErrorKind::Input, "the workbook has not been analysed: --top needs the customers' lifetime values",
                         "run `clienting analyze -w " + workbook + "` first");
    Ids out;
    for (auto id : store::customersByLifetimeValue(db)) {
        if (std::ssize(out) == n) break;
        if (!chosen || std::binary_search(chosen->begin(), chosen->end(), id)) out.push_back(id);
    }
    if (out.empty())
        return makeError(ErrorKind::Input, "none of the chosen customers has a lifetime value",
                         "choose other customers, or check the analysis (clienting analyze --json)");
    if (std::ssize(out) < n)
        std::fprintf(stderr, "only %zu of the chosen customers have a lifetime value\n", out.size());
    return out;
}

Result<Ids> chooseCustomers(store::Workbook& wb, const std::optional<std::int64_t>& manager, const AccountsArgs& a) {
    auto& db = wb.db();
    if (!a.customers.empty()) return listedCustomers(db, a.customers);
    if (a.top == 0 && a.segment.empty() && a.quadrant.empty())
        return usage("say which customers the plan is for",
                     "give --customers CODE,…, --top N, --segment LABEL or --quadrant MATRIX:QUADRANT");
    std::optional<Ids> chosen;
    if (manager)
        narrow(chosen, store::customersOfManager(db, *manager));
    if (!a.segment.empty()) {
        auto members = segmentMembers(db, a.segment);
        if (!members) return members.takeError();
        narrow(chosen, std::move(*members));
    }
    if (!a.quadrant.empty()) {
        auto members = quadrantMembers(wb, a.quadrant);
        if (!members) return members.takeError();
        narrow(chosen, std::move(*members));
    }
    if (a.top > 0) return topByClv(db, chosen, a.top, a.workbook);
    if (chosen->empty())
        return makeError(ErrorKind::Input, "no customer is in the selection",
                         manager ? "the manager has no customer there: choose another segment or quadrant" : "");
    return *chosen;
}

// ---- output -------------------------------------------------------------------------------------

/// Rows printed as an aligned table or as CSV; numeric columns are right-aligned and written as
/// they are, text columns quoted and neutralised in CSV.
struct Table {
    std::vector<std::string> columns;
    std::vector<bool> numeric;
    std::vector<std::vector<std::string>> rows;

    Table(std::initializer_list<std::pair<const char*, bool>> cols) {
        for (const auto& [name, isNumber] : cols) {
            columns.push_back(name);
            numeric.push_back(isNumber);
        }
    }
    /// A row giving some columns by name (the others empty; names not among the columns ignored).
    void add(std::initializer_list<std::pair<const char*, std::string>> cells) {
        std::vector<std::string> row(columns.size());
        for (const auto& [name, value] : cells) {
            const auto at = std::find(columns.begin(), columns.end(), name);
            if (at != columns.end()) row[std::size_t(at - columns.begin())] = value;
        }
        rows.push_back(std::move(row));
    }
    /// The rows whose `record` is `kind`, with the columns (source, shown as) chosen.
    Table pick(std::string_view kind, std::initializer_list<std::pair<const char*, const char*>> chosen) const {
        Table out{};
        std::vector<std::size_t> from;
        for (const auto& [source, shown] : chosen) {
            from.push_back(std::size_t(std::find(columns.begin(), columns.end(), source) - columns.begin()));
            out.columns.push_back(shown);
            out.numeric.push_back(numeric[from.back()]);
        }
        for (const auto& row : rows) {
            if (row[0] != kind) continue;
            out.rows.emplace_back();
            for (auto c : from) out.rows.back().push_back(row[c]);
        }
        return out;
    }
    void print(bool csv, const char* none = nullptr) const {
        if (csv) {
            for (std::size_t c = 0; c < columns.size(); ++c) std::cout << (c ? "," : "") << columns[c];
            std::cout << '\n';
            for (const auto& row : rows) {
                for (std::size_t c = 0; c < row.size(); ++c)
                    std::cout << (c ? "," : "") << (numeric[c] ? row[c] : text::csvField(text::neutralizeFormula(row[c])));
                std::cout << '\n';
            }
            return;
        }
        std::vector<std::vector<std::string>> all{columns};
        all.insert(all.end(), rows.begin(), rows.end());
        std::vector<text::Align> align;
        for (bool n : numeric) align.push_back(n ? text::Align::Right : text::Align::Left);
        std::cout << text::renderTable(all, align);
        if (rows.empty() && none) std::cout << none << '\n';
    }
};

std::string number(double v) { return text::csvNumber(v); }
std::string number(std::int64_t v) { return std::to_string(v); }

nlohmann::json orNull(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

void printJson(const nlohmann::json& j) {
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

std::int64_t pendingActions(const store::AccountPlan& p) {
    return std::count_if(p.actions.begin(), p.actions.end(),
                         [](const store::PlanAction& x) { return store::isPendingStatus(x.status); });
}

// ---- subcommands --------------------------------------------------------------------------------

using Body = int (*)(store::Workbook&, const engine::ManagerTree&, const AccountsArgs&);

/// Opens the workbook and its managers, runs `body`, and turns a failure of the store's SQL into
/// its error.
int onWorkbook(const AccountsArgs& a, bool writes, Body body) {
    auto wb = store::Workbook::open(a.workbook, writes ? store::Workbook::OpenMode::ReadWrite
                                                       : store::Workbook::OpenMode::ReadOnly);
    if (!wb) return fail(wb.error());
    auto tree = engine::loadManagerTree(wb->db(), engine::CustomerCounts::No);
    if (!tree) return fail(tree.error());
    try {
        return body(*wb, *tree, a);
    } catch (const store::SqlError& e) {
        return fail(store::sqliteError(wb->db(), e));
    }
}

/// Runs one edit in its own transaction; prints `done(value)` to stderr when stored.
template <class Edit, class Done>
int edit(store::Workbook& wb, Edit&& work, Done&& done) {
    auto stored = store::inOwnTransaction(wb.db(), std::forward<Edit>(work));
    if (!stored) return fail(stored.error());
    done(*stored);
    return 0;
}

int runCreate(store::Workbook& wb, const engine::ManagerTree& tree, const AccountsArgs& a) {
    store::AccountPlan plan;
    if (!a.manager.empty()) {
        auto id = managerOf(tree, a.manager);
        if (!id) return fail(id.error());
        plan.managerId = *id;
    }
    auto customers = chooseCustomers(wb, plan.managerId, a);
    if (!customers) return fail(customers.error());
    plan.title = a.title;
    plan.notes = a.notes;
    plan.createdBy = a.by;
    plan.customerIds = std::move(*customers);
    return edit(
        wb, [&](store::WriteTransaction& tx) { return store::insertPlan(tx, plan); },
        [&](std::int64_t id) {
            std::cout << id << '\n';
            std::fprintf(stderr, "created account plan %lld with %zu customer%s\n", static_cast<long long>(id),
                         plan.customerIds.size(), plan.customerIds.size() == 1 ? "" : "s");
        });
}

int runUpdate(store::Workbook& wb, const engine::ManagerTree&, const AccountsArgs& a) {
    auto plan = store::readPlan(wb.db(), a.plan);
    if (!plan) return fail(noPlan(a.plan));
    if (!a.titleGiven && !a.notesGiven && a.status.empty())
        return fail(usage("nothing to change", "give --title, --notes or --status"));
    if (a.titleGiven) plan->title = a.title;
    if (a.notesGiven) plan->notes = a.notes;
    if (!a.status.empty()) plan->status = a.status;
    return edit(
        wb, [&](store::WriteTransaction& tx) -> Result<bool> {
            if (auto st = store::updatePlan(tx, *plan); !st) return st.takeError();
            return true;
        },
        [&](bool) { std::fprintf(stderr, "changed account plan %lld\n", static_cast<long long>(a.plan)); });
}

int runDelete(store::Workbook& wb, const engine::ManagerTree&, const AccountsArgs& a) {
    return edit(
        wb, [&](store::WriteTransaction& tx) -> Result<bool> {
            if (auto st = store::deletePlan(tx, a.plan); !st) return st.takeError();
            return true;
        },
        [&](bool) { std::fprintf(stderr, "deleted account plan %lld\n", static_cast<long long>(a.plan)); });
}

int runObjective(store::Workbook& wb, const engine::ManagerTree&, const AccountsArgs& a) {
    if (!engine::kpi::findIndicator(a.indicator)) {
        std::string keys;
        for (const auto& i : engine::kpi::indicators()) keys += (keys.empty() ? "" : ", ") + std::string(i.key);
        return fail(usage("no indicator has the key " + quoted(a.indicator), "use one of " + keys));
    }
    auto due = dayOption(a.due, "--due");
    if (!due) return fail(due.error());
    const store::PlanObjective objective{0, a.plan, a.indicator, a.target, *due};
    return edit(
        wb, [&](store::WriteTransaction& tx) { return store::insertObjective(tx, objective); },
        [&](std::int64_t id) {
            std::cout << id << '\n';
            std::fprintf(stderr, "added objective %lld to account plan %lld\n", static_cast<long long>(id),
                         static_cast<long long>(a.plan));
        });
}

int runAction(store::Workbook& wb, const engine::ManagerTree&, const AccountsArgs& a) {
    auto due = dayOption(a.due, "--due");
    if (!due) return fail(due.error());
    store::PlanAction action;
    action.planId = a.plan;
    action.what = a.what;
    action.owner = a.owner;
    action.dueDay = *due;
    if (!a.customer.empty()) {
        auto id = customerOf(wb.db(), a.customer);
        if (!id) return fail(id.error());
        action.customerId = *id;
    }
    return edit(
        wb, [&](store::WriteTransaction& tx) { return store::insertAction(tx, action, a.by); },
        [&](std::int64_t id) {
            std::cout << id << '\n';
            std::fprintf(stderr, "added action %lld to account plan %lld, due %s\n", static_cast<long long>(id),
                         static_cast<long long>(a.plan), formatDate(*due).c_str());
        });
}

int runEditAction(store::Workbook& wb, const engine::ManagerTree&, const AccountsArgs& a) {
    std::optional<store::PlanAction> action;
    try {
        action = store::readAction(wb.db(), a.action);
    } catch (const store::SqlError& e) {
        return fail(store::sqliteError(wb.db(), e));
    }
    if (!action)
        return fail(usage("no action has the id " + std::to_string(a.action),
                          "list the plans and their actions with `clienting accounts show -w W --plan ID`"));
    if (a.newWhat) action->what = *a.newWhat;
    if (a.newOwner) action->owner = *a.newOwner;
    if (a.newDue) {
        auto due = dayOption(*a.newDue, "--due");
        if (!due) return fail(due.error());
        action->dueDay = *due;
    }
    if (a.wholePlan) action->customerId.reset();
    if (a.newCustomer) {
        auto id = customerOf(wb.db(), *a.newCustomer);
        if (!id) return fail(id.error());
        action->customerId = *id;
    }
    return edit(
        wb, [&](store::WriteTransaction& tx) -> Result<bool> {
            if (auto st = store::updateAction(tx, *action); !st) return st.takeError();
            return true;
        },
        [&](bool) {
            std::fprintf(stderr, "action %lld: \"%s\", owner %s, due %s\n", static_cast<long long>(a.action),
                         text::printable(action->what).c_str(),
                         action->owner.empty() ? "none" : text::printable(action->owner).c_str(),
                         formatDate(action->dueDay).c_str());
        });
}

int runStatus(store::Workbook& wb, const engine::ManagerTree&, const AccountsArgs& a) {
    return edit(
        wb, [&](store::WriteTransaction& tx) { return store::setActionStatus(tx, a.action, a.status, a.by); },
        [&](bool changed) {
            std::fprintf(stderr, changed ? "action %lld is now %s\n" : "action %lld is already %s: nothing changed\n",
                         static_cast<long long>(a.action), a.status.c_str());
        });
}

int runList(store::Workbook& wb, const engine::ManagerTree& tree, const AccountsArgs& a) {
    auto scope = managerScope(tree, a);
    if (!scope) return fail(scope.error());
    const auto plans = *scope ? store::readPlansOfManagers(wb.db(), **scope) : store::readPlans(wb.db());
    if (a.format == "json") {
        auto list = nlohmann::json::array();
        for (const auto& p : plans)
            list.push_back({{"id", p.id}, {"manager", orNull(managerCode(tree, p.managerId))}, {"title", p.title},
                            {"status", p.status}, {"notes", p.notes}, {"created_at", p.createdAt},
                            {"created_by", p.createdBy}, {"customers", p.customerIds.size()},
                            {"objectives", p.objectives.size()}, {"actions", p.actions.size()},
                            {"pending_actions", pendingActions(p)}});
        printJson({{"plans", list}});
        return 0;
    }
    Table t{{"id", true},        {"manager", false},    {"title", false},   {"status", false},
            {"customers", true}, {"objectives", true},  {"actions", true},  {"pending", true},
            {"created_at", false}};
    for (const auto& p : plans)
        t.add({{"id", number(p.id)},
               {"manager", managerCode(tree, p.managerId)},
               {"title", p.title},
               {"status", p.status},
               {"customers", number(std::ssize(p.customerIds))},
               {"objectives", number(std::ssize(p.objectives))},
               {"actions", number(std::ssize(p.actions))},
               {"pending", number(pendingActions(p))},
               {"created_at", p.createdAt}});
    t.print(a.format == "csv", "no account plans");
    return 0;
}

int showJson(store::Database& db, const engine::ManagerTree& tree, const store::AccountPlan& p) {
    const auto names = customerNames(db, p.customerIds);
    auto customers = nlohmann::json::array();
    for (auto id : p.customerIds)
        customers.push_back({{"code", names.count(id) ? names.at(id).first : std::to_string(id)},
                             {"name", names.count(id) ? names.at(id).second : ""}});
    auto objectives = nlohmann::json::array();
    for (const auto& o : p.objectives)
        objectives.push_back({{"id", o.id}, {"indicator", o.indicator}, {"target", o.target}, {"due", formatDate(o.dueDay)}});
    auto actions = nlohmann::json::array();
    for (const auto& x : p.actions) {
        auto history = nlohmann::json::array();
        for (const auto& h : p.history)
            if (h.actionId == x.id) history.push_back({{"at", h.at}, {"status", h.status}, {"by", h.by}});
        actions.push_back({{"id", x.id}, {"customer", orNull(customerCode(db, x.customerId))}, {"what", x.what},
                           {"owner", x.owner}, {"due", formatDate(x.dueDay)}, {"status", x.status},
                           {"history", history}});
    }
    printJson({{"id", p.id}, {"manager", orNull(managerCode(tree, p.managerId))}, {"title", p.title},
               {"status", p.status}, {"notes", p.notes}, {"created_at", p.createdAt}, {"created_by", p.createdBy},
               {"customers", customers}, {"objectives", objectives}, {"actions", actions}});
    return 0;
}

int runShow(store::Workbook& wb, const engine::ManagerTree& tree, const AccountsArgs& a) {
    auto& db = wb.db();
    const auto plan = store::readPlan(db, a.plan);
    if (!plan) return fail(noPlan(a.plan));
    const auto& p = *plan;
    if (a.format == "json") return showJson(db, tree, p);
    const auto names = customerNames(db, p.customerIds);
    const bool csv = a.format == "csv";
    // One table with a record kind per row: (in CSV) the plan, its customers, objectives, actions,
    // history.
    Table t{{"record", false}, {"id", true},    {"customer", false}, {"name", false}, {"indicator", false},
            {"target", true},  {"what", false}, {"owner", false},    {"due", false},  {"status", false},
            {"at", false},     {"by", false}};
    if (csv) {
        for (const char* column : {"manager", "title", "notes"}) {
            t.columns.push_back(column);
            t.numeric.push_back(false);
        }
        t.add({{"record", "plan"}, {"id", number(p.id)}, {"manager", managerCode(tree, p.managerId)},
               {"title", p.title}, {"notes", p.notes}, {"status", p.status}, {"at", p.createdAt}, {"by", p.createdBy}});
    }
    for (auto id : p.customerIds)
        t.add({{"record", "customer"}, {"customer", names.count(id) ? names.at(id).first : std::to_string(id)},
               {"name", names.count(id) ? names.at(id).second : ""}});
    for (const auto& o : p.objectives)
        t.add({{"record", "objective"}, {"id", number(o.id)}, {"indicator", o.indicator}, {"target", number(o.target)},
               {"due", formatDate(o.dueDay)}});
    for (const auto& x : p.actions)
        t.add({{"record", "action"}, {"id", number(x.id)}, {"customer", customerCode(db, x.customerId)},
               {"what", x.what}, {"owner", x.owner}, {"due", formatDate(x.dueDay)}, {"status", x.status}});
    for (const auto& h : p.history)
        t.add({{"record", "history"}, {"id", number(h.actionId)}, {"status", h.status}, {"at", h.at}, {"by", h.by}});
    if (csv) {
        t.print(true);
        return 0;
    }
    std::cout << "account plan " << p.id << ": " << text::printable(p.title) << "\n  manager: "
              << (p.managerId ? text::printable(managerCode(tree, p.managerId)) : std::string("(none)"))
              << "\n  status: " << p.status << "\n  created: " << p.createdAt
              << (p.createdBy.empty() ? "" : " by " + text::printable(p.createdBy)) << '\n';
    if (!p.notes.empty()) std::cout << "  notes: " << text::printable(p.notes, 1000) << '\n';
    const auto section = [&](const char* title, const Table& part) {
        std::cout << '\n' << title << '\n';
        part.print(false, "  (none)");
    };
    section("customers", t.pick("customer", {{"customer", "code"}, {"name", "name"}}));
    section("objectives", t.pick("objective", {{"id", "id"}, {"indicator", "indicator"}, {"target", "target"}, {"due", "due"}}));
    section("actions", t.pick("action", {{"id", "id"}, {"customer", "customer"}, {"what", "what"}, {"owner", "owner"},
                                         {"due", "due"}, {"status", "status"}}));
    section("status history", t.pick("history", {{"id", "action"}, {"at", "at"}, {"status", "status"}, {"by", "by"}}));
    return 0;
}

int runOverdue(store::Workbook& wb, const engine::ManagerTree& tree, const AccountsArgs& a) {
    auto scope = managerScope(tree, a);
    if (!scope) return fail(scope.error());
    std::int32_t today = engine::todayDay();
    if (!a.today.empty()) {
        auto d = dayOption(a.today, "--today");
        if (!d) return fail(d.error());
        today = *d;
    }
    const auto overdue = store::overdueActions(wb.db(), today, *scope);
    if (a.format == "json") {
        auto list = nlohmann::json::array();
        for (const auto& o : overdue)
            list.push_back({{"id", o.action.id}, {"plan", o.action.planId}, {"plan_title", o.planTitle},
                            {"manager", orNull(o.managerCode)}, {"customer", orNull(o.customerCode)},
                            {"what", o.action.what}, {"owner", o.action.owner}, {"due", formatDate(o.action.dueDay)},
                            {"status", o.action.status}, {"days_overdue", o.daysOverdue}});
        printJson({{"today", formatDate(today)}, {"actions", list}});
        return 0;
    }
    Table t{{"id", true},     {"plan", true},  {"manager", false}, {"customer", false},    {"what", false},
            {"owner", false}, {"due", false},  {"status", false},  {"days_overdue", true}};
    for (const auto& o : overdue)
        t.add({{"id", number(o.action.id)},
               {"plan", number(o.action.planId)},
               {"manager", o.managerCode},
               {"customer", o.customerCode},
               {"what", o.action.what},
               {"owner", o.action.owner},
               {"due", formatDate(o.action.dueDay)},
               {"status", o.action.status},
               {"days_overdue", number(std::int64_t{o.daysOverdue})}});
    t.print(a.format == "csv", ("no overdue actions on " + formatDate(today)).c_str());
    return 0;
}

}  // namespace

void addAccountsCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<AccountsArgs>();
    auto* cmd = app.add_subcommand(
        "accounts", "The managers' account plans: create one for chosen customers, add objectives and actions, "
                    "change an action's status, list, show, list the overdue actions");
    cmd->require_subcommand(1);
    const auto sub = [&](const char* name, const char* help, bool writes, Body body) {
        auto* s = cmd->add_subcommand(name, help);
        addWorkbookOption(*s, a->workbook);
        s->callback([&run, a, writes, body] { run = [a, writes, body] { return onWorkbook(*a, writes, body); }; });
        return s;
    };
    const auto format = [&](CLI::App* s) {
        s->add_option("--format", a->format, "Output format")
            ->check(CLI::IsMember({"table", "csv", "json"}))
            ->capture_default_str();
    };
    const auto planOption = [&](CLI::App* s) { s->add_option("--plan", a->plan, "Id of the account plan")->required(); };
    const auto byOption = [&](CLI::App* s, const char* help) { s->add_option("--by", a->by, help); };

    auto* create = sub("create",
                       "Create an account plan and print its id. Customers: --customers, or the manager's own "
                       "customers narrowed by --segment and --quadrant, limited by --top",
                       true, runCreate);
    create->add_option("--title", a->title, "What the plan is for")->required();
    create->add_option("--manager", a->manager, "Code of the plan's manager (managers.code)");
    auto* codes = create->add_option("--customers", a->customers, "Customer codes, comma-separated");
    auto* top = create->add_option("--top", a->top, "The N customers with the highest lifetime value (needs analyze)")
                    ->check(CLI::PositiveNumber);
    auto* segment = create->add_option("--segment", a->segment, "Customers of this segment of the active segmentation");
    auto* quadrant = create->add_option("--quadrant", a->quadrant,
                                        "MATRIX:QUADRANT, e.g. \"profitability-loyalty:true friends\" (needs analyze)");
    codes->excludes(top)->excludes(segment)->excludes(quadrant);
    create->add_option("--notes", a->notes, "Notes");
    byOption(create, "Who creates it");

    auto* update = sub("update", "Change an account plan's title, notes or status", true, runUpdate);
    planOption(update);
    update->add_option("--title", a->title, "New title")->each([a](const std::string&) { a->titleGiven = true; });
    update->add_option("--notes", a->notes, "New notes")->each([a](const std::string&) { a->notesGiven = true; });
    update->add_option("--status", a->status, "open or closed")->check(CLI::IsMember({"open", "closed"}));

    planOption(sub("delete", "Delete an account plan with its objectives, actions and their history", true, runDelete));

    auto* objective = sub("objective", "Add an objective to a plan and print its id", true, runObjective);
    planOption(objective);
    objective->add_option("--indicator", a->indicator, "Indicator key (docs/indicators.md), e.g. margin")->required();
    objective->add_option("--target", a->target, "Target value")->required();
    objective->add_option("--due", a->due, "Due date, YYYY-MM-DD")->required();

    auto* action = sub("action", "Add an action to a plan (status open) and print its id", true, runAction);
    planOption(action);
    action->add_option("--what", a->what, "What is to be done")->required();
    action->add_option("--due", a->due, "Due date, YYYY-MM-DD")->required();
    action->add_option("--owner", a->owner, "Who does it");
    action->add_option("--customer", a->customer, "Code of one customer of the plan (default: the whole plan)");
    byOption(action, "Who adds it (kept in its history)");

    auto* editAction = sub("edit-action",
                           "Change an action's text, owner, due date or customer (a new due date for an overdue "
                           "action); what is not given stays",
                           true, runEditAction);
    editAction->add_option("--action", a->action, "Id of the action")->required();
    editAction->add_option("--what", a->newWhat, "What is to be done");
    editAction->add_option("--owner", a->newOwner, "Who does it (\"\" for nobody)");
    editAction->add_option("--due", a->newDue, "Due date, YYYY-MM-DD");
    auto* newCustomer = editAction->add_option("--customer", a->newCustomer, "Code of one customer of the plan");
    editAction->add_flag("--whole-plan", a->wholePlan, "About the whole plan, not one customer")->excludes(newCustomer);

    auto* status = sub("status", "Change an action's status; every change is kept with its date", true, runStatus);
    status->add_option("--action", a->action, "Id of the action")->required();
    status->add_option("--set", a->status, "open, in_progress, done or cancelled")
        ->required()
        ->check(CLI::IsMember({"open", "in_progress", "done", "cancelled"}));
    byOption(status, "Who changes it (kept in its history)");

    auto* list = sub("list", "List the account plans with their customers, objectives and actions", false, runList);
    auto* overdue = sub("overdue", "List the actions open or in progress whose due date has passed", false, runOverdue);
    for (auto* s : {list, overdue}) {
        auto* manager = s->add_option("--manager", a->manager, "Only the plans of this manager (code)");
        s->add_flag("--team", a->team, "With --manager: also the plans of every manager below")->needs(manager);
        format(s);
    }
    overdue->add_option("--today", a->today, "The day to compare with, YYYY-MM-DD (default: today, UTC)");

    auto* show = sub("show", "Show a plan: customers, objectives, actions and every status change", false, runShow);
    planOption(show);
    format(show);
}

}  // namespace cw::cli
