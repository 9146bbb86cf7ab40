#pragma once
// The text of a PDF as pdftotext reads it (poppler-utils), for tests that check what a painter
// printed. Empty when pdftotext is missing or fails.
#include <QProcess>
#include <QStandardPaths>
#include <QString>

namespace cw::charts::test {

inline bool havePdftotext() {
    return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
}

inline QString pdftotext(const QString& pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) return {};
    // The PDF keeps the font's ligatures ("ﬁ"): read them as letters.
    return QString::fromUtf8(p.readAllStandardOutput())
        .replace(QChar(0xFB01), QStringLiteral("fi"))
        .replace(QChar(0xFB02), QStringLiteral("fl"));
}

}  // namespace cw::charts::test
