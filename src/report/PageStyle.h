#pragma once
// The typography and page geometry of a report, in the writer's device units (the layout's
// resolution): fonts resolved for that device, so text measured here is text drawn there.
#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QRectF>

class QPaintDevice;

namespace cw::report {

/// The report's typeface, DejaVu Sans, at `pixels` (in a chart's points), unshaped: no ligatures,
/// so that "profitability" copied or searched in the PDF is those letters, not "proﬁtability".
QFont chartFont(double pixels);

struct PageStyle {
    double k = 1;  ///< device units per point
    QRectF page;   ///< the whole page
    QRectF body;   ///< where blocks go (inside margins, below the header, above the footer)
    double headerY = 0, footerY = 0;  ///< baselines' boxes of the running header and footer (top)

    QFont body10, lead, small, missing, h1, h2, h3, table, tableBold, tableTitle, figureValue,
        figureLabel, running, coverTitle, coverSub, chartTitle;
    QColor ink{25, 25, 25}, muted{95, 95, 95}, rule{190, 190, 190}, accent{31, 84, 140},
        stripe{244, 246, 249}, headerFill{226, 233, 242}, missingInk{150, 70, 20};

    /// Points to device units.
    double pt(double points) const { return points * k; }
    QFontMetricsF metrics(const QFont& f) const { return QFontMetricsF(f, m_device); }
    QPaintDevice* device() const { return m_device; }

    /// A style for `device` with its page of `pageSizePoints`.
    static PageStyle make(QPaintDevice* device, double pointsToDevice, const QSizeF& pageSizePoints);

private:
    QPaintDevice* m_device = nullptr;
};

}  // namespace cw::report
