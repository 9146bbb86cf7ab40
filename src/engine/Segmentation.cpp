#include "engine/Segmentation.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <set>

#include "core/CivilTime.h"
#include "core/Log.h"
#include "engine/segment/GoodnessScore.h"
#include "engine/segment/KMeans.h"
#include "engine/segment/RuleGrid.h"
#include "engine/segment/Silhouette.h"
#include "engine/segment/Standardize.h"
#include "engine/load/MatrixLoader.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/Database.h"
#include "store/Segmentations.h"
#include "store/Workbook.h"

namespace cw::engine {
namespace {

using nlohmann::json;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Money and counts are skewed: k-means and z-scores see them through a signed log.
const std::set<std::string>& skewedMetrics() {
    static const std::set<std::string> s = {"revenue", "margin", "cost_to_serve", "clv", "potential", "prev_revenue",
                                            "recent_revenue", "orders", "purchase_days", "expected_purchases"};
    return s;
}

const std::vector<std::string> kDefaultFeatures = {"revenue", "margin", "orders", "recency_days", "tenure_days",
                                                   "months_active"};

Error usage(const std::string& what) {
    return makeError(ErrorKind::Usage, "segmentation: " + what,
                     "metrics: see 'clienting segment --help'; methods: rules, score, kmeans");
}

struct Table {
    std::vector<std::int64_t> customerId;
    Eigen::MatrixXd values;  // customers × metrics, NaN = no data
};

Result<Table> readMetrics(store::Database& db, const std::vector<std::string>& metrics, bool transform) {
    auto read = store::readMetricColumns(db, metrics);
    if (!read) return read.takeError();
    if (read->customerId.empty())
        return makeError(ErrorKind::Usage, "the workbook has not been analysed yet", "run 'clienting analyze' first");
    const std::size_t columns = metrics.size();
    for (std::size_t j = 0; transform && j < columns; ++j) {
        if (!skewedMetrics().count(metrics[j])) continue;
        for (std::size_t k = j; k < read->values.size(); k += columns)
            if (double& v = read->values[k]; std::isfinite(v)) v = std::copysign(std::log1p(std::fabs(v)), v);
    }
    Table t;
    t.customerId = std::move(read->customerId);
    t.values = Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
        read->values.data(), Eigen::Index(t.customerId.size()), Eigen::Index(metrics.size()));
    return t;
}

std::vector<std::string> stringList(const json& j, const char* key, const std::vector<std::string>& fallback) {
    if (!j.contains(key)) return fallback;
    return j.at(key).get<std::vector<std::string>>();
}

struct Labelled {
    std::vector<int> label;  // per customer, index into labels
    std::vector<std::string> labels;
    std::vector<json> segmentDefinitions;
    json quality;
    json definition;  // as stored
};

// Names a cluster by its two most distinctive features, e.g. "high revenue, low recency_days".
std::string describe(const Eigen::RowVectorXd& centroid, const std::vector<std::string>& features) {
    std::vector<int> order(features.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = int(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return std::fabs(centroid[a]) > std::fabs(centroid[b]); });
    std::string s;
    for (std::size_t i = 0; i < std::min<std::size_t>(2, order.size()); ++i) {
        const double z = centroid[order[i]];
        if (std::fabs(z) < 0.25) break;
        if (!s.empty()) s += ", ";
        s += (z > 0 ? "high " : "low ") + features[std::size_t(order[i])];
    }
    return s.empty() ? "average" : s;
}

struct FeatureMatrix {
    std::vector<std::string> features;
    std::vector<Eigen::Index> rows;  // metrics rows (customers) that have every feature
    Eigen::Index customers = 0;
    Standardized z;
};

Result<FeatureMatrix> featureMatrix(store::Database& db, const json& def) {
    FeatureMatrix f;
    f.features = stringList(def, "features", kDefaultFeatures);
    auto table = readMetrics(db, f.features, true);
    if (!table) return table.takeError();
    f.customers = table->values.rows();
    for (Eigen::Index i = 0; i < table->values.rows(); ++i)
        if (table->values.row(i).allFinite()) f.rows.push_back(i);
    if (f.rows.size() < 2) return usage("fewer than two customers have every feature; choose other --features");
    Eigen::MatrixXd x(Eigen::Index(f.rows.size()), table->values.cols());
    for (std::size_t r = 0; r < f.rows.size(); ++r) x.row(Eigen::Index(r)) = table->values.row(f.rows[r]);
    f.z = standardize(x);
    return f;
}

Result<Labelled> runKMeans(store::Database& db, json def, const ProgressFn& progress) {
    auto fm = featureMatrix(db, def);
    if (!fm) return fm.takeError();
    const auto& features = fm->features;
    const auto& rows = fm->rows;
    const auto& z = fm->z;
    KMeansOptions o;
    o.restarts = def.value("restarts", 10);
    o.seed = def.value("seed", std::uint64_t{42});
    Labelled out;
    if (def.value("k", json("auto")).is_string()) {
        const int kMin = def.value("k_min", 2), kMax = def.value("k_max", 8);
        KMeansOptions probe = o;
        probe.restarts = 3;
        auto s = suggestK(z.data, kMin, kMax, probe, {}, progress);
        if (!s) return s.takeError();
        o.k = s->suggestedK;
        out.quality["silhouette_by_k"] = json::object();
        for (std::size_t i = 0; i < s->k.size(); ++i) out.quality["silhouette_by_k"][std::to_string(s->k[i])] = s->silhouette[i];
    } else {
        o.k = def.at("k").get<int>();
    }
    auto km = kMeans(z.data, o, progress);
    if (!km) return km.takeError();
    auto sil = silhouetteScore(z.data, km->labels);
    out.quality["k"] = o.k;
    out.quality["inertia"] = km->inertia;
    out.quality["iterations"] = km->iterations;
    out.quality["converged"] = km->converged;
    out.quality["silhouette"] = sil ? json(*sil) : json(nullptr);
    out.quality["customers_clustered"] = rows.size();
    // Clusters ordered by their mean margin (or first feature), best first.
    const auto marginAt = std::find(features.begin(), features.end(), "margin");
    const Eigen::Index key = marginAt != features.end() ? Eigen::Index(marginAt - features.begin()) : 0;
    std::vector<int> order(std::size_t(o.k));
    for (int c = 0; c < o.k; ++c) order[std::size_t(c)] = c;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return km->centroids(a, key) > km->centroids(b, key); });
    std::vector<int> rank(std::size_t(o.k));
    for (int r = 0; r < o.k; ++r) rank[std::size_t(order[std::size_t(r)])] = r;
    for (int r = 0; r < o.k; ++r) {
        const int c = order[std::size_t(r)];
        out.labels.push_back("K" + std::to_string(r + 1) + ": " + describe(km->centroids.row(c), features));
        json centroid = json::object();
        for (std::size_t j = 0; j < features.size(); ++j) centroid[features[j]] = km->centroids(c, Eigen::Index(j));
        out.segmentDefinitions.push_back({{"centroid_z", centroid}});
    }
    out.labels.push_back("no data");
    out.segmentDefinitions.push_back({{"missing_any_of", features}});
    out.label.assign(std::size_t(fm->customers), o.k);
    for (std::size_t r = 0; r < rows.size(); ++r) out.label[std::size_t(rows[r])] = rank[std::size_t(km->labels[Eigen::Index(r)])];
    def["features"] = features;
    out.definition = def;
    return out;
}

Result<Labelled> runRules(store::Database& db, json def) {
    auto table = readMetrics(db, {"margin", "potential"}, false);
    if (!table) return table.takeError();
    RuleGridOptions o;
    if (def.contains("profit_cuts")) o.profitCuts = def["profit_cuts"].get<std::vector<double>>();
    if (def.contains("potential_cuts")) o.potentialCuts = def["potential_cuts"].get<std::vector<double>>();
    std::vector<double> profit(table->customerId.size()), potential(table->customerId.size());
    for (std::size_t i = 0; i < profit.size(); ++i) {
        profit[i] = table->values(Eigen::Index(i), 0);
        potential[i] = table->values(Eigen::Index(i), 1);
    }
    auto grid = ruleGrid(profit, potential, o);
    if (!grid) return grid.takeError();
    Labelled out;
    out.label = grid->label;
    out.labels = grid->labels;
    for (std::size_t l = 0; l < out.labels.size(); ++l) out.segmentDefinitions.push_back({{"cell", out.labels[l]}});
    out.quality = {{"profit_cut_values", grid->profitCutValues}, {"potential_cut_values", grid->potentialCutValues}};
    out.definition = def;
    return out;
}

// A saved selection: the chosen customers in one segment, everyone else in "others". Re-running
// keeps the same customers (those that still exist).
Result<Labelled> runSelection(store::Database& db, json def) {
    auto table = readMetrics(db, {}, false);
    if (!table) return table.takeError();
    const auto ids = def.at("customer_ids").get<std::vector<std::int64_t>>();
    const std::set<std::int64_t> chosen(ids.begin(), ids.end());
    Labelled out;
    out.labels = {def.value("label", std::string("selected")), "others"};
    out.segmentDefinitions = {json{{"customers", chosen.size()}}, json::object()};
    for (auto id : table->customerId) out.label.push_back(chosen.count(id) ? 0 : 1);
    out.definition = def;
    return out;
}

Result<Labelled> runScore(store::Database& db, json def) {
    if (!def.contains("weights") || !def["weights"].is_object() || def["weights"].empty())
        return usage("a score needs weights, e.g. {\"margin\": 2, \"loyalty\": 1}");
    std::vector<std::string> metrics;
    GoodnessOptions o;
    for (auto& [k, v] : def["weights"].items()) metrics.push_back(k), o.weights.push_back(v.get<double>());
    if (def.contains("band_shares")) o.bandShares = def["band_shares"].get<std::vector<double>>();
    if (def.contains("band_names")) o.bandNames = def["band_names"].get<std::vector<std::string>>();
    auto table = readMetrics(db, metrics, true);
    if (!table) return table.takeError();
    if (auto st = o.validate(table->values.cols()); !st) return st.takeError();
    auto g = goodnessScore(table->values, o);
    if (!g) return g.takeError();
    Labelled out;
    out.label = g->band;
    out.labels = g->labels;
    for (std::size_t l = 0; l < out.labels.size(); ++l)
        out.segmentDefinitions.push_back(l < g->cutValues.size() ? json{{"min_score", g->cutValues[l]}} : json::object());
    out.quality = {{"cut_values", g->cutValues}};
    out.definition = def;
    return out;
}

std::optional<std::int64_t> segmentationId(store::Database& db, const std::string& name) {
    auto row = store::readSegmentation(db, name);
    return row ? std::optional<std::int64_t>(row->id) : std::nullopt;
}

Error noSuchSegmentation(const std::string& name) {
    return makeError(ErrorKind::Usage, "no segmentation named '" + name + "'",
                     "list them with 'clienting segment --list'");
}

// Null or unreadable: none, as the matrices read it.
std::optional<std::string> readActiveName(store::Database& db) {
    return settings::readOr(db, settings::activeSegmentation());
}

// Sets or (with none) removes the active-segmentation setting inside the caller's transaction.
Status writeActiveName(store::WriteTransaction& tx, const std::optional<std::string>& name) {
    if (name) return settings::write(tx, settings::activeSegmentation(), name);
    return settings::clear(tx, settings::activeSegmentation());
}

std::string nowIso() {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    return formatDateTime(static_cast<std::int64_t>(t), false);
}

}  // namespace

const std::vector<std::string>& segmentationMetrics() {
    static const std::vector<std::string> m = {
        "revenue",      "margin",        "cost_to_serve", "orders",      "purchase_days", "recency_days",
        "tenure_days",  "rhythm_days",   "months_active", "p_alive",     "expected_purchases", "clv",
        "potential",    "loyalty",       "satisfaction",  "recommend",   "repurchase",    "prev_revenue",
        "recent_revenue"};
    return m;
}

Status validateSegmentation(const std::string& definitionJson) {
    json def;
    try {
        def = json::parse(definitionJson);
    } catch (const json::exception& e) {
        return usage(std::string("the definition is not JSON: ") + e.what());
    }
    const auto method = def.value("method", std::string());
    if (method != "kmeans" && method != "rules" && method != "score" && method != "selection")
        return usage("unknown method '" + method + "' (rules, score, kmeans or selection)");
    auto known = [](const std::string& m) {
        const auto& all = segmentationMetrics();
        return std::find(all.begin(), all.end(), m) != all.end();
    };
    try {
        if (method == "kmeans") {
            for (const auto& f : stringList(def, "features", kDefaultFeatures))
                if (!known(f)) return usage("unknown metric '" + f + "'");
            if (def.contains("k") && !def["k"].is_string() && (def["k"].get<int>() < 2 || def["k"].get<int>() > 50))
                return usage("k must be 2..50 or \"auto\"");
            if (def.value("restarts", 10) < 1) return usage("restarts must be at least 1");
        } else if (method == "selection") {
            if (!def.contains("customer_ids") || !def["customer_ids"].is_array() || def["customer_ids"].empty())
                return usage("a selection needs customer_ids");
            (void)def["customer_ids"].get<std::vector<std::int64_t>>();
        } else if (method == "score") {
            if (!def.contains("weights") || !def["weights"].is_object() || def["weights"].empty())
                return usage("a score needs weights, e.g. margin=2,loyalty=1");
            for (auto& [k, v] : def["weights"].items()) {
                if (!known(k)) return usage("unknown metric '" + k + "'");
                if (!v.is_number()) return usage("the weight of '" + k + "' is not a number");
            }
        }
    } catch (const json::exception& e) {
        return usage(std::string("bad definition: ") + e.what());
    }
    return {};
}

Result<SegmentationOutcome> runSegmentation(store::WriteTransaction& tx, const std::string& name,
                                            const std::string& definitionJson, const ProgressFn& progress) {
    auto& db = tx.db();
    if (name.empty()) return usage("a segmentation needs a name");
    if (auto st = validateSegmentation(definitionJson); !st) return st.takeError();
    const json def = json::parse(definitionJson);
    const auto method = def["method"].get<std::string>();
    const auto t0 = std::chrono::steady_clock::now();
    auto since = [&t0] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    Result<Labelled> run = method == "kmeans"      ? runKMeans(db, def, progress)
                           : method == "rules"     ? runRules(db, def)
                           : method == "selection" ? runSelection(db, def)
                                                   : runScore(db, def);
    if (!run) return run.takeError();
    log::get("engine")->debug("segmentation '{}': {} computed in {:.3f} s", name, method, since());
    auto table = readMetrics(db, {}, false);  // customer ids in the same order
    if (!table) return table.takeError();

    SegmentationOutcome out;
    out.name = name;
    out.method = method;
    out.definitionJson = run->definition.dump();
    out.qualityJson = run->quality.dump();
    const auto now = nowIso();
    std::string created = now;
    if (auto existing = store::readSegmentation(db, name)) {
        created = existing->createdAt;
        store::deleteSegmentationRows(tx, existing->id);
    }
    out.createdAt = created;
    out.updatedAt = now;
    out.id = store::insertSegmentation(tx, {0, name, method, out.definitionJson, out.qualityJson, created, now});
    std::vector<std::int64_t> segmentIds;
    std::vector<std::int64_t> counts(run->labels.size(), 0);
    for (int l : run->label) ++counts[std::size_t(l)];
    for (std::size_t l = 0; l < run->labels.size(); ++l) {
        const auto definition = run->segmentDefinitions[l].dump();
        segmentIds.push_back(store::insertSegment(tx, out.id, {0, std::int64_t(l), run->labels[l], definition, 0}));
        out.segments.push_back({run->labels[l], counts[l], definition});
    }
    std::vector<std::int64_t> segmentOf(table->customerId.size());
    for (std::size_t i = 0; i < segmentOf.size(); ++i) segmentOf[i] = segmentIds[std::size_t(run->label[i])];
    store::insertMemberships(tx, out.id, table->customerId, segmentOf);
    log::get("engine")->debug("segmentation '{}': stored at {:.3f} s", name, since());
    return out;
}

Result<SegmentationOutcome> runSegmentation(store::Database& db, const std::string& name,
                                            const std::string& definitionJson, const ProgressFn& progress) {
    return inOwnTransaction(db, [&](store::WriteTransaction& tx) {
        return runSegmentation(tx, name, definitionJson, progress);
    });
}

Result<std::vector<SegmentationOutcome>> rerunSegmentations(store::WriteTransaction& tx, const ProgressFn& progress) {
    const auto saved = store::readSegmentations(tx.db());
    std::vector<SegmentationOutcome> out;
    for (const auto& g : saved) {
        auto r = runSegmentation(tx, g.name, g.definitionJson, progress);
        if (!r) return r.takeError();
        out.push_back(std::move(*r));
    }
    return out;
}

Result<std::vector<SegmentationOutcome>> rerunSegmentations(store::Database& db, const ProgressFn& progress) {
    return inOwnTransaction(db, [&](store::WriteTransaction& tx) { return rerunSegmentations(tx, progress); });
}

Status deleteSegmentation(store::Database& db, const std::string& name) {
    return inOwnTransaction(db, [&](store::WriteTransaction& tx) -> Status {
        const auto sid = segmentationId(db, name);
        if (!sid) return noSuchSegmentation(name);
        store::deleteSegmentationRows(tx, *sid);
        if (readActiveName(db) == name) return writeActiveName(tx, std::nullopt);
        return {};
    });
}

Status renameSegmentation(store::Database& db, const std::string& from, const std::string& to) {
    if (to.empty()) return makeError(ErrorKind::Usage, "a segmentation needs a name", "type a name for it");
    return inOwnTransaction(db, [&](store::WriteTransaction& tx) -> Status {
        const auto sid = segmentationId(db, from);
        if (!sid) return noSuchSegmentation(from);
        if (to == from) return {};
        if (segmentationId(db, to))
            return makeError(ErrorKind::Usage, "a segmentation named '" + to + "' exists already",
                             "choose another name, or delete that one first");
        store::renameSegmentationRow(tx, *sid, to);
        if (readActiveName(db) == from) return writeActiveName(tx, to);
        return {};
    });
}

Result<std::optional<std::string>> activeSegmentationName(store::Database& db) {
    try {
        return readActiveName(db);
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
}

Status setActiveSegmentation(store::Database& db, const std::optional<std::string>& name) {
    return inOwnTransaction(db, [&](store::WriteTransaction& tx) -> Status {
        if (name && !segmentationId(db, *name)) return noSuchSegmentation(*name);
        return writeActiveName(tx, name);
    });
}

Result<StoredSegmentation> readStoredSegmentation(store::Database& db, const std::string& name) {
    try {
        const auto row = store::readSegmentation(db, name);
        if (!row) return noSuchSegmentation(name);
        StoredSegmentation s{row->id, row->name, row->method, row->definitionJson, row->qualityJson,
                             row->createdAt, row->updatedAt, {}, {}, false};
        for (auto& g : store::readSegments(db, s.id))
            s.segments.push_back({g.id, g.ordinal, std::move(g.label), std::move(g.definitionJson)});
        s.memberships = store::readMemberships(db, s.id);
        s.active = readActiveName(db) == name;
        return s;
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
}

Status restoreSegmentation(store::Database& db, const StoredSegmentation& s) {
    return inOwnTransaction(db, [&](store::WriteTransaction& tx) -> Status {
        if (segmentationId(db, s.name))
            return makeError(ErrorKind::Usage, "a segmentation named '" + s.name + "' exists again",
                             "rename or delete that one first");
        store::insertSegmentation(tx, {s.id, s.name, s.method, s.definitionJson, s.qualityJson, s.createdAt, s.updatedAt});
        for (const auto& g : s.segments) store::insertSegment(tx, s.id, {g.id, g.ordinal, g.label, g.definitionJson, 0});
        std::vector<std::int64_t> customers, segmentOf;
        customers.reserve(s.memberships.size());
        segmentOf.reserve(s.memberships.size());
        for (const auto& [customer, segment] : s.memberships) customers.push_back(customer), segmentOf.push_back(segment);
        store::insertMemberships(tx, s.id, customers, segmentOf);
        if (s.active) return writeActiveName(tx, s.name);
        return {};
    });
}

Result<std::vector<SegmentationOutcome>> listSegmentations(store::Database& db) {
    try {
        std::vector<SegmentationOutcome> out;
        for (auto& g : store::readSegmentations(db)) {
            SegmentationOutcome o{g.id, g.name, g.method, g.definitionJson, g.qualityJson, {}, g.createdAt, g.updatedAt};
            for (auto& seg : store::readSegments(db, o.id))
                o.segments.push_back({std::move(seg.label), seg.customers, std::move(seg.definitionJson)});
            out.push_back(std::move(o));
        }
        return out;
    } catch (const store::SqlError& e) {
        return store::sqliteError(db, e);
    }
}

Result<KSuggestionReport> suggestSegments(store::Database& db, const std::string& definitionJson, int kMin, int kMax) {
    if (auto st = validateSegmentation(definitionJson); !st) return st.takeError();
    const json def = json::parse(definitionJson);
    auto fm = featureMatrix(db, def);
    if (!fm) return fm.takeError();
    KMeansOptions o;
    o.restarts = def.value("restarts", 3);
    o.seed = def.value("seed", std::uint64_t{42});
    auto s = suggestK(fm->z.data, kMin, kMax, o);
    if (!s) return s.takeError();
    return KSuggestionReport{s->k, s->silhouette, s->inertia, s->suggestedK};
}

Result<Eigen::MatrixXd> segmentationFeatures(store::Database& db, const std::string& definitionJson) {
    if (auto st = validateSegmentation(definitionJson); !st) return st.takeError();
    auto fm = featureMatrix(db, json::parse(definitionJson));
    if (!fm) return fm.takeError();
    return std::move(fm->z.data);
}

}  // namespace cw::engine
