#pragma once
// Saved segmentations as the store keeps them (the engine computes them: engine/Segmentation.h).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/Result.h"
#include "store/Database.h"

namespace cw::store {

/// The id of the segmentation saved under `name`, none when there is none.
Result<std::optional<std::int64_t>> findSegmentation(Database& db, const std::string& name);

struct SegmentMember {
    std::int64_t customerId = 0;
    std::string label;  ///< the segment's label
};
/// The customers of the segmentation saved under `name` with their segment, in no set order;
/// empty when there is no such segmentation. Throws SqlError.
std::vector<SegmentMember> readSegmentMembers(Database& db, const std::string& name);

/// A saved segmentation's own row.
struct SegmentationRow {
    std::int64_t id = 0;  ///< 0 on insert: SQLite chooses
    std::string name, method, definitionJson, qualityJson, createdAt, updatedAt;
};
/// One segment of a segmentation.
struct SegmentRow {
    std::int64_t id = 0;  ///< 0 on insert: SQLite chooses
    std::int64_t ordinal = 0;
    std::string label, definitionJson;
    std::int64_t customers = 0;  ///< members (read only)
};

// Reads throw SqlError on failure; writes go inside the caller's transaction and throw SqlError.
/// The segmentation saved under `name`, none when there is none.
std::optional<SegmentationRow> readSegmentation(Database& db, const std::string& name);
/// Every saved segmentation in id order.
std::vector<SegmentationRow> readSegmentations(Database& db);
/// The segments of a segmentation in ordinal order, with their member counts.
std::vector<SegmentRow> readSegments(Database& db, std::int64_t segmentationId);
/// (customer id, segment id) of every member, in customer order.
std::vector<std::pair<std::int64_t, std::int64_t>> readMemberships(Database& db, std::int64_t segmentationId);

/// Inserts the segmentation (with its id when set) and returns its id.
std::int64_t insertSegmentation(WriteTransaction& tx, const SegmentationRow& row);
/// Inserts a segment (with its id when set) and returns its id.
std::int64_t insertSegment(WriteTransaction& tx, std::int64_t segmentationId, const SegmentRow& row);
/// Stores the memberships: customer `customerId[i]` in segment `segmentOf[i]`.
void insertMemberships(WriteTransaction& tx, std::int64_t segmentationId, const std::vector<std::int64_t>& customerId,
                       const std::vector<std::int64_t>& segmentOf);
void renameSegmentationRow(WriteTransaction& tx, std::int64_t segmentationId, const std::string& name);
/// Deletes a segmentation with its segments and memberships, memberships first and explicitly:
/// while `analyze` stores, foreign keys are off and no cascade fires.
void deleteSegmentationRows(WriteTransaction& tx, std::int64_t segmentationId);

/// customer_metrics as a customers × columns table (row-major, NaN where no value), customers in
/// id order. The column names are checked against the table (an unknown one is an Internal error).
struct MetricColumns {
    std::vector<std::int64_t> customerId;
    std::vector<double> values;
};
Result<MetricColumns> readMetricColumns(Database& db, const std::vector<std::string>& columns);

}  // namespace cw::store
