#pragma once
// How the report writes an indicator's value and its change, by the indicator's unit: counts
// whole, money as fmt::money, percentages (stored 0–100) as "41.1 %" with changes in points,
// scores and the NPS with one decimal. Cells carry the number for the spreadsheet.
#include <QString>

#include <optional>

#include "engine/kpi/Indicators.h"
#include "report/ReportDocument.h"

namespace cw::report::kpifmt {

QString value(engine::kpi::IndicatorId id, const std::optional<double>& v);
Cell valueCell(engine::kpi::IndicatorId id, const std::optional<double>& v);
/// Signed ("+73", "-1,472", "+1.2 pts"); "n/a" without a change.
QString change(engine::kpi::IndicatorId id, const std::optional<double>& d);
Cell changeCell(engine::kpi::IndicatorId id, const std::optional<double>& d);
/// The indicator's name for people.
QString name(engine::kpi::IndicatorId id);

}  // namespace cw::report::kpifmt
