#pragma once
// Reading the transactions table in bulk: its rowid range, and every row of a rowid range in
// one statement, handed to the caller row by row without copies (inline: the analysis reads
// millions of rows). The analysis splits the range between threads with their own connections.
#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <limits>
#include <utility>

#include "core/Result.h"
#include "store/Database.h"

namespace cw::store {

/// One transaction as the analysis reads it.
struct TransactionRecord {
    std::int64_t customerId = -1;  ///< -1: anonymous (no customer)
    std::int64_t ts = 0;           ///< seconds since 1970-01-01 (naive local time)
    int kind = 0;                  ///< 0 sale, 1 return
    double revenue = 0;            ///< signed
    double cost = 0;               ///< NaN when unknown
};

/// [first rowid, last rowid + 1) of the transactions table; {0, 1} when it is empty.
Result<std::pair<std::int64_t, std::int64_t>> transactionRowidRange(Database& db);

/// Calls `visit(const TransactionRecord&)` for every transaction with from <= rowid < to, in rowid
/// order, while it returns true; stops early (without error) when `cancelled` is set.
template <class Visit>
Status forEachTransaction(Database& db, std::int64_t from, std::int64_t to, const std::atomic_bool& cancelled,
                          Visit&& visit) {
    auto st = db.prepare("SELECT customer_id, ts, kind, revenue, cost FROM transactions WHERE rowid >= ? AND rowid < ?");
    if (!st) return st.takeError();
    st->bind(1, from).bind(2, to);
    sqlite3_stmt* s = st->handle();
    TransactionRecord r;
    std::int64_t n = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        r.customerId = sqlite3_column_type(s, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 0);
        r.ts = sqlite3_column_int64(s, 1);
        r.kind = sqlite3_column_int(s, 2);
        r.revenue = sqlite3_column_double(s, 3);
        r.cost = sqlite3_column_type(s, 4) == SQLITE_NULL ? std::numeric_limits<double>::quiet_NaN()
                                                          : sqlite3_column_double(s, 4);
        if (!visit(r)) return {};
        if ((++n & 0xFFFF) == 0 && cancelled.load(std::memory_order_relaxed)) return {};
    }
    if (rc != SQLITE_DONE) return makeError(ErrorKind::Internal, "reading transactions: " + db.errorMessage());
    return {};
}

struct PurchaseDayRecord {
    std::int64_t customerId = 0;
    std::int32_t day = 0;  ///< days since 1970-01-01
    double revenue = 0;    ///< the day's sales
};
/// Every known customer's sales summed per day, days up to `lastDay` when given, in customer
/// then day order (the (customer_id, ts) index gives that order without sorting the table).
template <class Visit>
Status forEachPurchaseDay(Database& db, std::optional<std::int32_t> lastDay, Visit&& visit) {
    auto st = db.prepare(
        "SELECT customer_id, ts / 86400 AS day, SUM(revenue) FROM transactions "
        "WHERE kind = 0 AND customer_id IS NOT NULL AND (?1 IS NULL OR ts / 86400 <= ?1) "
        "GROUP BY customer_id, day ORDER BY customer_id, day");
    if (!st) return st.takeError();
    st->bind(1, lastDay ? std::optional<std::int64_t>(*lastDay) : std::nullopt);
    while (st->step()) visit(PurchaseDayRecord{st->int64(0), static_cast<std::int32_t>(st->int64(1)), st->real(2)});
    if (!st->lastError().empty())
        return makeError(ErrorKind::Workbook, "reading purchases failed: " + st->lastError());
    return {};
}

}  // namespace cw::store
