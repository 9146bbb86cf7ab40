// Data quality: the audit of what the workbook holds (rows per table, the period the
// transactions cover, incomplete columns, the findings with examples) and the warnings of the
// last analysis.
#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/sections/Sections.h"
#include "store/Audit.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

constexpr std::size_t kExamples = 5;
constexpr int kMonthsListed = 24;

void rowCounts(ReportDocument& doc, const store::AuditReport& a) {
    Table t;
    t.title = tr("Rows per table");
    t.sheet = tr("Rows");
    t.header = {tr("Table"), tr("Rows")};
    t.align = {Align::Left, Align::Right};
    for (const auto& [table, n] : a.rowCounts) t.rows.push_back({fmt::text(table), fmt::countCell(n)});
    doc.table(std::move(t));
}

void coverage(ReportDocument& doc, const store::AuditReport& a) {
    const auto customers = a.rowCounts.count("customers") ? a.rowCounts.at("customers") : 0;
    const auto survey = a.rowCounts.count("survey_responses") ? a.rowCounts.at("survey_responses") : 0;
    if (a.firstTransaction.empty()) {
        QString text = tr("No transactions: profitability, potential, loyalty and exits cannot be computed.");
        if (survey > 0 || customers > 0)
            text += QLatin1Char(' ') + tr("The workbook holds %1 customers and %2 survey responses; the survey part "
                                          "(importance × satisfaction, satisfaction, NPS) is analysed.")
                                           .arg(fmt::count(customers), fmt::count(survey));
        else
            text += QLatin1Char(' ') + tr("The workbook holds no data yet: import customers, transactions and a survey.");
        doc.paragraph(text);
        return;
    }
    QString text = tr("Transactions from %1 to %2.").arg(fmt::text(a.firstTransaction), fmt::text(a.lastTransaction));
    const auto& gaps = a.monthsWithoutTransactions;
    if (gaps.empty()) {
        text += QLatin1Char(' ') + tr("Every month in between has transactions.");
    } else {
        QStringList months;
        for (std::size_t i = 0; i < gaps.size() && int(i) < kMonthsListed; ++i) months << fmt::text(gaps[i]);
        if (int(gaps.size()) > kMonthsListed) months << tr("and %1 more").arg(fmt::count(std::int64_t(gaps.size()) - kMonthsListed));
        text += QLatin1Char(' ') + tr("%1 months without any transaction: %2. Check that no file of those months is missing.")
                                       .arg(fmt::count(std::int64_t(gaps.size())), months.join(QStringLiteral(", ")));
    }
    doc.paragraph(text);
}

void completeness(ReportDocument& doc, const store::AuditReport& a) {
    Table t;
    t.title = tr("Columns not always filled");
    t.sheet = tr("Completeness");
    t.header = {tr("Table"), tr("Column"), tr("Filled"), tr("Rows"), tr("Share filled")};
    t.align = {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right};
    for (const auto& c : a.completeness) {
        if (c.total == 0 || c.filled >= c.total) continue;
        t.rows.push_back({fmt::text(c.table), fmt::text(c.column), fmt::countCell(c.filled), fmt::countCell(c.total),
                          fmt::percentCell(c.share())});
    }
    if (t.rows.empty()) {
        doc.paragraph(tr("Every column the audit checks is filled in every row."));
        return;
    }
    t.note = tr("Columns filled in every row are not listed.");
    doc.table(std::move(t));
}

void findings(ReportDocument& doc, const store::AuditReport& a) {
    if (a.findings.empty()) {
        doc.paragraph(tr("The audit found nothing to report."));
        return;
    }
    // Most severe first, then as the audit ran.
    std::vector<const store::AuditFinding*> order;
    for (const auto& f : a.findings) order.push_back(&f);
    std::stable_sort(order.begin(), order.end(),
                     [](const auto* x, const auto* y) { return int(x->severity) > int(y->severity); });
    Table t;
    t.title = tr("Audit findings, most severe first");
    t.sheet = tr("Findings");
    t.header = {tr("Severity"), tr("Table"), tr("Check"), tr("Count"), tr("Message"), tr("Examples")};
    t.align = {Align::Left, Align::Left, Align::Left, Align::Right, Align::Left, Align::Left};
    std::int64_t errors = 0, warnings = 0;
    for (const auto* f : order) {
        QString check = fmt::text(f->check);
        if (!f->field.empty()) check += QStringLiteral(" (%1)").arg(fmt::text(f->field));
        QStringList examples;
        for (std::size_t i = 0; i < f->examples.size() && i < kExamples; ++i) examples << fmt::text(f->examples[i]);
        if (f->examples.size() > kExamples) examples << QStringLiteral("…");
        t.rows.push_back({fmt::text(std::string(store::severityName(f->severity))), fmt::text(f->table), check,
                          fmt::countCell(f->count), fmt::text(f->message), examples.join(QStringLiteral(", "))});
        errors += f->severity == store::Severity::Error;
        warnings += f->severity == store::Severity::Warning;
    }
    t.note = tr("Count: the rows or values concerned. Examples: at most %1 of them.").arg(kExamples);
    doc.paragraph(tr("%1 findings: %2 errors, %3 warnings, %4 for information.")
                      .arg(fmt::count(std::int64_t(order.size())), fmt::count(errors), fmt::count(warnings),
                           fmt::count(std::int64_t(order.size()) - errors - warnings)));
    doc.table(std::move(t));
}

void analysisWarnings(ReportContext& ctx, ReportDocument& doc) {
    auto summary = ctx.analysis();
    doc.heading(2, tr("Warnings of the last analysis"));
    if (!summary) {
        doc.paragraph(fmt::text(summary.error().message), TextStyle::Missing);
        return;
    }
    if (!*summary) {
        doc.paragraph(tr("The workbook has not been analysed yet: run clienting analyze (or Analysis › Run)."),
                      TextStyle::Missing);
        return;
    }
    std::vector<QString> items;
    const auto it = (*summary)->find("warnings");
    if (it != (*summary)->end() && it->is_array())
        for (const auto& w : *it)
            if (w.is_string()) items.push_back(fmt::text(w.get<std::string>()));
    if (items.empty())
        doc.paragraph(tr("The last analysis gave no warning."));
    else
        doc.bullets(std::move(items));
}

Status writeQuality(const ReportSection& self, ReportContext& ctx, ReportDocument& doc) {
    // Started in the background by prepare(): it ran while the other sections were written.
    auto audit = ctx.audit();
    if (!audit) return audit.error();
    const auto& a = *audit;
    doc.heading(1, self.title());
    doc.paragraph(tr("What the workbook holds and what the audit found wrong with it (clienting audit), with the "
                     "warnings of the last analysis."),
                  TextStyle::Lead);
    doc.heading(2, tr("Contents and coverage"));
    rowCounts(doc, a);
    coverage(doc, a);
    doc.heading(2, tr("Completeness"));
    completeness(doc, a);
    doc.heading(2, tr("Findings"));
    findings(doc, a);
    analysisWarnings(ctx, doc);
    return {};
}

}  // namespace

std::unique_ptr<ReportSection> makeQualitySection() {
    return makeSection("quality", QCoreApplication::translate("Report", "Data quality"), ReportKind::Clienting,
                       writeQuality, [](ReportContext& ctx) {
                           ctx.startAudit();
                           return true;
                       });
}

}  // namespace cw::report
