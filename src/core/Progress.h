#pragma once
// Progress and cancel for long work, in the Ceres style: the callee reports,
// the callback answers whether to go on. Called from the worker thread.
#include <cstdint>
#include <functional>
#include <string_view>

namespace cw {

struct ProgressInfo {
    std::string_view phase;    ///< e.g. "reading", "indexing"
    std::int64_t done = 0;     ///< units done (bytes, rows…)
    std::int64_t total = 0;    ///< units in all, 0 if unknown
};

/// Return false to cancel; the operation then rolls back and returns ErrorKind::Cancelled.
using ProgressFn = std::function<bool(const ProgressInfo&)>;

}  // namespace cw
