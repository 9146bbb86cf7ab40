#include "store/CustomerQuery.h"


namespace cw::store {

bool CustomerCursor::next() { return m_st.step(); }

Status CustomerCursor::status() const {
    if (m_st.lastError().empty()) return {};
    return makeError(ErrorKind::Internal, "cannot read the customers: " + m_st.lastError());
}

Result<CustomerCursor> readCustomers(Database& db, const CustomerQuery& q) {
    try {
        if (auto e = unknownMetricColumn(db, q.metrics)) return *e;
        std::string sql;
        if (q.managerSubtree)
            sql = "WITH RECURSIVE portfolio(id) AS (SELECT ?3 UNION SELECT mg.id FROM managers mg "
                  "JOIN portfolio p ON mg.parent_id = p.id) ";
        sql += "SELECT c.id, c.code, c.name, c.region, c.channel, c.origin, c.acquisition_date, mg.id, mg.name, "
               "mg.code, CASE WHEN ?1 IS NULL THEN c.segment ELSE s.label END, m.customer_id";
        for (const auto& m : q.metrics) sql += ", m." + m;  // checked against the table above
        sql += " FROM customers c LEFT JOIN customer_metrics m ON m.customer_id = c.id "
               "LEFT JOIN managers mg ON mg.id = c.manager_id "
               "LEFT JOIN customer_segments cs ON cs.customer_id = c.id AND cs.segmentation_id = ?1 "
               "LEFT JOIN segments s ON s.id = cs.segment_id WHERE 1";
        if (q.customerId) sql += " AND c.id = ?2";
        if (q.managerSubtree) sql += " AND c.manager_id IN (SELECT id FROM portfolio)";
        switch (q.flag) {
        case CustomerQuery::Flag::Any: break;
        case CustomerQuery::Flag::Exited: sql += " AND m.exited = 1"; break;
        case CustomerQuery::Flag::ProfitableExit: sql += " AND m.profitable_exit = 1"; break;
        case CustomerQuery::Flag::Anorexic: sql += " AND m.anorexic = 1"; break;
        }
        sql += " ORDER BY c.id";
        auto st = db.prepare(sql);
        if (!st) return st.takeError();
        st->bind(1, q.segmentation);
        if (q.customerId) st->bind(2, *q.customerId);
        if (q.managerSubtree) st->bind(3, *q.managerSubtree);
        return CustomerCursor(std::move(*st));
    } catch (const SqlError& e) {
        return makeError(ErrorKind::Internal, e.message);
    }
}

std::int64_t customerCount(Database& db) { return db.queryInt("SELECT count(*) FROM customers").value_or(0); }

}  // namespace cw::store
