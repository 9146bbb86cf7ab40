#pragma once
// Saved segmentations as the store keeps them (the engine computes them: engine/Segmentation.h).
#include <cstdint>
#include <optional>
#include <string>

#include "core/Result.h"
#include "store/Database.h"

namespace cw::store {

/// The id of the segmentation saved under `name`, none when there is none.
Result<std::optional<std::int64_t>> findSegmentation(Database& db, const std::string& name);

}  // namespace cw::store
