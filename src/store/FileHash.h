#pragma once
// The content hash of an imported file, which spots a file imported twice: XXH3's 128-bit hash
// (libxxhash), stored as "xxh128:<32 hex digits>". Workbooks imported into before it hold a
// 64-bit hash of a hand-written word mix (16 hex digits); while a workbook has such rows the
// same pass also computes that one, so a file imported then is still recognised.
#include <cstdint>
#include <optional>
#include <string>

#include "core/Result.h"

namespace cw::store {

class Database;

struct FileHashes {
    std::string current;                ///< "xxh128:…", what a new import stores
    std::optional<std::string> legacy;  ///< the earlier 64-bit hash, when asked for
    std::int64_t size = 0;              ///< bytes read
};

/// Hashes the whole file in 1 MiB reads. Input error (with the file) when it cannot be read.
Result<FileHashes> hashFile(const std::string& path, bool withLegacy);

/// Whether any import of the workbook was recorded with the earlier 64-bit hash.
bool hasLegacyHashes(Database& db);

}  // namespace cw::store
