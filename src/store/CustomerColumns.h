#pragma once
// The customers as columns for the analysis (one pass, in id order) and the cost to serve per
// channel: what the engine needs of the customers table and its neighbours.
#include <cstdint>
#include <string>
#include <vector>

#include "core/Result.h"

namespace cw::store {

class Database;

/// Descriptive columns of the customers table, in customers.id order.
struct CustomerColumns {
    std::vector<std::int64_t> id;
    std::vector<std::string> code, name, region, channel, segment;
    std::vector<std::int64_t> managerId;  ///< 0 when none
    std::vector<double> wallet;           ///< external wallet estimate (custom field), NaN when absent

    std::size_t size() const { return id.size(); }
};

/// Every customer; `walletField` names the numeric customer custom field read as the wallet.
Result<CustomerColumns> readCustomerColumns(Database& db, const std::string& walletField);

struct CostToServeRow {
    std::string channel;  ///< "" for the default of channels not listed
    double perOrder = 0, perCustomerYear = 0;  ///< summed over the rows of the channel
};
Result<std::vector<CostToServeRow>> readCostToServe(Database& db);

}  // namespace cw::store
