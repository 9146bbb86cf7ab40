// Customers (upserted: a later customers file completes customers first seen
// in transactions) and managers (the commercial hierarchy).
#include <unordered_set>

#include "store/CustomFieldWriter.h"
#include "store/ImportContext.h"

namespace cw::store::detail {
namespace {

void bindOpt(Statement& s, int i, std::string_view v) {
    if (v.empty()) s.bindNull(i); else s.bindStatic(i, v);
}

class CustomerLoader final : public TableLoader {
public:
    Status begin(ImportContext& ctx) override {
        if (!ctx.db) return {};
        m_codes = loadCodes(*ctx.db, "customers");
        m_managers = loadCodes(*ctx.db, "managers");
        m_upsert = ctx.db->prepareOrThrow(
            "INSERT INTO customers(code, name, region, channel, manager_id, acquisition_date, segment, origin, "
            "import_id) VALUES(?,?,?,?,?,?,?,'file',?) ON CONFLICT(code) DO UPDATE SET "
            "name=coalesce(excluded.name, name), region=coalesce(excluded.region, region), "
            "channel=coalesce(excluded.channel, channel), manager_id=coalesce(excluded.manager_id, manager_id), "
            "acquisition_date=coalesce(excluded.acquisition_date, acquisition_date), "
            "segment=coalesce(excluded.segment, segment), origin='file', import_id=excluded.import_id "
            "RETURNING id");
        m_newManager = ctx.db->prepareOrThrow("INSERT INTO managers(code, origin, import_id) VALUES(?, 'customers', ?)");
        m_custom.begin(ctx, "customer");
        return {};
    }

    std::optional<Reject> load(ImportContext& ctx, const csv::Record& r) override {
        std::optional<Reject> bad;
        std::string code = csv::normalizeId(ctx.field(r, "customer_id"));
        if (code.empty()) return ctx.reject(r, "customer_id", "missing_id", "the customer has no id");
        auto acquired = dateField(ctx, r, "acquisition_date", bad);
        if (bad) return bad;
        if (!m_seen.insert(code).second)
            return ctx.reject(r, "customer_id", "duplicate_id",
                              "customer " + code + " appears more than once in this file; the first row was kept");
        if (!ctx.db) return std::nullopt;
        std::optional<std::int64_t> manager;
        if (auto m = csv::normalizeId(ctx.field(r, "manager_id")); !m.empty()) manager = managerId(ctx, m);
        const bool existed = m_codes.contains(code);
        auto& s = m_upsert;
        s.bind(1, code);
        bindOpt(s, 2, ctx.field(r, "name"));
        bindOpt(s, 3, ctx.field(r, "region"));
        bindOpt(s, 4, ctx.field(r, "channel"));
        s.bind(5, manager).bind(6, acquired);
        bindOpt(s, 7, ctx.field(r, "segment"));
        s.bind(8, ctx.importId);
        if (!s.step()) throw SqlError{"cannot store customer: " + s.lastError()};
        std::int64_t id = s.int64(0);
        s.reset();
        if (existed) {
            ++ctx.report->customersUpdated;
        } else {
            m_codes.set(code, id);
            ++ctx.report->customersCreated;
        }
        m_custom.write(ctx, r, id);
        return std::nullopt;
    }

    Status finish(ImportContext& ctx) override {
        m_custom.finish(ctx);
        return {};
    }

    std::vector<std::string> previewColumns() const override { return {"customer", "name", "region", "manager"}; }
    std::vector<std::string> previewValues(ImportContext& ctx, const csv::Record& r) override {
        return {csv::normalizeId(ctx.field(r, "customer_id")), std::string(ctx.field(r, "name")),
                std::string(ctx.field(r, "region")), csv::normalizeId(ctx.field(r, "manager_id"))};
    }

private:
    std::int64_t managerId(ImportContext& ctx, const std::string& code) {
        if (auto* id = m_managers.find(code)) return *id;
        m_newManager.bind(1, code).bind(2, ctx.importId);
        if (!m_newManager.exec()) throw SqlError{"cannot create manager: " + m_newManager.lastError()};
        auto id = ctx.db->lastInsertRowId();
        m_managers.set(code, id);
        ++ctx.report->managersCreated;
        return id;
    }

    CodeMap m_codes, m_managers;
    std::unordered_set<std::string> m_seen;
    Statement m_upsert, m_newManager;
    CustomFieldWriter m_custom;
};

// Managers are few: rows are checked as they come, and parents are linked at the end
// because a manager may be listed before the one above.
class ManagerLoader final : public TableLoader {
public:
    Status begin(ImportContext& ctx) override {
        if (!ctx.db) return {};
        m_codes = loadCodes(*ctx.db, "managers");
        m_upsert = ctx.db->prepareOrThrow(
            "INSERT INTO managers(code, name, level, region, origin, import_id) VALUES(?,?,?,?,'file',?) "
            "ON CONFLICT(code) DO UPDATE SET name=coalesce(excluded.name, name), level=coalesce(excluded.level, "
            "level), region=coalesce(excluded.region, region), origin='file', import_id=excluded.import_id "
            "RETURNING id");
        return {};
    }

    std::optional<Reject> load(ImportContext& ctx, const csv::Record& r) override {
        std::string code = csv::normalizeId(ctx.field(r, "manager_id"));
        if (code.empty()) return ctx.reject(r, "manager_id", "missing_id", "the manager has no id");
        if (!m_seen.insert(code).second)
            return ctx.reject(r, "manager_id", "duplicate_id", "manager " + code + " appears more than once");
        std::string parent = csv::normalizeId(ctx.field(r, "parent_id"));
        if (parent == code) return ctx.reject(r, "parent_id", "invalid_parent", "a manager cannot report to itself");
        if (!ctx.db) return std::nullopt;
        auto& s = m_upsert;
        s.bind(1, code);
        bindOpt(s, 2, ctx.field(r, "name"));
        bindOpt(s, 3, ctx.field(r, "level"));
        bindOpt(s, 4, ctx.field(r, "region"));
        s.bind(5, ctx.importId);
        if (!s.step()) throw SqlError{"cannot store manager: " + s.lastError()};
        m_codes.set(code, s.int64(0));
        s.reset();
        if (!parent.empty()) m_parents.push_back({code, parent, r.line});
        return std::nullopt;
    }

    Status finish(ImportContext& ctx) override {
        if (!ctx.db) return {};
        auto st = ctx.db->prepareOrThrow("UPDATE managers SET parent_id=? WHERE id=?");
        for (const auto& p : m_parents) {
            auto* parentId = m_codes.find(p.parent);
            if (!parentId) {
                ctx.report->warnings.push_back("line " + std::to_string(p.line) + ": parent manager " + p.parent +
                                               " of " + p.code + " is unknown; " + p.code + " is left at the top");
                continue;
            }
            st.bind(1, *parentId).bind(2, *m_codes.find(p.code));
            if (!st.exec()) throw SqlError{"cannot link manager: " + st.lastError()};
        }
        return {};
    }

    std::vector<std::string> previewColumns() const override { return {"manager", "name", "parent"}; }
    std::vector<std::string> previewValues(ImportContext& ctx, const csv::Record& r) override {
        return {csv::normalizeId(ctx.field(r, "manager_id")), std::string(ctx.field(r, "name")),
                csv::normalizeId(ctx.field(r, "parent_id"))};
    }

private:
    struct ParentLink {
        std::string code, parent;
        std::int64_t line;
    };
    CodeMap m_codes;
    std::unordered_set<std::string> m_seen;
    std::vector<ParentLink> m_parents;
    Statement m_upsert;
};

}  // namespace

std::unique_ptr<TableLoader> makeCustomerLoader() { return std::make_unique<CustomerLoader>(); }
std::unique_ptr<TableLoader> makeManagerLoader() { return std::make_unique<ManagerLoader>(); }

}  // namespace cw::store::detail
