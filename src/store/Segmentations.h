#pragma once
// Saved segmentations as the store keeps them (the engine computes them: engine/Segmentation.h).
#include <cstdint>
#include <optional>
#include <string>
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

}  // namespace cw::store
