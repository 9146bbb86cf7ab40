// The appendix: every definition and setting the report's figures rest on, so that each can be
// reproduced — the terms the sections used, the analysis settings as the last analysis ran them,
// each matrix's thresholds, the alert settings, the purchase models' fits, and the commands that
// print the same figures.
#include <QCoreApplication>

#include "engine/settings/WorkbookSettings.h"
#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/Sections.h"
#include "store/Workbook.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

QString jsonValue(const nlohmann::json& v) {
    if (v.is_null()) return tr("(not set: the default rule)");
    if (v.is_string()) return v.get<std::string>().empty() ? tr("(empty)") : fmt::text(v.get<std::string>());
    if (v.is_number_float()) return QString::number(v.get<double>(), 'g', 10);
    return fmt::text(v.dump());
}

Table keyValueTable(const QString& title, const QString& sheet, const QString& keyHeader) {
    Table t;
    t.title = title;
    t.sheet = sheet;
    t.header = {keyHeader, tr("Value")};
    return t;
}

void settingsTable(ReportDocument& doc, const nlohmann::json& a) {
    auto t = keyValueTable(tr("Analysis settings of the last analysis"), tr("Analysis settings"), tr("Setting"));
    t.rows.push_back({tr("analysis window"), fmt::text(a.value("window_start", std::string("?")) + " to " + a.value("analysis_date", std::string("?")))});
    for (const auto& [key, value] : a.at("settings").items()) {
        if (value.is_object()) {
            for (const auto& [sub, v] : value.items()) t.rows.push_back({fmt::text(key + "." + sub), jsonValue(v)});
        } else {
            t.rows.push_back({fmt::text(key), jsonValue(value)});
        }
    }
    t.note = tr("As stored with the analysis run %1 (clienting settings -w WORKBOOK shows the current ones; docs/analysis.md defines each).")
                 .arg(a.value("run_id", 0));
    doc.table(std::move(t));
}

void thresholdsTable(ReportContext& ctx, ReportDocument& doc) {
    Table t;
    t.title = tr("Matrix thresholds");
    t.sheet = tr("Thresholds");
    t.header = {tr("Matrix"), tr("Axis"), tr("Rule"), tr("Value used")};
    t.align = {Align::Left, Align::Left, Align::Left, Align::Right};
    for (const auto& spec : engine::matrixSpecs()) {
        auto view = ctx.matrix(spec.kind);
        if (!view) continue;
        const auto& r = (*view)->result.total;
        for (const auto& [axis, resolved] : {std::pair{&spec.x, &r.x}, std::pair{&spec.y, &r.y}})
            t.rows.push_back({fmt::text(spec.title), fmt::text(axis->label), fmt::text(engine::toString(resolved->mode)),
                              resolved->value ? fmt::numberCell(*resolved->value, 2) : Cell(QStringLiteral("n/a"))});
    }
    t.note = tr("A point is high on an axis when its value is at least the threshold; median and mean are over the plotted points.");
    doc.table(std::move(t));
}

void alertSettingsTable(ReportContext& ctx, ReportDocument& doc) {
    const auto s = engine::settings::read(ctx.workbook().db(), engine::settings::alerts());
    if (!s) return;
    auto t = keyValueTable(tr("Alert settings"), tr("Alert settings"), tr("Setting"));
    t.rows.push_back({tr("satisfaction fall (points)"), fmt::number(s->satisfactionFall, 1)});
    t.rows.push_back({tr("P(alive) below"), fmt::number(s->pAliveBelow, 2)});
    t.rows.push_back({tr("no contact for (days)"), fmt::count(s->noContactDays)});
    doc.table(std::move(t));
}

void modelsTable(ReportDocument& doc, const nlohmann::json& a) {
    if (!a.contains("models") || !a.at("models").is_object()) return;
    auto t = keyValueTable(tr("Purchase models"), tr("Models"), tr("Model · parameter"));
    for (const auto& [model, fit] : a.at("models").items())
        for (const auto& [key, value] : fit.items())
            if (!value.is_object() && !value.is_array()) t.rows.push_back({fmt::text(model + " · " + key), jsonValue(value)});
    doc.table(std::move(t));
}

Status writeAppendix(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    auto a = ctx.analysis();
    if (!a) return a.error();
    doc.heading(1, self.title());
    if (!ctx.definitions().empty()) {
        Table t;
        t.title = tr("Definitions");
        t.sheet = tr("Definitions");
        t.header = {tr("Term"), tr("Definition")};
        for (const auto& [term, text] : ctx.definitions()) t.rows.push_back({term, text});
        doc.table(std::move(t));
    }
    if (*a) settingsTable(doc, **a);
    else doc.paragraph(tr("The workbook has not been analysed: no analysis settings were used."), TextStyle::Missing);
    thresholdsTable(ctx, doc);
    alertSettingsTable(ctx, doc);
    if (*a) modelsTable(doc, **a);
    doc.heading(2, tr("Reproducing the figures"));
    doc.paragraph(tr("Each figure can be printed again from the same workbook with the command line:"));
    doc.bullets({tr("clienting analyze -w WORKBOOK --dry-run --json — the summary's counts, margins and settings, recomputed without storing"),
                 tr("clienting matrix NAME -w WORKBOOK --format json — a matrix's quadrants and thresholds"),
                 tr("clienting customers -w WORKBOOK --profitable-exits (or --anorexic) --format json — the customers at stake"),
                 tr("clienting kpi -w WORKBOOK --node CODE --period PERIOD --format json — the indicators"),
                 tr("clienting audit -w WORKBOOK --json — the data quality")});
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makeAppendixSection() {
    return makeSection("appendix", QCoreApplication::translate("Report", "Appendix: definitions and settings"),
                       ReportKind::Clienting, writeAppendix);
}

}  // namespace cw::report
