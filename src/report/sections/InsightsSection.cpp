// Pinned insights: the selections an analyst kept from the matrices, with their note and source.
#include <QCoreApplication>

#include "engine/matrix/MatrixFormat.h"
#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/Sections.h"
#include "store/Insights.h"
#include "store/Workbook.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

Status writeInsights(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    auto insights = store::listInsights(ctx.workbook().db());
    if (!insights) return insights.error();
    doc.heading(1, self.title());
    if (insights->empty()) {
        doc.paragraph(tr("No insight is pinned. Select customers in a matrix and pin them (Pin insight…) to keep them, with a note, for this report."),
                      TextStyle::Missing);
        return {};
    }
    Table t;
    t.title = tr("Pinned insights");
    t.sheet = tr("Insights");
    t.header = {tr("Pinned"), tr("Title"), tr("Customers"), tr("Source"), tr("Note")};
    t.align = {Align::Left, Align::Left, Align::Right, Align::Left, Align::Left};
    for (const auto& i : *insights)
        t.rows.push_back({fmt::text(i.createdAt.substr(0, 10)), fmt::text(i.title),
                          fmt::countCell(std::int64_t(i.customerIds.size())), fmt::text(engine::insightSourceText(i.sourceJson)), fmt::text(i.note)});
    doc.table(std::move(t));
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makeInsightsSection() {
    return makeSection("insights", QCoreApplication::translate("Report", "Pinned insights"), ReportKind::Clienting,
                       writeInsights);
}

}  // namespace cw::report
