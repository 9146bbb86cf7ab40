#include "store/FileHash.h"

#include <xxhash.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <vector>

#include "store/Database.h"

namespace cw::store {
namespace {

// The 64-bit hash earlier versions stored (a multiply-xorshift over 8-byte words): kept only to
// recognise their imports.
class LegacyHash {
public:
    void update(const char* data, std::size_t n) {
        m_size += n;
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, data + i, 8);
            m_h = (m_h ^ w) * 0xFF51AFD7ED558CCDull;
            m_h ^= m_h >> 32;
        }
        for (; i < n; ++i) m_h = (m_h ^ static_cast<unsigned char>(data[i])) * 0x100000001B3ull;
    }
    std::string hex() const {
        char out[24];
        std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(m_h ^ m_size));
        return out;
    }

private:
    std::uint64_t m_h = 0x9E3779B97F4A7C15ull;
    std::uint64_t m_size = 0;
};

struct StateDeleter {
    void operator()(XXH3_state_t* s) const { XXH3_freeState(s); }
};

}  // namespace

Result<FileHashes> hashFile(const std::string& path, bool withLegacy) {
    std::ifstream in(path, std::ios::binary);
    std::unique_ptr<XXH3_state_t, StateDeleter> state(XXH3_createState());
    if (!in || !state || XXH3_128bits_reset(state.get()) == XXH_ERROR) {
        Error e = makeError(ErrorKind::Input, "cannot read the file", "check the path and its permissions");
        e.file = path;
        return e;
    }
    LegacyHash legacy;
    FileHashes out;
    std::vector<char> buf(1 << 20);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        out.size += static_cast<std::int64_t>(n);
        XXH3_128bits_update(state.get(), buf.data(), n);
        if (withLegacy) legacy.update(buf.data(), n);
    }
    if (in.bad()) {
        Error e = makeError(ErrorKind::Input, "the file could not be read to its end", "check the disk and try again");
        e.file = path;
        return e;
    }
    const XXH128_hash_t h = XXH3_128bits_digest(state.get());
    char hex[48];
    std::snprintf(hex, sizeof hex, "xxh128:%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    out.current = hex;
    if (withLegacy) out.legacy = legacy.hex();
    return out;
}

bool hasLegacyHashes(Database& db) {
    return db.queryInt("SELECT EXISTS(SELECT 1 FROM imports WHERE length(content_hash) = 16 "
                       "AND content_hash NOT GLOB '*[^0-9a-f]*')")
               .value_or(0) != 0;
}

}  // namespace cw::store
