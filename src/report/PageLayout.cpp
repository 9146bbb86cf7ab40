#include "report/PageLayout.h"

#include <QTextLayout>

#include <memory>

#include "report/TableLayout.h"

namespace cw::report {
namespace {

// The running position on the current page, in device units.
class Flow {
public:
    explicit Flow(const PageStyle& style) : s(style) { newPage(); }

    const PageStyle& s;
    std::vector<LaidOutPage> pages;
    double y = 0;

    void newPage() {
        pages.emplace_back();
        y = s.body.top();
        m_fresh = true;
    }
    bool fresh() const { return m_fresh; }
    double room() const { return s.body.bottom() - y; }
    /// A new page unless `h` fits below (a fresh page takes anything: it cannot do better).
    void ensure(double h) {
        if (h > room() && !m_fresh) newPage();
    }
    void add(DrawStep step) {
        pages.back().steps.push_back(std::move(step));
        m_fresh = false;
    }
    int pageNumber() const { return static_cast<int>(pages.size()); }

private:
    bool m_fresh = true;
};

// A paragraph broken into lines at `width`: each line's text and height.
struct Lines {
    std::vector<QString> text;
    double height = 0;  ///< of one line
};

Lines breakLines(const QString& text, const QFont& font, const PageStyle& s, double width) {
    Lines out;
    out.height = s.metrics(font).lineSpacing();
    for (const auto& para : text.split(QLatin1Char('\n'))) {
        QTextLayout layout(para, font, s.device());
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            out.text.push_back(para.mid(line.textStart(), line.textLength()).trimmed());
        }
        layout.endLayout();
        if (para.isEmpty()) out.text.emplace_back();
    }
    return out;
}

void flowLines(Flow& f, const QString& text, const QFont& font, const QColor& color, double indent,
               const QString& marker = {}) {
    const auto& s = f.s;
    const double width = s.body.width() - indent;
    const Lines lines = breakLines(text, font, s, width);
    const double ascent = s.metrics(font).ascent();
    for (std::size_t i = 0; i < lines.text.size(); ++i) {
        f.ensure(lines.height);
        const QPointF at(s.body.left() + indent, f.y + ascent);
        const QString line = lines.text[i];
        const QString mark = i == 0 ? marker : QString();
        const double markX = s.body.left() + indent - s.pt(10);
        f.add([at, line, font, color, mark, markX](QPainter& p) {
            p.setFont(font);
            p.setPen(color);
            p.drawText(at, line);
            if (!mark.isEmpty()) p.drawText(QPointF(markX, at.y()), mark);
        });
        f.y += lines.height;
    }
}

// What must fit below a heading for it not to be left alone at the foot of a page: the start of
// the block that follows it (a chart whole, a table's title, header and first rows, two lines).
double leadHeight(const Block* next, const PageStyle& s) {
    const double line = s.metrics(s.body10).lineSpacing();
    double lead = 2 * line;
    if (next) {
        if (const auto* c = std::get_if<Chart>(next)) lead = s.pt(c->height);
        else if (const auto* g = std::get_if<ChartGrid>(next)) lead = s.pt(g->cellHeight) + line;
        else if (std::get_if<Table>(next)) lead = s.metrics(s.tableTitle).lineSpacing() + 4 * s.metrics(s.table).lineSpacing();
        else if (std::get_if<Figures>(next)) lead = s.pt(64);
        else if (const auto* h = std::get_if<Heading>(next)) lead = s.metrics(h->level == 2 ? s.h2 : s.h3).lineSpacing() + 3 * line;
    }
    return std::min(lead, s.body.height() * 0.8);
}

void flowHeading(Flow& f, const Heading& h, double lead, std::vector<ContentsEntry>& contents) {
    const auto& s = f.s;
    const QFont& font = h.level == 1 ? s.h1 : h.level == 2 ? s.h2 : s.h3;
    const auto fm = s.metrics(font);
    const Lines lines = breakLines(h.text, font, s, s.body.width());
    const double textHeight = lines.height * double(lines.text.size());
    if (h.level == 1) {
        if (!f.fresh()) f.newPage();
    } else {
        // Keep a heading with what follows it.
        f.ensure(textHeight + s.pt(h.level == 2 ? 8 : 4) + lead);
        f.y += s.pt(h.level == 2 ? 8 : 4);
    }
    if (h.level <= 2) contents.push_back({h.level, h.text, f.pageNumber()});
    const QColor color = h.level == 3 ? s.ink : s.accent;
    for (const auto& line : lines.text) {
        const QPointF at(s.body.left(), f.y + fm.ascent());
        f.add([at, line, font, color](QPainter& p) {
            p.setFont(font);
            p.setPen(color);
            p.drawText(at, line);
        });
        f.y += lines.height;
    }
    if (h.level == 1) {
        const double ruleY = f.y + s.pt(4);
        const QLineF rule(s.body.left(), ruleY, s.body.right(), ruleY);
        const QPen pen(s.accent, s.pt(1.2));
        f.add([rule, pen](QPainter& p) {
            p.setPen(pen);
            p.drawLine(rule);
        });
        f.y += s.pt(14);
    } else {
        f.y += s.pt(4);
    }
}

void flowFigures(Flow& f, const Figures& figures) {
    const auto& s = f.s;
    const std::size_t n = figures.items.size();
    if (n == 0) return;
    const std::size_t perRow = std::min<std::size_t>(n, 4);
    const double gap = s.pt(8);
    const double w = (s.body.width() - gap * double(perRow - 1)) / double(perRow);
    const double pad = s.pt(6);
    const auto vm = s.metrics(s.figureValue), lm = s.metrics(s.figureLabel);
    for (std::size_t start = 0; start < n; start += perRow) {
        double h = 0;
        const std::size_t end = std::min(n, start + perRow);
        for (std::size_t i = start; i < end; ++i) {
            const double lh = lm.boundingRect(QRectF(0, 0, w - 2 * pad, 1e9), Qt::TextWordWrap,
                                              figures.items[i].label).height();
            h = std::max(h, vm.height() + s.pt(2) + lh);
        }
        h += 2 * pad;
        f.ensure(h);
        for (std::size_t i = start; i < end; ++i) {
            const QRectF box(s.body.left() + double(i - start) * (w + gap), f.y, w, h);
            const KeyFigure item = figures.items[i];
            // A value wider than its box ("10,903,761,214") is set smaller, on one line: a figure
            // is never broken or cut.
            QFont valueFont = s.figureValue;
            const double room = w - 2 * pad - s.pt(2);
            if (const double wide = vm.horizontalAdvance(item.value); wide > room)
                valueFont.setPointSizeF(valueFont.pointSizeF() * room / wide * 0.98);
            f.add([box, item, pad, &s, vh = vm.height(), valueFont](QPainter& p) {
                p.fillRect(box, s.stripe);
                p.fillRect(QRectF(box.left(), box.top(), s.pt(2.5), box.height()), s.accent);
                const QRectF inner = box.adjusted(pad + s.pt(2), pad, -pad, -pad);
                p.setFont(valueFont);
                p.setPen(s.accent);
                p.drawText(QRectF(inner.left(), inner.top(), inner.width(), vh),
                           Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, item.value);
                p.setFont(s.figureLabel);
                p.setPen(s.muted);
                p.drawText(QRectF(inner.left(), inner.top() + vh + s.pt(2), inner.width(), inner.height() - vh),
                           Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, item.label);
            });
        }
        f.y += h + gap;
    }
}

void flowTable(Flow& f, const Table& t) {
    const auto& s = f.s;
    if (t.header.empty()) return;
    auto layout = std::make_shared<TableLayout>(TableLayout::make(t, s, s.body.width()));
    // The title wraps (never elided); its lines are measured for the first page and for the
    // pages it continues on.
    const Lines titleLines = t.title.isEmpty() ? Lines{} : breakLines(t.title, s.tableTitle, s, s.body.width());
    const double titleGap = t.title.isEmpty() ? 0 : s.pt(3);
    const double titleHeight = titleLines.height * double(titleLines.text.size()) + titleGap;
    const auto& heights = layout->rowHeights;
    const double firstRows = heights.empty() ? 0 : heights[0] + (heights.size() > 1 ? heights[1] : 0);
    f.ensure(titleHeight + layout->headerHeight + firstRows);
    const double left = s.body.left();
    auto title = [&](bool continued) {
        if (t.title.isEmpty()) return;
        const Lines lines =
            continued ? breakLines(QObject::tr("%1 (continued)").arg(t.title), s.tableTitle, s, s.body.width()) : titleLines;
        const double ascent = s.metrics(s.tableTitle).ascent();
        for (const auto& line : lines.text) {
            const QPointF at(left, f.y + ascent);
            f.add([at, line, &s](QPainter& p) {
                p.setFont(s.tableTitle);
                p.setPen(s.ink);
                p.drawText(at, line);
            });
            f.y += lines.height;
        }
        f.y += titleGap;
    };
    auto header = [&] {
        const double top = f.y;
        f.add([layout, &t, &s, left, top](QPainter& p) {
            const QRectF band(left, top, layout->width(), layout->headerHeight);
            p.fillRect(band, s.headerFill);
            p.setFont(layout->bold);
            p.setPen(s.ink);
            double x = left;
            for (std::size_t c = 0; c < t.header.size(); ++c) {
                const QRectF cell(x + layout->padX, top + layout->padY, layout->widths[c] - 2 * layout->padX,
                                  layout->headerHeight - 2 * layout->padY);
                p.drawText(cell, layout->flags(t, c, t.header[c], true), t.header[c]);
                x += layout->widths[c];
            }
        });
        f.y += layout->headerHeight;
    };
    title(false);
    header();
    for (std::size_t r = 0; r < t.printedRows(); ++r) {
        const double h = layout->rowHeights[r];
        // No row left alone at the top of the next page: when the last two rows do not both fit,
        // the second last goes over with the last (if two rows stay on this page).
        const std::size_t n = t.printedRows();
        const bool widow = r + 2 == n && r >= 2 && h <= f.room() && h + heights[r + 1] > f.room();
        if ((h > f.room() || widow) && r > 0) {
            f.newPage();
            title(true);
            header();
        }
        const double top = f.y;
        const bool bold = r < t.bold.size() && t.bold[r];
        f.add([layout, &t, &s, left, top, r, h, bold](QPainter& p) {
            if (r % 2 == 1) p.fillRect(QRectF(left, top, layout->width(), h), s.stripe);
            p.setFont(bold ? layout->bold : layout->font);
            p.setPen(s.ink);
            double x = left;
            const auto& row = t.rows[r];
            for (std::size_t c = 0; c < t.header.size() && c < row.size(); ++c) {
                const QRectF cell(x + layout->padX, top + layout->padY, layout->widths[c] - 2 * layout->padX,
                                  h - 2 * layout->padY);
                if (!row[c].text.isEmpty()) p.drawText(cell, layout->flags(t, c, row[c].text, bold), row[c].text);
                x += layout->widths[c];
            }
        });
        f.y += h;
    }
    const double ruleY = f.y;
    f.add([&s, left, ruleY, w = layout->width()](QPainter& p) {
        p.setPen(QPen(s.rule, s.pt(0.6)));
        p.drawLine(QLineF(left, ruleY, left + w, ruleY));
    });
    f.y += s.pt(3);
    if (!t.note.isEmpty()) flowLines(f, t.note, s.small, s.muted, 0);
}

// A chart draws in points into `box` (device units), clipped to it.
void paintChart(QPainter& p, const QRectF& box, const PaintFn& paint, const PageStyle& s) {
    p.save();
    p.setClipRect(box);
    p.translate(box.topLeft());
    p.scale(s.k, s.k);
    paint(p, QSizeF(box.width() / s.k, box.height() / s.k));
    p.restore();
}

void flowChart(Flow& f, const Chart& c) {
    const auto& s = f.s;
    const double h = std::min(s.pt(c.height), s.body.height() * 0.9);
    const Lines caption = c.caption.isEmpty() ? Lines{} : breakLines(c.caption, s.small, s, s.body.width());
    f.ensure(h + caption.height * double(caption.text.size()));
    const QRectF box(s.body.left(), f.y, s.body.width(), h);
    const PaintFn* paint = &c.paint;
    f.add([box, paint, &s](QPainter& p) { paintChart(p, box, *paint, s); });
    f.y += h + s.pt(2);
    if (!c.caption.isEmpty()) flowLines(f, c.caption, s.small, s.muted, 0);
}

void flowGrid(Flow& f, const ChartGrid& g) {
    const auto& s = f.s;
    const int columns = std::max(1, g.columns);
    const double gap = s.pt(8);
    const double w = (s.body.width() - gap * (columns - 1)) / columns;
    const double titleH = s.metrics(s.chartTitle).lineSpacing() + s.pt(2);
    const double h = std::min(s.pt(g.cellHeight), s.body.height() * 0.45);
    for (std::size_t start = 0; start < g.cells.size(); start += std::size_t(columns)) {
        f.ensure(titleH + h);
        const std::size_t end = std::min(g.cells.size(), start + std::size_t(columns));
        for (std::size_t i = start; i < end; ++i) {
            const QRectF cell(s.body.left() + double(i - start) * (w + gap), f.y, w, titleH + h);
            const QString title = i < g.titles.size() ? g.titles[i] : QString();
            const PaintFn* paint = &g.cells[i];
            f.add([cell, title, paint, titleH, &s](QPainter& p) {
                p.setFont(s.chartTitle);
                p.setPen(s.ink);
                p.drawText(QRectF(cell.left(), cell.top(), cell.width(), titleH), Qt::AlignLeft | Qt::AlignTop,
                           s.metrics(s.chartTitle).elidedText(title, Qt::ElideRight, cell.width()));
                paintChart(p, cell.adjusted(0, titleH, 0, 0), *paint, s);
            });
        }
        f.y += titleH + h + gap;
    }
}

}  // namespace

Pagination paginate(const ReportDocument& doc, const PageStyle& style, const std::function<bool()>& cancelled) {
    Flow f(style);
    Pagination out;
    const double after = style.pt(7);
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const auto& block = doc.blocks[i];
        if (cancelled && cancelled()) break;
        std::visit(
            [&](const auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, Heading>) {
                    const Block* next = i + 1 < doc.blocks.size() ? &doc.blocks[i + 1] : nullptr;
                    flowHeading(f, b, leadHeight(next, style), out.contents);
                } else if constexpr (std::is_same_v<T, Paragraph>) {
                    const QFont& font = b.style == TextStyle::Lead    ? style.lead
                                        : b.style == TextStyle::Small ? style.small
                                        : b.style == TextStyle::Missing ? style.missing
                                                                        : style.body10;
                    const QColor color = b.style == TextStyle::Missing ? style.missingInk
                                         : b.style == TextStyle::Small ? style.muted
                                                                       : style.ink;
                    flowLines(f, b.text, font, color, 0);
                    f.y += after;
                } else if constexpr (std::is_same_v<T, Bullets>) {
                    for (const auto& item : b.items) {
                        flowLines(f, item, style.body10, style.ink, style.pt(14), QStringLiteral("•"));
                        f.y += style.pt(2);
                    }
                    f.y += after;
                } else if constexpr (std::is_same_v<T, Figures>) {
                    flowFigures(f, b);
                    f.y += after - style.pt(8);
                } else if constexpr (std::is_same_v<T, Table>) {
                    flowTable(f, b);
                    f.y += after;
                } else if constexpr (std::is_same_v<T, Chart>) {
                    flowChart(f, b);
                    f.y += after;
                } else if constexpr (std::is_same_v<T, ChartGrid>) {
                    flowGrid(f, b);
                } else if constexpr (std::is_same_v<T, PageBreak>) {
                    if (!f.fresh()) f.newPage();
                }
            },
            block);
    }
    // A document that ends on a page break leaves no blank page behind.
    if (f.pages.size() > 1 && f.pages.back().steps.empty()) f.pages.pop_back();
    out.pages = std::move(f.pages);
    return out;
}

}  // namespace cw::report
