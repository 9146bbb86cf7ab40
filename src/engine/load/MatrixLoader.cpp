#include "engine/load/MatrixLoader.h"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>

#include "core/Log.h"
#include "engine/matrix/DataNotes.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/CustomerQuery.h"
#include "store/Segmentations.h"
#include "store/AnalysisResults.h"
#include "store/Workbook.h"

namespace cw::engine {
namespace {

Error notAnalysed() {
    return makeError(ErrorKind::Input,
                     "the workbook has not been analysed yet (no customer metrics)",
                     "run clienting analyze first");
}

// The summary of the last finished analysis, or null.
nlohmann::json lastRunSummary(store::Database& db) {
    const auto text = store::readLastRunSummary(db);
    if (!text) return nullptr;
    auto j = nlohmann::json::parse(*text, nullptr, false);
    return j.is_object() ? j : nlohmann::json(nullptr);
}

// The customer matrices of a workbook whose last analysis had no transactions to work on.
std::optional<Error> surveyOnlyAnalysis(const nlohmann::json& summary) {
    if (!summary.is_object() || !summary.value("survey_only", false)) return std::nullopt;
    return makeError(ErrorKind::Input,
                     "the last analysis found no transactions of known customers: this matrix needs "
                     "profitability, potential or loyalty, which come from transactions",
                     "import transactions (clienting import --table transactions), then run clienting analyze; "
                     "the importance-satisfaction matrix is drawn from the survey alone");
}

// What the axes rest on, from the analysis that computed them: the potential method in the
// label, and notes when profitability is mostly an assumed margin or loyalty has no repeat
// purchases behind it.
void addDataNotes(const nlohmann::json& summary, MatrixInput& in) {
    if (!summary.is_object()) return;
    const auto settings = summary.value("settings", nlohmann::json::object());
    const auto notes = summary.value("data_notes", nlohmann::json::object());
    for (AxisSpec* axis : {&in.x, &in.y}) labelPotential(*axis, settings.value("potential_method", std::string("model")));
    auto uses = [&](const char* metric) { return in.x.metric == metric || in.y.metric == metric; };
    const double assumed = notes.value("assumed_cost_share", 0.0);
    if (uses("margin") && assumed > 0.5)
        in.notes.push_back(assumedCostNote(assumed, settings.value("gross_margin_rate", 0.3)));
    const auto customers = summary.value("customers", nlohmann::json::object());
    const std::int64_t buyers = customers.value("with_transactions", std::int64_t{0});
    const std::int64_t repeat = notes.value("repeat_customers", std::int64_t{-1});
    if (uses("loyalty") && repeat >= 0 && buyers > 0 && repeat * 20 < buyers) in.notes.push_back(repeatNote(repeat, buyers));
    const std::int64_t after = notes.value("survey_after_window", std::int64_t{0});
    if (uses("satisfaction") && after > 0)
        in.notes.push_back(surveyAfterNote(after, summary.value("analysis_date", std::string("?"))));
}


// The currency label of the analysis settings as they are now (a label: changing it needs no
// new analysis), or "currency" when they cannot be read.
std::string currencyLabel(store::Workbook& wb) {
    const auto s = settings::read(wb.db(), settings::analysis());
    return s ? s->currencyLabel() : "currency";
}

// Interns text values of one field through a hash map (a million customers, few values).
class Interner {
public:
    explicit Interner(Category& cat) : m_cat(cat) {}
    void add(std::string_view value) {
        if (value.empty()) {
            m_cat.codes.push_back(Category::kNone);
            return;
        }
        std::string key(value);
        auto [it, inserted] =
            m_index.try_emplace(key, static_cast<std::int32_t>(m_cat.names.size()));
        if (inserted) m_cat.names.push_back(std::move(key));
        m_cat.codes.push_back(it->second);
    }

private:
    Category& m_cat;
    std::unordered_map<std::string, std::int32_t> m_index;
};

// Managers are keyed by id: two managers may share a name. Shown by name, matched by name or code.
class ManagerInterner {
public:
    explicit ManagerInterner(Category& cat) : m_cat(cat) {}
    void add(std::optional<std::int64_t> id, std::string_view label, std::string_view code) {
        if (!id) {
            m_cat.codes.push_back(Category::kNone);
            return;
        }
        auto [it, inserted] = m_index.try_emplace(*id, static_cast<std::int32_t>(m_cat.names.size()));
        if (inserted) {
            m_cat.names.emplace_back(label);
            m_cat.altNames.emplace_back(code);
        }
        m_cat.codes.push_back(it->second);
    }

private:
    Category& m_cat;
    std::unordered_map<std::int64_t, std::int32_t> m_index;
};

Result<MatrixInput> loadAttributes(store::Workbook& wb, const MatrixSpec& spec) {
    auto& db = wb.db();
    if (!store::hasResults(db, store::ResultTable::AttributeMetrics)) {
        if (!store::hasResults(db, store::ResultTable::CustomerMetrics) &&
            !store::hasResults(db, store::ResultTable::AnalysisRuns))
            return notAnalysed();
        return makeError(ErrorKind::Input, "the analysis found no service attribute scores",
                         "import a survey with one score column per service attribute, then run "
                         "clienting analyze");
    }
    MatrixInput in;
    in.points = PointKind::Attribute;
    in.x = spec.x;
    in.y = spec.y;
    if (settings::readOr(wb.db(), settings::importanceSource()) == settings::ImportanceSource::Stated)
        in.x = {"stated_importance", "Importance (stated in the survey)", "survey scale"};
    auto rows = store::readAttributeMetrics(db);
    if (!rows) return rows.takeError();
    for (const auto& r : *rows) {
        const auto x = r.column(in.x.metric), y = r.column(in.y.metric);
        if (!x || !y) return makeError(ErrorKind::Internal, "no attribute metric " + (x ? in.y.metric : in.x.metric));
        in.ids.push_back(r.attributeId);
        in.labels.push_back(r.name);
        in.codes.push_back(r.name);
        in.xs.push_back(x->value_or(MatrixInput::kMissing));
        in.ys.push_back(y->value_or(MatrixInput::kMissing));
    }
    return in;
}

// The customer matrices' inputs, one per spec, read in one pass over the customers: the
// join, labels and breakdown fields are the same for every matrix, only the axes differ.
Result<std::vector<MatrixInput>> loadCustomers(store::Workbook& wb, const std::vector<const MatrixSpec*>& specs,
                                               const bool (&need)[kGroupFieldCount]) {
    auto& db = wb.db();
    const auto summary = lastRunSummary(db);
    if (auto e = surveyOnlyAnalysis(summary)) return *e;
    if (!store::hasResults(db, store::ResultTable::CustomerMetrics)) return notAnalysed();
    std::optional<std::int64_t> segmentation;
    if (need[static_cast<int>(GroupField::Segment)]) {
        auto s = activeSegmentation(wb);
        if (!s) return s.takeError();
        segmentation = *s;
    }
    store::CustomerQuery q;
    q.segmentation = segmentation;
    for (const auto* spec : specs) {
        q.metrics.push_back(spec->x.metric);
        q.metrics.push_back(spec->y.metric);
    }
    q.metrics.push_back("revenue");
    q.metrics.push_back("margin");
    auto rows = store::readCustomers(db, q);
    if (!rows) return rows.takeError();
    auto metric = [&rows](std::size_t i) { return rows->metric(i).value_or(MatrixInput::kMissing); };
    const std::size_t revenueAt = 2 * specs.size(), marginAt = revenueAt + 1;

    MatrixInput base;
    base.points = PointKind::Customer;
    base.currency = currencyLabel(wb);
    Interner region(base.field(GroupField::Region)), channel(base.field(GroupField::Channel)),
        segment(base.field(GroupField::Segment));
    ManagerInterner manager(base.field(GroupField::Manager));
    auto wanted = [&need](GroupField f) { return need[static_cast<int>(f)]; };
    std::vector<std::vector<double>> xs(specs.size()), ys(specs.size());
    while (rows->next()) {
        base.ids.push_back(rows->id());
        // The point's label: "code — name", or the code alone.
        std::string label(rows->code());
        if (!rows->name().empty()) label.append(" — ").append(rows->name());
        base.labels.push_back(std::move(label));
        base.codes.emplace_back(rows->code());
        base.revenue.push_back(metric(revenueAt));
        base.margin.push_back(metric(marginAt));
        if (wanted(GroupField::Region)) region.add(rows->region());
        if (wanted(GroupField::Channel)) channel.add(rows->channel());
        if (wanted(GroupField::Segment)) segment.add(rows->segment());
        if (wanted(GroupField::Manager)) manager.add(rows->managerId(), rows->managerLabel(), rows->managerCode());
        for (std::size_t i = 0; i < specs.size(); ++i) {
            xs[i].push_back(metric(2 * i));
            ys[i].push_back(metric(2 * i + 1));
        }
    }
    if (auto st = rows->status(); !st) return st.takeError();
    // A field asked for but with no point at all still counts as loaded (every point: no value).
    for (int f = 0; f < kGroupFieldCount; ++f)
        if (need[f] && base.fields[f].codes.empty() && !base.ids.empty())
            base.fields[f].codes.assign(base.ids.size(), Category::kNone);
    std::vector<MatrixInput> out;
    out.reserve(specs.size());
    for (std::size_t i = 0; i < specs.size(); ++i) {
        MatrixInput in = i + 1 < specs.size() ? base : std::move(base);
        in.x = specs[i]->x;
        in.y = specs[i]->y;
        in.xs = std::move(xs[i]);
        in.ys = std::move(ys[i]);
        addDataNotes(summary, in);  // after the axes: labels and notes depend on them
        out.push_back(std::move(in));
    }
    return out;
}

void needFor(std::optional<GroupField> groupBy, const std::vector<MatrixFilter>& filters, bool (&need)[kGroupFieldCount]) {
    if (groupBy) need[static_cast<int>(*groupBy)] = true;
    for (const auto& f : filters) need[static_cast<int>(f.field)] = true;
}

}  // namespace

Result<std::optional<std::string>> lastAnalysisSummary(store::Workbook& wb) {
    try {
        const auto j = lastRunSummary(wb.db());
        return j.is_object() ? std::optional<std::string>(j.dump()) : std::optional<std::string>{};
    } catch (const store::SqlError& e) {
        return makeError(ErrorKind::Internal, e.message);
    }
}

Status checkAnalysed(store::Workbook& wb) {
    try {
        // A survey-only analysis stores no customer metrics, but the workbook is analysed.
        if (!store::hasResults(wb.db(), store::ResultTable::CustomerMetrics) &&
            !store::hasResults(wb.db(), store::ResultTable::AnalysisRuns))
            return notAnalysed();
    } catch (const store::SqlError& e) {
        return makeError(ErrorKind::Internal, e.message);
    }
    return {};
}

Result<std::optional<std::int64_t>> activeSegmentation(store::Workbook& wb) {
    try {
        const auto name = settings::readOr(wb.db(), settings::activeSegmentation());
        if (!name) return std::optional<std::int64_t>{};
        auto id = store::findSegmentation(wb.db(), *name);
        if (!id) return id.takeError();
        if (!*id)
            return makeError(
                ErrorKind::Input, "the active segmentation '" + *name + "' does not exist",
                "choose another segmentation, or clear setting segmentation.active to use "
                "the customers' own segment");
        return *id;
    } catch (const store::SqlError& e) {
        return makeError(ErrorKind::Internal, e.message);
    }
}

Result<MatrixInput> loadMatrixInput(store::Workbook& wb, MatrixKind kind,
                                    std::optional<GroupField> groupBy,
                                    const std::vector<MatrixFilter>& filters) {
    const MatrixSpec& spec = matrixSpec(kind);
    try {
        if (spec.points == PointKind::Attribute) {
            if (groupBy || !filters.empty())
                return makeError(ErrorKind::Usage,
                                 "the " + spec.name +
                                     " matrix plots service attributes: it has no "
                                     "breakdown or filter by customer fields",
                                 "drop --by and --filter");
            return loadAttributes(wb, spec);
        }
        bool need[kGroupFieldCount] = {};
        needFor(groupBy, filters, need);
        auto inputs = loadCustomers(wb, {&spec}, need);
        if (!inputs) return inputs.takeError();
        return std::move(inputs->front());
    } catch (const store::SqlError& e) {
        return makeError(ErrorKind::Internal, e.message);
    }
}

std::vector<Result<MatrixInput>> loadMatrixInputs(store::Workbook& wb, const std::vector<MatrixKind>& kinds,
                                                  const std::vector<MatrixFilter>& filters) {
    std::vector<Result<MatrixInput>> out(kinds.size(), Result<MatrixInput>(makeError(ErrorKind::Internal, "not loaded")));
    std::vector<const MatrixSpec*> customerSpecs;
    std::vector<std::size_t> customerSlots;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const MatrixSpec& spec = matrixSpec(kinds[i]);
        if (spec.points == PointKind::Attribute) {
            out[i] = loadMatrixInput(wb, kinds[i]);
        } else {
            customerSpecs.push_back(&spec);
            customerSlots.push_back(i);
        }
    }
    if (customerSpecs.empty()) return out;
    try {
        bool need[kGroupFieldCount] = {};
        needFor(std::nullopt, filters, need);
        auto inputs = loadCustomers(wb, customerSpecs, need);
        for (std::size_t k = 0; k < customerSlots.size(); ++k)
            out[customerSlots[k]] = inputs ? Result<MatrixInput>(std::move((*inputs)[k])) : Result<MatrixInput>(inputs.error());
    } catch (const store::SqlError& e) {
        for (auto slot : customerSlots) out[slot] = makeError(ErrorKind::Internal, e.message);
    }
    return out;
}

Result<std::vector<AttributeStats>> loadAttributeStats(store::Workbook& wb) {
    try {
        auto rows = store::readAttributeMetrics(wb.db());
        if (!rows) return rows.takeError();
        std::vector<AttributeStats> out;
        out.reserve(rows->size());
        for (auto& r : *rows)
            out.push_back({r.attributeId, std::move(r.name), r.responses, r.satisfaction, r.statedImportance,
                           r.derivedImportance, r.derivedShare});
        return out;
    } catch (const store::SqlError& e) {
        return makeError(ErrorKind::Internal, e.message);
    }
}

Result<MatrixThresholds> loadMatrixThresholds(store::Workbook& wb, const MatrixSpec& spec) {
    try {
        return settings::read(wb.db(), settings::matrixThresholds(spec.name));
    } catch (const store::SqlError& e) {
        return makeError(ErrorKind::Internal, e.message);
    }
}

Status saveMatrixThresholds(store::Workbook& wb, const MatrixSpec& spec,
                            const MatrixThresholds& t) {
    try {
        return settings::save(wb.db(), settings::matrixThresholds(spec.name), t);
    } catch (const store::SqlError& e) {
        return makeError(ErrorKind::Internal, e.message);
    }
}

}  // namespace cw::engine
