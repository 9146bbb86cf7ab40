#pragma once
// Internal to the importer: keeps the unmapped columns of a customers or
// survey file as typed custom fields (external data that rounds out the
// customer). A field is typed "number" when every non-empty value parses.
#include "store/ImportContext.h"

namespace cw::store::detail {

class CustomFieldWriter {
public:
    /// Registers the columns whose role is "custom" for `entity` (customer | survey_response).
    void begin(ImportContext& ctx, std::string_view entity);
    /// Stores the record's custom values for the entity row `entityId`.
    void write(ImportContext& ctx, const csv::Record& r, std::int64_t entityId);
    /// Sets each field's type from what was seen.
    void finish(ImportContext& ctx);

private:
    struct Field {
        int column = 0;
        std::int64_t id = 0;
        bool allNumeric = true;
        bool anyValue = false;
    };
    std::vector<Field> m_fields;
    Statement m_value;
};

}  // namespace cw::store::detail
