#include "report/Format.h"

#include <QDate>
#include <QLocale>

#include <cmath>

namespace cw::report::fmt {
namespace {

const QLocale& locale() {
    static const QLocale l(QLocale::English, QLocale::UnitedStates);
    return l;
}

const QString kNa = QStringLiteral("n/a");

}  // namespace

QString text(const std::string& utf8) { return QString::fromStdString(utf8); }

QString count(std::int64_t n) { return locale().toString(qlonglong(n)); }

QString money(double v) {
    if (!std::isfinite(v)) return kNa;
    return locale().toString(v, 'f', std::abs(v) >= 10 || v == 0 ? 0 : 2);
}

QString percent(double share, int decimals) {
    if (!std::isfinite(share)) return kNa;
    return locale().toString(share * 100.0, 'f', decimals) + QStringLiteral(" %");
}

QString number(double v, int decimals) {
    if (!std::isfinite(v)) return kNa;
    return locale().toString(v, 'f', decimals);
}

QString day(std::int64_t days) {
    return QDate(1970, 1, 1).addDays(days).toString(Qt::ISODate);
}

Cell countCell(std::int64_t n) { return {count(n), double(n), "#,##0"}; }
Cell moneyCell(double v) {
    if (!std::isfinite(v)) return {kNa};
    return {money(v), v, "#,##0.00"};  // one format per column in a spreadsheet; the value is exact
}
Cell percentCell(double share) {
    if (!std::isfinite(share)) return {kNa};
    return {percent(share), share, "0.0%"};
}
Cell numberCell(double v, int decimals) {
    if (!std::isfinite(v)) return {kNa};
    return {number(v, decimals), v, decimals == 0 ? "#,##0" : decimals == 1 ? "#,##0.0" : "#,##0.00"};
}
Cell moneyCell(const std::optional<double>& v) { return v ? moneyCell(*v) : Cell(kNa); }
Cell percentCell(const std::optional<double>& v) { return v ? percentCell(*v) : Cell(kNa); }

}  // namespace cw::report::fmt
