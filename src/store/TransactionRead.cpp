#include "store/TransactionRead.h"

namespace cw::store {

Result<std::pair<std::int64_t, std::int64_t>> transactionRowidRange(Database& db) {
    auto st = db.prepare("SELECT coalesce(min(rowid), 0), coalesce(max(rowid), 0) FROM transactions");
    if (!st) return st.takeError();
    if (!st->step()) return makeError(ErrorKind::Internal, "reading transactions: " + st->lastError());
    return std::pair<std::int64_t, std::int64_t>{st->int64(0), st->int64(1) + 1};
}

}  // namespace cw::store
