#include "app/widgets/Format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace cw::app {

QString toQString(const std::string& s) {
    return QString::fromStdString(s);
}

std::string toStdString(const QString& s) {
    return s.toStdString();
}

QString formatCount(std::int64_t n) {
    return QLocale().toString(static_cast<qlonglong>(n));
}

QString formatShare(double share) {
    return QLocale().toString(share * 100.0, 'f', 1) + QStringLiteral(" %");
}

QString tableTitle(const std::string& table) {
    struct Title {
        const char* table;
        const char* title;
    };
    static const Title kTitles[] = {
        {"customers", QT_TRANSLATE_NOOP("Format", "Customers")},
        {"managers", QT_TRANSLATE_NOOP("Format", "Managers")},
        {"transactions", QT_TRANSLATE_NOOP("Format", "Transactions")},
        {"survey", QT_TRANSLATE_NOOP("Format", "Survey responses")},
        {"survey_responses", QT_TRANSLATE_NOOP("Format", "Survey responses")},
        {"survey_scores", QT_TRANSLATE_NOOP("Format", "Survey scores")},
        {"service_attributes", QT_TRANSLATE_NOOP("Format", "Service attributes")},
        {"cost_to_serve", QT_TRANSLATE_NOOP("Format", "Cost to serve")},
        {"notes", QT_TRANSLATE_NOOP("Format", "Notes")},
        {"custom_fields", QT_TRANSLATE_NOOP("Format", "Custom fields")},
        {"import_rejects", QT_TRANSLATE_NOOP("Format", "Rejected rows")},
        {"demo", QT_TRANSLATE_NOOP("Format", "Demo data")},
    };
    for (const auto& t : kTitles)
        if (table == t.table) return QCoreApplication::translate("Format", t.title);
    // Tables added later still read well until they get a title of their own.
    QString s = toQString(table).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!s.isEmpty()) s[0] = s[0].toUpper();
    return s;
}

QString formatIsoDateTime(const std::string& iso) {
    const auto dt = QDateTime::fromString(toQString(iso), Qt::ISODate);
    if (!dt.isValid()) return toQString(iso);
    return QLocale().toString(dt, QLocale::ShortFormat);
}

QString formatIsoDate(const std::string& iso) {
    const auto d = QDate::fromString(toQString(iso), Qt::ISODate);
    if (!d.isValid()) return toQString(iso);
    return QLocale().toString(d, QLocale::ShortFormat);
}

}  // namespace cw::app
