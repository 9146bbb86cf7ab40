#include "store/TransactionRead.h"

namespace cw::store {

Result<std::pair<std::int64_t, std::int64_t>> transactionRowidRange(Database& db) {
    // One aggregate per SELECT: SQLite reads min() or max() of the rowid from the B-tree's edge
    // only when it is the query's single aggregate; both in one SELECT scan the whole table.
    auto st = db.prepare("SELECT coalesce((SELECT min(rowid) FROM transactions), 0), "
                         "coalesce((SELECT max(rowid) FROM transactions), 0)");
    if (!st) return st.takeError();
    if (!st->step()) return makeError(ErrorKind::Internal, "reading transactions: " + st->lastError());
    return std::pair<std::int64_t, std::int64_t>{st->int64(0), st->int64(1) + 1};
}

}  // namespace cw::store
