// Workbook files: creation, schema version, and refusal of files that are not
// ours, newer or corrupt — without modifying them.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/Schema.h"
#include "store/Workbook.h"
#include "support/RawSql.h"
#include "support/TempDir.h"

using namespace cw;
using namespace cw::store;
using cw::test::readFile;
using cw::test::rawSql;
using cw::test::TempDir;

namespace {

TEST(Workbook, CreateThenOpen) {
    TempDir dir;
    const auto path = dir.file("a.cwb");
    {
        auto wb = Workbook::create(path);
        ASSERT_TRUE(wb.ok()) << wb.error().describe();
        EXPECT_EQ(wb->schemaVersion(), currentSchemaVersion());
        EXPECT_EQ(wb->db().queryText("PRAGMA journal_mode").value(), "wal");
        EXPECT_EQ(wb->db().queryInt("PRAGMA foreign_keys").value(), 1);
        ASSERT_TRUE(wb->setSetting("analysis.window_months", "12").ok());
    }
    auto wb = Workbook::open(path);
    ASSERT_TRUE(wb.ok()) << wb.error().describe();
    EXPECT_EQ(wb->setting("analysis.window_months").value_or(""), "12");
    EXPECT_FALSE(wb->setting("missing").has_value());
    auto counts = wb->tableCounts();
    EXPECT_EQ(counts.at("customers"), 0);
    EXPECT_EQ(counts.at("transactions"), 0);
}

TEST(Workbook, CreateRefusesExistingFile) {
    TempDir dir;
    const auto path = dir.write("a.cwb", "precious");
    auto wb = Workbook::create(path);
    ASSERT_FALSE(wb.ok());
    EXPECT_EQ(wb.error().kind, ErrorKind::Workbook);
    EXPECT_EQ(readFile(path), "precious");
}

TEST(Workbook, RefusesTextFileUnchanged) {
    TempDir dir;
    const std::string text(4096, 'x');
    const auto path = dir.write("notes.cwb", text);
    auto wb = Workbook::open(path);
    ASSERT_FALSE(wb.ok());
    EXPECT_EQ(wb.error().kind, ErrorKind::Workbook);
    EXPECT_NE(wb.error().message.find("not a Clienting workbook"), std::string::npos);
    EXPECT_EQ(readFile(path), text);
}

TEST(Workbook, RefusesOtherSqliteDatabaseUnchanged) {
    TempDir dir;
    const auto path = dir.file("other.db");
    rawSql(path, "CREATE TABLE t(x); INSERT INTO t VALUES(1);");
    const auto before = readFile(path);
    auto wb = Workbook::open(path);
    ASSERT_FALSE(wb.ok());
    EXPECT_NE(wb.error().message.find("another program"), std::string::npos);
    EXPECT_EQ(readFile(path), before);
}

TEST(Workbook, RefusesNewerSchemaUnchanged) {
    TempDir dir;
    const auto path = dir.file("new.cwb");
    ASSERT_TRUE(Workbook::create(path).ok());
    rawSql(path, "PRAGMA user_version=" + std::to_string(currentSchemaVersion() + 1) + "; PRAGMA journal_mode=DELETE;");
    const auto before = readFile(path);
    auto wb = Workbook::open(path);
    ASSERT_FALSE(wb.ok());
    EXPECT_EQ(wb.error().kind, ErrorKind::Workbook);
    EXPECT_NE(wb.error().message.find("newer"), std::string::npos);
    EXPECT_EQ(readFile(path), before);
}

TEST(Workbook, RefusesCorruptFileUnchanged) {
    TempDir dir;
    const auto path = dir.file("bad.cwb");
    {
        auto wb = Workbook::create(path);
        ASSERT_TRUE(wb.ok());
        ASSERT_TRUE(wb->db().exec("PRAGMA journal_mode=DELETE").ok());
        auto tx = WriteTransaction::begin(wb->db());
        ASSERT_TRUE(tx.ok());
        for (int i = 0; i < 200; ++i)
            ASSERT_TRUE(wb->db().exec("INSERT INTO settings VALUES('k" + std::to_string(i) + "', '" +
                                      std::string(500, 'v') + "')").ok());
        ASSERT_TRUE(tx->commit().ok());
    }
    auto bytes = readFile(path);
    ASSERT_GT(bytes.size(), 8192u);
    for (std::size_t i = 4096 + 100; i < bytes.size(); i += 3) bytes[i] = static_cast<char>(0xA5);  // pages 2..
    std::ofstream(path, std::ios::binary) << bytes;
    auto wb = Workbook::open(path);
    ASSERT_FALSE(wb.ok());
    EXPECT_EQ(wb.error().kind, ErrorKind::Workbook);
    EXPECT_EQ(readFile(path), bytes);
}

TEST(Workbook, RefusesEmptyFile) {
    TempDir dir;
    const auto path = dir.write("empty.cwb", "");
    auto wb = Workbook::open(path);
    ASSERT_FALSE(wb.ok());
    EXPECT_EQ(wb.error().kind, ErrorKind::Workbook);
}

}  // namespace

namespace {

// A trusted read-only open skips only the whole-file scan: it still refuses what the header and
// the probes can tell, and a read-write open always scans.
TEST(WorkbookIntegrity, TrustSkipsOnlyTheScanOfReadOnlyOpens) {
    cw::test::TempDir dir;
    const auto path = dir.file("w.cwb");
    ASSERT_TRUE(cw::store::Workbook::create(path).ok());
    using W = cw::store::Workbook;
    EXPECT_TRUE(W::open(path, W::OpenMode::ReadOnly, W::Integrity::Trust).ok());
    const auto text = dir.write("t.cwb", "not a workbook at all, just text\n");
    auto refused = W::open(text, W::OpenMode::ReadOnly, W::Integrity::Trust);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, cw::ErrorKind::Workbook);
}

}  // namespace
