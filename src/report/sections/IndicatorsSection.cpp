// Indicators by hierarchy level: the node's key indicators for the period (the same figures as
// `clienting kpi --node N --to DAY`), every indicator in a table, trends of a few over the last
// periods (the window's TrendPainter), then one level down (the node's children side by side,
// as `clienting kpi --children`, with their margins as the window's bars), then the managers of
// the level below that in one table ranked by margin.
#include <QCoreApplication>
#include <QFont>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "charts/BarsPainter.h"
#include "charts/TrendPainter.h"
#include "engine/load/KpiValues.h"
#include "report/Format.h"
#include "report/PageStyle.h"
#include "report/ReportContext.h"
#include "report/sections/KpiFormat.h"
#include "report/sections/Sections.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::report {
namespace {

using engine::kpi::IndicatorId;
using engine::kpi::KpiSeries;
using engine::kpi::Period;
using engine::kpi::PeriodKind;

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

Error cancelledError() { return makeError(ErrorKind::Cancelled, "report cancelled"); }

QString periodText(const Period& p) { return fmt::text(engine::kpi::periodLabel(p)); }

// The kind a period's text names: "2024" a year, "2024-Q3" a quarter, "2024-09" (or a day) a month.
PeriodKind kindOf(const std::string& text) {
    if (text.size() == 4) return PeriodKind::Year;
    if (text.find('Q') != std::string::npos || text.find('q') != std::string::npos) return PeriodKind::Quarter;
    return PeriodKind::Month;
}

// Everything the section says, read once.
struct Scope {
    const engine::ManagerTree* tree = nullptr;
    std::int64_t nodeId = 0;  ///< 0: the company
    PeriodKind kind = PeriodKind::Month;
    KpiSeries series;
    std::size_t index = 0;  ///< the chosen period in `series`
    QString currency;       ///< " (EUR)" or empty

    const Period& period() const { return series.periods[index]; }
};

Result<Scope> readScope(ReportContext& ctx) {
    Scope s;
    auto& db = ctx.workbook().db();
    try {
        if (!store::hasKpiValues(db))
            return makeError(ErrorKind::Input, "the workbook has no indicators yet",
                             "run the analysis (Analysis › Analyze, or clienting analyze) and write the report again");
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
    auto tree = ctx.managers();
    if (!tree) return tree.error();
    s.tree = *tree;
    const auto& o = ctx.options();
    if (!o.node.empty()) {
        auto n = s.tree->node(o.node);
        if (!n) return n.takeError();
        s.nodeId = s.tree->managers[*n].id;
    }
    s.kind = o.period.empty() ? PeriodKind::Month : kindOf(o.period);
    auto series = engine::loadKpiSeries(db, s.nodeId, 0, s.kind);
    if (!series) return series.takeError();
    s.series = std::move(*series);
    if (s.series.periods.empty())
        return makeError(ErrorKind::Input,
                         "no indicators for " + engine::nodeLabel(*s.tree, s.nodeId) + ": the node has no customers",
                         "choose another node");
    if (auto st = engine::addPlanIndicators(db, *s.tree, s.nodeId, ctx.today(), s.series); !st) return st.error();
    s.index = s.series.periods.size() - 1;
    if (!o.period.empty()) {
        const auto wanted = engine::kpi::parsePeriod(s.kind, o.period);
        if (!wanted)
            return makeError(ErrorKind::Usage, "the period '" + o.period + "' is not a year, quarter or month",
                             "write it as 2024, 2024-Q3 or 2024-09");
        const auto i = s.series.indexOf(wanted->start);
        if (!i)
            return makeError(ErrorKind::Input, "no indicators for the period " + o.period,
                             "the data's periods run from " + engine::kpi::periodLabel(s.series.periods.front()) +
                                 " to " + engine::kpi::periodLabel(s.series.periods.back()));
        s.index = *i;
    }
    const auto& c = ctx.currency();
    if (c != "currency") s.currency = QStringLiteral(" (%1)").arg(fmt::text(c));
    return s;
}

// ---- the node itself ----------------------------------------------------------------------------

constexpr IndicatorId kKeyIndicators[] = {
    IndicatorId::Customers,     IndicatorId::Active,  IndicatorId::ProfitableExits, IndicatorId::RetentionRate,
    IndicatorId::Revenue,       IndicatorId::Margin,  IndicatorId::MarginPerCustomer, IndicatorId::Satisfaction,
    IndicatorId::Nps,           IndicatorId::LoyaltyIndex, IndicatorId::Anorexic, IndicatorId::UnderAccountPlan};

void writeFigures(const Scope& s, ReportDocument& doc) {
    std::vector<KeyFigure> items;
    const bool latest = s.index + 1 == s.series.periods.size();
    for (auto id : kKeyIndicators) {
        const auto f = s.series.figure(id, s.index);
        // The account-plan indicators stand as the plans do now: shown for the latest period only.
        if (!f.value && (id == IndicatorId::UnderAccountPlan || id == IndicatorId::OverdueActions) && !latest) continue;
        QString label = kpifmt::name(id);
        if (engine::kpi::indicator(id).unit == engine::kpi::Unit::Currency) label += s.currency;
        if (f.change()) label += QStringLiteral(" · %1 on the period before").arg(kpifmt::change(id, f.change()));
        else if (id == IndicatorId::UnderAccountPlan || id == IndicatorId::OverdueActions)
            label += tr(" · as the plans stand now");
        // A key figure's box holds about nine digits: tens of millions are written in millions
        // (the table below has the whole amount).
        QString value = kpifmt::value(id, f.value);
        if (f.value && engine::kpi::indicator(id).unit == engine::kpi::Unit::Currency && std::abs(*f.value) >= 1e7)
            value = fmt::number(*f.value / 1e6, 2) + QStringLiteral(" M");
        items.push_back({value, label});
    }
    doc.figures(std::move(items));
}

QString statusText(engine::kpi::TargetStatus st) {
    switch (st) {
    case engine::kpi::TargetStatus::NoTarget: return {};
    case engine::kpi::TargetStatus::Met: return tr("met");
    case engine::kpi::TargetStatus::Missed: return tr("missed");
    case engine::kpi::TargetStatus::NoValue: return tr("no value");
    }
    return {};
}

void writeAllIndicators(const Scope& s, ReportDocument& doc) {
    Table t;
    t.title = tr("Every indicator, %1").arg(periodText(s.period()));
    t.sheet = tr("Indicators");
    t.header = {tr("Indicator"), tr("Value"), tr("Previous"), tr("Change"), tr("Year before"), tr("Change on year"),
                tr("Judged"), tr("Target"), tr("Status")};
    t.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right,
               Align::Left, Align::Right, Align::Left};
    for (const auto& f : s.series.figures(s.index)) {
        const auto better = f.improved();
        t.rows.push_back({kpifmt::name(f.id), kpifmt::valueCell(f.id, f.value), kpifmt::valueCell(f.id, f.previous),
                          kpifmt::changeCell(f.id, f.change()), kpifmt::valueCell(f.id, f.yearBefore),
                          kpifmt::changeCell(f.id, f.changeOnYear()),
                          better ? (*better ? tr("better") : tr("worse")) : QString(),
                          f.target ? kpifmt::valueCell(f.id, f.target) : Cell(), statusText(f.status)});
    }
    t.note = tr("Previous: the period of the same kind before; year before: the same period twelve months earlier; "
                "judged: the change against the previous period in the indicator's good direction. Money in %1; "
                "changes of percentages in percentage points. Under an account plan and overdue actions are "
                "counted from the plans as they stand now (the latest period only).")
                 .arg(s.currency.isEmpty() ? tr("the workbook's currency") : s.currency.mid(2, s.currency.size() - 3));
    doc.table(std::move(t));
}

std::shared_ptr<charts::TrendPainter> trendOf(const Scope& s, IndicatorId id, std::size_t first) {
    auto p = std::make_shared<charts::TrendPainter>();
    std::vector<charts::TrendPoint> points;
    std::vector<charts::TrendTick> ticks;
    for (std::size_t i = first; i <= s.index; ++i) {
        const auto f = s.series.figure(id, i);
        charts::TrendPoint pt;
        pt.x = s.series.periods[i].start;
        if (f.value) pt.value = *f.value;
        if (f.target) pt.target = *f.target;
        points.push_back(pt);
        ticks.push_back({pt.x, periodText(s.series.periods[i])});
    }
    p->setPoints(std::move(points));
    if (s.kind != PeriodKind::Month) p->setXTicks(std::move(ticks));
    p->setColors(charts::TrendColors::print());
    p->setLegendNames(kpifmt::name(id), tr("target"));
    p->setEmptyText(tr("no value in these periods"));
    if (engine::kpi::indicator(id).unit == engine::kpi::Unit::Percent)
        p->setValueFormatter([](double v) { return fmt::number(v, 0) + QStringLiteral(" %"); });
    return p;
}

PaintFn paintTrend(std::shared_ptr<charts::TrendPainter> trend) {
    return [trend](QPainter& painter, const QSizeF& size) {
        painter.setFont(chartFont(7));
        trend->paint(painter, QRectF(QPointF(0, 0), size));
    };
}

void writeTrends(const Scope& s, ReportDocument& doc) {
    const std::size_t span = s.kind == PeriodKind::Month ? 24 : s.kind == PeriodKind::Quarter ? 12 : 10;
    const std::size_t first = s.index + 1 > span ? s.index + 1 - span : 0;
    if (s.index == first) return;  // one period: no trend to draw
    ChartGrid grid;
    grid.columns = 2;
    grid.cellHeight = 140;
    for (auto id : {IndicatorId::Margin, IndicatorId::MarginPerCustomer, IndicatorId::Customers, IndicatorId::Active,
                    IndicatorId::RetentionRate, IndicatorId::Anorexic, IndicatorId::Satisfaction, IndicatorId::Nps}) {
        QString title = kpifmt::name(id);
        if (engine::kpi::indicator(id).unit == engine::kpi::Unit::Currency) title += s.currency;
        grid.titles.push_back(title);
        grid.cells.push_back(paintTrend(trendOf(s, id, first)));
    }
    // The heading directly before the grid keeps with its first row of charts.
    doc.heading(2, tr("Trends, %1 to %2").arg(periodText(s.series.periods[first]), periodText(s.period())));
    doc.grid(std::move(grid));
    doc.paragraph(tr("By %1; a dashed line marks the targets where there are any.")
                      .arg(fmt::text(std::string(engine::kpi::toString(s.kind)))),
                  TextStyle::Small);
}

// ---- the levels below -------------------------------------------------------------------------

// The nodes' stored values from 12 months before the period to its end, one read for every node.
using NodeSeries = std::map<std::int64_t, KpiSeries>;

Result<NodeSeries> readLevels(ReportContext& ctx, const Scope& s) {
    store::KpiQuery q;
    q.segmentId = 0;
    q.period = std::string(engine::kpi::toString(s.kind));
    q.from = engine::kpi::monthStart(s.period().firstMonth - 12);
    q.to = s.period().end;
    auto points = engine::readKpiPoints(ctx.workbook().db(), q);
    if (!points) return points.takeError();
    NodeSeries out;
    for (const auto& p : *points) {
        auto& series = out[p.nodeId];
        series.periods.push_back(p.period);
        series.parts.push_back(p.parts);
    }
    return out;
}

// A node's block for the period, as `clienting kpi --children` builds it (no targets).
std::optional<engine::kpi::KpiBlock> blockOf(const Scope& s, const NodeSeries& all, std::size_t node) {
    const auto id = s.tree->hierarchy.id(node);
    auto it = all.find(id);
    if (it == all.end()) return std::nullopt;
    const auto i = it->second.indexOf(s.period().start);
    if (!i) return std::nullopt;
    return engine::kpi::KpiBlock{engine::nodeLabel(*s.tree, id), s.tree->managers[node].code, "", s.period(),
                                 it->second.figures(*i)};
}

std::optional<double> valueOf(const engine::kpi::KpiBlock& b, IndicatorId id) {
    for (const auto& f : b.figures)
        if (f.id == id) return f.value;
    return std::nullopt;
}

const engine::kpi::IndicatorFigure* figureOf(const engine::kpi::KpiBlock& b, IndicatorId id) {
    for (const auto& f : b.figures)
        if (f.id == id) return &f;
    return nullptr;
}

constexpr IndicatorId kLevelColumns[] = {IndicatorId::Customers, IndicatorId::Active, IndicatorId::Revenue,
                                         IndicatorId::Margin, IndicatorId::MarginPerCustomer,
                                         IndicatorId::RetentionRate, IndicatorId::Satisfaction, IndicatorId::Exits,
                                         IndicatorId::Anorexic};

Table levelTable(const Scope& s, const std::vector<engine::kpi::KpiBlock>& blocks, bool withParent) {
    Table t;
    if (withParent) {
        t.header = {QStringLiteral("#"), tr("Manager"), tr("Reports to")};
        t.align = {Align::Right, Align::Left, Align::Left};
    } else {
        t.header = {tr("Node")};
        t.align = {Align::Left};
    }
    // Short headers: narrow columns, and a header of one or two lines.
    auto shortName = [](IndicatorId id) {
        switch (id) {
        case IndicatorId::Active: return tr("Active");
        case IndicatorId::MarginPerCustomer: return tr("Margin / customer");
        case IndicatorId::RetentionRate: return tr("Retention");
        case IndicatorId::Anorexic: return tr("Anorexic");
        default: return kpifmt::name(id);
        }
    };
    for (auto id : kLevelColumns) {
        QString h = shortName(id);
        if (engine::kpi::indicator(id).unit == engine::kpi::Unit::Currency) h += s.currency;
        t.header.push_back(h);
        t.align.push_back(Align::Right);
        if (id == IndicatorId::Margin) {
            t.header.push_back(tr("vs previous"));
            t.align.push_back(Align::Right);
        }
    }
    std::int64_t rank = 0;
    for (const auto& b : blocks) {
        std::vector<Cell> row;
        if (withParent) {
            row.push_back(fmt::countCell(++rank));
            row.push_back(fmt::text(b.node));
            QString parent;
            if (auto n = s.tree->findCode(b.nodeCode))
                if (auto p = s.tree->hierarchy.parent(*n)) parent = fmt::text(s.tree->managers[*p].code);
            row.push_back(parent);
        } else {
            row.push_back(fmt::text(b.node));
        }
        for (auto id : kLevelColumns) {
            const auto* f = figureOf(b, id);
            row.push_back(kpifmt::valueCell(id, f ? f->value : std::nullopt));
            if (id == IndicatorId::Margin) row.push_back(kpifmt::changeCell(id, f ? f->change() : std::nullopt));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

PaintFn paintBars(std::shared_ptr<const charts::BarsPainter> bars) {
    return [bars](QPainter& painter, const QSizeF& size) {
        painter.setFont(chartFont(8));
        bars->paint(painter, QRectF(QPointF(0, 0), size));
    };
}

// The bars of the managers printed in the table below them (`shown`, largest margin first), at
// most 45 to a chart.
void writeMarginBars(const Scope& s, const std::vector<engine::kpi::KpiBlock>& blocks, std::size_t shown,
                     ReportDocument& doc) {
    constexpr std::size_t kPerChart = 45;
    constexpr double kRow = 13;  // points
    shown = std::min(shown, blocks.size());
    for (std::size_t start = 0; start < shown; start += kPerChart) {
        const std::size_t end = std::min(shown, start + kPerChart);
        std::vector<charts::Bar> bars;
        for (std::size_t i = start; i < end; ++i) {
            const auto v = valueOf(blocks[i], IndicatorId::Margin);
            charts::Bar b;
            b.label = fmt::text(blocks[i].node);
            if (v) b.value = *v;
            b.valueText = kpifmt::value(IndicatorId::Margin, v);
            bars.push_back(std::move(b));
        }
        auto painter = std::make_shared<charts::BarsPainter>();
        painter->setBars(std::move(bars));
        painter->setElideLabels(false);
        painter->setColors(charts::BarsColors::print());
        painter->setRowHeight(kRow);
        Chart c;
        c.height = double(end - start) * kRow + 12;
        c.paint = paintBars(painter);
        c.caption = shown < blocks.size()
                        ? tr("Margin%1 of the %2 managers one level down with the largest, of %3, %4.")
                              .arg(s.currency, fmt::count(std::int64_t(shown)), fmt::count(std::ssize(blocks)),
                                   periodText(s.period()))
                        : tr("Margin%1 of each manager one level down, %2, largest first.")
                              .arg(s.currency, periodText(s.period()));
        doc.chart(std::move(c));
    }
}

// The node's children; a single child that has children of its own (a head of the whole company)
// is looked through to the level below it.
std::vector<std::size_t> levelBelow(const Scope& s, QString& through) {
    const auto& h = s.tree->hierarchy;
    std::vector<std::size_t> nodes;
    if (s.nodeId == 0) nodes = h.roots();
    else if (auto n = h.node(s.nodeId)) nodes = h.children(*n);
    while (nodes.size() == 1 && !h.children(nodes.front()).empty()) {
        through = fmt::text(engine::nodeLabel(*s.tree, h.id(nodes.front())));
        nodes = h.children(nodes.front());
    }
    return nodes;
}

Status writeLevels(ReportContext& ctx, const Scope& s, ReportDocument& doc) {
    QString through;
    const auto children = levelBelow(s, through);
    if (children.empty()) {
        doc.paragraph(tr("%1 has no managers below it.").arg(fmt::text(engine::nodeLabel(*s.tree, s.nodeId))));
        return {};
    }
    auto all = readLevels(ctx, s);
    if (!all) return all.error();
    if (ctx.cancelled("indicators")) return cancelledError();
    std::vector<engine::kpi::KpiBlock> blocks;
    for (auto n : children)
        if (auto b = blockOf(s, *all, n)) blocks.push_back(std::move(*b));
    engine::kpi::rankBlocks(blocks, IndicatorId::Margin);

    doc.heading(2, tr("One level down"));
    if (blocks.empty()) {
        doc.paragraph(tr("The managers below have no customers in %1.").arg(periodText(s.period())), TextStyle::Missing);
        return {};
    }
    // A large company has thousands of managers: the PDF prints the largest (`--rows`), the
    // spreadsheet every one. The bars first: the heading keeps with a chart whole (with a table
    // only its first lines).
    const auto shown = std::size_t(std::max(1, ctx.options().listRows));
    writeMarginBars(s, blocks, shown, doc);
    Table t = levelTable(s, blocks, false);
    t.title = tr("The managers one level down, %1, ranked by margin").arg(periodText(s.period()));
    t.sheet = tr("Level below");
    const auto missing = std::int64_t(children.size() - blocks.size());
    t.note = tr("Each manager's figures include the managers below them. vs previous: the margin's change against the period before; anorexic: buying less (anorexia).");
    if (!through.isEmpty())
        t.note += tr(" %1 alone heads every manager of the node: these are the managers reporting to it.").arg(through);
    if (missing > 0) t.note += tr(" %1 managers with no customers in the period are left out.").arg(fmt::count(missing));
    t.printFirst(shown);
    doc.table(std::move(t));

    // The level below that, in one table ranked by margin.
    std::vector<std::size_t> grandchildren;
    for (auto n : children)
        for (auto c : s.tree->hierarchy.children(n)) grandchildren.push_back(c);
    if (grandchildren.empty()) return {};
    std::vector<engine::kpi::KpiBlock> next;
    for (auto n : grandchildren)
        if (auto b = blockOf(s, *all, n)) next.push_back(std::move(*b));
    engine::kpi::rankBlocks(next, IndicatorId::Margin);
    // No heading: the table's title says it, and a heading could be left alone at a page's foot.
    if (next.empty()) {
        doc.paragraph(tr("The managers two levels down have no customers in %1.").arg(periodText(s.period())),
                      TextStyle::Missing);
        return {};
    }
    Table g = levelTable(s, next, true);
    g.title = tr("The managers two levels down, %1, ranked by margin").arg(periodText(s.period()));
    g.sheet = tr("Two levels down");
    g.note = tr("%1 managers; reports to: the manager one level down they belong to.").arg(fmt::count(std::ssize(next)));
    const auto left = std::int64_t(grandchildren.size() - next.size());
    if (left > 0) g.note += tr(" %1 managers with no customers in the period are left out.").arg(fmt::count(left));
    g.printFirst(shown);
    doc.table(std::move(g));
    return {};
}

void defineIndicators(ReportContext& ctx) {
    for (auto id : {IndicatorId::Customers, IndicatorId::Active, IndicatorId::ProfitableExits, IndicatorId::RetentionRate,
                    IndicatorId::Margin, IndicatorId::MarginPerCustomer, IndicatorId::TopShareOfMargin,
                    IndicatorId::Satisfaction, IndicatorId::Nps, IndicatorId::LoyaltyIndex,
                    IndicatorId::PotentialCaptured, IndicatorId::Anorexic, IndicatorId::CostToServe,
                    IndicatorId::UnderAccountPlan, IndicatorId::OverdueActions}) {
        QString text = fmt::text(std::string(engine::kpi::indicator(id).definition));
        if (!text.isEmpty()) text[0] = text[0].toUpper();
        // Names the matrices also use for their axes get a qualifier: each term has one definition.
        QString term = kpifmt::name(id);
        if (id == IndicatorId::Satisfaction || id == IndicatorId::LoyaltyIndex || id == IndicatorId::Margin)
            term += tr(" (indicator)");
        ctx.define(term, text + QStringLiteral("."));
    }
    ctx.define(tr("Node"), tr("A manager with every manager below them; a customer counts in their manager's node and "
                              "in every node above it, the company holds every customer."));
}

Status writeIndicators(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    auto scope = readScope(ctx);
    if (!scope) return scope.error();
    const auto& s = *scope;
    doc.heading(1, self.title());
    const auto& p = s.period();
    doc.paragraph(tr("%1, %2 %3 (%4 to %5), against the period before.")
                      .arg(fmt::text(engine::nodeLabel(*s.tree, s.nodeId)),
                           fmt::text(std::string(engine::kpi::toString(s.kind))), periodText(p), fmt::day(p.start),
                           fmt::day(p.end)),
                  TextStyle::Lead);
    writeFigures(s, doc);
    writeAllIndicators(s, doc);
    if (ctx.cancelled("indicators")) return cancelledError();
    writeTrends(s, doc);
    if (auto st = writeLevels(ctx, s, doc); !st) return st;
    defineIndicators(ctx);
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makeIndicatorsSection() {
    return makeSection("indicators", QCoreApplication::translate("Report", "Indicators by hierarchy level"),
                       ReportKind::Clienting, writeIndicators);
}

}  // namespace cw::report
