#pragma once
// Pinned insights: a selection of customers with a title and a note, and where it came from
// (matrix, quadrant, thresholds, filters as JSON), kept in the workbook for the business-model
// canvas and the reports.
#include <cstdint>
#include <string>
#include <vector>

#include "core/Result.h"

namespace cw::store {

class Database;

struct Insight {
    std::int64_t id = 0;
    std::string createdAt, title, note, sourceJson;
    std::vector<std::int64_t> customerIds;
};

/// Stores an insight and returns its id: a new one, or `insight.id` when set (putting a deleted
/// insight back as it was; an error when that id is taken). Usage error when the title is empty.
Result<std::int64_t> pinInsight(Database& db, const Insight& insight);
Status deleteInsight(Database& db, std::int64_t id);
Result<std::vector<Insight>> listInsights(Database& db);

}  // namespace cw::store
