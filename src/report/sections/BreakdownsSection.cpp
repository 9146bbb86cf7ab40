// Breakdowns as small multiples: per field (segment, channel, region) and customer matrix, each
// group's customers on the company's thresholds, largest group first, then the group × quadrant
// shares. One computeMatrix per field and matrix (groupBy, the company's thresholds).
#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

#include "engine/load/Portfolio.h"
#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/MatrixChart.h"
#include "report/sections/Sections.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

constexpr std::size_t kCells = 9;
constexpr engine::GroupField kFields[] = {engine::GroupField::Segment, engine::GroupField::Channel,
                                          engine::GroupField::Region};

QString fieldTitle(engine::GroupField f) {
    switch (f) {
        case engine::GroupField::Segment: return tr("By segment");
        case engine::GroupField::Channel: return tr("By channel");
        case engine::GroupField::Region: return tr("By region");
        case engine::GroupField::Manager: return tr("By manager");
    }
    return {};
}

QString fieldName(engine::GroupField f) {
    switch (f) {
        case engine::GroupField::Segment: return tr("Segment");
        case engine::GroupField::Channel: return tr("Channel");
        case engine::GroupField::Region: return tr("Region");
        case engine::GroupField::Manager: return tr("Manager");
    }
    return {};
}

// Per group of the result, the indexes of its plotted points.
std::vector<std::vector<std::uint32_t>> groupPoints(const engine::MatrixInput& in, const engine::MatrixResult& r,
                                                    engine::GroupField f) {
    const auto& field = in.field(f);
    std::vector<std::int32_t> slotOfCode(field.names.size() + 1, -1);  // code + 1 → group
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
        const auto& name = r.groups[g].name;
        if (name == engine::kNoGroupName && slotOfCode[0] < 0) {
            slotOfCode[0] = std::int32_t(g);
            continue;
        }
        for (std::size_t c = 0; c < field.names.size(); ++c)
            if (field.names[c] == name && slotOfCode[c + 1] < 0) {
                slotOfCode[c + 1] = std::int32_t(g);
                break;
            }
    }
    std::vector<std::vector<std::uint32_t>> out(r.groups.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (r.assignment[i] < 0) continue;
        const auto code = field.codes.empty() ? engine::Category::kNone : field.codes[i];
        const std::size_t slot = code < 0 ? 0 : std::size_t(code) + 1;
        if (slot < slotOfCode.size() && slotOfCode[slot] >= 0) out[std::size_t(slotOfCode[slot])].push_back(std::uint32_t(i));
    }
    return out;
}

Table sharesTable(const engine::MatrixSpec& spec, const engine::MatrixResult& r, engine::GroupField f) {
    const auto name = [&spec](int q) { return fmt::text(spec.quadrants[std::size_t(q)].name); };
    Table t;
    t.title = tr("%1 by %2: shares of the group's customers per quadrant")
                  .arg(fmt::text(spec.title), fieldName(f).toLower());
    t.sheet = QStringLiteral("%1 %2").arg(fmt::text(spec.name), fmt::text(engine::toString(f))).left(31);
    t.header = {fieldName(f), tr("Customers")};
    for (int q = 0; q < engine::kQuadrantCount; ++q) t.header.push_back(name(q));
    t.header.push_back(tr("Margin in %1").arg(name(0)));
    t.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
    auto row = [&](const QString& label, const engine::MatrixSummary& s) {
        std::vector<Cell> cells = {label, fmt::countCell(s.plotted)};
        for (int q = 0; q < engine::kQuadrantCount; ++q) cells.push_back(fmt::percentCell(s.quadrants[std::size_t(q)].customerShare));
        cells.push_back(fmt::percentCell(s.quadrant(engine::Quadrant::HighHigh).marginShare));
        t.rows.push_back(std::move(cells));
    };
    for (const auto& g : r.groups) row(fmt::text(g.name), g.summary);
    row(tr("All customers"), r.total);
    QString note = tr("Customers plotted (both values known); quadrant columns: share of the group's customers; margin in "
                      "%1: the share of the group's margin there. Company thresholds for every group.")
                       .arg(name(0));
    if (r.total.insufficient > 0)
        note += QLatin1Char(' ') + tr("%1 customers with insufficient data are not counted.").arg(fmt::count(r.total.insufficient));
    t.note = note;
    return t;
}

void writeMatrixBreakdown(ReportDocument& doc, const MatrixView& v, const MatrixPlot& base,
                          const engine::MatrixResult& r, engine::GroupField f) {
    const auto& spec = *v.spec;
    doc.heading(3, fmt::text(spec.title));
    const auto points = groupPoints(v.input, r, f);
    ChartGrid grid;
    grid.columns = 3;
    grid.cellHeight = 118;
    PlotStyle style;
    style.thumbnail = true;
    style.raster = std::size_t(r.total.plotted) > charts::ScatterPainter::kVectorLimit;
    std::int64_t restPoints = 0;
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
        if (g >= kCells) {
            restPoints += r.groups[g].summary.plotted;
            continue;
        }
        grid.titles.push_back(tr("%1 · %2").arg(fmt::text(r.groups[g].name), fmt::count(r.groups[g].summary.plotted)));
        grid.cells.push_back(paintPlot(base.subset(points[g]), style));
    }
    doc.grid(std::move(grid));
    if (r.groups.size() > kCells)
        doc.paragraph(tr("%1 more groups (%2 customers) are not drawn; the table lists every group.")
                          .arg(fmt::count(std::int64_t(r.groups.size() - kCells)), fmt::count(restPoints)),
                      TextStyle::Small);
    doc.table(sharesTable(spec, r, f));
}

Status writeBreakdowns(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    std::vector<const MatrixView*> views;
    QStringList missing;
    for (auto kind : engine::kCustomerMatrices) {
        auto v = ctx.matrix(kind);
        if (v)
            views.push_back(*v);
        else if (v.error().kind == ErrorKind::Cancelled)
            return v.error();
        else
            missing << fmt::text(engine::matrixSpec(kind).title);
    }
    if (views.empty())
        return makeError(ErrorKind::Input, "no customer matrix can be drawn: the workbook has no analysed customers",
                         "import the customers' transactions and run clienting analyze");
    doc.heading(1, self.title());
    doc.paragraph(tr("Each customer matrix drawn once per group, every group on the company's thresholds, so that the "
                     "groups compare: the largest groups first, at most %1 per matrix. Managers are in the indicators "
                     "section.")
                      .arg(kCells),
                  TextStyle::Lead);
    if (!missing.isEmpty())
        doc.paragraph(tr("Not broken down (the matrix cannot be drawn): %1.").arg(missing.join(QStringLiteral(", "))),
                      TextStyle::Missing);
    const std::size_t notes = doc.blocks.size();  // where the fields not broken down are named
    // The matrices' points as drawn (scales, range): once, every field's cells are subsets.
    std::vector<std::shared_ptr<MatrixPlot>> bases(views.size());
    QStringList skipped;
    for (auto f : kFields) {
        if (ctx.cancelled("breakdowns")) return makeError(ErrorKind::Cancelled, "report cancelled");
        bool headed = false;
        for (std::size_t m = 0; m < views.size(); ++m) {
            const auto* v = views[m];
            engine::MatrixOptions o = v->options;
            o.groupBy = f;
            o.perGroupThresholds = false;
            auto r = engine::computeMatrix(*v->spec, v->input, o);
            if (!r) return r.error();
            if (r->groups.size() <= 1) break;  // one group or none: the same for every matrix
            if (!headed) {
                doc.heading(2, fieldTitle(f));
                headed = true;
            }
            if (!bases[m]) bases[m] = makePlot(*v->spec, v->input, v->result);
            writeMatrixBreakdown(doc, *v, *bases[m], *r, f);
        }
        if (!headed) skipped << fieldName(f).toLower();
    }
    if (!skipped.isEmpty())
        doc.blocks.insert(doc.blocks.begin() + std::ptrdiff_t(notes),
                          Paragraph{tr("Not broken down, one group or none: %1.").arg(skipped.join(QStringLiteral(", "))),
                                    TextStyle::Small});
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makeBreakdownsSection() {
    return makeSection("breakdowns", QCoreApplication::translate("Report", "Breakdowns as small multiples"),
                       ReportKind::Clienting, writeBreakdowns);
}

}  // namespace cw::report
