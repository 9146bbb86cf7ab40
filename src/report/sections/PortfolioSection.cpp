// A manager's portfolio (portfolio pack): key figures (customers, revenue, margin, customers under
// a plan, overdue actions, alerts to act on), then the customers ranked by margin with what the
// analysis knows of them — the figures of `clienting portfolio CODE`.
#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/load/Portfolio.h"
#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/Sections.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

// The profitability-loyalty matrix's place in kCustomerMatrices.
constexpr std::size_t kProfitLoyalty = 2;
static_assert(engine::kCustomerMatrices[kProfitLoyalty] == engine::MatrixKind::ProfitabilityLoyalty);

Cell trendCell(const std::optional<double>& trend) {
    if (!trend || !std::isfinite(*trend)) return Cell(QString());
    QString text = fmt::percent(*trend, 0);
    if (*trend > 0 && !text.startsWith(QStringLiteral("0 "))) text.prepend(u'+');
    return Cell(text, *trend, "+0%;-0%;0%");
}

Cell maybeNumber(double v, int decimals) { return std::isfinite(v) ? fmt::numberCell(v, decimals) : Cell(QString()); }
Cell maybeMoney(double v) { return std::isfinite(v) ? fmt::moneyCell(v) : Cell(QString()); }

Status writePortfolio(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    const auto* p = ctx.portfolio();
    if (!p) return makeError(ErrorKind::Input, "no manager's portfolio is loaded", "write the portfolio in a portfolio pack");
    const QString currency = p->currency.empty() ? QString() : QStringLiteral(" (%1)").arg(fmt::text(p->currency));
    doc.heading(2, self.title());
    doc.paragraph(tr("%1 customers%2; the analysis window's figures as of %3, actions and snoozes as of %4.")
                      .arg(fmt::count(std::ssize(p->customers)),
                           p->team ? tr(", with those of the managers below") : QString(), fmt::day(p->analysisDay),
                           fmt::day(p->today)));
    const double atRisk = std::accumulate(p->alerts.begin(), p->alerts.end(), 0.0,
                                          [](double s, const engine::PortfolioAlert& a) { return s + a.alert.valueAtRisk; });
    doc.figures({{fmt::count(std::ssize(p->customers)), tr("customers")},
                 {fmt::money(p->revenue), tr("revenue in the analysis window") + currency},
                 {fmt::money(p->margin), tr("margin in the analysis window") + currency},
                 {fmt::count(p->customersUnderPlan), tr("customers under an open account plan")},
                 {fmt::count(p->overdueActions), tr("overdue account-plan actions")},
                 {fmt::count(std::ssize(p->alerts)),
                  tr("alerts to act on, %1 of value at risk").arg(fmt::money(atRisk))}});

    // The customers by margin, highest first; those without a margin last, by code.
    std::vector<const engine::PortfolioCustomer*> order;
    order.reserve(p->customers.size());
    for (const auto& c : p->customers) order.push_back(&c);
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
        const bool ka = std::isfinite(a->base.margin), kb = std::isfinite(b->base.margin);
        if (ka != kb) return ka;
        return ka && a->base.margin > b->base.margin;
    });
    Table t;
    t.title = tr("Customers by margin");
    t.sheet = fmt::text(p->managerCode) + QStringLiteral(" ") + tr("customers");
    // A workbook without segments would print an empty column: it is left out (the note says so).
    const bool segments = std::any_of(p->customers.begin(), p->customers.end(),
                                      [](const engine::PortfolioCustomer& c) { return !c.segment.empty(); });
    t.header = {QStringLiteral("#"), tr("Code"), tr("Name")};
    if (p->team) t.header.push_back(tr("Manager"));
    if (segments) t.header.push_back(tr("Segment"));
    for (const QString& h : {tr("Revenue") + currency, tr("Margin") + currency, tr("Trend"),
                             tr("Satisfaction"), tr("Loyalty"), tr("P(alive)"), tr("Profitability × loyalty"),
                             tr("Last contact"), tr("Plans")})
        t.header.push_back(h);
    t.align.assign(t.header.size(), Align::Left);
    t.align[0] = Align::Right;
    const std::size_t firstNumber = 3 + (p->team ? 1 : 0) + (segments ? 1 : 0);
    for (std::size_t i = firstNumber; i < firstNumber + 6; ++i) t.align[i] = Align::Right;
    std::int64_t rank = 0;
    for (const auto* c : order) {
        std::vector<Cell> row = {fmt::countCell(++rank), fmt::text(c->base.code), fmt::text(c->base.name)};
        if (p->team) row.push_back(fmt::text(c->managerCode));
        const auto& q = c->quadrants[kProfitLoyalty];
        if (segments) row.push_back(fmt::text(c->segment));
        row.insert(row.end(),
                   {maybeMoney(c->revenue), maybeMoney(c->base.margin), trendCell(c->trend),
                    maybeNumber(c->satisfaction, 0), maybeNumber(c->loyalty, 0), maybeNumber(c->base.pAlive, 2),
                    q ? fmt::text(engine::matrixSpec(engine::MatrixKind::ProfitabilityLoyalty).quadrant(*q).name)
                      : QString(),
                    c->base.lastContactDay ? fmt::day(*c->base.lastContactDay) : QString(), fmt::text(c->plans)});
        t.rows.push_back(std::move(row));
    }
    t.note = tr("Trend: revenue of the recent window against the earlier one. Satisfaction and loyalty 0–100; "
                "P(alive): the purchase model's chance the customer still buys; plans: the open account plans the "
                "customer is in, with their pending actions. An empty cell: not known.");
    if (!segments) t.note += QStringLiteral(" ") + tr("No customer has a segment: the column is left out.");
    t.printFirst(std::size_t(ctx.options().portfolioRows));
    doc.table(std::move(t));

    ctx.define(tr("Margin"), tr("Revenue less product cost and cost to serve, over the analysis window."));
    ctx.define(tr("Trend"), tr("A customer's revenue in the recent window against the earlier window, minus 1 "
                               "(−25 %: a quarter less)."));
    ctx.define(tr("P(alive)"), tr("The purchase model's (BG/NBD) probability that the customer still buys."));
    ctx.define(tr("Profitability–loyalty quadrant"),
               tr("Where the customer stands in the profitability-loyalty matrix, on the company's thresholds."));
    ctx.define(tr("Customers under a plan"), tr("Distinct customers in an open account plan of the manager (or team)."));
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makePortfolioSection() {
    return makeSection("portfolio", QCoreApplication::translate("Report", "Portfolio"), ReportKind::PortfolioPack,
                       writePortfolio);
}

}  // namespace cw::report
