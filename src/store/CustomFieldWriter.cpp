#include "store/CustomFieldWriter.h"

namespace cw::store::detail {

void CustomFieldWriter::begin(ImportContext& ctx, std::string_view entity) {
    if (!ctx.db) return;
    auto upsert = ctx.db->prepareOrThrow(
        "INSERT INTO custom_fields(entity, name, type, import_id) VALUES(?,?,'text',?) "
        "ON CONFLICT(entity, name) DO UPDATE SET import_id=excluded.import_id RETURNING id");
    for (std::size_t c = 0; c < ctx.columns.roles.size(); ++c) {
        if (ctx.columns.roles[c] != "custom" || ctx.columns.header[c].empty()) continue;
        upsert.bind(1, entity).bind(2, ctx.columns.header[c]).bind(3, ctx.importId);
        if (!upsert.step()) throw SqlError{"cannot create custom field: " + upsert.lastError()};
        m_fields.push_back({static_cast<int>(c), upsert.int64(0)});
        upsert.reset();
    }
    ctx.report->customFields = static_cast<std::int64_t>(m_fields.size());
    m_value = ctx.db->prepareOrThrow(
        "INSERT INTO custom_values(field_id, entity_id, num, text) VALUES(?,?,?,?) "
        "ON CONFLICT(field_id, entity_id) DO UPDATE SET num=excluded.num, text=excluded.text");
}

void CustomFieldWriter::write(ImportContext& ctx, const csv::Record& r, std::int64_t entityId) {
    if (!ctx.db) return;
    for (auto& f : m_fields) {
        auto text = ctx.at(r, f.column);
        auto num = text.empty() ? std::nullopt : csv::parseNumber(text, ctx.decimal);
        if (!text.empty()) {
            f.anyValue = true;
            if (!num) f.allNumeric = false;
        }
        m_value.bind(1, f.id).bind(2, entityId).bind(3, num);
        if (text.empty()) m_value.bindNull(4); else m_value.bindStatic(4, text);
        if (!m_value.exec()) throw SqlError{"cannot store custom value: " + m_value.lastError()};
    }
}

void CustomFieldWriter::finish(ImportContext& ctx) {
    if (!ctx.db) return;
    auto st = ctx.db->prepareOrThrow("UPDATE custom_fields SET type=? WHERE id=?");
    for (const auto& f : m_fields) {
        st.bind(1, f.anyValue && f.allNumeric ? "number" : "text").bind(2, f.id);
        if (!st.exec()) throw SqlError{"cannot type custom field: " + st.lastError()};
    }
}

}  // namespace cw::store::detail
