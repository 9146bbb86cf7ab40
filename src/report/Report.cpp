#include "report/Report.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>

#include <algorithm>
#include <chrono>

#include <spdlog/spdlog.h>

#include "core/Log.h"
#include "engine/load/KpiValues.h"
#include "engine/load/Portfolio.h"
#include "report/Format.h"
#include "report/ReportContext.h"
#include "report/ReportSection.h"
#include "report/XlsxExport.h"
#include "store/Workbook.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

// The chosen sections in report order (the appendix gathers what the others define: it comes last).
std::vector<const ReportSection*> chosenSections(const ReportOptions& options) {
    const auto all = SectionRegistry::standard().sections(options.kind);
    if (options.sections.empty()) return all;
    std::vector<const ReportSection*> out;
    for (const auto* s : all)
        if (std::find(options.sections.begin(), options.sections.end(), s->id()) != options.sections.end())
            out.push_back(s);
    return out;
}

ReportMeta metaFor(store::Workbook& wb, const ReportOptions& options) {
    ReportMeta m;
    m.title = !options.title.isEmpty() ? options.title
              : options.kind == ReportKind::Clienting ? tr("Clienting report")
                                                      : tr("Portfolio pack");
    m.client = options.client;
    m.workbook = QFileInfo(QString::fromStdString(wb.path())).fileName();
    m.date = QDate::currentDate().toString(Qt::ISODate);
    if (!options.logoPath.isEmpty()) m.logo = QImageReader(options.logoPath).read();
    QStringList scope;
    scope << (options.node.empty() ? tr("The company") : fmt::text(options.node));
    if (!options.period.empty()) scope << fmt::text(options.period);
    m.subtitle = scope.join(QStringLiteral(" · "));
    return m;
}

double since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Runs one section; an Input error (data the section needs is missing) becomes a note under its
// title instead of ending the report.
Status runSection(const ReportSection& s, ReportContext& ctx, ReportDocument& doc) {
    const std::size_t mark = doc.blocks.size();
    auto st = s.write(ctx, doc);
    if (st || st.error().kind != ErrorKind::Input) return st;
    doc.blocks.resize(mark);
    doc.heading(s.kind() == ReportKind::Clienting ? 1 : 2, s.title());
    QString text = fmt::text(st.error().message);
    if (!st.error().hint.empty()) text += QStringLiteral(" — ") + fmt::text(st.error().hint);
    doc.paragraph(text, TextStyle::Missing);
    return {};
}

// Writes the sections, each into its own part: those that started background work in prepare()
// last, so that it runs meanwhile; the parts are joined in report order.
Status writeSections(const std::vector<const ReportSection*>& sections, ReportContext& ctx, ReportDocument& doc) {
    std::vector<std::size_t> order, deferred;
    for (std::size_t i = 0; i < sections.size(); ++i) (sections[i]->prepare(ctx) ? deferred : order).push_back(i);
    order.insert(order.end(), deferred.begin(), deferred.end());
    std::vector<ReportDocument> parts(sections.size());
    std::int64_t done = 0;
    for (std::size_t i : order) {
        const auto* s = sections[i];
        if (ctx.cancelled(s->id(), done++, std::int64_t(sections.size())))
            return makeError(ErrorKind::Cancelled, "report cancelled");
        const auto t0 = std::chrono::steady_clock::now();
        if (auto st = runSection(*s, ctx, parts[i]); !st) return st;
        log::get("report")->debug("section {}: {:.3f} s", s->id(), since(t0));
    }
    for (auto& part : parts)
        doc.blocks.insert(doc.blocks.end(), std::make_move_iterator(part.blocks.begin()),
                          std::make_move_iterator(part.blocks.end()));
    return {};
}

Status writePack(ReportContext& ctx, ReportDocument& doc, const std::string& code) {
    const auto t0 = std::chrono::steady_clock::now();
    auto portfolio = engine::loadPortfolio(ctx.workbook(), code, ctx.today());
    if (!portfolio) return portfolio.takeError();
    log::get("report")->debug("portfolio of {}: {:.3f} s", code, since(t0));
    auto shared = std::make_shared<const engine::Portfolio>(std::move(*portfolio));
    QString title = fmt::text(shared->managerCode);
    if (!shared->managerName.empty()) title += QStringLiteral(" — ") + fmt::text(shared->managerName);
    doc.heading(1, title);
    ctx.setPortfolio(shared);
    auto st = writeSections(chosenSections(ctx.options()), ctx, doc);
    ctx.setPortfolio(nullptr);
    return st;
}

// A manager code as a file name: letters, digits, '.', '-' and '_' kept, anything else '_'.
QString safeFileName(const QString& code) {
    QString out;
    for (QChar c : code) out += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'-' || c == u'_' || c == u'.' ? c : u'_';
    if (out.isEmpty() || out.startsWith(u'.')) out.prepend(QStringLiteral("manager"));
    return out;
}


Status checkPdf(const Result<RenderResult>& r, ReportOutput& out, const QString& path) {
    if (!r) return r.error();
    out.pages += r->pages;
    if (out.files.empty()) out.contents = r->contents;
    out.files.push_back(path);
    return {};
}

// The packs of `codes` in one document. One context serves every pack (of one file or many):
// the company's matrices, whose threshold lines every manager's matrices show, are read once.
Result<ReportDocument> buildPack(ReportContext& ctx, const std::vector<std::string>& codes) {
    ReportDocument doc;
    doc.meta = metaFor(ctx.workbook(), ctx.options());
    for (const auto& code : codes)
        if (auto st = writePack(ctx, doc, code); !st) return st.error();
    return doc;
}

}  // namespace

namespace {

// The managers whose packs the options ask for: the named ones (each must exist) or those of the node.
Result<std::vector<std::string>> chosenManagers(store::Workbook& wb, const ReportOptions& options) {
    if (options.managers.empty()) return packManagers(wb, options.node);
    auto tree = engine::loadManagerTree(wb.db(), engine::CustomerCounts::No);
    if (!tree) return tree.takeError();
    for (const auto& code : options.managers)
        if (auto n = tree->node(code); !n) return n.takeError();
    return options.managers;
}

}  // namespace

Result<std::vector<std::string>> packManagers(store::Workbook& wb, const std::string& node) {
    auto tree = engine::loadManagerTree(wb.db(), engine::CustomerCounts::Yes);
    if (!tree) return tree.takeError();
    std::vector<std::size_t> nodes;
    if (node.empty()) {
        nodes = tree->hierarchy.preorder();
    } else {
        auto n = tree->node(node);
        if (!n) return n.takeError();
        nodes = tree->hierarchy.subtree(*n);
    }
    std::vector<std::string> codes;
    for (std::size_t n : nodes)
        if (tree->managers[n].customers > 0 || (!node.empty() && n == nodes.front()))
            codes.push_back(tree->managers[n].code);
    if (codes.empty())
        return makeError(ErrorKind::Input, "no manager has customers" + (node.empty() ? "" : " under " + node),
                         "import the customers with their manager codes");
    return codes;
}

namespace {

// The report, or the pack of the managers the options choose (their count in `managers`).
Result<ReportDocument> buildDocument(store::Workbook& wb, const ReportOptions& options, const ProgressFn& progress,
                                     int& managers) {
    if (auto st = options.validate(); !st) return st.error();
    if (options.kind == ReportKind::PortfolioPack) {
        auto codes = chosenManagers(wb, options);
        if (!codes) return codes.takeError();
        managers = int(codes->size());
        ReportContext ctx(wb, options, progress);
        return buildPack(ctx, *codes);
    }
    ReportContext ctx(wb, options, progress);
    ReportDocument doc;
    doc.meta = metaFor(wb, options);
    if (auto st = writeSections(chosenSections(options), ctx, doc); !st) return st.error();
    return doc;
}

}  // namespace

Result<ReportDocument> buildReport(store::Workbook& wb, const ReportOptions& options, const ProgressFn& progress) {
    int managers = 0;
    return buildDocument(wb, options, progress, managers);
}

Result<ReportOutput> writeReport(store::Workbook& wb, const ReportOptions& options, const QString& pdfPath,
                                 const QString& xlsxPath, const ProgressFn& progress) {
    const auto t0 = std::chrono::steady_clock::now();
    ReportOutput out;
    auto doc = buildDocument(wb, options, progress, out.managers);
    if (!doc) return doc.takeError();
    out.tables = int(doc->tables().size());
    RenderOptions render;
    render.paper = options.paper;
    log::get("report")->debug("sections: {:.3f} s", since(t0));
    const auto tRender = std::chrono::steady_clock::now();
    if (auto st = checkPdf(writePdf(*doc, pdfPath, render, progress), out, pdfPath); !st) return st.error();
    log::get("report")->debug("PDF of {} pages: {:.3f} s", out.pages, since(tRender));
    if (!xlsxPath.isEmpty()) {
        if (auto st = writeXlsx(*doc, xlsxPath); !st) return st.error();
        out.files.push_back(xlsxPath);
    }
    out.seconds = since(t0);
    return out;
}

Result<ReportOutput> writePortfolioPacks(store::Workbook& wb, const ReportOptions& options, const QString& directory,
                                         bool xlsx, const ProgressFn& progress) {
    const auto t0 = std::chrono::steady_clock::now();
    if (auto st = options.validate(); !st) return st.error();
    auto codes = chosenManagers(wb, options);
    if (!codes) return codes.takeError();
    if (!QDir().mkpath(directory)) {
        Error e = makeError(ErrorKind::Usage, "cannot create the folder for the packs", "choose a folder you can write to");
        e.file = directory.toStdString();
        return e;
    }
    ReportOutput out;
    out.managers = int(codes->size());
    RenderOptions render;
    render.paper = options.paper;
    std::int64_t done = 0;
    ReportContext ctx(wb, options, {});
    for (const auto& code : *codes) {
        if (progress && !progress({"packs", done++, std::int64_t(codes->size())}))
            return makeError(ErrorKind::Cancelled, "report cancelled");
        auto doc = buildPack(ctx, {code});
        if (!doc) return doc.takeError();
        const QString base = QDir(directory).filePath(safeFileName(fmt::text(code)));
        if (auto st = checkPdf(writePdf(*doc, base + QStringLiteral(".pdf"), render), out, base + ".pdf"); !st)
            return st.error();
        out.tables += int(doc->tables().size());
        if (xlsx) {
            if (auto st = writeXlsx(*doc, base + QStringLiteral(".xlsx")); !st) return st.error();
            out.files.push_back(base + QStringLiteral(".xlsx"));
        }
    }
    out.seconds = since(t0);
    return out;
}

}  // namespace cw::report
