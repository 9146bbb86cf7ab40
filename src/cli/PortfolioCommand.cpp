// clienting portfolio: one commercial manager's customers with what the analysis knows of them
// and the alerts ranked by value at risk (docs/alerts.md); clienting alerts: acknowledge, snooze
// or show again one alert. The portfolio is read-only; alerts writes alert_states.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "core/CivilTime.h"
#include "core/Error.h"
#include "core/Text.h"
#include "core/TextTable.h"
#include "engine/load/KpiValues.h"
#include "engine/load/Portfolio.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/AccountPlans.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

using engine::kpi::AlertKind;

struct PortfolioArgs {
    std::string workbook, manager, format = "table", today;
    bool alertsOnly = false, allAlerts = false;
};

struct AlertArgs {
    std::string workbook, action, kind, customer, until, by;
    std::vector<std::string> set;
};

std::string number(double v, int decimals = 0) {
    if (std::isnan(v)) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Whole amounts with thousands separators, as people read them.
std::string money(double v) {
    if (std::isnan(v)) return "";
    const long long n = std::llround(v);
    const std::string digits = std::to_string(n < 0 ? -n : n);
    std::string s = n < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) s += ',';
        s += digits[i];
    }
    return s;
}

nlohmann::json jsonNumber(double v) {
    return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v);
}

std::string percent(const std::optional<double>& v) {
    if (!v) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.0f%%", *v * 100);
    return buf;
}

std::string quadrantName(std::size_t k, const std::optional<engine::Quadrant>& q) {
    return q ? engine::matrixSpec(engine::kCustomerMatrices[k]).quadrant(*q).name : "";
}

std::string lastContact(const engine::kpi::AlertCustomer& c) {
    return c.lastContactDay ? formatDate(*c.lastContactDay) : "";
}

nlohmann::json alertJson(const engine::PortfolioAlert& a) {
    nlohmann::json j = {{"kind", std::string(engine::kpi::alertKey(a.alert.kind))},
                        {"customer", a.customerCode},
                        {"name", a.customerName},
                        {"value_at_risk", a.alert.valueAtRisk},
                        {"margin_at_stake", a.alert.marginAtStake},
                        {"probability", a.alert.probability},
                        {"evidence", a.alert.evidence},
                        {"recommendation", a.alert.recommendation},
                        {"since", formatDate(a.alert.sinceDay)}};
    if (a.alert.actionId) j["action_id"] = a.alert.actionId;
    if (!a.state.empty()) {
        j["state"] = a.state;
        j["state_at"] = a.stateAt;
        j["state_by"] = a.stateBy;
        if (a.snoozedUntil) j["snoozed_until"] = formatDate(*a.snoozedUntil);
    }
    return j;
}

nlohmann::json customerJson(const engine::PortfolioCustomer& c) {
    nlohmann::json quadrants = nlohmann::json::object();
    for (std::size_t k = 0; k < c.quadrants.size(); ++k)
        quadrants[engine::matrixSpec(engine::kCustomerMatrices[k]).name] =
            c.quadrants[k] ? nlohmann::json(quadrantName(k, c.quadrants[k])) : nlohmann::json(nullptr);
    nlohmann::json j = {{"code", c.base.code},
                        {"name", c.base.name},
                        {"manager", c.managerCode},
                        {"segment", c.segment},
                        {"revenue", jsonNumber(c.revenue)},
                        {"margin", jsonNumber(c.base.margin)},
                        {"trend", c.trend ? nlohmann::json(*c.trend) : nlohmann::json(nullptr)},
                        {"potential", jsonNumber(c.potential)},
                        {"satisfaction", jsonNumber(c.satisfaction)},
                        {"loyalty", jsonNumber(c.loyalty)},
                        {"p_alive", jsonNumber(c.base.pAlive)},
                        {"clv", jsonNumber(c.clv)},
                        {"active", c.base.active},
                        {"quadrants", quadrants},
                        {"plans", c.plans},
                        {"pending_actions", c.pendingActions},
                        {"last_contact", c.base.lastContactDay ? nlohmann::json(formatDate(*c.base.lastContactDay))
                                                               : nlohmann::json(nullptr)}};
    return j;
}

std::string alertsTable(const std::vector<engine::PortfolioAlert>& alerts, const std::string& currency, bool states) {
    std::vector<std::vector<std::string>> rows{{"#", "value at risk (" + currency + ")", "alert", "customer", "evidence", "recommendation"}};
    if (states) rows[0].push_back("state");
    for (std::size_t i = 0; i < alerts.size(); ++i) {
        const auto& a = alerts[i];
        rows.push_back({std::to_string(i + 1), money(a.alert.valueAtRisk),
                        std::string(engine::kpi::alertTitle(a.alert.kind)),
                        a.customerCode + (a.customerName.empty() ? "" : " " + a.customerName), a.alert.evidence,
                        a.alert.recommendation});
        if (states)
            rows.back().push_back(a.state + (a.snoozedUntil ? " until " + formatDate(*a.snoozedUntil) : "") +
                                  (a.stateBy.empty() ? "" : " by " + a.stateBy));
    }
    return text::renderTable(rows, {text::Align::Right, text::Align::Right}, 90);
}

int printPortfolio(const engine::Portfolio& p, const PortfolioArgs& a) {
    const std::string currency = p.currency.empty() ? "currency" : p.currency;
    if (a.format == "json") {
        nlohmann::json j = {{"manager", p.managerCode},
                            {"name", p.managerName},
                            {"team", p.team},
                            {"analysis_date", formatDate(p.analysisDay)},
                            {"today", formatDate(p.today)},
                            {"currency", p.currency},
                            {"settings",
                             {{"satisfaction_fall", p.settings.satisfactionFall},
                              {"p_alive_below", p.settings.pAliveBelow},
                              {"no_contact_days", p.settings.noContactDays}}},
                            {"customers_count", p.customers.size()},
                            {"revenue", p.revenue},
                            {"margin", p.margin},
                            {"customers_under_plan", p.customersUnderPlan},
                            {"overdue_actions", p.overdueActions}};
        auto alerts = nlohmann::json::array();
        for (const auto& x : p.alerts) alerts.push_back(alertJson(x));
        j["alerts"] = alerts;
        auto hidden = nlohmann::json::array();
        for (const auto& x : p.hidden) hidden.push_back(alertJson(x));
        j["hidden_alerts"] = hidden;
        if (!a.alertsOnly) {
            auto customers = nlohmann::json::array();
            for (const auto& c : p.customers) customers.push_back(customerJson(c));
            j["customers"] = customers;
        }
        std::cout << j.dump(2) << '\n';
        return 0;
    }
    if (a.format == "csv") {
        if (a.alertsOnly) {
            std::cout << "rank,kind,customer,name,value_at_risk,margin_at_stake,probability,evidence,recommendation,state\n";
            std::size_t rank = 0;
            auto row = [&](const engine::PortfolioAlert& x) {
                std::cout << ++rank << ',' << engine::kpi::alertKey(x.alert.kind) << ',' << text::csvField(x.customerCode)
                          << ',' << text::csvField(x.customerName) << ',' << number(x.alert.valueAtRisk, 2) << ','
                          << number(x.alert.marginAtStake, 2) << ',' << number(x.alert.probability, 4) << ','
                          << text::csvField(x.alert.evidence) << ',' << text::csvField(x.alert.recommendation) << ','
                          << x.state << '\n';
            };
            for (const auto& x : p.alerts) row(x);
            if (a.allAlerts)
                for (const auto& x : p.hidden) row(x);
            return 0;
        }
        std::cout << "code,name,manager,segment,revenue,margin,trend,potential,satisfaction,loyalty,p_alive,clv";
        for (auto k : engine::kCustomerMatrices) std::cout << ',' << engine::matrixSpec(k).name;
        std::cout << ",plans,pending_actions,last_contact,alerts\n";
        std::map<std::int64_t, std::string> kinds;
        for (const auto& x : p.alerts)
            kinds[x.alert.customerId] += (kinds[x.alert.customerId].empty() ? "" : " ") +
                                         std::string(engine::kpi::alertKey(x.alert.kind));
        for (const auto& c : p.customers) {
            std::cout << text::csvField(c.base.code) << ',' << text::csvField(c.base.name) << ','
                      << text::csvField(c.managerCode) << ',' << text::csvField(c.segment) << ',' << number(c.revenue, 2)
                      << ',' << number(c.base.margin, 2) << ',' << (c.trend ? number(*c.trend, 4) : "") << ','
                      << number(c.potential, 2) << ',' << number(c.satisfaction, 1) << ',' << number(c.loyalty, 1)
                      << ',' << number(c.base.pAlive, 4) << ',' << number(c.clv, 2);
            for (std::size_t k = 0; k < c.quadrants.size(); ++k)
                std::cout << ',' << text::csvField(quadrantName(k, c.quadrants[k]));
            std::cout << ',' << text::csvField(c.plans) << ',' << c.pendingActions << ',' << lastContact(c.base) << ','
                      << kinds[c.base.id] << '\n';
        }
        return 0;
    }

    // The table for people.
    std::cout << "Portfolio of " << text::printable(p.managerCode)
              << (p.managerName.empty() ? "" : " (" + text::printable(p.managerName) + ")")
              << (p.team ? ", with the customers of the managers below" : "") << '\n'
              << "  analysis day " << formatDate(p.analysisDay) << ", today " << formatDate(p.today) << '\n'
              << "  " << p.customers.size() << " customers, revenue " << money(p.revenue) << ' ' << currency
              << ", margin " << money(p.margin) << ' ' << currency << " in the analysis window\n"
              << "  " << p.customersUnderPlan << " under an account plan, " << p.overdueActions
              << " overdue actions\n\n";
    std::cout << p.alerts.size() << " alerts, by value at risk (margin at stake x probability)";
    if (!p.hidden.empty()) std::cout << "; " << p.hidden.size() << " acknowledged or snoozed" << (a.allAlerts ? " below" : " (--all-alerts shows them)");
    std::cout << ":\n";
    if (!p.alerts.empty()) std::cout << alertsTable(p.alerts, currency, false);
    if (a.allAlerts && !p.hidden.empty()) std::cout << "\nAcknowledged or snoozed:\n" << alertsTable(p.hidden, currency, true);
    if (a.alertsOnly) return 0;
    std::vector<std::vector<std::string>> rows{{"customer", "name", "segment", "revenue", "margin", "trend", "potential",
                                                "satisf.", "loyalty", "P(alive)", "profit/potential", "profit/satisf.",
                                                "profit/loyalty", "satisf./loyalty", "plans", "last contact"}};
    for (const auto& c : p.customers) {
        rows.push_back({c.base.code, c.base.name, c.segment, money(c.revenue), money(c.base.margin), percent(c.trend),
                        money(c.potential), number(c.satisfaction), number(c.loyalty), number(c.base.pAlive, 2),
                        quadrantName(0, c.quadrants[0]), quadrantName(1, c.quadrants[1]), quadrantName(2, c.quadrants[2]),
                        quadrantName(3, c.quadrants[3]), c.plans, lastContact(c.base)});
    }
    std::cout << '\n' << text::renderTable(rows, {text::Align::Left, text::Align::Left, text::Align::Left}, 30);
    return 0;
}

int runPortfolio(const PortfolioArgs& a) {
    // Read-only lookups of stored results: no whole-file check first (see clienting kpi).
    auto wb = store::Workbook::open(a.workbook, store::Workbook::OpenMode::ReadOnly, store::Workbook::Integrity::Trust);
    if (!wb) return fail(wb.error());
    std::int32_t today = engine::todayDay();
    if (!a.today.empty()) {
        auto d = dayOption(a.today, "--today");
        if (!d) return fail(d.error());
        today = *d;
    }
    auto p = engine::loadPortfolio(*wb, a.manager, today);
    if (!p) return fail(p.error());
    return printPortfolio(*p, a);
}

// clienting alerts settings [--set KEY=VALUE …]: shows (and changes) the setting "alerts".
int runAlertSettings(const AlertArgs& a) {
    auto wb = store::Workbook::open(a.workbook, a.set.empty() ? store::Workbook::OpenMode::ReadOnly
                                                              : store::Workbook::OpenMode::ReadWrite);
    if (!wb) return fail(wb.error());
    const auto& setting = engine::settings::alerts();
    auto current = engine::settings::read(wb->db(), setting);
    if (!current) return fail(current.error());
    if (!a.set.empty()) {
        auto j = nlohmann::json::parse(setting.encode(*current));
        for (const auto& item : a.set) {
            const auto eq = item.find('=');
            const auto key = item.substr(0, eq);
            if (eq == std::string::npos || !j.contains(key))
                return fail(makeError(ErrorKind::Usage, "--set wants KEY=VALUE with a key of the alerts, not '" +
                                                            text::printable(item) + "'",
                                      "keys: satisfaction_fall, p_alive_below, no_contact_days"));
            const auto value = item.substr(eq + 1);
            char* end = nullptr;
            const double v = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0')
                return fail(makeError(ErrorKind::Usage, key + " wants a number, not '" + text::printable(value) + "'"));
            j[key] = v;
        }
        auto next = setting.decode(j.dump());
        if (!next) return fail(next.error());
        if (auto st = engine::settings::save(wb->db(), setting, *next); !st) return fail(st.error());
        current = std::move(next);
    }
    std::cout << "satisfaction_fall " << current->satisfactionFall << " points\n"
              << "p_alive_below     " << current->pAliveBelow << '\n'
              << "no_contact_days   " << current->noContactDays << " days\n";
    return 0;
}

int runAlerts(const AlertArgs& a) {
    if (a.action == "settings") return runAlertSettings(a);
    if (a.kind.empty() || a.customer.empty())
        return fail(makeError(ErrorKind::Usage, a.action + " needs the alert's kind and the customer's code",
                              "e.g. clienting alerts -w W.cwb " + a.action + " no_contact C000123"));
    const auto kind = engine::kpi::findAlertKind(a.kind);
    if (!kind)
        return fail(makeError(ErrorKind::Usage, "no alert is called " + text::printable(a.kind),
                              "use satisfaction_fell, anorexia, low_p_alive or no_contact"));
    std::optional<std::int32_t> until;
    if (a.action == "snooze") {
        if (a.until.empty())
            return fail(makeError(ErrorKind::Usage, "snooze needs --until", "give the last day to hide it, as YYYY-MM-DD"));
        auto d = dayOption(a.until, "--until");
        if (!d) return fail(d.error());
        until = *d;
    }
    auto wb = store::Workbook::open(a.workbook, store::Workbook::OpenMode::ReadWrite);
    if (!wb) return fail(wb.error());
    std::optional<std::int64_t> customer;
    try {
        customer = store::findCustomerId(wb->db(), a.customer);
    } catch (const store::SqlError& e) {
        return fail(store::sqliteError(wb->db(), e));
    }
    if (!customer)
        return fail(makeError(ErrorKind::Usage, "no customer has the code '" + text::printable(a.customer) + "'",
                              "give a code of the customers table (clienting portfolio lists them)"));
    bool changed = true;
    auto st = store::inOwnTransaction(wb->db(), [&](store::WriteTransaction& tx) -> Status {
        if (a.action == "clear") {
            auto r = engine::clearAlertState(tx, *kind, *customer);
            if (!r) return r.takeError();
            changed = *r;
            return {};
        }
        return engine::setAlertState(tx, *kind, *customer, until, a.by);
    });
    if (!st) return fail(st.error());
    if (a.action == "clear")
        std::cout << (changed ? "shown again: " : "was neither acknowledged nor snoozed: ");
    else
        std::cout << (a.action == "ack" ? "acknowledged: " : "snoozed until " + formatDate(*until) + ": ");
    std::cout << a.kind << " of " << text::printable(a.customer) << '\n';
    return 0;
}

}  // namespace

void addPortfolioCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<PortfolioArgs>();
    auto* cmd = app.add_subcommand(
        "portfolio", "A commercial manager's customers (with those of the managers below) and the alerts ranked by "
                     "value at risk (docs/alerts.md)");
    addWorkbookOption(*cmd, a->workbook);
    cmd->add_option("manager", a->manager, "The manager's code")->required();
    cmd->add_flag("--alerts-only", a->alertsOnly, "Only the alerts");
    cmd->add_flag("--all-alerts", a->allAlerts, "Also the alerts acknowledged or snoozed");
    cmd->add_option("--today", a->today, "The day overdue actions and snoozes count from (YYYY-MM-DD); default: today");
    cmd->add_option("--format", a->format, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    cmd->callback([&run, a] { run = [a] { return runPortfolio(*a); }; });

    auto b = std::make_shared<AlertArgs>();
    auto* alerts = app.add_subcommand(
        "alerts", "Acknowledge an alert (hidden until a newer situation), snooze it until a day, or show it again");
    addWorkbookOption(*alerts, b->workbook);
    alerts->add_option("action", b->action, "ack | snooze | clear | settings (show or --set the thresholds)")
        ->required()
        ->check(CLI::IsMember({"ack", "snooze", "clear", "settings"}));
    alerts->add_option("kind", b->kind, "satisfaction_fell | anorexia | low_p_alive | no_contact");
    alerts->add_option("customer", b->customer, "The customer's code");
    alerts->add_option("--set", b->set, "settings: KEY=VALUE (satisfaction_fall, p_alive_below, no_contact_days)");
    alerts->add_option("--until", b->until, "snooze: the last day it stays hidden (YYYY-MM-DD)");
    alerts->add_option("--by", b->by, "Who acknowledges or snoozes it");
    alerts->callback([&run, b] { run = [b] { return runAlerts(*b); }; });
}

}  // namespace cw::cli
