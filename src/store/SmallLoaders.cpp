// Cost to serve and front-line notes: small tables with simple rows.
#include "store/ImportContext.h"

namespace cw::store::detail {
namespace {

void bindOpt(Statement& s, int i, std::string_view v) {
    if (v.empty()) s.bindNull(i); else s.bindStatic(i, v);
}

class CostToServeLoader final : public TableLoader {
public:
    Status begin(ImportContext& ctx) override {
        if (ctx.db)
            m_insert = ctx.db->prepareOrThrow(
                "INSERT INTO cost_to_serve(import_id, channel, activity, cost_per_order, cost_per_customer_year) "
                "VALUES(?,?,?,?,?)");
        return {};
    }
    std::optional<Reject> load(ImportContext& ctx, const csv::Record& r) override {
        std::optional<Reject> bad;
        auto perOrder = numberField(ctx, r, "cost_per_order", bad);
        auto perYear = numberField(ctx, r, "cost_per_customer_year", bad);
        if (bad) return bad;
        if (!perOrder && !perYear)
            return ctx.reject(r, "cost_per_order", "missing_value", "the row gives no cost per order nor per customer");
        if (ctx.field(r, "channel").empty() && ctx.field(r, "activity").empty())
            return ctx.reject(r, "channel", "missing_value", "the row names no channel nor activity");
        if (!ctx.db) return std::nullopt;
        m_insert.bind(1, ctx.importId);
        bindOpt(m_insert, 2, ctx.field(r, "channel"));
        bindOpt(m_insert, 3, ctx.field(r, "activity"));
        m_insert.bind(4, perOrder).bind(5, perYear);
        if (!m_insert.exec()) throw SqlError{"cannot store cost to serve: " + m_insert.lastError()};
        return std::nullopt;
    }
    Status finish(ImportContext&) override { return {}; }
    std::vector<std::string> previewColumns() const override { return {"channel", "activity"}; }
    std::vector<std::string> previewValues(ImportContext& ctx, const csv::Record& r) override {
        return {std::string(ctx.field(r, "channel")), std::string(ctx.field(r, "activity"))};
    }

private:
    Statement m_insert;
};

class NotesLoader final : public TableLoader {
public:
    Status begin(ImportContext& ctx) override {
        if (!ctx.db) return {};
        m_codes = loadCodes(*ctx.db, "customers");
        m_insert = ctx.db->prepareOrThrow(
            "INSERT INTO notes(import_id, customer_id, ts, author, text) VALUES(?,?,?,?,?)");
        m_newCustomer = ctx.db->prepareOrThrow(
            "INSERT INTO customers(code, region, channel, origin, import_id) VALUES(?,?,?,?,?)");
        return {};
    }
    std::optional<Reject> load(ImportContext& ctx, const csv::Record& r) override {
        std::optional<Reject> bad;
        std::string code = csv::normalizeId(ctx.field(r, "customer_id"));
        if (code.empty()) return ctx.reject(r, "customer_id", "missing_id", "the note names no customer");
        auto ts = dateField(ctx, r, "date", bad);
        if (bad) return bad;
        auto text = ctx.field(r, "text");
        if (text.empty()) return ctx.reject(r, "text", "missing_value", "the note is empty");
        if (!ctx.db) return std::nullopt;
        m_insert.bind(1, ctx.importId).bind(2, ensureCustomer(ctx, m_codes, m_newCustomer, code, {}, {}, "notes"));
        m_insert.bind(3, ts);
        bindOpt(m_insert, 4, ctx.field(r, "author"));
        m_insert.bindStatic(5, text);
        if (!m_insert.exec()) throw SqlError{"cannot store note: " + m_insert.lastError()};
        return std::nullopt;
    }
    Status finish(ImportContext&) override { return {}; }
    std::vector<std::string> previewColumns() const override { return {"customer", "text"}; }
    std::vector<std::string> previewValues(ImportContext& ctx, const csv::Record& r) override {
        return {csv::normalizeId(ctx.field(r, "customer_id")), std::string(ctx.field(r, "text"))};
    }

private:
    CodeMap m_codes;
    Statement m_insert, m_newCustomer;
};

}  // namespace

std::unique_ptr<TableLoader> makeCostToServeLoader() { return std::make_unique<CostToServeLoader>(); }
std::unique_ptr<TableLoader> makeNotesLoader() { return std::make_unique<NotesLoader>(); }

}  // namespace cw::store::detail
