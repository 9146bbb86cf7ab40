#include "report/PageStyle.h"

#include <QPaintDevice>

namespace cw::report {
namespace {

QFont font(QPaintDevice* device, double points, bool bold = false, bool italic = false) {
    // DejaVu Sans is installed with the workbench (fonts-dejavu-core): the same metrics on every
    // machine, and a complete Latin, Greek and Cyrillic set so names print as written.
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setItalic(italic);
    // Latin text needs no shaping: without it no ligature ("ﬁ") replaces letters in the PDF's text.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return QFont(f, device);
}

}  // namespace

QFont chartFont(double pixels) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(int(pixels));
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

PageStyle PageStyle::make(QPaintDevice* device, double pointsToDevice, const QSizeF& pageSizePoints) {
    PageStyle s;
    s.m_device = device;
    s.k = pointsToDevice;
    s.page = QRectF(0, 0, pageSizePoints.width() * s.k, pageSizePoints.height() * s.k);
    const double side = s.pt(50), top = s.pt(64), bottom = s.pt(60);
    s.body = s.page.adjusted(side, top, -side, -bottom);
    s.headerY = s.pt(30);
    s.footerY = s.page.height() - s.pt(42);
    s.body10 = font(device, 9.5);
    s.lead = font(device, 11);
    s.small = font(device, 7.5);
    s.missing = font(device, 9.5, false, true);
    s.h1 = font(device, 18, true);
    s.h2 = font(device, 13, true);
    s.h3 = font(device, 10.5, true);
    s.table = font(device, 8);
    s.tableBold = font(device, 8, true);
    s.tableTitle = font(device, 9.5, true);
    s.figureValue = font(device, 17, true);
    s.figureLabel = font(device, 8);
    s.running = font(device, 7.5);
    s.coverTitle = font(device, 30, true);
    s.coverSub = font(device, 14);
    s.chartTitle = font(device, 8.5, true);
    return s;
}

}  // namespace cw::report
