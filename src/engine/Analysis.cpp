#include "engine/Analysis.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <thread>

#include "core/CivilTime.h"
#include "core/Log.h"
#include "engine/KpiAnalysis.h"
#include "engine/PurchaseModels.h"
#include "engine/matrix/DataNotes.h"
#include "engine/Segmentation.h"
#include "engine/load/SurveyLoader.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/AnalysisResults.h"
#include "store/Database.h"
#include "store/Segmentations.h"
#include "store/Workbook.h"

namespace cw::engine {
namespace {

// The customer matrices' axes as stored (customer_metrics columns), over the customers each plots.
std::vector<MatrixSplitStats> matrixSplitsOf(const MetricsTable& m) {
    auto column = [&](const std::string& metric) -> const std::vector<double>* {
        if (metric == "margin") return &m.margin;
        if (metric == "potential") return &m.potential;
        if (metric == "satisfaction") return &m.satisfaction;
        if (metric == "loyalty") return &m.loyalty;
        return nullptr;
    };
    std::vector<MatrixSplitStats> out;
    for (const auto& spec : matrixSpecs()) {
        if (spec.points != PointKind::Customer) continue;
        const auto* x = column(spec.x.metric);
        const auto* y = column(spec.y.metric);
        if (!x || !y) continue;  // an axis the analysis does not keep in memory
        const auto stats = plottedAxisStats(*x, *y);
        out.push_back({spec.name, stats[0], stats[1]});
    }
    return out;
}

using Clock = std::chrono::steady_clock;

class Phases {
public:
    explicit Phases(std::vector<PhaseTime>& out) : m_out(out), m_start(Clock::now()), m_lap(m_start) {}
    void lap(const char* name) {
        const auto now = Clock::now();
        m_out.push_back({name, std::chrono::duration<double>(now - m_lap).count()});
        m_lap = now;
    }
    double total() const { return std::chrono::duration<double>(Clock::now() - m_start).count(); }

private:
    std::vector<PhaseTime>& m_out;
    Clock::time_point m_start, m_lap;
};

std::optional<std::size_t> indexOf(const std::vector<std::int64_t>& ids, std::int64_t id) {
    auto it = std::lower_bound(ids.begin(), ids.end(), id);
    if (it == ids.end() || *it != id) return std::nullopt;
    return static_cast<std::size_t>(it - ids.begin());
}

// The survey's per-attribute results as the workbook keeps them.
std::vector<store::AttributeMetricRow> attributeRows(const SurveyAnalysis& survey) {
    std::vector<store::AttributeMetricRow> rows;
    rows.reserve(survey.attributes.size());
    for (const auto& a : survey.attributes)
        rows.push_back({a.id, a.name, a.responses, a.satisfaction, a.statedImportance, a.derivedImportance,
                        a.derivedShare, a.olsBeta});
    return rows;
}

// Labels of the active segmentation, else the customers' own segment column; "" where a
// customer has none.
std::vector<std::string> segmentLabels(store::Database& db, const CustomerInfo& customers) {
    std::vector<std::string> labels = customers.segment;
    const auto active = settings::readOr(db, settings::activeSegmentation());
    if (!active) return labels;
    std::fill(labels.begin(), labels.end(), std::string());
    for (auto& member : store::readSegmentMembers(db, *active)) {
        auto it = std::lower_bound(customers.id.begin(), customers.id.end(), member.customerId);
        if (it != customers.id.end() && *it == member.customerId)
            labels[std::size_t(it - customers.id.begin())] = std::move(member.label);
    }
    return labels;
}

std::string nowIso() {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    return formatDateTime(static_cast<std::int64_t>(t), false);
}

void applySurvey(const SurveyAnalysis& survey, const CustomerInfo& customers, MetricsTable& m) {
    for (const auto& a : survey.customers) {
        auto i = indexOf(customers.id, a.customerId);
        if (!i) continue;
        if (a.satisfaction) m.satisfaction[*i] = *a.satisfaction;
        if (a.recommend) m.recommend[*i] = *a.recommend;
        if (a.repurchase) m.repurchase[*i] = *a.repurchase;
        if (a.day) m.surveyDay[*i] = static_cast<std::int32_t>(*a.day);
    }
}

void summarize(const MetricsTable& m, AnalysisSummary& s) {
    s.customers = static_cast<std::int64_t>(m.size());
    const double known = m.revenueWithCost + m.revenueAssumedCost;
    s.assumedCostShare = known > 0 ? m.revenueAssumedCost / known : 0;
    for (std::size_t i = 0; i < m.size(); ++i) {
        s.withTransactions += m.lastDay[i] >= 0;
        s.repeatCustomers += m.purchaseDays[i] >= 2;
        s.active += m.active[i];
        s.exited += m.exited[i];
        s.profitableExits += m.profitableExit[i];
        s.anorexic += m.anorexic[i];
        s.surveyed += !std::isnan(m.satisfaction[i]);
        if (std::isfinite(m.revenue[i])) s.revenue += m.revenue[i];
        if (std::isfinite(m.margin[i])) s.margin += m.margin[i];
    }
}

// The day of the latest dated answer of a survey analysed on its own; today without one.
std::int32_t lastAnswerDay(const SurveyAnalysis& survey) {
    if (survey.lastDay) return static_cast<std::int32_t>(*survey.lastDay);
    using namespace std::chrono;
    return static_cast<std::int32_t>(floor<days>(system_clock::now()).time_since_epoch().count());
}

}  // namespace

Status AnalysisOptions::validate() const {
    if (threads < 1 || threads > 16) return makeError(ErrorKind::Usage, "threads must be 1..16");
    if (settings) return settings->validate();
    return {};
}

std::string AnalysisSummary::toJson() const {
    nlohmann::json j;
    j["run_id"] = runId;
    j["analysis_date"] = formatDate(calendar.analysisDay);
    j["window_start"] = formatDate(calendar.windowStart);
    j["settings"] = nlohmann::json::parse(settings.toJson());
    j["customers"] = {{"total", customers},  {"with_transactions", withTransactions},
                      {"active", active},    {"exited", exited},
                      {"profitable_exits", profitableExits}, {"anorexic", anorexic},
                      {"surveyed", surveyed}};
    j["survey_only"] = surveyOnly;
    // What the figures rest on: the matrices warn from these.
    j["data_notes"] = {{"repeat_customers", repeatCustomers},
                       {"assumed_cost_share", assumedCostShare},
                       {"survey_before_window", surveyBeforeWindow},
                       {"survey_after_window", surveyAfterWindow}};
    j["segmentations_rerun"] = segmentations;
    j["indicator_rows"] = indicatorRows;
    auto splits = nlohmann::json::object();
    auto axis = [](const AxisStats& a) {
        auto opt = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
        return nlohmann::json{{"points", a.points}, {"median", opt(a.median)}, {"mean", opt(a.mean)}};
    };
    for (const auto& m : matrixSplits) splits[m.matrix] = {{"x", axis(m.x)}, {"y", axis(m.y)}};
    j["matrix_splits"] = splits;
    j["transactions"] = {{"rows", transactions}, {"anonymous", anonymousTransactions}};
    j["window"] = {{"revenue", revenue}, {"margin", margin}};
    auto models = nlohmann::json::object();
    for (const auto& r : this->models) models[r.name] = nlohmann::json::parse(r.json);
    j["models"] = models;
    j["survey"] = {{"responses", surveyResponses},
                   {"r2", surveyR2 ? nlohmann::json(*surveyR2) : nlohmann::json(nullptr)},
                   {"nps", nps ? nlohmann::json(*nps) : nlohmann::json(nullptr)}};
    auto links = nlohmann::json::array();
    for (const auto& g : this->links) {
        auto jl = nlohmann::json::array();
        for (const auto& l : g.links)
            jl.push_back({{"from", l.from}, {"to", l.to}, {"pairs", l.pairs},
                          {"rho", std::isfinite(l.rho) ? nlohmann::json(l.rho) : nlohmann::json(nullptr)},
                          {"p_value", l.pValue}, {"broken", l.broken}});
        links.push_back({{"group", g.group}, {"links", jl}});
    }
    j["loyalty_links"] = links;
    auto phases = nlohmann::json::array();
    for (const auto& p : this->phases) phases.push_back({{"phase", p.name}, {"seconds", p.seconds}});
    j["phases"] = phases;
    j["seconds"] = seconds;
    j["warnings"] = warnings;
    return j.dump(2);
}

namespace {

// One pass. With options.store the write lock is held throughout, so no other connection can
// commit while the workbook's connection and the scan's own connections read.
Result<AnalysisSummary> analyseOnce(store::Workbook& wb, const AnalysisOptions& options, const ProgressFn& progress) {
    AnalysisSummary s;
    Phases phases(s.phases);
    auto cancelled = [&](const char* phase, std::int64_t done, std::int64_t total) {
        return progress && !progress({phase, done, total});
    };
    const auto cancelError = [] { return makeError(ErrorKind::Cancelled, "analysis cancelled; nothing was stored"); };
    auto& db = wb.db();
    // The write lock is taken before anything is read: what is stored is computed from exactly
    // the data it is stored beside, and a busy workbook stops the analysis before any work.
    // Foreign keys off for the bulk store (every reference comes from the workbook itself); the
    // pragma must be set before the transaction begins, and outlives it.
    std::optional<store::BulkWriteMode> bulk;
    std::optional<store::WriteTransaction> tx;
    if (options.store) {
        bulk.emplace(db, 64);
        auto begun = store::WriteTransaction::begin(db);
        if (!begun) return begun.takeError();
        tx.emplace(std::move(*begun));
    }
    try {
        if (options.settings) {
            s.settings = *options.settings;
        } else {
            auto loaded = AnalysisSettings::load(wb);
            if (!loaded) return loaded.takeError();
            s.settings = *loaded;
        }
        auto customers = loadCustomers(db, s.settings.walletField);
        if (!customers) return customers.takeError();
        auto cts = loadCostToServe(db);
        if (!cts) return cts.takeError();
        phases.lap("customers");
        if (cancelled("reading transactions", 0, 0)) return cancelError();

        auto rows = scanTransactions(wb.path(), customers->id, {options.threads});
        if (!rows) return rows.takeError();
        s.transactions = static_cast<std::int64_t>(rows->rows()) + rows->anonymousRows;
        s.anonymousTransactions = rows->anonymousRows;
        phases.lap("transactions");
        // A survey without transactions (a first satisfaction study) is analysed on its own: the
        // survey part over every answer; the customer metrics stay empty and the matrices that
        // need them say so.
        std::optional<SurveyAnalysis> surveyOnly;
        if (rows->rows() == 0) {
            auto survey = analyzeSurvey(wb, SurveyOptions{});
            if (!survey) return survey.takeError();
            if (survey->responses == 0)
                return makeError(ErrorKind::Input, "the workbook has no transactions of known customers and no survey answers",
                                 "import transactions with a customer id column (clienting import --table transactions) "
                                 "or survey answers (--table survey)");
            surveyOnly = std::move(*survey);
            s.surveyOnly = true;
            s.warnings.push_back("no transactions of known customers: only the survey was analysed (importance × "
                                 "satisfaction, satisfaction, NPS); profitability, potential, loyalty, exits and the "
                                 "purchase models need transactions");
        }

        std::int32_t analysisDay = rows->lastDay;
        if (surveyOnly) analysisDay = lastAnswerDay(*surveyOnly);
        if (s.settings.analysisDate) analysisDay = static_cast<std::int32_t>(parseIsoDay(*s.settings.analysisDate));
        s.calendar = AnalysisCalendar::make(analysisDay, s.settings);
        PurchaseLog log;
        std::vector<std::int32_t> logIndex;
        auto m = computeBaseMetrics(*rows, *customers, *cts, s.settings, s.calendar, log, logIndex);
        phases.lap("metrics");
        if (cancelled("fitting models", 0, 0)) return cancelError();
        // The indicators keep each customer's months (a fraction of the rows), gathered on a
        // second thread while the models (which need only the purchase log) are fitted; the
        // thread is joined before the rows are freed, or on any early return.
        kpi::KpiInput kpiInput;
        std::exception_ptr kpiFailed;
        std::jthread months;
        if (tx)
            months = std::jthread([&] {
                try {
                    kpiInput = kpiActivityOf(*rows, s.settings, s.calendar);
                } catch (...) {
                    kpiFailed = std::current_exception();
                }
            });

        if (!surveyOnly) {
            auto models = fitPurchaseModels(log, logIndex, s.settings, s.calendar, m);
            if (!models) return models.takeError();
            s.models = std::move(models->reports);
            for (auto& w : models->warnings) s.warnings.push_back(std::move(w));
        }
        phases.lap("models");
        if (months.joinable()) months.join();
        if (kpiFailed) std::rethrow_exception(kpiFailed);
        rows = CustomerRows{};
        phases.lap("indicator months");  // what the thread took beyond the models
        if (cancelled("analysing the survey", 0, 0)) return cancelError();

        SurveyOptions so;
        so.window = SurveyWindow::days(s.calendar.windowStart, s.calendar.analysisDay);
        auto survey = surveyOnly ? Result<SurveyAnalysis>(std::move(*surveyOnly)) : analyzeSurvey(wb, so);
        if (!survey) return survey.takeError();
        applySurvey(*survey, *customers, m);
        s.surveyResponses = survey->responses;
        s.surveyBeforeWindow = survey->beforeWindow;
        s.surveyAfterWindow = survey->afterWindow;
        if (s.surveyAfterWindow > 0)
            s.warnings.push_back(surveyAfterNote(s.surveyAfterWindow, formatDate(s.calendar.analysisDay)));
        s.surveyR2 = survey->r2;
        if (survey->nps.answers > 0) s.nps = survey->nps.nps;
        if (survey->responses > 0 && !survey->derived) s.warnings.push_back("derived importance: " + survey->message);
        phases.lap("survey");

        finishMetrics(m, *customers, s.settings, s.calendar);
        summarize(m, s);
        s.matrixSplits = matrixSplitsOf(m);
        if (!s.surveyOnly) {
            if (s.assumedCostShare > 0.5)
                s.warnings.push_back(assumedCostNote(s.assumedCostShare, s.settings.grossMarginRate));
            if (s.withTransactions > 0 && s.repeatCustomers * 20 < s.withTransactions)
                s.warnings.push_back(repeatNote(s.repeatCustomers, s.withTransactions));
        }
        phases.lap("loyalty, exits");
        if (cancelled("storing", 0, 0)) return cancelError();

        if (tx) {
            s.runId = store::startAnalysisRun(*tx, {nowIso(), s.calendar.analysisDay, s.calendar.windowStart,
                                                    s.settings.toJson()});
            store::writeCustomerMetrics(*tx, customers->id, m);
            store::writeAttributeMetrics(*tx, attributeRows(*survey));
            store::clearModelFits(*tx);  // no stale fit survives
            for (const auto& r : s.models) store::writeModelFit(*tx, r.name, s.runId, r.json);
            phases.lap("store");
            auto segmentations = rerunSegmentations(*tx);
            if (!segmentations) return segmentations.takeError();
            s.segmentations = static_cast<std::int64_t>(segmentations->size());
            phases.lap("segmentations");
            // After the segmentations: the indicators by segment use their new memberships.
            const auto indicators = computeIndicators(db, std::move(kpiInput), *customers, m, *cts, s.settings, s.calendar);
            store::writeKpiValues(*tx, indicators);
            s.indicatorRows = static_cast<std::int64_t>(indicators.size());
            phases.lap("indicators");
            s.links = loyaltyLinks(m.satisfaction, m.loyalty, m.margin, segmentLabels(db, *customers));
            phases.lap("loyalty links");
            s.seconds = phases.total();
            store::finishAnalysisRun(*tx, s.runId, nowIso(), s.toJson());
            if (auto st = tx->commit(); !st) return st.takeError();
        }
        if (!options.store) s.links = loyaltyLinks(m.satisfaction, m.loyalty, m.margin, segmentLabels(db, *customers));
        s.seconds = phases.total();
        log::get("engine")->info("analysis of {} customers in {:.2f} s", s.customers, s.seconds);
        return s;
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
}

}  // namespace

Result<AnalysisSummary> runAnalysis(store::Workbook& wb, const AnalysisOptions& options, const ProgressFn& progress) {
    if (auto st = options.validate(); !st) return st.takeError();
    if (options.store) return analyseOnce(wb, options, progress);
    // A dry run holds no lock: it is repeated when another connection committed meanwhile
    // (PRAGMA data_version), so that its figures are of one state of the workbook.
    auto version = [&] { return wb.db().dataVersion(); };
    for (int attempt = 1;; ++attempt) {
        const auto before = version();
        auto r = analyseOnce(wb, options, progress);
        if (!r || version() == before) return r;
        if (attempt == 3)
            return makeError(ErrorKind::Workbook, "the workbook is busy: another program kept changing it while it was analysed",
                             "run the analysis again when the other program is done");
    }
}

}  // namespace cw::engine
