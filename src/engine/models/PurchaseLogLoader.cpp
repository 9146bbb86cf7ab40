#include "engine/models/PurchaseLogLoader.h"

#include "store/Workbook.h"

namespace cw::engine {

Result<PurchaseLog> loadPurchaseLog(store::Workbook& workbook,
                                    std::optional<std::int32_t> lastDay) {
    // The (customer_id, ts) index gives the rows in customer order, so grouping by
    // customer and day needs no sort of the whole table.
    auto stmt = workbook.db().prepare(
        "SELECT customer_id, ts / 86400 AS day, SUM(revenue) FROM transactions "
        "WHERE kind = 0 AND customer_id IS NOT NULL AND (?1 IS NULL OR ts / 86400 <= ?1) "
        "GROUP BY customer_id, day ORDER BY customer_id, day");
    if (!stmt) return stmt.takeError();
    stmt->bind(1, lastDay ? std::optional<std::int64_t>(*lastDay) : std::nullopt);
    PurchaseLog log;
    while (stmt->step()) {
        const std::int64_t customer = stmt->int64(0);
        if (log.customerId.empty() || log.customerId.back() != customer) {
            if (!log.customerId.empty()) log.offset.push_back(std::int64_t(log.day.size()));
            log.customerId.push_back(customer);
        }
        log.day.push_back(static_cast<std::int32_t>(stmt->int64(1)));
        log.value.push_back(stmt->real(2));
    }
    if (!stmt->lastError().empty())
        return makeError(ErrorKind::Workbook, "reading purchases failed: " + stmt->lastError());
    if (!log.customerId.empty()) log.offset.push_back(std::int64_t(log.day.size()));
    return log;
}

}  // namespace cw::engine
