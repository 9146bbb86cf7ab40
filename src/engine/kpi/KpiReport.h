#pragma once
// What a dashboard tile and `clienting kpi` show of an indicator for one node and period: its
// value, the change against the previous period and the same period a year before, and its
// target with the status against it. Built from a node's stored series (plain structs: the
// workbook is read by engine/load/KpiValues).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/kpi/Indicators.h"
#include "engine/kpi/KpiCompute.h"
#include "engine/kpi/Periods.h"

namespace cw::engine::kpi {

enum class TargetStatus { NoTarget, Met, Missed, NoValue };
std::string_view toString(TargetStatus s);

struct IndicatorFigure {
    IndicatorId id = IndicatorId::Customers;
    std::optional<double> value;
    std::optional<double> previous;    ///< the period before (same kind)
    std::optional<double> yearBefore;  ///< the same period a year before
    std::optional<double> target;
    TargetStatus status = TargetStatus::NoTarget;

    std::optional<double> change() const { return value && previous ? std::optional(*value - *previous) : std::nullopt; }
    std::optional<double> changeOnYear() const {
        return value && yearBefore ? std::optional(*value - *yearBefore) : std::nullopt;
    }
    /// Whether the change against the previous period is an improvement (none without a change or when flat).
    std::optional<bool> improved() const;
};

/// One node's (and segment's) stored values of one period kind, in period order.
struct KpiSeries {
    std::vector<Period> periods;
    std::vector<KpiParts> parts;  ///< parts[i] of periods[i]
    /// Targets by (indicator, period start).
    std::map<std::pair<IndicatorId, std::int32_t>, double> targets;
    /// Values computed live, not stored (the account-plan indicators), for the latest period.
    std::map<IndicatorId, double> latestLive;

    /// The index of the period starting on `start`, or none.
    std::optional<std::size_t> indexOf(std::int32_t start) const;
    /// The figure of `id` for periods[i].
    IndicatorFigure figure(IndicatorId id, std::size_t i) const;
    /// Every indicator's figure for periods[i].
    std::vector<IndicatorFigure> figures(std::size_t i) const;
    /// The values of `id` over every period (none where there is no value): a sparkline.
    std::vector<std::optional<double>> values(IndicatorId id) const;
};

/// A block of figures for one node, segment and period (a CLI table or a set of tiles).
struct KpiBlock {
    std::string node;     ///< "Company" or the manager's code and name
    std::string nodeCode; ///< "" for the company
    std::string segment;  ///< "" for every customer
    Period period;
    std::vector<IndicatorFigure> figures;
};

/// How a value is written for people: counts whole, money with two decimals and the currency
/// label, percentages and scores with one decimal.
std::string formatValue(IndicatorId id, const std::optional<double>& v, const std::string& currency);
/// A change, signed ("+3.2", "−12"), in the indicator's unit (percentage points for percentages).
std::string formatChange(IndicatorId id, const std::optional<double>& d, const std::string& currency);

std::string kpiToText(const std::vector<KpiBlock>& blocks, const std::string& currency);
/// Orders blocks by `rank`, the better first (by its good direction); blocks without a value last.
void rankBlocks(std::vector<KpiBlock>& blocks, IndicatorId rank);
/// Side by side, one line per block (the children of a node): the rank indicator with its change
/// against the previous period, then `columns`.
std::string kpiSideBySideText(const std::vector<KpiBlock>& blocks, IndicatorId rank,
                              const std::vector<IndicatorId>& columns, const std::string& currency);
/// One line per block × indicator: node, segment, period, start, end, indicator, value, previous,
/// change, year_before, change_on_year, target, status.
std::string kpiToCsv(const std::vector<KpiBlock>& blocks);
std::string kpiToJson(const std::vector<KpiBlock>& blocks, const std::string& currency);

}  // namespace cw::engine::kpi
