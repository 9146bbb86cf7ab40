#include "engine/load/PurchaseLogLoader.h"

#include "store/TransactionRead.h"
#include "store/Workbook.h"

namespace cw::engine {

Result<PurchaseLog> loadPurchaseLog(store::Workbook& workbook,
                                    std::optional<std::int32_t> lastDay) {
    PurchaseLog log;
    auto read = store::forEachPurchaseDay(workbook.db(), lastDay, [&log](const store::PurchaseDayRecord& r) {
        if (log.customerId.empty() || log.customerId.back() != r.customerId) {
            if (!log.customerId.empty()) log.offset.push_back(std::int64_t(log.day.size()));
            log.customerId.push_back(r.customerId);
        }
        log.day.push_back(r.day);
        log.value.push_back(r.revenue);
    });
    if (!read) return read.takeError();
    if (!log.customerId.empty()) log.offset.push_back(std::int64_t(log.day.size()));
    return log;
}

}  // namespace cw::engine
