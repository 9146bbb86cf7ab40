// The economies of loyalty: does satisfaction go with loyalty, and loyalty with margin, for all
// customers and in each segment? The analysis's Spearman checks (analysis.md), read back.
#include <QCoreApplication>

#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/Sections.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

QString linkName(const std::string& from, const std::string& to) {
    return fmt::text(from) + QStringLiteral(" → ") + fmt::text(to);
}

Status writeLoyalty(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    auto a = ctx.analysis();
    if (!a) return a.error();
    if (!*a || !(**a).contains("loyalty_links") || (**a).at("loyalty_links").empty())
        return makeError(ErrorKind::Input, "the economies-of-loyalty check needs an analysis of customers with transactions",
                         "import transactions (and survey answers for satisfaction) and run the analysis");
    doc.heading(1, self.title());
    doc.paragraph(tr("Clienting rests on a chain: satisfied customers stay loyal, and loyal customers are profitable. Each link is a rank correlation (Spearman's ρ) over the customers having both values; a link is broken with fewer than 10 pairs, ρ below 0.10 or p at least 0.05."),
                  TextStyle::Lead);
    Table t;
    t.title = tr("Links of the chain, for all customers and by segment");
    t.sheet = tr("Economies of loyalty");
    t.header = {tr("Customers"), tr("Link"), tr("ρ"), tr("p-value"), tr("Pairs"), tr("Holds")};
    t.align = {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Left};
    std::vector<QString> broken;
    for (const auto& group : (**a).at("loyalty_links")) {
        const QString name = fmt::text(group.value("group", std::string("?")));
        for (const auto& link : group.value("links", nlohmann::json::array())) {
            const QString what = linkName(link.value("from", std::string()), link.value("to", std::string()));
            const bool isBroken = link.value("broken", false);
            const auto rho = link.contains("rho") && link.at("rho").is_number() ? link.at("rho").get<double>() : NAN;
            const auto p = link.contains("p_value") && link.at("p_value").is_number() ? link.at("p_value").get<double>() : NAN;
            t.rows.push_back({name, what, fmt::numberCell(rho, 3),
                              Cell(p < 0.001 ? QStringLiteral("< 0.001") : fmt::number(p, 3), p, "0.000"),
                              fmt::countCell(link.value("pairs", std::int64_t{0})), isBroken ? tr("broken") : tr("holds")});
            if (isBroken) broken.push_back(tr("%1: %2 (ρ %3, %4 pairs)").arg(name, what, fmt::number(rho, 2)).arg(link.value("pairs", 0)));
        }
    }
    doc.table(std::move(t));
    if (broken.empty()) {
        doc.paragraph(tr("Every link holds: satisfaction, loyalty and profitability move together."));
    } else {
        doc.paragraph(tr("Broken links — where improving one step is not yet seen to pay in the next:"));
        doc.bullets(std::move(broken));
    }
    ctx.define(tr("Economies of loyalty"), tr("Spearman's ρ of satisfaction → loyalty, loyalty → margin and satisfaction → margin over customers with both values; broken with < 10 pairs, ρ < 0.10 or p ≥ 0.05 (two-sided, t approximation)."));
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makeLoyaltySection() {
    return makeSection("loyalty", QCoreApplication::translate("Report", "Economies of loyalty"), ReportKind::Clienting,
                       writeLoyalty);
}

}  // namespace cw::report
