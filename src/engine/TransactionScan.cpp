#include "engine/TransactionScan.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>
#include <tuple>

#include "store/TransactionRead.h"

namespace cw::engine {
namespace {

struct Chunk {
    std::vector<std::int32_t> index;  // customer index, -1 anonymous
    std::vector<std::int32_t> day;
    std::vector<std::int8_t> kind;
    std::vector<double> revenue;
    std::vector<double> cost;
    std::optional<Error> error;
};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Floor division: times before 1970 are negative seconds.
std::int32_t dayOf(std::int64_t ts) {
    return static_cast<std::int32_t>(ts >= 0 ? ts / 86400 : -((-ts + 86399) / 86400));
}

void readRange(const std::string& path, std::int64_t from, std::int64_t to, const std::vector<std::int32_t>& indexOfId,
               Chunk& out, const std::atomic_bool& cancelled) {
    auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
    if (!db) {
        out.error = db.error();
        return;
    }
    const auto reserve = static_cast<std::size_t>(std::max<std::int64_t>(0, to - from));
    out.index.reserve(reserve);
    out.day.reserve(reserve);
    out.kind.reserve(reserve);
    out.revenue.reserve(reserve);
    out.cost.reserve(reserve);
    auto read = store::forEachTransaction(*db, from, to, cancelled, [&](const store::TransactionRecord& r) {
        std::int32_t idx = -1;
        if (r.customerId >= 0) {
            const auto id = r.customerId;
            idx = id < static_cast<std::int64_t>(indexOfId.size()) ? indexOfId[std::size_t(id)] : -2;
            if (idx == -2) {
                out.error = makeError(ErrorKind::Workbook,
                                      "transaction refers to customer id " + std::to_string(id) +
                                          ", which is not in the customers table",
                                      "the workbook is inconsistent: re-import the transactions");
                return false;
            }
        }
        out.index.push_back(idx);
        out.day.push_back(dayOf(r.ts));
        out.kind.push_back(static_cast<std::int8_t>(r.kind));
        out.revenue.push_back(r.revenue);
        out.cost.push_back(r.cost);
        return true;
    });
    if (!read && !out.error) out.error = read.error();
}

}  // namespace

Result<CustomerRows> scanTransactions(const std::string& path, const std::vector<std::int64_t>& customerIds,
                                      const ScanOptions& options, const ProgressFn& progress) {
    CustomerRows rows;
    rows.customerId = customerIds;
    const std::int64_t maxId = customerIds.empty() ? 0 : customerIds.back();
    std::vector<std::int32_t> indexOfId(static_cast<std::size_t>(maxId + 1), -2);
    for (std::size_t i = 0; i < customerIds.size(); ++i) indexOfId[std::size_t(customerIds[i])] = std::int32_t(i);

    std::int64_t lo = 0, hi = 0;
    {
        auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
        if (!db) return db.takeError();
        auto range = store::transactionRowidRange(*db);
        if (!range) return range.takeError();
        std::tie(lo, hi) = *range;
    }
    const int threads = std::clamp(options.threads, 1, 8);
    std::vector<Chunk> chunks(static_cast<std::size_t>(threads));
    std::atomic_bool cancelled{false};
    {
        std::vector<std::thread> pool;
        const std::int64_t step = (hi - lo + threads - 1) / threads;
        for (int t = 0; t < threads; ++t) {
            const std::int64_t a = lo + t * step, b = std::min(hi, a + step);
            pool.emplace_back(readRange, std::cref(path), a, b, std::cref(indexOfId), std::ref(chunks[std::size_t(t)]),
                              std::cref(cancelled));
        }
        for (auto& th : pool) th.join();
    }
    for (auto& c : chunks)
        if (c.error) return *c.error;
    if (progress && !progress({"reading transactions", hi - lo, hi - lo}))
        return makeError(ErrorKind::Cancelled, "analysis cancelled");

    // Counting sort by customer, then by day inside each customer (rows mostly arrive in time order).
    const std::size_t n = customerIds.size();
    std::vector<std::int64_t> count(n + 1, 0);
    std::int32_t first = std::numeric_limits<std::int32_t>::max(), last = std::numeric_limits<std::int32_t>::min();
    for (const auto& c : chunks)
        for (std::size_t k = 0; k < c.index.size(); ++k) {
            first = std::min(first, c.day[k]);
            last = std::max(last, c.day[k]);
            if (c.index[k] >= 0) ++count[std::size_t(c.index[k]) + 1];
            else {
                ++rows.anonymousRows;
                rows.anonymousRevenue += c.revenue[k];
            }
        }
    rows.firstDay = first <= last ? first : 0;
    rows.lastDay = first <= last ? last : 0;
    std::partial_sum(count.begin(), count.end(), count.begin());
    rows.offset = count;
    const auto total = static_cast<std::size_t>(count.back());
    rows.day.resize(total);
    rows.kind.resize(total);
    rows.revenue.resize(total);
    rows.cost.resize(total);
    std::vector<std::int64_t> pos(count.begin(), count.end() - 1);
    for (auto& c : chunks) {
        for (std::size_t k = 0; k < c.index.size(); ++k) {
            if (c.index[k] < 0) continue;
            const auto p = static_cast<std::size_t>(pos[std::size_t(c.index[k])]++);
            rows.day[p] = c.day[k];
            rows.kind[p] = c.kind[k];
            rows.revenue[p] = c.revenue[k];
            rows.cost[p] = c.cost[k];
        }
        c = Chunk{};
    }
    std::vector<std::size_t> perm;
    for (std::size_t i = 0; i < n; ++i) {
        const auto a = static_cast<std::size_t>(rows.offset[i]), b = static_cast<std::size_t>(rows.offset[i + 1]);
        if (std::is_sorted(rows.day.begin() + std::ptrdiff_t(a), rows.day.begin() + std::ptrdiff_t(b))) continue;
        perm.resize(b - a);
        std::iota(perm.begin(), perm.end(), a);
        std::stable_sort(perm.begin(), perm.end(), [&](std::size_t x, std::size_t y) { return rows.day[x] < rows.day[y]; });
        auto apply = [&](auto& v) {
            std::vector<std::decay_t<decltype(v[0])>> tmp(perm.size());
            for (std::size_t k = 0; k < perm.size(); ++k) tmp[k] = v[perm[k]];
            std::copy(tmp.begin(), tmp.end(), v.begin() + std::ptrdiff_t(a));
        };
        apply(rows.day);
        apply(rows.kind);
        apply(rows.revenue);
        apply(rows.cost);
    }
    return rows;
}

PurchaseLog purchaseLogOf(const CustomerRows& rows, std::int32_t lastDay) {
    PurchaseLog log;
    for (std::size_t i = 0; i < rows.customers(); ++i) {
        const auto a = static_cast<std::size_t>(rows.offset[i]), b = static_cast<std::size_t>(rows.offset[i + 1]);
        std::int32_t lastSaleDay = std::numeric_limits<std::int32_t>::min();
        for (std::size_t k = a; k < b && rows.day[k] <= lastDay; ++k) {
            if (rows.kind[k] != 0) continue;
            if (rows.day[k] == lastSaleDay) {
                log.value.back() += rows.revenue[k];
                continue;
            }
            if (lastSaleDay == std::numeric_limits<std::int32_t>::min()) log.customerId.push_back(rows.customerId[i]);
            log.day.push_back(rows.day[k]);
            log.value.push_back(rows.revenue[k]);
            lastSaleDay = rows.day[k];
        }
        if (lastSaleDay != std::numeric_limits<std::int32_t>::min())
            log.offset.push_back(static_cast<std::int64_t>(log.day.size()));
    }
    return log;
}

}  // namespace cw::engine
