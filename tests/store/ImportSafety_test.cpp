// Imports of files that are not what they seem: a file that grows while it is read, and paths
// that are not regular files. Nothing may be stored from either.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <optional>
#include <string>

#include "store/Importer.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

using namespace cw;
using namespace cw::store;
using cw::test::TempDir;

namespace {

std::string transactionsCsv(int rows, int firstId = 0) {
    std::string s = "customer_id,date,revenue\n";
    for (int i = 0; i < rows; ++i)
        s += "C" + std::to_string((firstId + i) % 50) + ",2024-0" + std::to_string(1 + i % 9) + "-1" +
             std::to_string(i % 10) + "," + std::to_string(10 + i % 7) + ".5\n";
    return s;
}

ImportOptions optionsFor(const std::string& file) {
    ImportOptions o;
    o.file = file;
    o.table = TargetTable::Transactions;
    o.map = {{"customer_id", "customer_id"}, {"date", "date"}, {"revenue", "revenue"}};
    return o;
}

TEST(ImportSafety, AFileThatGrowsWhileItIsImportedIsRefusedAndNothingIsStored) {
    TempDir dir;
    const auto csv = dir.write("t.csv", transactionsCsv(20000));
    auto wb = Workbook::create(dir.file("w.cwb"));
    ASSERT_TRUE(wb.ok());
    bool appended = false;
    auto grow = [&](const ProgressInfo&) {
        if (!appended) {  // another program appends, with a partial last line
            std::ofstream(csv, std::ios::app) << transactionsCsv(500, 7).substr(25) << "C9,2024-0";
            appended = true;
        }
        return true;
    };
    auto r = importFile(*wb, optionsFor(csv), grow);
    ASSERT_TRUE(appended);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().exitCode(), 2);
    EXPECT_NE(r.error().message.find("changed while it was being imported"), std::string::npos) << r.error().message;
    EXPECT_EQ(wb->tableCounts().at("transactions"), 0);
    EXPECT_TRUE(wb->imports().empty());
    // The complete file imports once; the same bytes again are recognised.
    std::ofstream(csv, std::ios::app) << "1-01,3\n";
    auto again = importFile(*wb, optionsFor(csv));
    ASSERT_TRUE(again.ok()) << again.error().describe();
    EXPECT_EQ(again->loaded + again->rejected, 20000 + 500 + 1);
    auto twice = importFile(*wb, optionsFor(csv));
    ASSERT_FALSE(twice.ok());
    EXPECT_NE(twice.error().message.find("imported already"), std::string::npos) << twice.error().message;
    EXPECT_EQ(wb->imports().size(), 1u);
}

TEST(ImportSafety, PathsThatAreNotRegularFilesAreRefusedWithoutReading) {
    TempDir dir;
    auto wb = Workbook::create(dir.file("w.cwb"));
    ASSERT_TRUE(wb.ok());
    const auto fifo = dir.file("pipe");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    for (const std::string path : {std::string("/dev/zero"), fifo, dir.path().string()}) {
        auto r = importFile(*wb, optionsFor(path));  // a FIFO would block in open(), /dev/zero never end
        ASSERT_FALSE(r.ok()) << path;
        EXPECT_EQ(r.error().exitCode(), 2) << path;
        EXPECT_EQ(r.error().file, path);
        auto pv = previewImport(optionsFor(path), 10);
        EXPECT_FALSE(pv.ok()) << path;
    }
    EXPECT_TRUE(wb->imports().empty());
}

TEST(ImportSafety, ImplausibleDatesAndAmountsAreRejectedWithTheirReason) {
    TempDir dir;
    const auto csv = dir.write("t.csv",
                               "customer_id,date,revenue\n"
                               "C1,2024-01-02,10\n"
                               "C2,9999-12-31,10\n"      // a placeholder date
                               "C3,1850-06-01,10\n"      // before 1900
                               "C4,2024-01-03,1.7e308\n"  // would overflow a sum
                               "C5,2024-01-04,-2e12\n"
                               "C6,2024-01-05,inf\n"
                               "C7,2024-01-06,999999999999\n");  // just under the limit: kept
    auto wb = Workbook::create(dir.file("w.cwb"));
    ASSERT_TRUE(wb.ok());
    auto o = optionsFor(csv);
    o.maxRejectShare = 1.0;  // a small file with mostly bad rows, on purpose
    auto r = importFile(*wb, o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->loaded, 2);
    EXPECT_EQ(r->reasons["date_out_of_range"], 2);
    EXPECT_EQ(r->reasons["implausible_amount"] + r->reasons["invalid_number"], 3);
    EXPECT_GE(r->reasons["implausible_amount"], 2);
    auto max = wb->db().queryInt("SELECT max(ts) FROM transactions");
    ASSERT_TRUE(max.has_value());
    EXPECT_LT(*max, 1900000000);  // the placeholder never becomes the analysis date
}

TEST(ImportSafety, AMappedColumnNameThatAppearsTwiceIsRefusedAndSaysWhich) {
    TempDir dir;
    const auto csv = dir.write("t.csv", "customer_id,date,revenue,Revenue\nC1,2024-01-02,10,99\n");
    auto wb = Workbook::create(dir.file("w.cwb"));
    ASSERT_TRUE(wb.ok());
    auto r = importFile(*wb, optionsFor(csv));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().exitCode(), 2);
    EXPECT_NE(r.error().message.find("columns 3 and 4"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().hint.find("revenue=#3"), std::string::npos) << r.error().hint;
    EXPECT_EQ(r.error().line, 1);
    EXPECT_TRUE(wb->imports().empty());
    // Mapped by position it imports, and the report still warns about the twin columns.
    auto o = optionsFor(csv);
    o.map["revenue"] = "#4";
    auto ok = importFile(*wb, o);
    ASSERT_TRUE(ok.ok()) << ok.error().describe();
    EXPECT_EQ(wb->db().queryInt("SELECT CAST(sum(revenue) AS INTEGER) FROM transactions").value_or(0), 99);
    bool warned = false;
    for (const auto& w : ok->warnings) warned |= w.find("more than once") != std::string::npos;
    EXPECT_TRUE(warned);
}

ImportOptions customersFrom(const std::string& file) {
    ImportOptions o;
    o.file = file;
    o.table = TargetTable::Customers;
    return o;
}

TEST(ImportSafety, AnAllTextHeaderIsRecognisedByTheMappingsColumnNames) {
    TempDir dir;
    const auto csv = dir.write("c.csv", "customer_id,name,region,channel\nK1,Acme,North,Retail\nK2,Bolt,South,Web\n");
    auto wb = Workbook::create(dir.file("w.cwb"));
    ASSERT_TRUE(wb.ok());
    auto r = importFile(*wb, customersFrom(csv));
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->loaded, 2);
    EXPECT_NE(r->dialect.find(", header"), std::string::npos) << r->dialect;
    EXPECT_EQ(wb->db().queryInt("SELECT count(*) FROM customers WHERE code='customer_id'").value_or(-1), 0);
    EXPECT_EQ(wb->db().queryInt("SELECT count(*) FROM customers WHERE code='K2' AND region='South'").value_or(0), 1);
}

TEST(ImportSafety, AnUnrecognisedAllTextFirstLineHintsAtTheHeaderOption) {
    TempDir dir;
    const auto csv = dir.write("c.csv", "kunde,firma,gebiet\nK1,Acme,North\n");
    auto wb = Workbook::create(dir.file("w.cwb"));
    ASSERT_TRUE(wb.ok());
    auto r = importFile(*wb, customersFrom(csv));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().exitCode(), 1);  // a mapping that names no column: a usage error
    EXPECT_NE(r.error().hint.find("--header yes"), std::string::npos) << r.error().hint;
    EXPECT_TRUE(wb->imports().empty());
}

TEST(ImportSafety, AHeaderOnlyFileIsRefusedAsNoRecordsAndStoresNothing) {
    TempDir dir;
    auto wb = Workbook::create(dir.file("w.cwb"));
    ASSERT_TRUE(wb.ok());
    for (const char* text : {"customer_id,name,region,channel\n", "customer_id,date,revenue\n"}) {
        const auto csv = dir.write("h.csv", text);
        for (std::optional<bool> header : {std::optional<bool>{}, std::optional<bool>{true}}) {
            auto o = std::string(text).find("date") != std::string::npos ? optionsFor(csv) : customersFrom(csv);
            o.header = header;
            auto r = importFile(*wb, o);
            ASSERT_FALSE(r.ok()) << text;
            EXPECT_EQ(r.error().exitCode(), 2) << r.error().describe();
            EXPECT_NE(r.error().message.find("no records"), std::string::npos) << r.error().message;
            EXPECT_TRUE(wb->imports().empty());
        }
    }
}

TEST(ImportSafety, AHeaderWiderThanTheSniffedSampleIsStillAHeader) {
    TempDir dir;
    std::string header = "customer_id,date,revenue", row = "C1,2024-01-02,10";
    for (int i = 0; header.size() < 100 * 1024; ++i) {
        header += ",extra_column_" + std::to_string(i);
        row += ",x";
    }
    const auto csv = dir.write("wide.csv", header + "\n" + row + "\n" + row + "\n");
    auto wb = Workbook::create(dir.file("w.cwb"));
    ASSERT_TRUE(wb.ok());
    auto r = importFile(*wb, optionsFor(csv));
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->loaded, 2);
    EXPECT_EQ(r->rejected, 0);
}

}  // namespace
