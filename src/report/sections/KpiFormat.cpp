#include "report/sections/KpiFormat.h"

#include <algorithm>
#include <cmath>

#include "report/Format.h"

namespace cw::report::kpifmt {
namespace {

using engine::kpi::Unit;

Unit unitOf(engine::kpi::IndicatorId id) { return engine::kpi::indicator(id).unit; }

const QString kNa = QStringLiteral("n/a");

// A change with its sign: "+12", "-3.5"; one that rounds to zero without any ("0.0").
QString signedText(double d, const QString& text) {
    const bool zero = std::none_of(text.begin(), text.end(), [](QChar c) { return c.isDigit() && c != u'0'; });
    if (zero) return text.startsWith(u'-') ? text.mid(1) : text;
    return d > 0 ? QStringLiteral("+") + text : text;
}

}  // namespace

QString name(engine::kpi::IndicatorId id) { return fmt::text(std::string(engine::kpi::indicator(id).name)); }

QString value(engine::kpi::IndicatorId id, const std::optional<double>& v) {
    if (!v || !std::isfinite(*v)) return kNa;
    switch (unitOf(id)) {
    case Unit::Count: return fmt::count(std::llround(*v));
    case Unit::Currency: return fmt::money(*v);
    case Unit::Percent: return fmt::percent(*v / 100.0);
    case Unit::Score:
    case Unit::NpsScore: return fmt::number(*v, 1);
    }
    return fmt::number(*v, 1);
}

Cell valueCell(engine::kpi::IndicatorId id, const std::optional<double>& v) {
    if (!v || !std::isfinite(*v)) return Cell(kNa);
    switch (unitOf(id)) {
    case Unit::Count: return fmt::countCell(std::llround(*v));
    case Unit::Currency: return fmt::moneyCell(*v);
    case Unit::Percent: return fmt::percentCell(*v / 100.0);
    case Unit::Score:
    case Unit::NpsScore: return fmt::numberCell(*v, 1);
    }
    return fmt::numberCell(*v, 1);
}

QString change(engine::kpi::IndicatorId id, const std::optional<double>& d) {
    if (!d || !std::isfinite(*d)) return kNa;
    switch (unitOf(id)) {
    case Unit::Count: return signedText(*d, fmt::count(std::llround(*d)));
    case Unit::Currency: return signedText(*d, fmt::money(*d));
    case Unit::Percent: return signedText(*d, fmt::number(*d, 1)) + QStringLiteral(" pts");
    case Unit::Score:
    case Unit::NpsScore: return signedText(*d, fmt::number(*d, 1));
    }
    return signedText(*d, fmt::number(*d, 1));
}

Cell changeCell(engine::kpi::IndicatorId id, const std::optional<double>& d) {
    if (!d || !std::isfinite(*d)) return Cell(kNa);
    switch (unitOf(id)) {
    case Unit::Count: return Cell(change(id, d), double(std::llround(*d)), "+#,##0;-#,##0;0");
    case Unit::Currency:
        return Cell(change(id, d), *d, std::abs(*d) >= 100 ? "+#,##0;-#,##0;0" : "+#,##0.00;-#,##0.00;0.00");
    case Unit::Percent:  // points of percentage
    case Unit::Score:
    case Unit::NpsScore: return Cell(change(id, d), *d, "+0.0;-0.0;0.0");
    }
    return Cell(change(id, d), *d, "0.0");
}

}  // namespace cw::report::kpifmt
