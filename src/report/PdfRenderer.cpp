#include "report/PdfRenderer.h"

#include <QCoreApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include "report/PageLayout.h"
#include "report/PageStyle.h"

namespace cw::report {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

void drawCover(QPainter& p, const PageStyle& s, const ReportMeta& meta) {
    const QRectF area = s.page.adjusted(s.pt(60), s.pt(70), -s.pt(60), -s.pt(70));
    double y = area.top();
    if (!meta.logo.isNull()) {
        // The client's logo, at most 170 × 90 points, top left, its proportions kept.
        QSizeF size = QSizeF(meta.logo.size()).scaled(QSizeF(s.pt(170), s.pt(90)), Qt::KeepAspectRatio);
        p.drawImage(QRectF(QPointF(area.left(), y), size), meta.logo);
        y += size.height() + s.pt(30);
    } else {
        y += s.pt(120);
    }
    p.fillRect(QRectF(area.left(), y, s.pt(60), s.pt(5)), s.accent);
    y += s.pt(26);
    auto block = [&](const QString& text, const QFont& font, const QColor& color, double after) {
        if (text.isEmpty()) return;
        p.setFont(font);
        p.setPen(color);
        const QRectF r = s.metrics(font).boundingRect(QRectF(area.left(), y, area.width(), 1e9),
                                                       Qt::TextWordWrap, text);
        p.drawText(QRectF(area.left(), y, area.width(), r.height()), Qt::AlignLeft | Qt::TextWordWrap, text);
        y += r.height() + after;
    };
    block(meta.title, s.coverTitle, s.ink, s.pt(12));
    block(meta.subtitle, s.coverSub, s.muted, s.pt(40));
    if (!meta.client.isEmpty()) {
        block(tr("Prepared for"), s.small, s.muted, s.pt(2));
        block(meta.client, s.lead, s.ink, s.pt(16));
    }
    block(tr("Workbook"), s.small, s.muted, s.pt(2));
    block(meta.workbook, s.body10, s.ink, s.pt(16));
    block(tr("Date"), s.small, s.muted, s.pt(2));
    block(meta.date, s.body10, s.ink, s.pt(16));
    p.setFont(s.small);
    p.setPen(s.muted);
    p.drawText(QRectF(area.left(), area.bottom() - s.pt(20), area.width(), s.pt(20)), Qt::AlignLeft | Qt::AlignBottom,
               tr("Clienting Workbench"));
}

void drawRunning(QPainter& p, const PageStyle& s, const ReportMeta& meta, int page, int pages) {
    p.setFont(s.running);
    p.setPen(s.muted);
    const auto fm = s.metrics(s.running);
    const double w = s.body.width();
    const double half = w / 2 - s.pt(6);
    const QRectF top(s.body.left(), s.headerY, w, fm.height());
    p.drawText(top, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(meta.title, Qt::ElideRight, half));
    p.drawText(top, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(meta.workbook, Qt::ElideMiddle, half));
    p.setPen(QPen(s.rule, s.pt(0.5)));
    p.drawLine(QLineF(s.body.left(), top.bottom() + s.pt(3), s.body.right(), top.bottom() + s.pt(3)));
    const QRectF bottom(s.body.left(), s.footerY, w, fm.height());
    p.drawLine(QLineF(s.body.left(), bottom.top() - s.pt(3), s.body.right(), bottom.top() - s.pt(3)));
    p.setPen(s.muted);
    const QString left = meta.client.isEmpty() ? meta.date : meta.date + QStringLiteral(" · ") + meta.client;
    p.drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(left, Qt::ElideRight, half));
    p.drawText(bottom, Qt::AlignRight | Qt::AlignVCenter, tr("page %1 of %2").arg(page).arg(pages));
}

struct ContentsGeometry {
    double line = 0;
    int perPage = 1;
};

ContentsGeometry contentsGeometry(const PageStyle& s) {
    ContentsGeometry g;
    g.line = s.metrics(s.body10).lineSpacing() * 1.45;
    const double room = s.body.height() - s.metrics(s.h1).lineSpacing() - s.pt(18);
    g.perPage = std::max(1, int(room / g.line));
    return g;
}

void drawContents(QPainter& p, const PageStyle& s, const std::vector<ContentsEntry>& entries, std::size_t from,
                  std::size_t to, bool first) {
    double y = s.body.top();
    if (first) {
        p.setFont(s.h1);
        p.setPen(s.accent);
        p.drawText(QPointF(s.body.left(), y + s.metrics(s.h1).ascent()), tr("Contents"));
    }
    y += s.metrics(s.h1).lineSpacing() + s.pt(18);
    const auto g = contentsGeometry(s);
    for (std::size_t i = from; i < to; ++i) {
        const auto& e = entries[i];
        const QFont& font = e.level == 1 ? s.tableTitle : s.body10;
        const auto fm = s.metrics(font);
        const double indent = e.level == 1 ? 0 : s.pt(16);
        const QString number = QString::number(e.page);
        const double numberW = fm.horizontalAdvance(number);
        const double textW = s.body.width() - indent - numberW - s.pt(24);
        const QString text = fm.elidedText(e.text, Qt::ElideRight, textW);
        const double baseline = y + fm.ascent();
        p.setFont(font);
        p.setPen(s.ink);
        p.drawText(QPointF(s.body.left() + indent, baseline), text);
        p.drawText(QPointF(s.body.right() - numberW, baseline), number);
        // Dotted leader from the title to its page number.
        const double from_ = s.body.left() + indent + fm.horizontalAdvance(text) + s.pt(6);
        const double to_ = s.body.right() - numberW - s.pt(6);
        if (to_ > from_) {
            QPen pen(s.rule, s.pt(0.8), Qt::DotLine);
            p.setPen(pen);
            p.drawLine(QLineF(from_, baseline, to_, baseline));
        }
        y += g.line;
    }
}

QSizeF pagePoints(Paper paper) {
    return paper == Paper::Letter ? QSizeF(612, 792) : QSizeF(595.28, 841.89);
}

}  // namespace

Result<RenderResult> renderPdf(const ReportDocument& doc, QIODevice& device, const RenderOptions& options,
                               const ProgressFn& progress) {
    QPdfWriter writer(&device);
    writer.setTitle(doc.meta.title);
    writer.setCreator(QStringLiteral("Clienting Workbench"));
    writer.setResolution(options.resolution);
    writer.setPageSize(QPageSize(options.paper == Paper::Letter ? QPageSize::Letter : QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    const double k = options.resolution / 72.0;
    const PageStyle style = PageStyle::make(&writer, k, pagePoints(options.paper));

    bool cancelled = false;
    auto poll = [&](std::string_view phase, std::int64_t done, std::int64_t total) {
        if (progress && !cancelled && !progress({phase, done, total})) cancelled = true;
        return cancelled;
    };
    poll("laying out", 0, 0);
    Pagination body = paginate(doc, style, [&] { return poll("laying out", 0, 0); });
    if (cancelled) return makeError(ErrorKind::Cancelled, "report cancelled");

    const auto g = contentsGeometry(style);
    const int contentsPages =
        options.contents && !body.contents.empty() ? int((body.contents.size() + g.perPage - 1) / g.perPage) : 0;
    const int front = (options.cover ? 1 : 0) + contentsPages;
    const int pages = front + int(body.pages.size());
    RenderResult result;
    result.pages = pages;
    result.contents = body.contents;
    for (auto& e : result.contents) e.page += front;

    QPainter p;
    if (!p.begin(&writer))
        return makeError(ErrorKind::Internal, "the PDF could not be started", "check that the file can be written");
    p.setRenderHint(QPainter::Antialiasing);
    int page = 0;
    auto next = [&] {
        if (page > 0) writer.newPage();
        ++page;
        return !poll("drawing", page, pages);
    };
    if (options.cover && next()) drawCover(p, style, doc.meta);
    for (int c = 0; c < contentsPages && !cancelled; ++c) {
        if (!next()) break;
        drawRunning(p, style, doc.meta, page, pages);
        const std::size_t from = std::size_t(c) * std::size_t(g.perPage);
        drawContents(p, style, result.contents, from, std::min(result.contents.size(), from + std::size_t(g.perPage)),
                     c == 0);
    }
    for (const auto& laid : body.pages) {
        if (cancelled || !next()) break;
        drawRunning(p, style, doc.meta, page, pages);
        for (const auto& step : laid.steps) {
            p.save();
            step(p);
            p.restore();
        }
    }
    const bool ended = p.end();
    if (cancelled) return makeError(ErrorKind::Cancelled, "report cancelled");
    if (!ended) return makeError(ErrorKind::Internal, "the PDF could not be finished", "check the free disk space");
    return result;
}

Result<RenderResult> writePdf(const ReportDocument& doc, const QString& path, const RenderOptions& options,
                              const ProgressFn& progress) {
    QSaveFile file(path);
    auto fileError = [&](const QString& what) {
        Error e = makeError(ErrorKind::Internal, what.toStdString() + ": " + file.errorString().toStdString(),
                            "choose a folder you can write to, with free space");
        e.file = path.toStdString();
        return e;
    };
    if (!file.open(QIODevice::WriteOnly)) return fileError(tr("cannot write the report"));
    auto result = renderPdf(doc, file, options, progress);
    if (!result) {
        file.cancelWriting();
        return result;
    }
    if (!file.commit()) return fileError(tr("cannot save the report"));
    return result;
}

}  // namespace cw::report
