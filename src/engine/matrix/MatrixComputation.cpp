#include "engine/matrix/MatrixComputation.h"

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

namespace cw::engine {
namespace {

// The range is reordered. Median of an even count: mean of the two middle values, as the usual
// definition (and SQL's ORDER BY … LIMIT 2 OFFSET (n-1)/2) has it.
double medianOf(double* first, double* last) {
    const auto n = static_cast<std::size_t>(last - first);
    double* mid = first + n / 2;
    std::nth_element(first, mid, last);
    const double upper = *mid;
    if (n % 2 == 1) return upper;
    const double lower = *std::max_element(first, mid);
    return lower + (upper - lower) / 2;
}

double meanOf(const double* first, const double* last) {
    long double sum = 0;
    for (const double* p = first; p != last; ++p) sum += *p;
    return static_cast<double>(sum / static_cast<long double>(last - first));
}

ResolvedThreshold resolve(const AxisThreshold& t, double* first, double* last) {
    ResolvedThreshold r{t.mode, std::nullopt};
    if (t.needsValue())
        r.value = t.value;
    else if (first != last)
        r.value = t.mode == ThresholdMode::Mean ? meanOf(first, last) : medianOf(first, last);
    return r;
}

bool isPlotted(std::int8_t a) {
    return a >= 0;
}

// Edit distance of two short texts, compared case-insensitively (ASCII): for near matches.
std::size_t editDistance(const std::string& a, const std::string& b) {
    auto low = [](unsigned char c) { return static_cast<char>(std::tolower(c)); };
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (low(a[i - 1]) == low(b[j - 1]) ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// "no point has region 'nort'; did you mean 'North'?": the values nearest to one that matches
// nothing — the same but for case, containing it, or within a third of its length in edits —
// else a few of the values there are.
std::string noMatchWarning(GroupField field, const std::string& value, const Category& cat) {
    std::string text = std::string("no point has ") + toString(field) + " '" + value + "'";
    std::vector<std::pair<std::size_t, std::string>> near;
    auto lower = [](std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    const std::string v = lower(value);
    for (std::size_t c = 0; c < cat.names.size(); ++c)
        for (const std::string* name : {&cat.names[c], cat.altNames.empty() ? nullptr : &cat.altNames[c]}) {
            if (!name || name->empty()) continue;
            const std::string n = lower(*name);
            const std::size_t d = editDistance(v, n);
            const bool contains = !v.empty() && (n.find(v) != std::string::npos || v.find(n) != std::string::npos);
            if (d <= std::max<std::size_t>(1, v.size() / 3) || contains) near.emplace_back(contains ? 0 : d, *name);
        }
    std::sort(near.begin(), near.end());
    near.erase(std::unique(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.second == b.second; }),
               near.end());
    auto list = [](const std::vector<std::string>& names) {
        std::string out;
        for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", '" : "'") + names[i] + "'";
        return out;
    };
    if (!near.empty()) {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < near.size() && i < 3; ++i) names.push_back(near[i].second);
        return text + "; did you mean " + list(names) + "?";
    }
    if (cat.names.empty()) return text + " (no point has any " + toString(field) + ")";
    std::vector<std::string> some(cat.names.begin(), cat.names.begin() + std::ptrdiff_t(std::min<std::size_t>(5, cat.names.size())));
    return text + "; the values are " + list(some) + (cat.names.size() > 5 ? ", …" : "");
}

// Marks points that fail a filter as kFilteredOut; filters on one field are OR-ed, fields AND-ed.
void applyFilters(const MatrixInput& in, const std::vector<MatrixFilter>& filters,
                  std::vector<std::int8_t>& assignment, std::vector<std::string>& warnings) {
    for (int f = 0; f < kGroupFieldCount; ++f) {
        const auto field = static_cast<GroupField>(f);
        const Category& cat = in.field(field);
        std::vector<char> allowed(cat.names.size(), 0);
        bool any = false;
        for (const auto& flt : filters) {
            if (flt.field != field) continue;
            any = true;
            bool found = false;
            for (std::size_t c = 0; c < cat.names.size(); ++c) {
                if (cat.names[c] == flt.value ||
                    (!cat.altNames.empty() && cat.altNames[c] == flt.value)) {
                    allowed[c] = 1;
                    found = true;
                }
            }
            if (!found) warnings.push_back(noMatchWarning(field, flt.value, cat));
        }
        if (!any) continue;
        for (std::size_t i = 0; i < assignment.size(); ++i) {
            const auto code = cat.codes[i];
            if (code == Category::kNone || !allowed[static_cast<std::size_t>(code)])
                assignment[i] = kFilteredOut;
        }
    }
}

void addShares(MatrixSummary& s, bool customers) {
    for (auto& q : s.quadrants) {
        if (!customers) continue;
        if (s.plotted > 0)
            q.customerShare = static_cast<double>(q.count) / static_cast<double>(s.plotted);
        if (s.revenue != 0) q.revenueShare = q.revenue / s.revenue;
        if (s.margin != 0) q.marginShare = q.margin / s.margin;
    }
}

struct Thresholds {
    ResolvedThreshold x, y;
};

// Thresholds per group (or one for all when `groupOf` is null), from the plotted points.
std::vector<Thresholds> computeThresholds(const MatrixInput& in, const MatrixThresholds& t,
                                          const std::vector<std::int8_t>& assignment,
                                          const std::vector<std::int32_t>* groupOf,
                                          std::size_t groups) {
    std::vector<Thresholds> out(groupOf ? groups : 1);
    const bool computed = !t.x.needsValue() || !t.y.needsValue();
    if (!computed) {
        for (auto& o : out) o = {{t.x.mode, t.x.value}, {t.y.mode, t.y.value}};
        return out;
    }
    // Bucket the plotted points by group (a counting sort) so each group's values are contiguous.
    std::vector<std::size_t> start(out.size() + 1, 0);
    for (std::size_t i = 0; i < assignment.size(); ++i)
        if (isPlotted(assignment[i])) ++start[(groupOf ? (*groupOf)[i] : 0) + 1];
    for (std::size_t g = 0; g < out.size(); ++g) start[g + 1] += start[g];
    std::vector<double> xs(start.back()), ys(start.back());
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < assignment.size(); ++i) {
        if (!isPlotted(assignment[i])) continue;
        auto& pos = fill[groupOf ? (*groupOf)[i] : 0];
        xs[pos] = in.xs[i];
        ys[pos] = in.ys[i];
        ++pos;
    }
    for (std::size_t g = 0; g < out.size(); ++g) {
        out[g] = {resolve(t.x, xs.data() + start[g], xs.data() + start[g + 1]),
                  resolve(t.y, ys.data() + start[g], ys.data() + start[g + 1])};
    }
    return out;
}

// A split that does not divide: every plotted point on one side, or most of them equal to the
// threshold (they all count as high), as with a median of 0 when most margins are 0.
void warnDegenerateSplits(const MatrixInput& in, MatrixResult& r) {
    const auto plotted = r.total.plotted;
    if (plotted < 2) return;
    for (int axis = 0; axis < 2; ++axis) {
        const auto& t = axis == 0 ? r.total.x : r.total.y;
        if (!t.value) continue;
        const auto& values = axis == 0 ? in.xs : in.ys;
        std::int64_t high = 0, ties = 0;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (r.assignment[i] < 0) continue;
            high += values[i] >= *t.value;
            ties += values[i] == *t.value;
        }
        const auto& spec = axis == 0 ? r.x : r.y;
        const std::string name = std::string(axis == 0 ? "x" : "y") + " (" + spec.label + ")";
        char value[32];
        std::snprintf(value, sizeof value, "%.4g", *t.value);
        if (ties * 2 > plotted)
            r.warnings.push_back("the " + name + " split does not divide: " + std::to_string(ties) + " of " +
                                 std::to_string(plotted) + " points equal the threshold " + value +
                                 " and count as high; choose another threshold");
        else if (high == 0 || high == plotted)
            r.warnings.push_back("the " + name + " split does not divide: every point is " +
                                 (high ? "high" : "low") + " (threshold " + value + "); choose another threshold");
    }
}

}  // namespace

Status MatrixOptions::validate() const {
    return thresholds.validate();
}

Result<MatrixResult> computeMatrix(const MatrixSpec& spec, const MatrixInput& input,
                                   const MatrixOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    if (auto st = options.validate(); !st) return st.error();
    if (auto st = input.validate(); !st) return st.error();
    for (const auto& f : options.filters)
        if (!input.field(f.field).loaded())
            return makeError(ErrorKind::Usage,
                             std::string("cannot filter by ") + toString(f.field) + " here",
                             "filters apply to customer matrices");
    if (options.groupBy && !input.field(*options.groupBy).loaded())
        return makeError(
            ErrorKind::Usage,
            std::string("cannot break down by ") + toString(*options.groupBy) + " here",
            "breakdowns apply to customer matrices");

    MatrixResult r;
    r.spec = &spec;
    r.x = input.x;
    r.currency = input.currency;
    r.y = input.y;
    r.perGroupThresholds = options.groupBy && options.perGroupThresholds;
    const std::size_t n = input.size();
    r.assignment.assign(n, 0);
    r.warnings = input.notes;
    applyFilters(input, options.filters, r.assignment, r.warnings);
    for (std::size_t i = 0; i < n; ++i) {
        if (r.assignment[i] == kFilteredOut) continue;
        const bool noX = std::isnan(input.xs[i]), noY = std::isnan(input.ys[i]);
        if (!noX && !noY) continue;
        r.assignment[i] = kInsufficientData;
        (noX && noY ? r.missingBoth : noX ? r.missingX : r.missingY) += 1;
    }

    // Group index per point; points without a value go to the last group, "(none)".
    std::vector<std::int32_t> groupOf;
    std::size_t groups = 0;
    if (options.groupBy) {
        const Category& cat = input.field(*options.groupBy);
        groups = cat.names.size() + 1;
        groupOf.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            groupOf[i] = cat.codes[i] == Category::kNone ? static_cast<std::int32_t>(groups - 1)
                                                         : cat.codes[i];
    }
    const auto global = computeThresholds(input, options.thresholds, r.assignment, nullptr, 1);
    const auto perGroup = r.perGroupThresholds ? computeThresholds(input, options.thresholds,
                                                                   r.assignment, &groupOf, groups)
                                               : std::vector<Thresholds>{};
    r.total.x = global[0].x;
    r.total.y = global[0].y;
    if (r.perGroupThresholds) r.total.x.value = r.total.y.value = std::nullopt;

    std::vector<MatrixSummary> sums(groups);
    for (std::size_t g = 0; g < groups; ++g) {
        const auto& t = r.perGroupThresholds ? perGroup[g] : global[0];
        sums[g].x = t.x;
        sums[g].y = t.y;
    }
    const bool hasRevenue = !input.revenue.empty(), hasMargin = !input.margin.empty();
    for (std::size_t i = 0; i < n; ++i) {
        auto& a = r.assignment[i];
        if (a == kFilteredOut) {
            ++r.filteredOut;
            continue;
        }
        MatrixSummary* g = groups ? &sums[static_cast<std::size_t>(groupOf[i])] : nullptr;
        if (a == kInsufficientData) {
            ++r.total.insufficient;
            if (g) ++g->insufficient;
            continue;
        }
        const auto& t =
            r.perGroupThresholds ? perGroup[static_cast<std::size_t>(groupOf[i])] : global[0];
        a = static_cast<std::int8_t>((input.xs[i] < *t.x.value ? 2 : 0) +
                                     (input.ys[i] < *t.y.value ? 1 : 0));
        const double rev = hasRevenue && !std::isnan(input.revenue[i]) ? input.revenue[i] : 0.0;
        const double mar = hasMargin && !std::isnan(input.margin[i]) ? input.margin[i] : 0.0;
        for (MatrixSummary* s : {&r.total, g}) {
            if (!s) continue;
            auto& q = s->quadrants[static_cast<std::size_t>(a)];
            ++q.count;
            q.revenue += rev;
            q.margin += mar;
            ++s->plotted;
            s->revenue += rev;
            s->margin += mar;
        }
    }
    if (!r.perGroupThresholds) warnDegenerateSplits(input, r);
    const bool customers = input.points == PointKind::Customer;
    addShares(r.total, customers);
    if (options.groupBy) {
        const Category& cat = input.field(*options.groupBy);
        std::vector<std::size_t> order;
        for (std::size_t g = 0; g + 1 < groups; ++g) order.push_back(g);
        // Largest groups first (the 90 % region is not last because of its name), then by name.
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const auto na = sums[a].points(), nb = sums[b].points();
            return na != nb ? na > nb : cat.names[a] < cat.names[b];
        });
        order.push_back(groups - 1);
        for (auto g : order) {
            if (sums[g].points() == 0) continue;
            addShares(sums[g], customers);
            r.groups.push_back(
                {*options.groupBy, g + 1 < groups ? cat.names[g] : kNoGroupName, sums[g]});
        }
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return r;
}

std::array<AxisStats, 2> plottedAxisStats(const std::vector<double>& xs, const std::vector<double>& ys) {
    std::vector<double> px, py;
    const std::size_t n = std::min(xs.size(), ys.size());
    px.reserve(n);
    py.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(xs[i]) || std::isnan(ys[i])) continue;
        px.push_back(xs[i]);
        py.push_back(ys[i]);
    }
    std::array<AxisStats, 2> out;
    for (int axis = 0; axis < 2; ++axis) {
        auto& v = axis == 0 ? px : py;
        auto& o = out[static_cast<std::size_t>(axis)];
        o.points = static_cast<std::int64_t>(v.size());
        if (v.empty()) continue;
        o.mean = meanOf(v.data(), v.data() + v.size());
        o.median = medianOf(v.data(), v.data() + v.size());
    }
    return out;
}

std::optional<double> splitValue(const AxisThreshold& t, const AxisStats& stats) {
    if (t.needsValue()) return t.value;
    return t.mode == ThresholdMode::Mean ? stats.mean : stats.median;
}

std::optional<Quadrant> quadrantOf(double x, double y, std::optional<double> xSplit, std::optional<double> ySplit) {
    if (std::isnan(x) || std::isnan(y) || !xSplit || !ySplit) return std::nullopt;
    return static_cast<Quadrant>((x < *xSplit ? 2 : 0) + (y < *ySplit ? 1 : 0));
}

}  // namespace cw::engine
