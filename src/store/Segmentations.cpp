#include "store/Segmentations.h"

namespace cw::store {

Result<std::optional<std::int64_t>> findSegmentation(Database& db, const std::string& name) {
    auto st = db.prepare("SELECT id FROM segmentations WHERE name = ?");
    if (!st) return st.takeError();
    st->bind(1, name);
    if (st->step()) return std::optional<std::int64_t>{st->int64(0)};
    if (!st->lastError().empty())
        return makeError(ErrorKind::Internal, "cannot read the segmentations: " + st->lastError());
    return std::optional<std::int64_t>{};
}

}  // namespace cw::store
