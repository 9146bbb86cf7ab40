#include "report/TableLayout.h"

#include <QFontMetricsF>

#include <algorithm>
#include <numeric>

namespace cw::report {
namespace {

Align alignOf(const Table& t, std::size_t c) { return c < t.align.size() ? t.align[c] : Align::Left; }

int alignFlag(Align a) {
    switch (a) {
    case Align::Right: return Qt::AlignRight;
    case Align::Center: return Qt::AlignHCenter;
    case Align::Left: break;
    }
    return Qt::AlignLeft;
}

double longestWord(const QFontMetricsF& fm, const QString& text) {
    double w = 0;
    for (const auto& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        w = std::max(w, fm.horizontalAdvance(word));
    return w;
}

struct Natural {
    std::vector<double> widths;  ///< widest cell (one line) per column, padding included
    std::vector<double> words;   ///< widest word per column, padding included
};

Natural natural(const Table& t, const QFontMetricsF& fm, const QFontMetricsF& bold, double pad) {
    // Slack of a fifth of an "x": text laid out in exactly its advance may wrap by rounding.
    pad += fm.horizontalAdvance(QLatin1Char('x')) / 5;
    const std::size_t n = t.header.size();
    Natural r{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
    for (std::size_t c = 0; c < n; ++c) {
        // A header may wrap between its words: its widest word is what it needs.
        r.words[c] = longestWord(bold, t.header[c]) + 2 * pad;
        r.widths[c] = r.words[c];
    }
    for (std::size_t i = 0; i < t.printedRows(); ++i) {
        // Bold rows (totals) are measured in bold.
        const auto& m = i < t.bold.size() && t.bold[i] ? bold : fm;
        for (std::size_t c = 0; c < n && c < t.rows[i].size(); ++c) {
            const auto& row = t.rows[i];
            const auto& text = row[c].text;
            if (text.isEmpty()) continue;
            const double w = m.horizontalAdvance(text) + 2 * pad;
            r.widths[c] = std::max(r.widths[c], w);
            // A word cannot be wider than its whole text: most cells need no split.
            if (w > r.words[c]) r.words[c] = std::max(r.words[c], longestWord(m, text) + 2 * pad);
        }
    }
    return r;
}

// Columns whose cells may wrap: text (left-aligned) and any column holding a word longer than a
// quarter of the page; the others keep their natural width as long as anything can.
std::vector<bool> wrapping(const Table& t, const Natural& n, double available) {
    std::vector<bool> out(n.widths.size());
    for (std::size_t c = 0; c < out.size(); ++c) out[c] = alignOf(t, c) == Align::Left || n.words[c] > available / 4;
    return out;
}

// The least a text column needs: its longest word (a word longer than a quarter of the page
// wraps inside), at least `floor`, at most its natural width.
double textMinimum(const Natural& n, std::size_t c, double floor, double available) {
    return std::min(n.widths[c], std::max(floor, std::min(n.words[c], available / 4)));
}

// Text columns (left-aligned) share `room`, in proportion to their natural widths, after every
// other column got its natural width; a text column never gets less than `floor`.
std::vector<double> fit(const Table& t, const Natural& nat, double available, double floor) {
    std::vector<double> w = nat.widths;
    const auto wraps = wrapping(t, nat, available);
    const double total = std::accumulate(w.begin(), w.end(), 0.0);
    if (total <= available) {
        // Room to spare: widen the text columns so the table spans the page.
        double textTotal = 0;
        for (std::size_t c = 0; c < w.size(); ++c)
            if (wraps[c]) textTotal += w[c];
        const double spare = available - total;
        if (textTotal > 0 && spare > 0)
            for (std::size_t c = 0; c < w.size(); ++c)
                if (wraps[c]) w[c] += spare * w[c] / textTotal;
        return w;
    }
    // Each text column first gets its minimum (its longest word, at least `floor`, at most its
    // natural width), then what is left in proportion to how much more it would like.
    double fixed = 0;
    std::vector<double> minimum(w.size(), 0.0);
    double minTotal = 0, wantTotal = 0;
    for (std::size_t c = 0; c < w.size(); ++c) {
        if (!wraps[c]) {
            fixed += w[c];
            continue;
        }
        minimum[c] = textMinimum(nat, c, floor, available);
        minTotal += minimum[c];
        wantTotal += w[c] - minimum[c];
    }
    const double spare = available - fixed - minTotal;
    if (spare >= 0) {
        for (std::size_t c = 0; c < w.size(); ++c)
            if (wraps[c])
                w[c] = minimum[c] + (wantTotal > 0 ? spare * (w[c] - minimum[c]) / wantTotal : 0.0);
    } else {
        // Crowded by numbers: the text columns share what is left, down to `floor` each, so that
        // the numbers keep their width as long as possible.
        std::size_t texts = 0;
        for (std::size_t c = 0; c < w.size(); ++c) texts += wraps[c] ? 1 : 0;
        const double each = texts ? (available - fixed) / double(texts) : 0.0;
        for (std::size_t c = 0; c < w.size(); ++c)
            if (wraps[c]) w[c] = std::max(std::min(floor, w[c]), std::min(minimum[c], each));
    }
    // Still too wide (many numeric columns): every column shrinks in proportion; cells wrap.
    const double now = std::accumulate(w.begin(), w.end(), 0.0);
    if (now > available)
        for (auto& x : w) x *= available / now;
    return w;
}

}  // namespace

double TableLayout::width() const { return std::accumulate(widths.begin(), widths.end(), 0.0); }

int TableLayout::flags(const Table& t, std::size_t column, const QString& text, bool isBold) const {
    const QFontMetricsF fm(isBold ? bold : font, device);
    const double inner = widths[column] - 2 * padX;
    const int wrap = longestWord(fm, text) > inner ? Qt::TextWrapAnywhere : Qt::TextWordWrap;
    return alignFlag(alignOf(t, column)) | Qt::AlignTop | wrap;
}

TableLayout TableLayout::make(const Table& t, const PageStyle& style, double available) {
    TableLayout l;
    l.device = style.device();
    l.padX = style.pt(3.5);
    l.padY = style.pt(2.2);
    // Text columns wrap at the full size as long as each keeps room for its longest word (or
    // `floor`) beside the numbers; only when that fails does the type get smaller, to 6 points.
    const double floor = style.pt(40);
    auto fits = [&](const Natural& n) {
        double need = 0;
        const auto wraps = wrapping(t, n, available);
        for (std::size_t c = 0; c < n.widths.size(); ++c)
            need += wraps[c] ? textMinimum(n, c, floor, available) : n.widths[c];
        return need <= available;
    };
    Natural nat;
    for (double size : {8.0, 7.25, 6.5, 6.0}) {
        l.font = style.table;
        l.font.setPointSizeF(size);
        l.bold = style.tableBold;
        l.bold.setPointSizeF(size);
        l.padX = style.pt(3.5) * size / 8.0;
        nat = natural(t, style.metrics(l.font), style.metrics(l.bold), l.padX);
        if (fits(nat)) break;
    }
    l.widths = fit(t, nat, available, floor);
    const QFontMetricsF fm = style.metrics(l.font), bm = style.metrics(l.bold);
    const double line = fm.lineSpacing();
    auto heightOf = [&](const QString& text, std::size_t c, bool header) {  // header: bold
        if (text.isEmpty()) return line;
        const auto& m = header ? bm : fm;
        const double inner = l.widths[c] - 2 * l.padX;
        if (!text.contains(QLatin1Char('\n')) && m.horizontalAdvance(text) <= inner) return line;
        const int f = l.flags(t, c, text, header);
        return m.boundingRect(QRectF(0, 0, inner, 1e9), f, text).height();
    };
    l.headerHeight = 0;
    for (std::size_t c = 0; c < t.header.size(); ++c)
        l.headerHeight = std::max(l.headerHeight, heightOf(t.header[c], c, true));
    l.headerHeight += 2 * l.padY;
    l.rowHeights.reserve(t.printedRows());
    for (std::size_t r = 0; r < t.printedRows(); ++r) {
        const auto& row = t.rows[r];
        const bool isBold = r < t.bold.size() && t.bold[r];
        double h = line;
        for (std::size_t c = 0; c < t.header.size() && c < row.size(); ++c)
            h = std::max(h, heightOf(row[c].text, c, isBold));
        l.rowHeights.push_back(h + 2 * l.padY);
    }
    return l;
}

}  // namespace cw::report
