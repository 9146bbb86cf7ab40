// A manager's matrices (portfolio pack): the four customer matrices with the manager's customers
// as points on the company's threshold lines, and their customers per quadrant.
#include <QCoreApplication>

#include "engine/load/Portfolio.h"
#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/MatrixChart.h"
#include "report/sections/Sections.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

// The portfolio's value of a customer-matrix axis metric (NaN: unknown).
double metricOf(const engine::PortfolioCustomer& c, const std::string& metric) {
    if (metric == "margin") return c.base.margin;
    if (metric == "potential") return c.potential;
    if (metric == "satisfaction") return c.satisfaction;
    if (metric == "loyalty") return c.loyalty;
    if (metric == "revenue") return c.revenue;
    if (metric == "clv") return c.clv;
    return MatrixPlot::kNaN;
}

Status writePackMatrices(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    const auto* portfolio = ctx.portfolio();
    if (!portfolio)
        return makeError(ErrorKind::Input, "no manager's portfolio is loaded", "write the matrices in a portfolio pack");
    const auto& customers = portfolio->customers;
    doc.heading(2, self.title());
    doc.paragraph(tr("The manager's %1 customers in the four customer matrices, on the company's thresholds (the lines): "
                     "where each customer stands against the whole company.")
                      .arg(fmt::count(std::int64_t(customers.size()))));
    ChartGrid grid;
    grid.columns = 2;
    grid.cellHeight = 210;
    Table t;
    t.title = tr("Customers per quadrant");
    t.sheet = tr("Manager matrices");
    t.header = {tr("Matrix"), tr("High x, high y"), tr("High x, low y"), tr("Low x, high y"), tr("Low x, low y"),
                tr("No data")};
    t.align = {Align::Left, Align::Left, Align::Left, Align::Left, Align::Left, Align::Right};
    QStringList missing;
    for (std::size_t k = 0; k < engine::kCustomerMatrices.size(); ++k) {
        if (ctx.cancelled("manager-matrices")) return makeError(ErrorKind::Cancelled, "report cancelled");
        const auto kind = engine::kCustomerMatrices[k];
        const auto& spec = engine::matrixSpec(kind);
        std::vector<double> xs, ys;
        std::vector<std::int32_t> quadrant;
        std::array<std::int64_t, engine::kQuadrantCount> counts{};
        std::int64_t none = 0;
        for (const auto& c : customers) {
            xs.push_back(metricOf(c, spec.x.metric));
            ys.push_back(metricOf(c, spec.y.metric));
            const auto& q = c.quadrants[k];
            quadrant.push_back(q ? std::int32_t(*q) : -1);
            if (q) ++counts[std::size_t(*q)];
            else ++none;
        }
        // The company's matrix for its thresholds, scales and axis titles.
        auto company = ctx.matrix(kind);
        std::shared_ptr<MatrixPlot> plot;
        if (company) {
            const auto base = makePlot(spec, (*company)->input, (*company)->result);
            plot = makePlot(*base, std::move(xs), std::move(ys), std::move(quadrant));
        } else {
            if (company.error().kind == ErrorKind::Cancelled) return company.error();
            missing << fmt::text(spec.title);
            MatrixPlot blank;
            blank.spec = &spec;
            blank.xTitle = axisTitle(spec.x, portfolio->currency, charts::AxisScale::Linear);
            blank.yTitle = axisTitle(spec.y, portfolio->currency, charts::AxisScale::Linear);
            blank.xShort = axisTitle(spec.x, portfolio->currency, charts::AxisScale::Linear, true);
            blank.yShort = axisTitle(spec.y, portfolio->currency, charts::AxisScale::Linear, true);
            plot = makePlot(blank, std::move(xs), std::move(ys), std::move(quadrant));
        }
        PlotStyle style;
        style.fontPixels = 7;
        style.legend = false;
        for (int q = 0; q < engine::kQuadrantCount; ++q)
            style.quadrantTexts[std::size_t(q)] = QStringLiteral("%1 %2").arg(
                fmt::text(spec.quadrants[std::size_t(q)].name), fmt::count(counts[std::size_t(q)]));
        std::int64_t plotted = 0;
        for (auto n : counts) plotted += n;
        grid.titles.push_back(tr("%1 · %2 plotted").arg(fmt::text(spec.title), fmt::count(plotted)));
        grid.cells.push_back(paintPlot(plot, style));
        std::vector<Cell> row = {fmt::text(spec.title)};
        for (int q = 0; q < engine::kQuadrantCount; ++q)
            row.push_back(Cell(QStringLiteral("%1: %2").arg(fmt::text(spec.quadrants[std::size_t(q)].name),
                                                            fmt::count(counts[std::size_t(q)])),
                               double(counts[std::size_t(q)]), "#,##0"));
        row.push_back(fmt::countCell(none));
        t.rows.push_back(std::move(row));
    }
    doc.grid(std::move(grid));
    if (!missing.isEmpty())
        doc.paragraph(tr("No company threshold line for: %1 (the company's matrix cannot be computed).")
                          .arg(missing.join(QStringLiteral(", "))),
                      TextStyle::Small);
    t.note = tr("Quadrants on the company's thresholds; no data: a metric of the matrix is unknown for the customer.");
    doc.table(std::move(t));
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makePackMatricesSection() {
    return makeSection("manager-matrices", QCoreApplication::translate("Report", "The manager's matrices"),
                       ReportKind::PortfolioPack, writePackMatrices);
}

}  // namespace cw::report
