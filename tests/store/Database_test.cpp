// The connection's write discipline: data changes only inside a WriteTransaction that really
// began; a busy or read-only workbook is said so; nothing half-done survives.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/Database.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

using namespace cw;
using namespace cw::store;
using cw::test::TempDir;

namespace {

Database freshDb(const TempDir& dir, const std::string& name = "t.db") {
    auto db = Database::open(dir.file(name), Database::Mode::Create);
    EXPECT_TRUE(db.ok());
    EXPECT_TRUE(db->exec("PRAGMA journal_mode=WAL").ok());
    auto tx = WriteTransaction::begin(*db);
    EXPECT_TRUE(tx.ok());
    EXPECT_TRUE(db->exec("CREATE TABLE t(x INTEGER)").ok());
    EXPECT_TRUE(tx->commit().ok());
    return std::move(*db);
}

std::int64_t rows(Database& db) { return db.queryInt("SELECT count(*) FROM t").value_or(-1); }

TEST(WriteDiscipline, AChangeOutsideATransactionIsRefused) {
    TempDir dir;
    auto db = freshDb(dir);
    auto ins = db.prepare("INSERT INTO t VALUES(1)");
    ASSERT_TRUE(ins.ok());
    EXPECT_FALSE(ins->exec());
    EXPECT_NE(ins->lastError().find("outside a transaction"), std::string::npos) << ins->lastError();
    auto st = db.exec("DELETE FROM t");
    EXPECT_FALSE(st.ok());
    EXPECT_EQ(rows(db), 0);
    // Reads, pragmas and transaction control are not changes.
    EXPECT_TRUE(db.exec("PRAGMA cache_size=-1024").ok());
    EXPECT_EQ(db.queryInt("SELECT 41 + 1").value_or(0), 42);
}

TEST(WriteDiscipline, InsideATransactionChangesAreCommittedOrRolledBackWhole) {
    TempDir dir;
    auto db = freshDb(dir);
    {
        auto tx = WriteTransaction::begin(db);
        ASSERT_TRUE(tx.ok());
        auto ins = db.prepare("INSERT INTO t VALUES(?)");
        for (int i = 0; i < 10; ++i) {
            ins->bind(1, i);
            ASSERT_TRUE(ins->exec()) << ins->lastError();
        }
        // Not committed: rolled back when it goes out of scope.
    }
    EXPECT_EQ(rows(db), 0);
    EXPECT_FALSE(db.inTransaction());
    auto tx = WriteTransaction::begin(db);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db.exec("INSERT INTO t VALUES(1); INSERT INTO t VALUES(2)").ok());
    ASSERT_TRUE(tx->commit().ok());
    EXPECT_EQ(rows(db), 2);
}

TEST(WriteDiscipline, ABusyWorkbookIsReportedAndNothingIsWritten) {
    TempDir dir;
    auto db = freshDb(dir);
    auto other = Database::open(dir.file("t.db"), Database::Mode::ReadWrite);
    ASSERT_TRUE(other.ok());
    sqlite3_busy_timeout(other->handle(), 50);
    auto holder = WriteTransaction::begin(db);
    ASSERT_TRUE(holder.ok());
    auto tx = WriteTransaction::begin(*other);
    ASSERT_FALSE(tx.ok());
    EXPECT_EQ(tx.error().kind, ErrorKind::Workbook);
    EXPECT_EQ(tx.error().exitCode(), 3);
    EXPECT_NE(tx.error().message.find("busy"), std::string::npos) << tx.error().message;
    // The work that would have followed cannot run outside the transaction that did not begin.
    auto ins = other->prepare("INSERT INTO t VALUES(7)");
    EXPECT_FALSE(ins->exec());
    ASSERT_TRUE(holder->commit().ok());
    EXPECT_EQ(rows(*other), 0);
}

TEST(WriteDiscipline, UnitsOfWorkRollBackOnAnErrorAndCannotNest) {
    TempDir dir;
    auto db = freshDb(dir);
    auto r = inOwnTransaction(db, [&](WriteTransaction&) -> Status {
        EXPECT_TRUE(db.exec("INSERT INTO t VALUES(1)").ok());
        return makeError(ErrorKind::Input, "stop");
    });
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(rows(db), 0);
    auto thrown = inOwnTransaction(db, [&](WriteTransaction&) -> Status {
        EXPECT_TRUE(db.exec("INSERT INTO t VALUES(1)").ok());
        throw SqlError{"the store's own SQL failed"};
    });
    EXPECT_FALSE(thrown.ok());
    EXPECT_EQ(rows(db), 0);
    auto nested = inOwnTransaction(db, [&](WriteTransaction&) -> Status {
        auto inner = WriteTransaction::begin(db);
        EXPECT_FALSE(inner.ok());
        return {};
    });
    EXPECT_TRUE(nested.ok());
}

TEST(WriteDiscipline, ADiskFullCommitSaysNothingWasStored) {
    TempDir dir;
    auto db = freshDb(dir);
    const auto pages = db.queryInt("PRAGMA page_count").value_or(0);
    ASSERT_TRUE(db.exec("PRAGMA max_page_count=" + std::to_string(pages + 2)).ok());
    auto r = inOwnTransaction(db, [&](WriteTransaction& tx) -> Status {
        auto ins = tx.db().prepare("INSERT INTO t VALUES(randomblob(4000))");
        for (int i = 0; i < 100; ++i)
            if (!ins->exec()) return sqliteError(tx.db(), "storing rows");
        return {};
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().exitCode(), 4);
    EXPECT_NE(r.error().message.find("nothing was stored"), std::string::npos) << r.error().message;
    EXPECT_EQ(rows(db), 0);
}

TEST(WriteDiscipline, SettingsAreWrittenInTheirOwnTransaction) {
    TempDir dir;
    auto wb = Workbook::create(dir.file("w.cwb"));
    ASSERT_TRUE(wb.ok());
    ASSERT_TRUE(wb->setSetting("k", "1").ok());
    EXPECT_EQ(wb->setting("k").value_or(""), "1");
    // Inside a larger transaction the one-statement form refuses; writeSetting joins it.
    auto tx = WriteTransaction::begin(wb->db());
    ASSERT_TRUE(tx.ok());
    EXPECT_FALSE(wb->setSetting("k", "2").ok());
    ASSERT_TRUE(writeSetting(*tx, "k", "3").ok());
    ASSERT_TRUE(tx->commit().ok());
    EXPECT_EQ(wb->setting("k").value_or(""), "3");
}

}  // namespace

// A bulk load by the only connection writes each page once (rollback journal); with another
// connection open it keeps the WAL and does not wait for it. Either way the WAL is back after.
TEST(BulkLoadJournal, TheOnlyConnectionLoadsWithARollbackJournalAndGetsTheWalBack) {
    TempDir dir;
    auto db = freshDb(dir);
    {
        RollbackJournalScope journal(db);
        EXPECT_TRUE(journal.active());
        EXPECT_EQ(db.queryText("PRAGMA journal_mode").value_or(""), "delete");
        auto tx = WriteTransaction::begin(db);
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(db.exec("INSERT INTO t VALUES(1)").ok());
        ASSERT_TRUE(tx->commit().ok());
    }
    EXPECT_EQ(db.queryText("PRAGMA journal_mode").value_or(""), "wal");
    EXPECT_EQ(rows(db), 1);
}

TEST(BulkLoadJournal, AnotherOpenConnectionKeepsTheWalAndIsNotWaitedFor) {
    TempDir dir;
    auto db = freshDb(dir);
    auto reader = Database::open(dir.file("t.db"), Database::Mode::ReadWrite);
    ASSERT_TRUE(reader.ok());
    ASSERT_TRUE(reader->exec("BEGIN").ok());
    EXPECT_EQ(rows(*reader), 0);  // holds a read snapshot
    sqlite3_busy_timeout(db.handle(), 600000);  // a wait would hang the test
    {
        RollbackJournalScope journal(db);
        EXPECT_FALSE(journal.active());
        EXPECT_EQ(db.queryText("PRAGMA journal_mode").value_or(""), "wal");
        auto tx = WriteTransaction::begin(db);
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(db.exec("INSERT INTO t VALUES(1)").ok());
        ASSERT_TRUE(tx->commit().ok());
    }
    EXPECT_EQ(rows(*reader), 0);  // its snapshot is intact
    ASSERT_TRUE(reader->exec("COMMIT").ok());
    EXPECT_EQ(rows(*reader), 1);
    EXPECT_EQ(db.queryText("PRAGMA journal_mode").value_or(""), "wal");
}
