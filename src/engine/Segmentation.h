#pragma once
// Segmentations stored in the workbook: a definition (JSON) that can be re-run after the data
// or the metrics change, the segments it produced and each customer's segment. Methods:
//   rules  — profitability × potential tiers (quantile cuts);
//   score  — weighted "goodness" score over standardised metrics, in bands;
//   kmeans — k-means (k-means++, restarts) on standardised metrics, k given or suggested by the
//            silhouette;
//   selection — customers chosen by the analyst (e.g. in a matrix) against the others.
// Values come from customer_metrics, so `analyze` must have run; customers lacking a value the
// method needs go to a "no data" segment, never to a made-up one.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "core/Progress.h"
#include "core/Result.h"

namespace cw::store {
class Database;
class Workbook;
class WriteTransaction;
}

namespace cw::engine {

struct SegmentInfo {
    std::string label;
    std::int64_t customers = 0;
    std::string definitionJson;  ///< rule, band or centroid
};

struct SegmentationOutcome {
    std::int64_t id = 0;
    std::string name, method;
    std::string definitionJson;  ///< as stored (k may be "auto"; the k used is in qualityJson)
    std::string qualityJson;     ///< e.g. inertia, silhouette, cut values
    std::vector<SegmentInfo> segments;
    std::string createdAt, updatedAt;  ///< as stored; updated = when its segments were last computed
};

/// Metrics a segmentation may use (columns of customer_metrics).
const std::vector<std::string>& segmentationMetrics();

/// Validates the definition (method, metrics, weights, k…). Usage errors say what to change.
Status validateSegmentation(const std::string& definitionJson);

/// Runs the definition on the current metrics and stores it under `name` (replacing a
/// segmentation of that name), inside the caller's write transaction: the metrics read and the
/// memberships written are of one state of the workbook.
Result<SegmentationOutcome> runSegmentation(store::WriteTransaction& tx, const std::string& name,
                                            const std::string& definitionJson, const ProgressFn& progress = {});
/// The same as one unit of work in its own transaction: a busy or read-only workbook stops it
/// before anything is computed, and nothing of it is stored unless all of it is.
Result<SegmentationOutcome> runSegmentation(store::Database& db, const std::string& name,
                                            const std::string& definitionJson, const ProgressFn& progress = {});

/// Deletes a stored segmentation and its memberships (in its own transaction). When it was the
/// active one, the breakdowns go back to the customers' own segment column (the setting is
/// removed with it): a setting naming a missing segmentation would stop every matrix.
Status deleteSegmentation(store::Database& db, const std::string& name);

/// Gives a stored segmentation another name (in its own transaction); the active-segmentation
/// setting follows it. Its segments, memberships and dates stay as they are. Usage errors, with
/// nothing changed: no segmentation named `from`, an empty new name, or one another
/// segmentation has.
Status renameSegmentation(store::Database& db, const std::string& from, const std::string& to);

/// The name of the active segmentation, whose labels are the customers' "segment" in the
/// breakdowns, filters and lists; none when the customers' own segment column is used. (The
/// name may be stale: engine::activeSegmentation reports that as an error.)
Result<std::optional<std::string>> activeSegmentationName(store::Database& db);
/// Makes `name` the active segmentation, or with none goes back to the customers' own segment
/// column (the setting is removed), in its own transaction. Usage error when no segmentation has
/// that name.
Status setActiveSegmentation(store::Database& db, const std::optional<std::string>& name);

/// Everything stored of one segmentation, ids included: what undoing its deletion puts back.
struct StoredSegmentation {
    struct Segment {
        std::int64_t id = 0, ordinal = 0;
        std::string label, definitionJson;
    };
    std::int64_t id = 0;
    std::string name, method, definitionJson, qualityJson, createdAt, updatedAt;
    std::vector<Segment> segments;
    std::vector<std::pair<std::int64_t, std::int64_t>> memberships;  ///< customer id, segment id
    bool active = false;  ///< it was the active segmentation
};
/// Reads a stored segmentation whole. Usage error when none has that name.
Result<StoredSegmentation> readStoredSegmentation(store::Database& db, const std::string& name);
/// Puts a segmentation back exactly as read (same ids, dates and memberships; active again if it
/// was), in its own transaction. Usage error when its name is taken meanwhile.
Status restoreSegmentation(store::Database& db, const StoredSegmentation& stored);

/// Re-runs every stored segmentation (after `analyze`), inside the caller's transaction.
Result<std::vector<SegmentationOutcome>> rerunSegmentations(store::WriteTransaction& tx,
                                                            const ProgressFn& progress = {});
/// The same in its own transaction.
Result<std::vector<SegmentationOutcome>> rerunSegmentations(store::Database& db, const ProgressFn& progress = {});

/// The stored segmentations with their segments and counts.
Result<std::vector<SegmentationOutcome>> listSegmentations(store::Database& db);

struct KSuggestionReport {
    std::vector<int> k;
    std::vector<double> silhouette, inertia;
    int suggestedK = 0;
};
/// Silhouette per k for a k-means definition (its "k" is ignored).
Result<KSuggestionReport> suggestSegments(store::Database& db, const std::string& definitionJson, int kMin, int kMax);

/// The standardised matrix a k-means definition clusters (customers with every feature), e.g. to
/// compare with another implementation on exactly the same data.
Result<Eigen::MatrixXd> segmentationFeatures(store::Database& db, const std::string& definitionJson);

}  // namespace cw::engine
