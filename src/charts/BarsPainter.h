#pragma once
// Draws values as horizontal bars, one row each in the order given: label, bar from a zero line,
// value text. No widget: the window's dashboard (ChildrenBars) and printed reports use the same
// painter. Sizes follow the QPainter's current font (its metrics on the painter's device), so the
// same code draws on screen and at a PDF's resolution.
//
// Labels: on screen a label longer than its column is elided. A report must print text as
// written, so with setElideLabels(false) no label is ever cut: the label column widens to the
// longest label (up to 45 % of the width), and a label still too long is drawn in a smaller font
// (down to half size) and, when even that does not fit, wrapped onto more lines of the row.
#include <QColor>
#include <QRectF>
#include <QString>

#include <limits>
#include <vector>

class QFont;
class QFontMetricsF;
class QPainter;
class QPalette;

namespace cw::charts {

struct Bar {
    QString label;
    double value = std::numeric_limits<double>::quiet_NaN();  ///< NaN: no value, drawn as "n/a"
    QString valueText;                                        ///< right of the bar (may be empty)
    bool highlighted = false;  ///< the row gets a band behind it (e.g. the node itself)
    QColor color;  ///< the bar's own colour (a target met or missed); invalid: the default
};

struct BarsColors {
    QColor background;  ///< invalid: nothing is filled (the widget's own background shows)
    QColor text, bar, highlight, zeroLine, missing;

    /// Colours that follow a light or dark palette (Base, Text, Highlight, Mid...).
    static BarsColors fromPalette(const QPalette& palette);
    /// Black text and a mid blue on a white page, for print.
    static BarsColors print();
};

class BarsPainter {
public:
    /// At most this share of the width goes to the labels when they are not elided.
    static constexpr double kMaxLabelShare = 0.45;
    /// On screen (eliding) the labels get at most a third of the width.
    static constexpr double kElidedLabelShare = 1.0 / 3.0;
    /// Smallest font of a label that does not fit (a share of the painter's font).
    static constexpr double kMinLabelScale = 0.5;

    void setBars(std::vector<Bar> bars) { m_bars = std::move(bars); }
    const std::vector<Bar>& bars() const { return m_bars; }
    int count() const { return static_cast<int>(m_bars.size()); }
    void setColors(const BarsColors& colors) { m_colors = colors; }
    const BarsColors& colors() const { return m_colors; }
    /// True (the default, on screen): labels too long for their column end in "…".
    void setElideLabels(bool elide) { m_elide = elide; }
    bool elideLabels() const { return m_elide; }
    /// The height of a row in the painter's device units; 0 (the default): rowHeight(font metrics).
    void setRowHeight(double height) { m_rowHeight = height; }
    /// Drawn in the middle of the rect when there are no bars (may be empty).
    void setEmptyText(const QString& text) { m_emptyText = text; }
    /// Drawn in the bar's place for a row without a value.
    void setMissingText(const QString& text) { m_missingText = text; }

    // --- geometry (the same rect and font metrics as paint()) -----------------------------
    /// The natural row height: a line of text with a little air.
    static double rowHeight(const QFontMetricsF& fm);
    /// Room for `count` rows (at least one) and the margins above and below them.
    static double preferredHeight(int count, const QFontMetricsF& fm);
    /// Space above the first row (and below the last).
    static double margin(const QFontMetricsF& fm);
    double effectiveRowHeight(const QFontMetricsF& fm) const;
    double labelColumnWidth(const QFontMetricsF& fm, double width) const;
    double valueColumnWidth(const QFontMetricsF& fm, double width) const;
    /// The row under `y` (in the rect's coordinates), or -1.
    int rowAt(double y, const QRectF& rect, const QFontMetricsF& fm) const;
    /// The x of value 0.
    double zeroX(const QRectF& rect, const QFontMetricsF& fm) const;
    /// Row `i`'s bar; empty for a row without a value.
    QRectF barRect(int i, const QRectF& rect, const QFontMetricsF& fm) const;

    /// Every row inside `rect`, with the painter's current font.
    void paint(QPainter& painter, const QRectF& rect) const;

private:
    struct Layout {
        double row = 0, top = 0, labelW = 0, valueW = 0, left = 0, right = 0, lo = 0, hi = 1;
        double toX(double v) const { return left + (v - lo) / (hi - lo) * (right - left); }
    };
    Layout layout(const QRectF& rect, const QFontMetricsF& fm) const;
    /// barRect() without laying out again: paint() draws many rows on one layout.
    QRectF barRectIn(const Layout& l, int i, const QFontMetricsF& fm) const;
    void paintLabel(QPainter& painter, const QRectF& cell, const QString& label) const;
    void paintValueText(QPainter& painter, const QRectF& cell, const QString& text) const;

    std::vector<Bar> m_bars;
    BarsColors m_colors = BarsColors::print();
    bool m_elide = true;
    double m_rowHeight = 0;
    QString m_emptyText;
    QString m_missingText = QStringLiteral("n/a");
};

}  // namespace cw::charts
