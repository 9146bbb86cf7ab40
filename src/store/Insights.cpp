#include "store/Insights.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>

#include "core/CivilTime.h"
#include "store/Database.h"

namespace cw::store {

Result<std::int64_t> pinInsight(store::Database& db, const Insight& insight) {
    if (insight.title.empty())
        return makeError(ErrorKind::Usage, "an insight needs a title", "say in a few words what the selection shows");
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    return inOwnTransaction(db, [&](WriteTransaction&) -> Result<std::int64_t> {
        auto st = db.prepare(
            "INSERT INTO insights(id, created_at, title, note, source, customer_ids) VALUES(?,?,?,?,?,?)");
        if (!st) return st.takeError();
        // A NULL id lets SQLite choose the next one.
        st->bind(1, insight.id > 0 ? std::optional<std::int64_t>(insight.id) : std::nullopt);
        st->bind(2, insight.createdAt.empty() ? formatDateTime(static_cast<std::int64_t>(now), false)
                                              : insight.createdAt);
        st->bind(3, insight.title).bind(4, insight.note);
        st->bind(5, insight.sourceJson.empty() ? std::string("{}") : insight.sourceJson);
        st->bind(6, nlohmann::json(insight.customerIds).dump());
        if (!st->exec()) return sqliteError(db, "storing the insight");
        return db.lastInsertRowId();
    });
}

Status deleteInsight(store::Database& db, std::int64_t id) {
    return inOwnTransaction(db, [&](WriteTransaction&) -> Status {
        auto st = db.prepare("DELETE FROM insights WHERE id = ?");
        if (!st) return st.takeError();
        st->bind(1, id);
        if (!st->exec()) return sqliteError(db, "deleting the insight");
        return {};
    });
}

Result<std::vector<Insight>> listInsights(store::Database& db) {
    std::vector<Insight> out;
    auto st = db.prepare("SELECT id, created_at, title, note, source, customer_ids FROM insights ORDER BY id");
    if (!st) return st.takeError();
    while (st->step()) {
        Insight i{st->int64(0), st->text(1), st->text(2), st->text(3), st->text(4), {}};
        try {
            i.customerIds = nlohmann::json::parse(st->text(5)).get<std::vector<std::int64_t>>();
        } catch (const nlohmann::json::exception&) {
            return makeError(ErrorKind::Workbook, "insight " + std::to_string(i.id) + " has unreadable customer ids");
        }
        out.push_back(std::move(i));
    }
    return out;
}

}  // namespace cw::store
