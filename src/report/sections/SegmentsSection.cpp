// Segments: the breakdown used by every "by segment" figure (the active segmentation, else the
// customers' own segment field), each segment's weight and profile, and the stored segmentations.
#include <QCoreApplication>

#include <cmath>
#include <map>

#include "engine/Segmentation.h"
#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/Sections.h"
#include "store/Workbook.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

struct Profile {
    std::int64_t customers = 0, loyaltyN = 0, satisfactionN = 0;
    double revenue = 0, margin = 0, loyalty = 0, satisfaction = 0;
};

// Per segment code (Category::kNone: no segment), from the profitability × loyalty points
// (margin, loyalty) and the profitability × satisfaction points (satisfaction): same customers,
// same order.
std::map<std::int32_t, Profile> profiles(const MatrixView& loyalty, const MatrixView* satisfaction) {
    std::map<std::int32_t, Profile> out;
    const auto& in = loyalty.input;
    const auto& codes = in.field(engine::GroupField::Segment).codes;
    for (std::size_t i = 0; i < in.size(); ++i) {
        auto& p = out[codes.empty() ? engine::Category::kNone : codes[i]];
        ++p.customers;
        if (std::isfinite(in.revenue[i])) p.revenue += in.revenue[i];
        if (std::isfinite(in.margin[i])) p.margin += in.margin[i];
        if (std::isfinite(in.ys[i])) {
            p.loyalty += in.ys[i];
            ++p.loyaltyN;
        }
        if (satisfaction && i < satisfaction->input.size() && std::isfinite(satisfaction->input.ys[i])) {
            p.satisfaction += satisfaction->input.ys[i];
            ++p.satisfactionN;
        }
    }
    return out;
}

void profileTable(ReportDocument& doc, const MatrixView& loyalty, const MatrixView* satisfaction) {
    const auto by = profiles(loyalty, satisfaction);
    const auto& names = loyalty.input.field(engine::GroupField::Segment).names;
    double totalMargin = 0;
    std::int64_t total = 0;
    for (const auto& [code, p] : by) {
        totalMargin += p.margin;
        total += p.customers;
    }
    Table t;
    t.title = tr("Segments and their weight");
    t.sheet = tr("Segments");
    t.header = {tr("Segment"), tr("Customers"), tr("Share"), tr("Revenue"), tr("Margin"), tr("Share of margin"),
                tr("Mean loyalty"), tr("Mean satisfaction")};
    t.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
    for (const auto& [code, p] : by) {
        const QString name = code == engine::Category::kNone || code >= std::int32_t(names.size())
                                 ? tr("(none)")
                                 : fmt::text(names[std::size_t(code)]);
        t.rows.push_back({name, fmt::countCell(p.customers), fmt::percentCell(double(p.customers) / double(total)),
                          fmt::moneyCell(p.revenue), fmt::moneyCell(p.margin),
                          fmt::percentCell(totalMargin > 0 ? p.margin / totalMargin : NAN),
                          fmt::numberCell(p.loyaltyN ? p.loyalty / double(p.loyaltyN) : NAN, 1),
                          fmt::numberCell(p.satisfactionN ? p.satisfaction / double(p.satisfactionN) : NAN, 1)});
    }
    t.note = tr("Loyalty index and satisfaction 0–100, over the customers having them; margin and revenue in the analysis window.");
    doc.table(std::move(t));
}

void segmentationsTable(ReportContext& ctx, ReportDocument& doc, const std::vector<engine::SegmentationOutcome>& all,
                        const std::optional<std::string>& active) {
    Table t;
    t.title = tr("Stored segmentations");
    t.sheet = tr("Segmentations");
    t.header = {tr("Name"), tr("Method"), tr("Segments"), tr("Customers"), tr("Computed"), tr("Used for breakdowns")};
    t.align = {Align::Left, Align::Left, Align::Right, Align::Right, Align::Left, Align::Left};
    for (const auto& s : all) {
        std::int64_t customers = 0;
        for (const auto& seg : s.segments) customers += seg.customers;
        t.rows.push_back({fmt::text(s.name), fmt::text(s.method), fmt::countCell(std::int64_t(s.segments.size())),
                          fmt::countCell(customers), fmt::text(s.updatedAt.substr(0, 10)),
                          active && *active == s.name ? tr("yes") : QString()});
    }
    doc.table(std::move(t));
    ctx.define(tr("Segmentation"), tr("The 'by segment' breakdowns use the active segmentation (setting segmentation.active), else the customers' own segment field."));
}

Status writeSegments(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    auto& db = ctx.workbook().db();
    auto all = engine::listSegmentations(db);
    if (!all) return all.error();
    auto active = engine::activeSegmentationName(db);
    if (!active) return active.error();
    auto loyalty = ctx.matrix(engine::MatrixKind::ProfitabilityLoyalty);
    if (!loyalty) return loyalty.error();
    auto satisfaction = ctx.matrix(engine::MatrixKind::ProfitabilitySatisfaction);
    doc.heading(1, self.title());
    doc.paragraph(*active ? tr("Segments of the segmentation '%1', used by every 'by segment' figure of this report.").arg(fmt::text(**active))
                          : tr("Segments as given in the customers' own segment field (no segmentation is active)."),
                  TextStyle::Lead);
    profileTable(doc, **loyalty, satisfaction ? *satisfaction : nullptr);
    if (all->empty())
        doc.paragraph(tr("No segmentation is stored. Segment the customers by goodness (clienting segment, or Analysis › Segments) to compare segments built from the data."));
    else
        segmentationsTable(ctx, doc, *all, *active);
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makeSegmentsSection() {
    return makeSection("segments", QCoreApplication::translate("Report", "Segments"), ReportKind::Clienting, writeSegments);
}

}  // namespace cw::report
