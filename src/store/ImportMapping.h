#pragma once
// Internal to the importer: resolving a profile and --map against a file.
#include "store/ImportContext.h"

namespace cw::store::detail {

/// The profile for the options: named, a .json path, or the table's generic one.
Result<MappingProfile> resolveProfile(const ImportOptions& o);

/// Opens the reader with the dialect of options/profile and reads the header if there is
/// one; fills ctx.columns (header, field -> column, roles). Usage errors name the
/// missing fields and the columns the file has.
Result<std::unique_ptr<csv::Reader>> openAndMap(ImportContext& ctx, std::string& dialectText);

/// Decides the day/month order of year-last dates from the file's date columns.
Status decideDateOrder(ImportContext& ctx);

}  // namespace cw::store::detail
