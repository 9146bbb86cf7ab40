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
#include "engine/matrix/MatrixLoader.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/Database.h"
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
    std::string sql = "SELECT customer_id";
    for (const auto& m : metrics) sql += ", " + m;  // names checked against segmentationMetrics()
    sql += " FROM customer_metrics ORDER BY customer_id";
    auto st = db.prepare(sql);
    if (!st) return st.takeError();
    Table t;
    std::vector<double> flat;
    while (st->step()) {
        t.customerId.push_back(st->int64(0));
        for (std::size_t j = 0; j < metrics.size(); ++j) {
            double v = st->isNull(int(j) + 1) ? kNaN : st->real(int(j) + 1);
            if (transform && skewedMetrics().count(metrics[j]) && std::isfinite(v))
                v = std::copysign(std::log1p(std::fabs(v)), v);
            flat.push_back(v);
        }
    }
    if (t.customerId.empty())
        return makeError(ErrorKind::Usage, "the workbook has not been analysed yet", "run 'clienting analyze' first");
    t.values = Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
        flat.data(), Eigen::Index(t.customerId.size()), Eigen::Index(metrics.size()));
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

// Memberships in multi-row INSERTs: one statement step per 128 customers. `segmentOf[i]` is the
// segment id of `customerId[i]`.
void insertMemberships(store::WriteTransaction& tx, std::int64_t segmentationId,
                       const std::vector<std::int64_t>& customerId, const std::vector<std::int64_t>& segmentOf) {
    auto& db = tx.db();
    constexpr std::size_t kRows = 128;
    auto insertSql = [](std::size_t rows) {
        std::string sql = "INSERT INTO customer_segments(segmentation_id, customer_id, segment_id) VALUES ";
        for (std::size_t r = 0; r < rows; ++r) sql += r ? ",(?,?,?)" : "(?,?,?)";
        return sql;
    };
    auto many = db.prepareOrThrow(insertSql(kRows));
    const std::size_t n = customerId.size();
    for (std::size_t start = 0; start < n; start += kRows) {
        const std::size_t rows = std::min(kRows, n - start);
        auto partial = rows == kRows ? store::Statement() : db.prepareOrThrow(insertSql(rows));
        auto& st = rows == kRows ? many : partial;
        for (std::size_t r = 0; r < rows; ++r) {
            const std::size_t i = start + r;
            const int p = int(3 * r);
            st.bind(p + 1, segmentationId).bind(p + 2, customerId[i]).bind(p + 3, segmentOf[i]);
        }
        if (!st.exec()) throw store::SqlError{"storing segment memberships: " + st.lastError()};
        st.reset();
    }
}

// Explicitly and memberships first (by their primary-key prefix): while `analyze` stores,
// foreign keys are off and no cascade fires.
void deleteStored(store::WriteTransaction& tx, std::int64_t segmentationId) {
    for (const char* sql : {"DELETE FROM customer_segments WHERE segmentation_id = ?",
                            "DELETE FROM segments WHERE segmentation_id = ?", "DELETE FROM segmentations WHERE id = ?"}) {
        auto del = tx.db().prepareOrThrow(sql);
        del.bind(1, segmentationId);
        if (!del.exec()) throw store::SqlError{del.lastError()};
    }
}

std::optional<std::int64_t> segmentationId(store::Database& db, const std::string& name) {
    auto st = db.prepareOrThrow("SELECT id FROM segmentations WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return st.int64(0);
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
    auto existing = db.prepareOrThrow("SELECT id, created_at FROM segmentations WHERE name = ?");
    existing.bind(1, name);
    std::string created = now;
    if (existing.step()) {
        created = existing.text(1);
        deleteStored(tx, existing.int64(0));
    }
    out.createdAt = created;
    out.updatedAt = now;
    auto ins = db.prepareOrThrow(
        "INSERT INTO segmentations(name, method, definition, quality, created_at, updated_at) VALUES(?,?,?,?,?,?)");
    ins.bind(1, name).bind(2, method).bind(3, out.definitionJson).bind(4, out.qualityJson).bind(5, created).bind(6, now);
    if (!ins.exec()) throw store::SqlError{ins.lastError()};
    out.id = db.lastInsertRowId();
    std::vector<std::int64_t> segmentIds;
    std::vector<std::int64_t> counts(run->labels.size(), 0);
    for (int l : run->label) ++counts[std::size_t(l)];
    auto seg = db.prepareOrThrow("INSERT INTO segments(segmentation_id, ordinal, label, definition) VALUES(?,?,?,?)");
    for (std::size_t l = 0; l < run->labels.size(); ++l) {
        seg.bind(1, out.id).bind(2, std::int64_t(l)).bind(3, run->labels[l]).bind(4, run->segmentDefinitions[l].dump());
        if (!seg.exec()) throw store::SqlError{seg.lastError()};
        seg.reset();
        segmentIds.push_back(db.lastInsertRowId());
        out.segments.push_back({run->labels[l], counts[l], run->segmentDefinitions[l].dump()});
    }
    std::vector<std::int64_t> segmentOf(table->customerId.size());
    for (std::size_t i = 0; i < segmentOf.size(); ++i) segmentOf[i] = segmentIds[std::size_t(run->label[i])];
    insertMemberships(tx, out.id, table->customerId, segmentOf);
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
    std::vector<std::pair<std::string, std::string>> defs;
    auto st = tx.db().prepareOrThrow("SELECT name, definition FROM segmentations ORDER BY id");
    while (st.step()) defs.emplace_back(st.text(0), st.text(1));
    std::vector<SegmentationOutcome> out;
    for (const auto& [name, def] : defs) {
        auto r = runSegmentation(tx, name, def, progress);
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
        deleteStored(tx, *sid);
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
        auto st = db.prepareOrThrow("UPDATE segmentations SET name = ? WHERE id = ?");
        st.bind(1, to).bind(2, *sid);
        if (!st.exec()) throw store::SqlError{st.lastError()};
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
        StoredSegmentation s;
        auto st = db.prepareOrThrow(
            "SELECT id, name, method, definition, quality, created_at, updated_at FROM segmentations WHERE name = ?");
        st.bind(1, name);
        if (!st.step()) return noSuchSegmentation(name);
        s = {st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6), {}, {}, false};
        auto segs = db.prepareOrThrow(
            "SELECT id, ordinal, label, definition FROM segments WHERE segmentation_id = ? ORDER BY ordinal");
        segs.bind(1, s.id);
        while (segs.step()) s.segments.push_back({segs.int64(0), segs.int64(1), segs.text(2), segs.text(3)});
        auto members = db.prepareOrThrow(
            "SELECT customer_id, segment_id FROM customer_segments WHERE segmentation_id = ? ORDER BY customer_id");
        members.bind(1, s.id);
        while (members.step()) s.memberships.emplace_back(members.int64(0), members.int64(1));
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
        auto ins = db.prepareOrThrow(
            "INSERT INTO segmentations(id, name, method, definition, quality, created_at, updated_at) "
            "VALUES(?,?,?,?,?,?,?)");
        ins.bind(1, s.id).bind(2, s.name).bind(3, s.method).bind(4, s.definitionJson).bind(5, s.qualityJson);
        ins.bind(6, s.createdAt).bind(7, s.updatedAt);
        if (!ins.exec()) return store::sqliteError(db, "restoring segmentation '" + s.name + "'");
        auto seg = db.prepareOrThrow("INSERT INTO segments(id, segmentation_id, ordinal, label, definition) VALUES(?,?,?,?,?)");
        for (const auto& g : s.segments) {
            seg.bind(1, g.id).bind(2, s.id).bind(3, g.ordinal).bind(4, g.label).bind(5, g.definitionJson);
            if (!seg.exec()) return store::sqliteError(db, "restoring the segments of '" + s.name + "'");
            seg.reset();
        }
        std::vector<std::int64_t> customers, segmentOf;
        customers.reserve(s.memberships.size());
        segmentOf.reserve(s.memberships.size());
        for (const auto& [customer, segment] : s.memberships) customers.push_back(customer), segmentOf.push_back(segment);
        insertMemberships(tx, s.id, customers, segmentOf);
        if (s.active) return writeActiveName(tx, s.name);
        return {};
    });
}

Result<std::vector<SegmentationOutcome>> listSegmentations(store::Database& db) {
    std::vector<SegmentationOutcome> out;
    auto st = db.prepareOrThrow(
        "SELECT id, name, method, definition, quality, created_at, updated_at FROM segmentations ORDER BY id");
    auto segs = db.prepareOrThrow(
        "SELECT s.label, s.definition, (SELECT count(*) FROM customer_segments c WHERE c.segment_id = s.id) "
        "FROM segments s WHERE s.segmentation_id = ? ORDER BY s.ordinal");
    while (st.step()) {
        SegmentationOutcome o{st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), {}, st.text(5), st.text(6)};
        segs.bind(1, o.id);
        while (segs.step()) o.segments.push_back({segs.text(0), segs.int64(2), segs.text(1)});
        segs.reset();
        out.push_back(std::move(o));
    }
    return out;
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
