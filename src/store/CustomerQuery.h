#pragma once
// The one read of customers with what the workbook knows of them: their fields, manager,
// segment label and stored metrics. The matrices, the customer lists and the window's customer
// table and detail all read through it, so the join is written once and a second backend
// implements it once. Rows are streamed (a million customers are not copied twice).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"
#include "store/Database.h"

namespace cw::store {

/// Which customers, and which of their stored metrics.
struct CustomerQuery {
    /// The saved segmentation whose labels are the segment; none: the customers' own segment field.
    std::optional<std::int64_t> segmentation;
    /// customer_metrics columns to read, in this order (checked against the table: an unknown name
    /// is an Internal error, never SQL).
    std::vector<std::string> metrics;
    /// One customer.
    std::optional<std::int64_t> customerId;
    /// A manager's portfolio: the customers of this manager and of every manager below it.
    std::optional<std::int64_t> managerSubtree;
    /// Only customers with this stored flag set.
    enum class Flag { Any, Exited, ProfitableExit, Anorexic } flag = Flag::Any;
};

/// The rows of a CustomerQuery in customer id order. Text views are valid until the next next().
class CustomerCursor {
public:
    bool next();
    /// Empty after the last row; the error that stopped the rows otherwise.
    Status status() const;

    std::int64_t id() const { return m_st.int64(0); }
    std::string_view code() const { return m_st.textView(1); }
    std::string_view name() const { return m_st.textView(2); }
    std::string_view region() const { return m_st.textView(3); }
    std::string_view channel() const { return m_st.textView(4); }
    std::string_view origin() const { return m_st.textView(5); }
    std::optional<std::int64_t> acquisitionTime() const { return m_st.optInt64(6); }
    std::optional<std::int64_t> managerId() const { return m_st.optInt64(7); }
    std::string_view managerName() const { return m_st.textView(8); }
    std::string_view managerCode() const { return m_st.textView(9); }
    /// The manager for people: the name, or the code when the manager has no name.
    std::string_view managerLabel() const { return managerName().empty() ? managerCode() : managerName(); }
    std::string_view segment() const { return m_st.textView(10); }
    /// Whether the last analysis stored metrics for this customer.
    bool hasMetrics() const { return !m_st.isNull(11); }
    /// The i-th of CustomerQuery::metrics; none when not stored.
    std::optional<double> metric(std::size_t i) const { return m_st.optReal(kFirstMetric + static_cast<int>(i)); }

private:
    friend Result<CustomerCursor> readCustomers(Database& db, const CustomerQuery& q);
    static constexpr int kFirstMetric = 12;
    explicit CustomerCursor(Statement st) : m_st(std::move(st)) {}
    Statement m_st;
};

Result<CustomerCursor> readCustomers(Database& db, const CustomerQuery& q);

/// Number of customers in the workbook (to size what the rows are read into).
std::int64_t customerCount(Database& db);

}  // namespace cw::store
