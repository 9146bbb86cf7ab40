#pragma once
// A matrix written to a file with the caption that explains it: PNG or JPG (raster), SVG and PDF
// (vectors up to ScatterPainter::kVectorLimit points, an embedded image above). Qt GUI only, so
// the window's File › Export and a report drawn from the command line produce the same page.
#include <QFont>
#include <QSize>
#include <QString>
#include <QStringList>

namespace cw::charts {

class ScatterPainter;

/// What an exported matrix says above the plot: its title and caption lines (workbook,
/// thresholds, counts, breakdown, date), so a picture pasted into a report explains itself.
struct ExportCaption {
    QString title;
    QStringList lines;
};

/// Writes the plot with its caption, the format chosen by the file's suffix, whole or not at all
/// (a temporary file renamed at the end). Returns an error message, empty on success.
QString exportMatrix(const ScatterPainter& painter, const QFont& font, const QString& path, const QSize& plotSize,
                     const ExportCaption& caption);

/// The plot alone as an SVG file.
bool writeSvg(const ScatterPainter& painter, const QFont& font, const QString& path, const QSize& size);

}  // namespace cw::charts
