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

std::vector<SegmentMember> readSegmentMembers(Database& db, const std::string& name) {
    auto st = db.prepareOrThrow(
        "SELECT cs.customer_id, s.label FROM customer_segments cs JOIN segments s ON s.id = cs.segment_id "
        "JOIN segmentations g ON g.id = cs.segmentation_id WHERE g.name = ?");
    st.bind(1, name);
    std::vector<SegmentMember> out;
    while (st.step()) out.push_back({st.int64(0), st.text(1)});
    if (!st.lastError().empty()) throw SqlError{"reading segment memberships: " + st.lastError()};
    return out;
}

}  // namespace cw::store
