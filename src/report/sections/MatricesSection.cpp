// The five matrices (DESIGN §4): for each its reading (axes, thresholds, counts), the chart the
// window draws and the quadrant table — the figures of `clienting matrix NAME --format json`.
#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

#include "engine/load/MatrixLoader.h"
#include "engine/matrix/MatrixFormat.h"
#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/MatrixChart.h"
#include "report/sections/Sections.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

QString axisText(const engine::AxisSpec& a, const std::string& currency) {
    QString t = fmt::text(a.label);
    if (a.unit == "currency") t += QStringLiteral(" (%1)").arg(fmt::text(currency));
    else if (a.unit == "share") t += tr(" (share)");
    else if (!a.unit.empty()) t += QStringLiteral(" (%1)").arg(fmt::text(a.unit));
    return t;
}

void defineTerms(ReportContext& ctx, const engine::MatrixResult& r) {
    ctx.define(tr("Matrix thresholds"),
               tr("Each axis of a matrix splits into low and high at its threshold: the median of the plotted points "
                  "(the default; half the points on each side), their mean, a business target or a custom value, as "
                  "saved for the matrix in the workbook. A point is high when its value is at or above the threshold. "
                  "Points with a value missing on either axis are not plotted (insufficient data); shares are over "
                  "the plotted points."));
    for (const auto* a : {&r.x, &r.y}) {
        QString text = tr("Matrix axis: the metric '%1' of the last analysis").arg(fmt::text(a->metric));
        if (a->unit == "currency") text += tr(", in %1").arg(fmt::text(r.currency));
        else if (a->unit == "share") text += tr(", a share (shown as a percentage)");
        else if (!a->unit.empty()) text += tr(", on a %1 scale").arg(fmt::text(a->unit));
        ctx.define(fmt::text(a->label), text + QLatin1Char('.'));
    }
}

// Quadrant, its reading, and count and shares (attributes: the count only).
Table quadrantTable(const engine::MatrixSpec& spec, const engine::MatrixResult& r, bool attributes) {
    Table t;
    t.title = tr("%1: quadrants").arg(fmt::text(spec.title));
    t.sheet = fmt::text(spec.name).left(31);
    if (attributes) {
        t.header = {tr("Quadrant"), tr("What it says"), tr("Attributes")};
        t.align = {Align::Left, Align::Left, Align::Right};
    } else {
        t.header = {tr("Quadrant"), tr("What it says"), tr("Customers"), tr("Share of customers"),
                    tr("Share of revenue"), tr("Share of margin")};
        t.align = {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right};
    }
    for (int q = 0; q < engine::kQuadrantCount; ++q) {
        const auto& qs = r.total.quadrants[std::size_t(q)];
        const auto& name = spec.quadrants[std::size_t(q)];
        std::vector<Cell> row = {fmt::text(name.name), fmt::text(name.meaning), fmt::countCell(qs.count)};
        if (!attributes) {
            row.push_back(fmt::percentCell(qs.customerShare));
            row.push_back(fmt::percentCell(qs.revenueShare));
            row.push_back(fmt::percentCell(qs.marginShare));
        }
        t.rows.push_back(std::move(row));
    }
    std::vector<Cell> total = {tr("Plotted"), QString(), fmt::countCell(r.total.plotted)};
    if (!attributes) total.insert(total.end(), {QString(), QString(), QString()});
    t.rows.push_back(std::move(total));
    t.bold.assign(t.rows.size(), false);
    t.bold.back() = true;
    if (r.total.insufficient > 0)
        t.note = tr("%1 more with insufficient data (no x value: %2, no y value: %3, neither: %4), not plotted.")
                     .arg(fmt::count(r.total.insufficient), fmt::count(r.missingX), fmt::count(r.missingY),
                          fmt::count(r.missingBoth));
    return t;
}

// The service attributes with their survey results and quadrant, most important first.
void attributeTable(ReportContext& ctx, ReportDocument& doc, const MatrixView& v) {
    auto stats = engine::loadAttributeStats(ctx.workbook());
    std::vector<engine::AttributeStats> none;
    auto rows = engine::matrixPoints(v.input, v.result, stats ? *stats : none);
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        const double wa = a.attribute && a.attribute->relativeWeight ? *a.attribute->relativeWeight : -1;
        const double wb = b.attribute && b.attribute->relativeWeight ? *b.attribute->relativeWeight : -1;
        return wa > wb;
    });
    Table t;
    t.title = tr("Service attributes");
    t.sheet = tr("Attributes");
    t.header = {tr("Attribute"), tr("Relative weight"), tr("Share of R²"), tr("Satisfaction (0–100)"),
                tr("Responses"), tr("Quadrant")};
    t.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Left};
    for (const auto& p : rows) {
        const auto& a = p.attribute;
        const QString quadrant = p.assignment >= 0 ? fmt::text(v.spec->quadrants[std::size_t(p.assignment)].name)
                                                   : fmt::text(engine::kInsufficientName);
        t.rows.push_back({a && !a->name.empty() ? fmt::text(a->name) : fmt::text(p.code),
                          a && a->relativeWeight ? fmt::numberCell(*a->relativeWeight, 3) : Cell(QStringLiteral("n/a")),
                          a ? fmt::percentCell(a->shareOfR2) : Cell(QStringLiteral("n/a")),
                          a && a->satisfaction ? fmt::numberCell(*a->satisfaction, 1) : Cell(QStringLiteral("n/a")),
                          a ? fmt::countCell(a->responses) : Cell(QStringLiteral("n/a")), quadrant});
    }
    t.note = tr("Relative weight: Johnson's relative weight of the attribute in explaining overall satisfaction (the "
                "weights sum to R²); most important first.");
    doc.table(std::move(t));
    ctx.define(tr("Relative weight"),
               tr("Johnson's (2000) relative weight of a service attribute: its share of the variance of overall "
                  "satisfaction explained by the attributes together (the weights sum to R²)."));
}

QString missingHint(engine::MatrixKind kind, const Error& e) {
    QString text = fmt::text(e.message);
    if (!e.hint.empty()) text += QStringLiteral(" — ") + fmt::text(e.hint);
    else if (kind == engine::MatrixKind::ImportanceSatisfaction)
        text += tr(" — import a satisfaction survey with attribute scores and run the analysis again.");
    else
        text += tr(" — import the customers' transactions and run the analysis again.");
    if (!text.endsWith(QLatin1Char('.'))) text += QLatin1Char('.');
    return text;
}

Status writeMatrix(ReportContext& ctx, ReportDocument& doc, engine::MatrixKind kind) {
    const auto& spec = engine::matrixSpec(kind);
    doc.heading(2, fmt::text(spec.title));
    auto view = ctx.matrix(kind);
    if (!view) {
        if (view.error().kind == ErrorKind::Cancelled) return view.error();
        doc.paragraph(tr("This matrix cannot be drawn: %1").arg(missingHint(kind, view.error())), TextStyle::Missing);
        return {};
    }
    const MatrixView& v = **view;
    const auto& r = v.result;
    const bool attributes = v.input.points == engine::PointKind::Attribute;
    defineTerms(ctx, r);
    const QString what = attributes ? tr("attributes") : tr("customers");
    doc.paragraph(tr("x: %1, split at the %2; y: %3, split at the %4. %5 %6 plotted, %7 with insufficient data.")
                      .arg(axisText(r.x, r.currency), thresholdText(r.total.x, r.x), axisText(r.y, r.currency),
                           thresholdText(r.total.y, r.y), fmt::count(r.total.plotted), what,
                           fmt::count(r.total.insufficient)));
    if (r.total.plotted == 0) {
        doc.paragraph(tr("No %1 has both values: nothing to plot. Run the analysis with the data this matrix reads.").arg(what),
                      TextStyle::Missing);
        return {};
    }
    Chart c;
    c.height = attributes ? 270 : 300;
    PlotStyle style;
    style.quadrantTexts = quadrantTexts(spec, r.total, attributes);
    c.paint = paintPlot(makePlot(spec, v.input, r), style);
    QStringList caption;
    if (!spec.reference.empty()) caption << tr("Quadrant reading: %1.").arg(fmt::text(spec.reference));
    for (const auto& n : v.input.notes) caption << fmt::text(n);
    for (const auto& w : r.warnings) caption << fmt::text(w);
    c.caption = caption.join(QLatin1Char(' '));
    doc.chart(std::move(c));
    doc.table(quadrantTable(spec, r, attributes));
    if (attributes) attributeTable(ctx, doc, v);
    return {};
}

Status writeMatrices(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    doc.heading(1, self.title());
    doc.paragraph(tr("Each matrix splits its points at a threshold on each axis into four quadrants, each with its "
                     "reading and what to do. Counts and shares are those of `clienting matrix NAME`."),
                  TextStyle::Lead);
    bool first = true;
    for (const auto& spec : engine::matrixSpecs()) {
        if (ctx.cancelled("matrices")) return makeError(ErrorKind::Cancelled, "report cancelled");
        // One drawn matrix a page, its heading never apart from its chart; a missing one is a line.
        auto view = ctx.matrix(spec.kind);
        if (view && !first) doc.pageBreak();
        if (view) first = false;
        if (auto st = writeMatrix(ctx, doc, spec.kind); !st) return st;
    }
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makeMatricesSection() {
    return makeSection("matrices", QCoreApplication::translate("Report", "The five matrices"), ReportKind::Clienting,
                       writeMatrices);
}

}  // namespace cw::report
