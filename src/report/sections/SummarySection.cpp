// The executive summary, written from the data: where the margin comes from, what exits and
// anorexia cost, which service attributes to improve first and which portfolios lose most.
#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/load/MatrixLoader.h"
#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/SectionFacts.h"
#include "report/sections/Sections.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

void customerFacts(ReportContext& ctx, ReportDocument& doc, const nlohmann::json& a) {
    const auto& c = a.at("customers");
    const double topShare = a.at("settings").value("profitable_top_share", 0.2);
    auto concentration = marginConcentration(ctx, topShare);
    auto exits = lostMargin(ctx);
    std::vector<KeyFigure> figures;
    figures.push_back({fmt::count(c.value("total", std::int64_t{0})), tr("customers")});
    const QString currency = ctx.currency() == "currency" ? QString() : QStringLiteral(" (%1)").arg(fmt::text(ctx.currency()));
    figures.push_back({fmt::money(a.at("window").value("margin", 0.0)), tr("margin in the analysis window") + currency});
    if (concentration)
        figures.push_back({fmt::percent(concentration->share),
                           tr("of the margin from the top %1 of customers (%2 customers)")
                               .arg(fmt::percent(topShare, 0), fmt::count(concentration->top))});
    figures.push_back({fmt::count(c.value("profitable_exits", std::int64_t{0})),
                       tr("profitable customers lost (of %1 exits)").arg(fmt::count(c.value("exited", std::int64_t{0})))});
    if (exits) figures.push_back({fmt::money(exits->exitMargin), tr("margin the profitable exits made in the window")});
    figures.push_back({fmt::count(c.value("anorexic", std::int64_t{0})), tr("anorexic customers: active, buying less")});
    if (exits) figures.push_back({fmt::money(exits->anorexicDrop), tr("revenue the anorexic customers no longer bring (recent against earlier window)")});
    doc.figures(std::move(figures));

    std::vector<QString> points;
    if (concentration)
        points.push_back(tr("The top %1 of customers by margin (%2 of %3) made %4 of the margin: %5.")
                             .arg(fmt::percent(topShare, 0), fmt::count(concentration->top), fmt::count(concentration->customers),
                                  fmt::percent(concentration->share),
                                  concentration->share >= 0.6 ? tr("losing one of them weighs heavily")
                                                              : tr("the margin is spread widely")));
    if (exits)
        points.push_back(tr("%1 profitable customers left; in the analysis window they had made %2 of margin (%3 of the total).")
                             .arg(fmt::count(exits->profitableExits), fmt::money(exits->exitMargin),
                                  fmt::percent(exits->totalMargin != 0 ? exits->exitMargin / exits->totalMargin : NAN)));
    if (exits && exits->anorexic > 0)
        points.push_back(tr("%1 active customers buy markedly less than before: %2 less revenue in the recent window than in the one before.")
                             .arg(fmt::count(exits->anorexic), fmt::money(exits->anorexicDrop)));
    doc.bullets(std::move(points));
    ctx.define(tr("Top customers"), tr("Customers ranked by margin in the analysis window; the top share is the setting profitable_top_share, its customers the 'profitable' ones an exit is counted against."));
}

void attributeFacts(ReportContext& ctx, ReportDocument& doc) {
    auto attributes = attributesToImprove(ctx);
    if (!attributes) {
        doc.paragraph(tr("No service attribute to improve can be named: %1").arg(fmt::text(attributes.error().message)),
                      TextStyle::Missing);
        return;
    }
    if (attributes->empty()) {
        doc.paragraph(tr("No service attribute is both more important and less satisfying than the median."));
        return;
    }
    QStringList names;
    for (const auto& a : *attributes) names << QStringLiteral("%1 (%2)").arg(fmt::text(a.name), fmt::number(a.satisfaction, 1));
    doc.paragraph(tr("Improve first — important to customers and below the median satisfaction (mean score 0–100 in brackets): %1.")
                      .arg(names.join(QStringLiteral(", "))));
}

void managerFacts(ReportContext& ctx, ReportDocument& doc) {
    auto managers = managersLosingMost(ctx, 5);
    if (!managers || managers->empty()) return;
    Table t;
    t.title = tr("Portfolios that lose most");
    t.sheet = tr("Portfolios losing most");
    t.header = {tr("Manager"), tr("Profitable exits"), tr("Their margin"), tr("Anorexic"), tr("Revenue drop"), tr("Lost in all")};
    t.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
    for (const auto& m : *managers)
        t.rows.push_back({fmt::text(m.manager), fmt::countCell(m.profitableExits), fmt::moneyCell(m.exitMargin),
                          fmt::countCell(m.anorexic), fmt::moneyCell(m.anorexicDrop), fmt::moneyCell(m.lost())});
    t.note = tr("Lost in all: the margin the profitable exits made in the window plus the anorexic customers' revenue drop.");
    doc.table(std::move(t));
}

void surveyFacts(ReportDocument& doc, const nlohmann::json& j) {
    if (!j.contains("survey") || !j.at("survey").is_object()) return;
    const auto& s = j.at("survey");
    const auto responses = s.value("responses", std::int64_t{0});
    if (responses == 0) {
        doc.paragraph(tr("No survey answer in the analysis window: satisfaction and the importance of the service attributes are not known. Import survey answers to see them."),
                      TextStyle::Missing);
        return;
    }
    if (s.contains("r2") && s.at("r2").is_number())
        doc.paragraph(tr("The service attributes explain %1 of the overall satisfaction (R² over %2 answers).")
                          .arg(fmt::percent(s.at("r2").get<double>()), fmt::count(responses)));
    if (s.contains("nps") && s.at("nps").is_number())
        doc.paragraph(tr("Net promoter score %1 from %2 answers.").arg(fmt::number(s.at("nps").get<double>(), 1), fmt::count(responses)));
    else
        doc.paragraph(tr("No net promoter score: the survey has no recommendation question."), TextStyle::Missing);
}

Status writeSummary(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    auto a = ctx.analysis();
    if (!a) return a.error();
    doc.heading(1, self.title());
    if (!*a) {
        doc.paragraph(tr("The workbook has not been analysed: run the analysis (Analysis › Analyze, or clienting analyze) and write the report again."),
                      TextStyle::Missing);
        return {};
    }
    const auto& j = **a;
    doc.paragraph(tr("Analysis of %1 to %2, customers known from the company's transactions, survey answers and notes.")
                      .arg(fmt::text(j.value("window_start", std::string("?"))), fmt::text(j.value("analysis_date", std::string("?")))),
                  TextStyle::Lead);
    if (j.value("survey_only", false)) {
        doc.paragraph(tr("Only survey answers were analysed: there are no transactions of known customers, so profitability, exits and anorexia are not known. Import transactions to see them."),
                      TextStyle::Missing);
    } else {
        customerFacts(ctx, doc, j);
    }
    attributeFacts(ctx, doc);
    surveyFacts(doc, j);
    if (!j.value("survey_only", false)) managerFacts(ctx, doc);
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makeSummarySection() {
    return makeSection("summary", QCoreApplication::translate("Report", "Executive summary"), ReportKind::Clienting,
                       writeSummary);
}

}  // namespace cw::report
