// Exits and anorexia: the profitable customers who left and the active ones buying less, with
// the customers at stake (the largest first) and the evidence for each.
#include <QCoreApplication>

#include <algorithm>

#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/SectionFacts.h"
#include "report/sections/Sections.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

QString dayOr(const std::optional<std::int64_t>& d) { return d ? fmt::day(*d) : QStringLiteral("n/a"); }

QString more(std::size_t shown, std::size_t all) {
    return all > shown ? tr("The %1 largest of %2; the spreadsheet export (--xlsx) lists every one.")
                             .arg(fmt::count(std::int64_t(shown)), fmt::count(std::int64_t(all)))
                       : QString();
}

void exitsTable(ReportContext& ctx, ReportDocument& doc, const engine::CustomerList& list) {
    Table t;
    t.title = tr("Profitable customers who left");
    t.sheet = tr("Profitable exits");
    t.header = {tr("Customer"), tr("Name"), tr("Manager"), tr("Region"), tr("Last purchase"), tr("Own rhythm (days)"),
                tr("Margin"), tr("Revenue")};
    t.align = {Align::Left, Align::Left, Align::Left, Align::Left, Align::Left, Align::Right, Align::Right, Align::Right};
    const std::size_t shown = std::min(list.rows.size(), std::size_t(ctx.options().listRows));
    t.printRows = shown;
    for (const auto& r : list.rows) {
        t.rows.push_back({fmt::text(r.code), fmt::text(r.name), fmt::text(r.manager), fmt::text(r.region), dayOr(r.lastDay),
                          r.rhythmDays ? fmt::numberCell(*r.rhythmDays, 0) : Cell(QStringLiteral("n/a")),
                          fmt::moneyCell(r.margin), fmt::moneyCell(r.revenue)});
    }
    t.note = more(shown, list.rows.size());
    doc.table(std::move(t));
}

void anorexiaTable(ReportContext& ctx, ReportDocument& doc, const engine::CustomerList& list) {
    std::vector<const engine::CustomerRow*> rows;
    for (const auto& r : list.rows) rows.push_back(&r);
    std::stable_sort(rows.begin(), rows.end(), [](const engine::CustomerRow* a, const engine::CustomerRow* b) {
        return revenueDrop(a->prevRevenue, a->recentRevenue).value_or(0) > revenueDrop(b->prevRevenue, b->recentRevenue).value_or(0);
    });
    Table t;
    t.title = tr("Anorexic customers, largest revenue drop first");
    t.sheet = tr("Anorexic customers");
    t.header = {tr("Customer"), tr("Name"), tr("Manager"), tr("Earlier revenue"), tr("Recent revenue"), tr("Drop"),
                tr("Earlier days"), tr("Recent days"), tr("Margin")};
    t.align = {Align::Left, Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
    const std::size_t shown = std::min(rows.size(), std::size_t(ctx.options().listRows));
    t.printRows = shown;
    for (const auto* row : rows) {
        const auto& r = *row;
        const auto drop = revenueDrop(r.prevRevenue, r.recentRevenue);
        const std::optional<double> share =
            drop && r.prevRevenue && *r.prevRevenue > 0 ? std::optional<double>(*drop / *r.prevRevenue) : std::nullopt;
        t.rows.push_back({fmt::text(r.code), fmt::text(r.name), fmt::text(r.manager), fmt::moneyCell(r.prevRevenue),
                          fmt::moneyCell(r.recentRevenue), fmt::percentCell(share),
                          r.prevOrders ? fmt::countCell(*r.prevOrders) : Cell(QStringLiteral("n/a")),
                          r.recentOrders ? fmt::countCell(*r.recentOrders) : Cell(QStringLiteral("n/a")),
                          fmt::moneyCell(r.margin)});
    }
    t.note = more(shown, rows.size());
    doc.table(std::move(t));
}

Status writeExits(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    auto analysis = ctx.analysis();
    if (!analysis) return analysis.error();
    if (!*analysis || (**analysis).value("survey_only", false) || !ctx.customersAnalysed())
        return makeError(ErrorKind::Input, "exits and anorexia need the transactions of known customers, analysed",
                         "import transactions and run the analysis");
    auto exits = ctx.customers(engine::CustomerFlag::ProfitableExits);
    if (!exits) return exits.error();
    auto anorexic = ctx.customers(engine::CustomerFlag::Anorexic);
    if (!anorexic) return anorexic.error();
    const auto& settings = (**analysis).at("settings");
    const auto& customers = (**analysis).at("customers");
    doc.heading(1, self.title());
    const auto lost = lostMargin(ctx);
    std::vector<KeyFigure> figures = {
        {fmt::count(customers.value("exited", std::int64_t{0})), tr("customers left")},
        {fmt::count(std::int64_t((*exits)->rows.size())), tr("of them profitable")},
        {fmt::money(lost ? lost->exitMargin : 0.0), tr("margin the profitable exits made in the window")},
        {fmt::count(std::int64_t((*anorexic)->rows.size())), tr("anorexic customers")}};
    doc.figures(std::move(figures));
    doc.heading(2, tr("Profitable exits"));
    doc.paragraph(tr("A customer has left when no purchase came for %1 times their own rhythm (at least %2 days) or P(alive) fell below %3; a profitable exit is one from the top %4 by margin.")
                      .arg(fmt::number(settings.value("exit_rhythm_multiple", 3.0), 1))
                      .arg(settings.value("exit_min_days", 180))
                      .arg(fmt::number(settings.value("exit_p_alive", 0.5), 2))
                      .arg(fmt::percent(settings.value("profitable_top_share", 0.2), 0)));
    if ((*exits)->rows.empty())
        doc.paragraph(tr("No profitable customer left in the analysis window."));
    else
        exitsTable(ctx, doc, **exits);
    doc.heading(2, tr("Anorexia"));
    doc.paragraph(tr("Anorexic: still active, but revenue or purchase days in the last %1 months fell by more than %2 against the %1 months before (with at least %3 purchase days then).")
                      .arg(settings.value("anorexia_window_months", 6))
                      .arg(fmt::percent(settings.value("anorexia_drop", 0.4), 0))
                      .arg(settings.value("anorexia_min_orders", 2)));
    if ((*anorexic)->rows.empty())
        doc.paragraph(tr("No active customer buys markedly less."));
    else
        anorexiaTable(ctx, doc, **anorexic);
    ctx.define(tr("Exit"), tr("No purchase for exit_rhythm_multiple × the customer's own rhythm (at least exit_min_days), or P(alive) below exit_p_alive."));
    ctx.define(tr("Anorexic"), tr("Active, and revenue or purchase days of the recent anorexia window fell by more than anorexia_drop against the window before it."));
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makeExitsSection() {
    return makeSection("exits", QCoreApplication::translate("Report", "Exits and anorexia"), ReportKind::Clienting,
                       writeExits);
}

}  // namespace cw::report
