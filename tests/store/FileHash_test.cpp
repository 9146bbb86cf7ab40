// The import's content hash: XXH3's 128-bit hash of the whole file (checked against the
// library's one-shot hash across read boundaries and against xxHash's published digest of no
// bytes), and the 64-bit hash earlier versions stored, still computed for workbooks that hold it,
// so a file imported by an earlier version is still refused a second time.
#include <gtest/gtest.h>
#include <xxhash.h>

#include <cstdio>
#include <random>
#include <string>

#include "store/Database.h"
#include "store/FileHash.h"
#include "store/Importer.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

using namespace cw;
using namespace cw::store;
using cw::test::TempDir;

namespace {

const std::string kRetailSlice = std::string(CW_TEST_DATA_DIR) + "/online_retail_slice.csv";
// What clienting stored as content_hash for tests/data/online_retail_slice.csv before the XXH3
// hash (build 4785952, `clienting import --profile online-retail`).
constexpr const char* kRetailSliceLegacyHash = "184ab7d1b51e0a09";

std::string xxh128Hex(const std::string& bytes) {
    const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
    char hex[48];
    std::snprintf(hex, sizeof hex, "xxh128:%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    return hex;
}

TEST(FileHash, NoBytesGiveXxh128sPublishedDigest) {
    TempDir dir;
    auto h = hashFile(dir.write("empty.csv", ""), false);
    ASSERT_TRUE(h.ok()) << h.error().describe();
    EXPECT_EQ(h->current, "xxh128:99aa06d3014798d86001c324468d497f");  // xxh128sum /dev/null
    EXPECT_EQ(h->size, 0);
    EXPECT_FALSE(h->legacy.has_value());
}

TEST(FileHash, ReadsAcrossBuffersGiveTheOneShotHash) {
    TempDir dir;
    std::mt19937_64 rng(7);
    std::string bytes(3 * (1 << 20) + 12345, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng());
    auto h = hashFile(dir.write("big.bin", bytes), true);
    ASSERT_TRUE(h.ok()) << h.error().describe();
    EXPECT_EQ(h->current, xxh128Hex(bytes));
    EXPECT_EQ(h->size, std::int64_t(bytes.size()));
    ASSERT_TRUE(h->legacy.has_value());
    EXPECT_EQ(h->legacy->size(), 16u);
    bytes[bytes.size() / 2] ^= 1;  // one bit changed changes both
    auto other = hashFile(dir.write("big2.bin", bytes), true);
    ASSERT_TRUE(other.ok());
    EXPECT_NE(other->current, h->current);
    EXPECT_NE(*other->legacy, *h->legacy);
}

TEST(FileHash, TheLegacyHashIsTheOneEarlierVersionsStored) {
    auto h = hashFile(kRetailSlice, true);
    ASSERT_TRUE(h.ok()) << h.error().describe();
    EXPECT_EQ(h->legacy.value_or(""), kRetailSliceLegacyHash);
}

TEST(FileHash, AMissingFileSaysWhich) {
    auto h = hashFile("/nonexistent/sales.csv", false);
    ASSERT_FALSE(h.ok());
    EXPECT_EQ(h.error().file, "/nonexistent/sales.csv");
}

TEST(FileHash, AFileImportedByAnEarlierVersionIsStillRefusedASecondTime) {
    TempDir dir;
    auto wb = Workbook::create(dir.file("t.cwb"));
    ASSERT_TRUE(wb.ok());
    ImportOptions o;
    o.file = kRetailSlice;
    o.profile = "online-retail";
    auto first = importFile(*wb, o);
    ASSERT_TRUE(first.ok()) << first.error().describe();
    auto stored = wb->db().queryText("SELECT content_hash FROM imports");
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->rfind("xxh128:", 0), 0u) << *stored;
    EXPECT_FALSE(hasLegacyHashes(wb->db()));

    // The same import as an earlier version recorded it.
    {
        auto tx = WriteTransaction::begin(wb->db());
        ASSERT_TRUE(tx.ok());
        auto st = wb->db().prepareOrThrow("UPDATE imports SET content_hash = ?");
        st.bind(1, std::string(kRetailSliceLegacyHash));
        st.step();
        ASSERT_TRUE(tx->commit().ok());
    }
    EXPECT_TRUE(hasLegacyHashes(wb->db()));
    const auto rows = wb->db().queryInt("SELECT count(*) FROM transactions");
    auto again = importFile(*wb, o);
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.error().message.find("imported already (import #1"), std::string::npos) << again.error().message;
    EXPECT_EQ(wb->db().queryInt("SELECT count(*) FROM transactions"), rows) << "nothing was stored";
    o.replace = true;
    auto replaced = importFile(*wb, o);
    ASSERT_TRUE(replaced.ok()) << replaced.error().describe();
    EXPECT_EQ(wb->db().queryInt("SELECT count(*) FROM imports"), 1) << "the earlier import was replaced";
    EXPECT_EQ(wb->db().queryInt("SELECT count(*) FROM transactions"), rows);
}

}  // namespace
