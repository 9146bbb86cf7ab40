#include "store/CustomerColumns.h"

#include <algorithm>
#include <limits>

#include "store/Database.h"

namespace cw::store {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

Result<CustomerColumns> readCustomerColumns(Database& db, const std::string& walletField) {
    CustomerColumns info;
    // Sized once: grown by doubling, seven vectors of 100,000 entries cost thousands of page
    // faults (each larger block is fresh memory), which took most of this phase's 200 ms.
    if (const auto n = db.queryInt("SELECT count(*) FROM customers"); n && *n > 0) {
        const auto size = static_cast<std::size_t>(*n);
        info.id.reserve(size);
        info.code.reserve(size);
        info.name.reserve(size);
        info.region.reserve(size);
        info.channel.reserve(size);
        info.segment.reserve(size);
        info.managerId.reserve(size);
    }
    auto st = db.prepare(
        "SELECT id, code, coalesce(name, ''), coalesce(region, ''), coalesce(channel, ''), coalesce(segment, ''), "
        "coalesce(manager_id, 0) FROM customers ORDER BY id");
    if (!st) return st.takeError();
    while (st->step()) {
        info.id.push_back(st->int64(0));
        info.code.push_back(st->text(1));
        info.name.push_back(st->text(2));
        info.region.push_back(st->text(3));
        info.channel.push_back(st->text(4));
        info.segment.push_back(st->text(5));
        info.managerId.push_back(st->int64(6));
    }
    if (!st->lastError().empty()) return makeError(ErrorKind::Internal, "reading customers: " + st->lastError());
    info.wallet.assign(info.size(), kNaN);
    auto w = db.prepare(
        "SELECT v.entity_id, v.num FROM custom_values v JOIN custom_fields f ON f.id = v.field_id "
        "WHERE f.entity = 'customer' AND f.name = ? AND v.num IS NOT NULL");
    if (!w) return w.takeError();
    w->bind(1, walletField);
    while (w->step()) {
        const auto id = w->int64(0);
        auto it = std::lower_bound(info.id.begin(), info.id.end(), id);
        if (it != info.id.end() && *it == id) info.wallet[std::size_t(it - info.id.begin())] = w->real(1);
    }
    return info;
}

Result<std::vector<CostToServeRow>> readCostToServe(Database& db) {
    auto st = db.prepare(
        "SELECT coalesce(channel, ''), sum(coalesce(cost_per_order, 0)), sum(coalesce(cost_per_customer_year, 0)) "
        "FROM cost_to_serve GROUP BY 1");
    if (!st) return st.takeError();
    std::vector<CostToServeRow> out;
    while (st->step()) out.push_back({st->text(0), st->real(1), st->real(2)});
    if (!st->lastError().empty()) return makeError(ErrorKind::Internal, "reading the cost to serve: " + st->lastError());
    return out;
}

}  // namespace cw::store
