#include "charts/MatrixExport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include "charts/ScatterPainter.h"

namespace cw::charts {
namespace {

// Text in an exported file is text a reader copies or searches: no ligature ("ﬁ") replaces its
// letters (Latin text needs no shaping).
QFont unshaped(QFont font) {
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

// The caption band above an exported plot: title, then one line per caption line.
struct CaptionLayout {
    QFont titleFont, lineFont;
    int height = 0;
};

CaptionLayout captionLayout(const QFont& base, const ExportCaption& caption) {
    CaptionLayout l;
    l.titleFont = base;
    l.titleFont.setPixelSize(22);
    l.titleFont.setBold(true);
    l.lineFont = base;
    l.lineFont.setPixelSize(14);
    l.height = 16 + QFontMetrics(l.titleFont).height() + 6 +
               int(caption.lines.size()) * (QFontMetrics(l.lineFont).height() + 2) + 14;
    return l;
}

void paintCaption(QPainter& p, const CaptionLayout& l, const ExportCaption& caption, int width) {
    p.save();
    p.fillRect(QRect(0, 0, width, l.height), Qt::white);
    p.setPen(QColor(20, 20, 20));
    p.setFont(l.titleFont);
    int y = 16;
    const QFontMetrics tm(l.titleFont);
    p.drawText(QRect(24, y, width - 48, tm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               tm.elidedText(caption.title, Qt::ElideRight, width - 48));
    y += tm.height() + 6;
    p.setFont(l.lineFont);
    p.setPen(QColor(70, 70, 70));
    const QFontMetrics lm(l.lineFont);
    for (const auto& line : caption.lines) {
        p.drawText(QRect(24, y, width - 48, lm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   lm.elidedText(line, Qt::ElideMiddle, width - 48));
        y += lm.height() + 2;
    }
    p.restore();
}

}  // namespace

QString exportMatrix(const ScatterPainter& painter, const QFont& windowFont, const QString& path, const QSize& plotSize,
                     const ExportCaption& caption) {
    const QFont font = unshaped(windowFont);
    const CaptionLayout layout = captionLayout(font, caption);
    const QSize total(plotSize.width(), plotSize.height() + layout.height);
    const QString suffix = QFileInfo(path).suffix().toLower();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return file.errorString();
    auto paintAll = [&](QPainter& p) {
        p.setFont(font);
        paintCaption(p, layout, caption, total.width());
        p.translate(0, layout.height);
        painter.paint(p, QSizeF(plotSize), ScatterPainter::PointPath::Auto);
    };
    bool painted = false;
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(total);
        generator.setViewBox(QRect(QPoint(0, 0), total));
        generator.setTitle(caption.title);
        generator.setDescription(caption.lines.join(QLatin1Char('\n')));
        QPainter p;
        if (p.begin(&generator)) {
            paintAll(p);
            painted = p.end();
        }
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(&file);
        pdf.setTitle(caption.title);
        pdf.setCreator(QStringLiteral("Clienting Workbench"));
        pdf.setResolution(96);  // one unit = one pixel of the PNG export
        pdf.setPageSize(QPageSize(QSizeF(total) * 72.0 / 96.0, QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p;
        if (p.begin(&pdf)) {
            paintAll(p);
            painted = p.end();
        }
    } else {
        QImage image(total, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        paintAll(p);
        p.end();
        const QByteArray format = suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg") ? "JPG" : "PNG";
        painted = image.save(&file, format.constData());
    }
    if (!painted) {
        file.cancelWriting();
        return QCoreApplication::translate("MatrixExport", "the drawing could not be written");
    }
    if (!file.commit()) return file.errorString();
    return {};
}

bool writeSvg(const ScatterPainter& painter, const QFont& font, const QString& path, const QSize& size) {
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(QStringLiteral("Matrix"));
    QPainter p;
    if (!p.begin(&generator)) return false;
    p.setFont(unshaped(font));
    painter.paint(p, QSizeF(size), ScatterPainter::PointPath::Auto);
    return p.end();
}

}  // namespace cw::charts
