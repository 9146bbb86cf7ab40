// A manager's alerts (portfolio pack): the alerts to act on ranked by value at risk, with what
// happened and what to do (as `clienting portfolio` prints them), then those acknowledged or
// snoozed.
#include <QCoreApplication>

#include <algorithm>
#include <numeric>

#include "engine/load/Portfolio.h"
#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/Sections.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

QString customerOf(const engine::PortfolioAlert& a) {
    QString s = fmt::text(a.customerCode);
    if (!a.customerName.empty()) s += QStringLiteral(" ") + fmt::text(a.customerName);
    return s;
}

QString stateOf(const engine::PortfolioAlert& a) {
    QString s = a.state == "acknowledged" ? tr("acknowledged") : a.state == "snoozed" ? tr("snoozed") : fmt::text(a.state);
    if (a.snoozedUntil) s += tr(" until %1").arg(fmt::day(*a.snoozedUntil));
    if (!a.stateBy.empty()) s += tr(" by %1").arg(fmt::text(a.stateBy));
    if (!a.stateAt.empty()) s += tr(" on %1").arg(fmt::text(a.stateAt.substr(0, 10)));
    return s;
}

Table alertTable(const std::vector<engine::PortfolioAlert>& alerts, const QString& currency, bool states) {
    Table t;
    t.header = {QStringLiteral("#"), tr("Alert"), tr("Customer"), tr("Value at risk") + currency, tr("What happened"),
                tr("What to do")};
    t.align = {Align::Right, Align::Left, Align::Left, Align::Right, Align::Left, Align::Left};
    if (states) {
        t.header.push_back(tr("State"));
        t.align.push_back(Align::Left);
    }
    std::int64_t rank = 0;
    for (const auto& a : alerts) {
        std::vector<Cell> row = {fmt::countCell(++rank), fmt::text(std::string(engine::kpi::alertTitle(a.alert.kind))),
                                 customerOf(a), fmt::moneyCell(a.alert.valueAtRisk), fmt::text(a.alert.evidence),
                                 fmt::text(a.alert.recommendation)};
        if (states) row.push_back(stateOf(a));
        t.rows.push_back(std::move(row));
    }
    return t;
}

Status writeAlerts(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    const auto* p = ctx.portfolio();
    if (!p) return makeError(ErrorKind::Input, "no manager's portfolio is loaded", "write the alerts in a portfolio pack");
    const QString currency = p->currency.empty() ? QString() : QStringLiteral(" (%1)").arg(fmt::text(p->currency));
    doc.heading(2, self.title());
    const double atRisk = std::accumulate(p->alerts.begin(), p->alerts.end(), 0.0,
                                          [](double s, const engine::PortfolioAlert& a) { return s + a.alert.valueAtRisk; });
    if (p->alerts.empty()) {
        doc.paragraph(tr("No alert to act on: no situation of the portfolio calls for a contact as of %1.")
                          .arg(fmt::day(p->analysisDay)));
    } else {
        // The counts go in the table's title and note: the heading then keeps with the table.
        Table t = alertTable(p->alerts, currency, false);
        t.title = tr("%1 alerts to act on, %2%3 of value at risk, the largest first")
                      .arg(fmt::count(std::ssize(p->alerts)), fmt::money(atRisk), currency);
        t.sheet = fmt::text(p->managerCode) + QStringLiteral(" ") + tr("alerts");
        t.note = tr("Value at risk: a year of the customer's margin × the probability of losing it. Situations judged "
                    "as of the analysis day %1; overdue actions as of %2.")
                     .arg(fmt::day(p->analysisDay), fmt::day(p->today));
        // A team may hold thousands: the PDF prints as many as the portfolio prints customers.
        t.printFirst(std::size_t(ctx.options().portfolioRows));
        doc.table(std::move(t));
    }
    if (!p->hidden.empty()) {
        Table h = alertTable(p->hidden, currency, true);
        h.title = tr("Acknowledged or snoozed");
        h.sheet = fmt::text(p->managerCode) + QStringLiteral(" ") + tr("alerts hidden");
        h.note = tr("Acknowledged: hidden until a newer situation; snoozed: hidden until the day given has passed.");
        h.printFirst(std::size_t(ctx.options().portfolioRows));
        doc.table(std::move(h));
    }

    const auto& s = p->settings;
    ctx.define(tr("Value at risk"), tr("A year of the customer's margin (none for a customer who loses money) times the "
                                       "probability of losing it, by which alerts are ranked."));
    ctx.define(tr("Satisfaction fell"), tr("A profitable customer's latest survey answer rates overall satisfaction at "
                                           "least %1 points (of 100) below the one before.")
                                            .arg(fmt::number(s.satisfactionFall, 0)));
    ctx.define(tr("Anorexic"), tr("A customer still active whose spend or purchase days in the last 6 months fell by "
                                  "more than 40 % against the 6 months before."));
    ctx.define(tr("Low P(alive)"), tr("A customer still active whose probability of still buying, from the purchase "
                                      "model, is below %1.")
                                       .arg(fmt::number(s.pAliveBelow, 2)));
    ctx.define(tr("No contact"), tr("An active customer of the top profitability tier with no dated note in the %1 days "
                                    "before the analysis day.")
                                     .arg(fmt::count(s.noContactDays)));
    ctx.define(tr("Overdue action"), tr("An account-plan action open or in progress whose due day is before the day "
                                        "the report counts from (%1).")
                                         .arg(fmt::day(p->today)));
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makeAlertsSection() {
    return makeSection("alerts", QCoreApplication::translate("Report", "Alerts"), ReportKind::PortfolioPack, writeAlerts);
}

}  // namespace cw::report
