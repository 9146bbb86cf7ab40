#pragma once
// What a PDF says, read back with poppler-utils: the text of the whole file or of one page, the
// page count and size, every word with its box, and the fonts (embedded or not). For the tests of
// the painters, the exports and the reports; empty results when a tool is missing or fails.
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include <vector>

namespace cw::test {

inline bool havePoppler() { return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(); }

inline QString runTool(const QString& tool, const QStringList& args) {
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// The text (reading order, -layout off); page 0: the whole file, as written (the reports print
/// no ligatures: "fi" is two letters in the PDF's text).
inline QString pdfText(const QString& pdf, int page = 0) {
    QStringList args;
    if (page > 0) args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    args << pdf << QStringLiteral("-");
    return runTool(QStringLiteral("pdftotext"), args);
}

/// The text laid out as on the page (-layout), ligatures ("ﬁ") read as letters: for painters
/// drawing with the platform's font, which may shape text with them.
inline QString pdfLayoutText(const QString& pdf) {
    return runTool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")})
        .replace(QChar(0xFB01), QStringLiteral("fi"))
        .replace(QChar(0xFB02), QStringLiteral("fl"));
}

inline int pdfPages(const QString& pdf) {
    const auto info = runTool(QStringLiteral("pdfinfo"), {pdf});
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

struct PdfWord {
    int page = 0;
    double xMin = 0, yMin = 0, xMax = 0, yMax = 0;
    QString text;
};

struct PdfBoxes {
    std::vector<std::pair<double, double>> pages;  ///< width, height in points
    std::vector<PdfWord> words;
};

/// Every word with its box (pdftotext -bbox), and each page's size.
inline PdfBoxes pdfBoxes(const QString& pdf) {
    PdfBoxes out;
    const auto html = runTool(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
    static const QRegularExpression page(QStringLiteral("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">"));
    static const QRegularExpression word(QStringLiteral(
        "<word xMin=\"([-\\d.]+)\" yMin=\"([-\\d.]+)\" xMax=\"([-\\d.]+)\" yMax=\"([-\\d.]+)\">([^<]*)</word>"));
    for (const auto& line : html.split(QLatin1Char('\n'))) {
        if (auto m = page.match(line); m.hasMatch()) {
            out.pages.emplace_back(m.captured(1).toDouble(), m.captured(2).toDouble());
        } else if (auto w = word.match(line); w.hasMatch()) {
            out.words.push_back({int(out.pages.size()), w.captured(1).toDouble(), w.captured(2).toDouble(),
                                 w.captured(3).toDouble(), w.captured(4).toDouble(), w.captured(5)});
        }
    }
    return out;
}

/// The words lying (even in part) outside their page, as "page N: word".
inline QStringList wordsOutsideThePage(const PdfBoxes& b) {
    QStringList out;
    for (const auto& w : b.words) {
        const auto [width, height] = b.pages[std::size_t(w.page - 1)];
        if (w.xMin < 0 || w.yMin < 0 || w.xMax > width || w.yMax > height)
            out << QStringLiteral("page %1: %2").arg(w.page).arg(w.text);
    }
    return out;
}

/// pdffonts' rows whose "emb" column says no.
inline QStringList fontsNotEmbedded(const QString& pdf) {
    QStringList out;
    const auto lines = runTool(QStringLiteral("pdffonts"), {pdf}).split(QLatin1Char('\n'));
    for (int i = 2; i < lines.size(); ++i) {
        const auto cols = lines[i].split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (cols.size() >= 7 && cols[cols.size() - 5] != QLatin1String("yes")) out << lines[i];
    }
    return out;
}

}  // namespace cw::test
