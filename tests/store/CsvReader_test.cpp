// Tests of the streaming CSV reader: RFC 4180 cases, what real exports do (CRLF in
// quotes, BOM, stray quotes, blank lines, CDNOW's aligned columns), sniffing, encoding
// fallback, errors with their position, and chunk-boundary equivalence.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "store/csv/CsvReader.h"

using namespace cw::store::csv;

namespace {

using Rows = std::vector<std::vector<std::string>>;

struct ReadResult {
    Rows rows;
    std::vector<std::int64_t> lines;
    std::vector<std::int64_t> indexes;
    std::optional<cw::Error> error;
    std::vector<std::string> warnings;
    bool bom = false;
};

ReadResult readAll(std::string data, ReaderOptions o = {}) {
    ReadResult out;
    auto r = Reader::fromString(std::move(data), o, "test.csv");
    Record rec;
    while (r->next(rec)) {
        out.rows.emplace_back(rec.fields.begin(), rec.fields.end());
        out.lines.push_back(rec.line);
        out.indexes.push_back(rec.index);
    }
    out.error = r->error();
    out.warnings = r->warnings();
    out.bom = r->hadBom();
    return out;
}

ReaderOptions comma() {
    ReaderOptions o;
    o.dialect = Dialect{};
    return o;
}

ReaderOptions withDialect(std::string_view spec) {
    ReaderOptions o;
    auto d = Dialect::parse(spec);
    EXPECT_TRUE(d.ok());
    o.dialect = *d;
    return o;
}

std::string dataFile(const char* name) {
    return std::string(CW_TEST_DATA_DIR) + "/csv/" + name;
}

}  // namespace

TEST(CsvReader, SimpleRecordsWithLf) {
    auto r = readAll("id,name\n1,Ann\n2,Bob\n", comma());
    EXPECT_EQ(r.rows, (Rows{{"id", "name"}, {"1", "Ann"}, {"2", "Bob"}}));
    EXPECT_EQ(r.lines, (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_EQ(r.indexes, (std::vector<std::int64_t>{0, 1, 2}));
    EXPECT_FALSE(r.error);
    EXPECT_TRUE(r.warnings.empty());
}

TEST(CsvReader, CrLfAndLoneCrLineEnds) {
    EXPECT_EQ(readAll("a,b\r\nc,d\r\n", comma()).rows, (Rows{{"a", "b"}, {"c", "d"}}));
    auto cr = readAll("a,b\rc,d\re,f", comma());
    EXPECT_EQ(cr.rows, (Rows{{"a", "b"}, {"c", "d"}, {"e", "f"}}));
    EXPECT_EQ(cr.lines, (std::vector<std::int64_t>{1, 2, 3}));
    auto mixed = readAll("a\r\nb\rc\nd", comma());
    EXPECT_EQ(mixed.rows, (Rows{{"a"}, {"b"}, {"c"}, {"d"}}));
    EXPECT_EQ(mixed.lines, (std::vector<std::int64_t>{1, 2, 3, 4}));
}

TEST(CsvReader, LastLineWithoutNewlineAndTrailingEmptyField) {
    auto r = readAll("a,b,\n1,,3", comma());
    EXPECT_EQ(r.rows, (Rows{{"a", "b", ""}, {"1", "", "3"}}));
    EXPECT_EQ(readAll(",", comma()).rows, (Rows{{"", ""}}));
    EXPECT_TRUE(readAll("", comma()).rows.empty());
    EXPECT_TRUE(readAll("\n\r\n\r", comma()).rows.empty());
}

TEST(CsvReader, QuotedFieldsWithDelimitersQuotesAndNewlines) {
    auto r = readAll("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\"\n4,\"\"\n5,x\n",
                     comma());
    ASSERT_EQ(r.rows.size(), 6u);
    EXPECT_EQ(r.rows[1], (std::vector<std::string>{"1", "a, b"}));
    EXPECT_EQ(r.rows[2], (std::vector<std::string>{"2", "say \"hi\""}));
    EXPECT_EQ(r.rows[3], (std::vector<std::string>{"3", "two\r\nlines"}));
    EXPECT_EQ(r.rows[4], (std::vector<std::string>{"4", ""}));
    // The embedded CRLF is a physical line: record 5 starts on line 6.
    EXPECT_EQ(r.lines, (std::vector<std::int64_t>{1, 2, 3, 4, 6, 7}));
}

TEST(CsvReader, NewlinesInQuotesAdvanceLineNumbers) {
    auto r = readAll("\"a\nb\nc\",\"d\re\"\nnext\n\n\"x\r\n\r\ny\"\nlast", comma());
    EXPECT_EQ(r.rows, (Rows{{"a\nb\nc", "d\re"}, {"next"}, {"x\r\n\r\ny"}, {"last"}}));
    EXPECT_EQ(r.lines, (std::vector<std::int64_t>{1, 5, 7, 10}));
}

TEST(CsvReader, EmptyAndBlankLinesAreSkippedButCounted) {
    auto r = readAll("\n\na,b\n\n   \r\n1,2\r\n\r\n\r\n3,4\n\n", comma());
    EXPECT_EQ(r.rows, (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
    EXPECT_EQ(r.lines, (std::vector<std::int64_t>{3, 6, 9}));
    EXPECT_EQ(r.indexes, (std::vector<std::int64_t>{0, 1, 2}));
}

TEST(CsvReader, QuotedEmptyOrBlankFieldIsARecord) {
    EXPECT_EQ(readAll("\"\"\n\" \"\n", comma()).rows, (Rows{{""}, {" "}}));
}

TEST(CsvReader, LenientOnStrayQuotesAndTextAfterClosingQuote) {
    auto r = readAll("a\"b,5\" screen,\"quoted\"tail,\"x\"y\"z\"\n", comma());
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_EQ(r.rows[0], (std::vector<std::string>{"a\"b", "5\" screen", "quotedtail", "xy\"z\""}));
    EXPECT_FALSE(r.error);
}

TEST(CsvReader, Utf8BomIsSkipped) {
    auto r = readAll("\xEF\xBB\xBFid,name\n1,Zoë\n", comma());
    EXPECT_TRUE(r.bom);
    EXPECT_EQ(r.rows, (Rows{{"id", "name"}, {"1", "Zoë"}}));
    EXPECT_EQ(r.lines.front(), 1);
    EXPECT_FALSE(readAll("id\n", comma()).bom);
    // A BOM alone is an empty file, and the BOM is skipped even with a tiny chunk size.
    EXPECT_TRUE(readAll("\xEF\xBB\xBF", comma()).rows.empty());
    ReaderOptions tiny = comma();
    tiny.chunkSize = 1;
    auto t = readAll("\xEF\xBB\xBF\"a\",b\n", tiny);
    EXPECT_TRUE(t.bom);
    EXPECT_EQ(t.rows, (Rows{{"a", "b"}}));
}

TEST(CsvReader, UnterminatedQuoteIsAnErrorWithItsPosition) {
    auto r = readAll("id,text\n1,ok\n2,\"fine\"\n3,\"never closed\n4,more\n5,text\n", comma());
    EXPECT_EQ(r.rows.size(), 3u);
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->kind, cw::ErrorKind::Input);
    EXPECT_EQ(r.error->file, "test.csv");
    EXPECT_EQ(r.error->line, 4);
    EXPECT_EQ(r.error->column, 2);
    EXPECT_EQ(r.error->message, "quoted field opened here is never closed");
    EXPECT_FALSE(r.error->hint.empty());
    EXPECT_EQ(r.error->describe().rfind("test.csv:4:2: quoted field", 0), 0u);
}

TEST(CsvReader, UnterminatedQuoteAfterMultilineField) {
    ReaderOptions o = comma();
    o.chunkSize = 3;
    auto r = readAll("\"a\nb\",x\n\n1,2,\"", o);
    EXPECT_EQ(r.rows, (Rows{{"a\nb", "x"}}));
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->line, 4);
    EXPECT_EQ(r.error->column, 3);
}

TEST(CsvReader, NextKeepsReturningFalseAfterAnError) {
    auto reader = Reader::fromString("\"open", comma());
    Record rec;
    EXPECT_FALSE(reader->next(rec));
    EXPECT_TRUE(reader->error());
    EXPECT_FALSE(reader->next(rec));
}

TEST(CsvReader, OtherDelimitersAndQuoteCharacter) {
    EXPECT_EQ(readAll("a;b;\"c;d\"\n", withDialect(";")).rows, (Rows{{"a", "b", "c;d"}}));
    EXPECT_EQ(readAll("a\tb c\t\n", withDialect("tab")).rows, (Rows{{"a", "b c", ""}}));
    EXPECT_EQ(readAll("a|b\n", withDialect("pipe")).rows, (Rows{{"a", "b"}}));
    ReaderOptions single = comma();
    single.dialect->quote = '\'';
    EXPECT_EQ(readAll("'a,b',\"c\"\n", single).rows, (Rows{{"a,b", "\"c\""}}));
}

TEST(CsvReader, WhitespaceDialectReadsAlignedColumns) {
    auto r = readAll(
        " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n"
        "\t00002\t19970112 \t 1   12.00  \r\n   \r\n  \"New York\"   2  \"\"  x\n",
        withDialect("whitespace"));
    EXPECT_EQ(r.rows, (Rows{{"customer_id", "date", "number_of_cds", "dollar_value"},
                            {"00001", "19970101", "1", "11.77"},
                            {"00002", "19970112", "1", "12.00"},
                            {"New York", "2", "", "x"}}));
    EXPECT_EQ(r.lines, (std::vector<std::int64_t>{1, 2, 3, 5}));
}

TEST(CsvReader, RecordViewsStayValidUntilNextCall) {
    auto reader = Reader::fromString("\"a\"\"b\",\"c\"\n\"d\",e\n", comma());
    Record rec;
    ASSERT_TRUE(reader->next(rec));
    const std::vector<std::string> first(rec.fields.begin(), rec.fields.end());
    EXPECT_EQ(first, (std::vector<std::string>{"a\"b", "c"}));
    ASSERT_TRUE(reader->next(rec));
    EXPECT_EQ(std::string(rec.fields[0]), "d");
    EXPECT_FALSE(reader->next(rec));
    EXPECT_FALSE(reader->error());
}

TEST(CsvReader, Windows1252FallbackWithOneWarning) {
    auto r = readAll(
        "item,price\nTea,\xA3"
        "3\n\x80"
        "5 note,1\nCaf\xC3\xA9,2\nx\x93y\x94,\xA3"
        "4\n",
        comma());
    ASSERT_EQ(r.rows.size(), 5u);
    EXPECT_EQ(r.rows[1], (std::vector<std::string>{"Tea", "£3"}));
    EXPECT_EQ(r.rows[2], (std::vector<std::string>{"€5 note", "1"}));
    EXPECT_EQ(r.rows[3], (std::vector<std::string>{"Café", "2"}));  // valid UTF-8 left alone
    EXPECT_EQ(r.rows[4], (std::vector<std::string>{"x\u201Cy\u201D", "£4"}));
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(
        r.warnings[0],
        "test.csv: line 2 is not valid UTF-8; read as Windows-1252 (pass --encoding to choose)");
}

TEST(CsvReader, Windows1252InQuotedFieldsAndUndefinedBytes) {
    auto r = readAll("\"\xA3 \"\"1\"\"\",\x81\x9F\n", comma());
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_EQ(r.rows[0], (std::vector<std::string>{"£ \"1\"", "\xC2\x81\xC5\xB8"}));
}

TEST(CsvReader, ForcedEncodings) {
    ReaderOptions cp = comma();
    cp.encoding = Encoding::Windows1252;
    auto forced = readAll("Caf\xC3\xA9,\xA3\n", cp);
    EXPECT_EQ(forced.rows, (Rows{{"Caf\xC3\x83\xC2\xA9", "£"}}));
    EXPECT_TRUE(forced.warnings.empty());
    ReaderOptions utf8 = comma();
    utf8.encoding = Encoding::Utf8;
    auto raw = readAll("\xA3,1\n", utf8);
    EXPECT_EQ(raw.rows, (Rows{{"\xA3", "1"}}));
    EXPECT_TRUE(raw.warnings.empty());
}

TEST(CsvReader, LongRecordAcrossManyTinyChunks) {
    std::string big(100000, 'x');
    for (std::size_t i = 0; i < big.size(); i += 1000) big[i] = '\n';
    ReaderOptions o = comma();
    o.chunkSize = 7;
    auto r = readAll("a,\"" + big + "\",b\nnext\n", o);
    ASSERT_EQ(r.rows.size(), 2u);
    EXPECT_EQ(r.rows[0][1], big);
    EXPECT_EQ(r.rows[0][2], "b");
    EXPECT_EQ(r.lines[1], 1 + 100 + 1);
}

TEST(CsvReader, BytesConsumedReachesTotal) {
    const std::string data =
        "\xEF\xBB\xBF"
        "a,b\n1,2\n";
    auto reader = Reader::fromString(data, comma());
    EXPECT_EQ(reader->totalBytes(), static_cast<std::int64_t>(data.size()));
    Record rec;
    ASSERT_TRUE(reader->next(rec));
    EXPECT_EQ(reader->bytesConsumed(), 7);
    while (reader->next(rec)) {
    }
    EXPECT_EQ(reader->bytesConsumed(), static_cast<std::int64_t>(data.size()));
}

TEST(CsvReader, DialectNamesAndParsing) {
    Dialect d;
    EXPECT_EQ(d.name(), "comma");
    for (auto [spec, name] :
         std::vector<std::pair<std::string, std::string>>{{",", "comma"},
                                                          {"comma", "comma"},
                                                          {";", "semicolon"},
                                                          {"Semicolon", "semicolon"},
                                                          {"\t", "tab"},
                                                          {"tab", "tab"},
                                                          {"\\t", "tab"},
                                                          {"|", "pipe"},
                                                          {"pipe", "pipe"},
                                                          {"whitespace", "whitespace"},
                                                          {"space", "whitespace"},
                                                          {" ", "whitespace"},
                                                          {":", ":"}}) {
        auto p = Dialect::parse(spec);
        ASSERT_TRUE(p.ok()) << spec;
        ASSERT_TRUE(p->has_value()) << spec;
        EXPECT_EQ((*p)->name(), name) << spec;
    }
    auto space = Dialect::parse(" ");
    ASSERT_TRUE(space.ok());
    EXPECT_TRUE((*space)->whitespace);
    auto aut = Dialect::parse("auto");
    ASSERT_TRUE(aut.ok());
    EXPECT_FALSE(aut->has_value());
    EXPECT_FALSE(Dialect::parse("")->has_value());
    auto bad = Dialect::parse("colon-ish");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, cw::ErrorKind::Usage);
    EXPECT_FALSE(Dialect::parse("\n").ok());
}

TEST(CsvReader, OpenMissingFileIsAnInputError) {
    auto r = Reader::open("/nonexistent/dir/file.csv");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, cw::ErrorKind::Input);
    EXPECT_EQ(r.error().file, "/nonexistent/dir/file.csv");
    EXPECT_FALSE(Reader::sniffFile("/nonexistent/dir/file.csv").ok());
}

TEST(CsvReader, OpensCdnowMasterSlice) {
    ReaderOptions o;
    o.chunkSize = 64;  // many refills over a 1 KB file
    auto r = Reader::open(dataFile("cdnow_master_head.txt"), o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_TRUE((*r)->dialect().whitespace);
    EXPECT_EQ((*r)->totalBytes(), 1140);
    Record rec;
    ASSERT_TRUE((*r)->next(rec));
    EXPECT_EQ(std::vector<std::string>(rec.fields.begin(), rec.fields.end()),
              (std::vector<std::string>{"customer_id", "date", "number_of_cds", "dollar_value"}));
    ASSERT_TRUE((*r)->next(rec));
    EXPECT_EQ(std::vector<std::string>(rec.fields.begin(), rec.fields.end()),
              (std::vector<std::string>{"00001", "19970101", "1", "11.77"}));
    EXPECT_EQ(rec.line, 2);
    std::int64_t n = 2;
    while ((*r)->next(rec)) {
        ++n;
        EXPECT_EQ(rec.fields.size(), 4u) << rec.line;
        EXPECT_EQ(rec.line, n);
    }
    EXPECT_EQ(n, 40);
    EXPECT_FALSE((*r)->error());
    EXPECT_EQ((*r)->bytesConsumed(), 1140);
}

TEST(CsvReader, OpensCommaFileWithoutFinalNewline) {
    auto r = Reader::open(dataFile("cdnow_summary_tail.csv"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ((*r)->dialect().name(), "comma");
    Record rec;
    std::vector<std::string> last;
    std::int64_t n = 0;
    while ((*r)->next(rec)) {
        ++n;
        EXPECT_EQ(rec.fields.size(), 5u);
        last.assign(rec.fields.begin(), rec.fields.end());
    }
    EXPECT_EQ(n, 9);
    EXPECT_EQ(last, (std::vector<std::string>{"2357", "0", "0.00", "27.00", "0.00"}));
}

// ---- Sniffing ----------------------------------------------------------------------

TEST(CsvSniff, PicksTheConsistentDelimiter) {
    EXPECT_EQ(Reader::sniffText("a,b,c\n1,2,3\n4,5,6\n").dialect.name(), "comma");
    EXPECT_EQ(Reader::sniffText("a;b;c\n1;2;3\n").dialect.name(), "semicolon");
    EXPECT_EQ(Reader::sniffText("a\tb c\td\n1\t2 3\t4\n").dialect.name(), "tab");
    EXPECT_EQ(Reader::sniffText("a|b\n1|2\n").dialect.name(), "pipe");
    // Commas inside quotes do not count.
    auto q = Reader::sniffText("name;note\n\"Smith, J\";\"x, y, z\"\n\"Doe\";\"a,b\"\n");
    EXPECT_EQ(q.dialect.name(), "semicolon");
    EXPECT_EQ(q.fieldCount, 2);
    EXPECT_EQ(q.firstRow, (std::vector<std::string>{"name", "note"}));
}

TEST(CsvSniff, SemicolonWithDecimalCommas) {
    EXPECT_EQ(Reader::sniffText("Name;Preis;Menge\nA;1,50;2\nB;2,25;3\nC;10,00;1\n").dialect.name(),
              "semicolon");
    // Without a header both split evenly; the one giving number-like fields wins.
    EXPECT_EQ(Reader::sniffText("1,5;2,5;3,5\n4,5;5,5;6,5\n").dialect.name(), "semicolon");
}

TEST(CsvSniff, WhitespaceAlignedColumnsAndHeader) {
    auto master = Reader::sniffText(
        " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n"
        " 00002 19970112  1   12.00\r\n 00002 19970112  5   77.00\r\n");
    EXPECT_TRUE(master.dialect.whitespace);
    EXPECT_EQ(master.dialect.name(), "whitespace");
    EXPECT_TRUE(master.headerLikely);
    EXPECT_EQ(master.fieldCount, 4);
    EXPECT_EQ(master.firstRow[0], "customer_id");
    auto sample =
        Reader::sniffText(" 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n");
    EXPECT_TRUE(sample.dialect.whitespace);
    EXPECT_FALSE(sample.headerLikely);
    EXPECT_EQ(sample.fieldCount, 5);
}

TEST(CsvSniff, ProseIsNotWhitespaceColumns) {
    auto s = Reader::sniffText("John Smith\nJane Doe\nAl Bundy\n");
    EXPECT_FALSE(s.dialect.whitespace);
    EXPECT_EQ(s.dialect.name(), "comma");
    EXPECT_EQ(s.fieldCount, 1);
}

TEST(CsvSniff, HeaderDetection) {
    EXPECT_TRUE(
        Reader::sniffText("id,date,amount\n1,2011-12-09,3.5\n2,2011-12-10,4\n").headerLikely);
    EXPECT_TRUE(Reader::sniffText("InvoiceNo,InvoiceDate\n536365,12/1/2010 8:26\n").headerLikely);
    EXPECT_FALSE(Reader::sniffText("1,2011-12-09,3.5\n2,2011-12-10,4\n").headerLikely);
    EXPECT_FALSE(Reader::sniffText("name,city\nAnn,Paris\nBob,Rome\n").headerLikely);
    EXPECT_FALSE(Reader::sniffText("year,2019,2020\nsales,1,2\n").headerLikely);
    EXPECT_TRUE(Reader::sniffText("item;price\ntea;\xE2\x82\xAC"
                                  "1,50\n")
                    .headerLikely);
}

TEST(CsvSniff, BomEncodingAndTruncatedSample) {
    auto s = Reader::sniffText(
        "\xEF\xBB\xBF"
        "a,b\n1,2\n");
    EXPECT_TRUE(s.bom);
    EXPECT_TRUE(s.utf8);
    EXPECT_EQ(s.firstRow, (std::vector<std::string>{"a", "b"}));
    auto cp = Reader::sniffText(
        "a,b\n\xA3"
        "1,2\n");
    EXPECT_FALSE(cp.utf8);
    EXPECT_EQ(cp.dialect.name(), "comma");
}

TEST(CsvSniff, SniffFileReadsOnlyTheStart) {
    auto master = Reader::sniffFile(dataFile("cdnow_master_head.txt"), 300);
    ASSERT_TRUE(master.ok());
    EXPECT_TRUE(master->dialect.whitespace);
    EXPECT_TRUE(master->headerLikely);
    auto sample = Reader::sniffFile(dataFile("cdnow_sample_head.txt"));
    ASSERT_TRUE(sample.ok());
    EXPECT_TRUE(sample->dialect.whitespace);
    EXPECT_FALSE(sample->headerLikely);
    EXPECT_EQ(sample->fieldCount, 5);
    auto summary = Reader::sniffFile(dataFile("cdnow_summary_tail.csv"));
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->dialect.name(), "comma");
    EXPECT_TRUE(summary->headerLikely);
}

TEST(CsvSniff, FromStringWithoutDialectSniffs) {
    auto reader = Reader::fromString("a;b\n1;2\n");
    EXPECT_EQ(reader->dialect().name(), "semicolon");
}

// ---- Property test: a model of the text, and chunk-size independence ----------------

namespace {

struct Generated {
    std::string text;
    Rows rows;
    std::vector<std::int64_t> lines;
    std::int64_t errorLine = 0;  ///< set when the text ends inside a quoted field
    bool recoded = false;        ///< some record is not UTF-8
};

// The reader reads a record holding "\xA3" as Windows-1252: every byte >= 0x80 of that
// record maps to U+0080..U+00FF (the generator only uses bytes >= 0xA0 there).
std::string latin1ToUtf8(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

std::int64_t lineBreaks(const std::string& s) {
    std::int64_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        n += s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'));
    return n;
}

class CsvGenerator {
public:
    CsvGenerator(unsigned seed, Dialect d) : m_rng(seed), m_d(d) {}

    Generated make() {
        Generated g;
        std::int64_t line = 1;
        if (pick(4) == 0) g.text += "\xEF\xBB\xBF";
        const int records = pick(10);
        bool endedWithEol = true;
        for (int r = 0; r < records; ++r) {
            while (pick(5) == 0) line += eol(g.text);
            if (m_d.whitespace && pick(3) == 0) g.text += " \t ";
            g.lines.push_back(line);
            g.rows.push_back(record(g, line));
            endedWithEol = r + 1 < records || pick(3) != 0;
            if (endedWithEol) line += eol(g.text);
        }
        if (endedWithEol && pick(6) == 0) {
            // A quote opened in the first field and never closed.
            g.errorLine = line;
            g.text += "\"open\nquote";
        }
        return g;
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }

    std::int64_t eol(std::string& text) {
        static const char* kEols[] = {"\n", "\r\n", "\r"};
        const char* e = kEols[pick(3)];
        // A lone CR followed by LF would read as one CRLF line end.
        if (!text.empty() && text.back() == '\r' && e[0] == '\n') e = kEols[1];
        text += e;
        return 1;
    }

    bool needsQuotes(const std::string& v, bool alone) {
        if (v.empty()) return alone || m_d.whitespace;
        if (v.find_first_not_of(" \t") == std::string::npos && alone) return true;
        for (char c : v) {
            if (c == '"' || c == '\r' || c == '\n') return true;
            if (m_d.whitespace ? (c == ' ' || c == '\t') : c == m_d.delimiter) return true;
        }
        return false;
    }

    std::vector<std::string> record(Generated& g, std::int64_t& line) {
        static const char* kTokens[] = {"a", "Z", "7", " ",  "\t",   "\xC3\xA9", "\xA3", "\"",
                                        ",", ";", "|", "\n", "\r\n", "\r",       "x\"y"};
        const int nf = 1 + pick(5);
        std::vector<std::string> fields;
        bool latin = false;
        for (int f = 0; f < nf; ++f) {
            if (f > 0)
                g.text +=
                    m_d.whitespace ? (pick(2) ? " " : " \t  ") : std::string(1, m_d.delimiter);
            std::string v;
            for (int k = pick(6); k > 0; --k) v += kTokens[pick(15)];
            latin = latin || v.find('\xA3') != std::string::npos;
            if (needsQuotes(v, nf == 1) || pick(4) == 0) {
                g.text += '"';
                for (char c : v) g.text += c == '"' ? std::string("\"\"") : std::string(1, c);
                g.text += '"';
                line += lineBreaks(v);
            } else {
                g.text += v;
            }
            fields.push_back(v);
        }
        if (m_d.whitespace && pick(3) == 0) g.text += "  ";
        if (latin) {
            g.recoded = true;
            for (auto& f : fields) f = latin1ToUtf8(f);
        }
        return fields;
    }

    std::mt19937 m_rng;
    Dialect m_d;
};

}  // namespace

TEST(CsvReaderProperty, MatchesModelAndIsIndependentOfChunkSize) {
    const std::vector<std::string> specs = {",", ";", "tab", "whitespace"};
    for (unsigned seed = 1; seed <= 2000; ++seed) {
        ReaderOptions o = withDialect(specs[seed % specs.size()]);
        const Generated g = CsvGenerator(seed, *o.dialect).make();
        SCOPED_TRACE("seed " + std::to_string(seed) + " dialect " + o.dialect->name());
        o.chunkSize = 1 << 20;
        const ReadResult whole = readAll(g.text, o);
        ASSERT_EQ(whole.rows, g.rows);
        ASSERT_EQ(whole.lines, g.lines);
        ASSERT_EQ(whole.warnings.size(), g.recoded ? 1u : 0u);
        ASSERT_EQ(whole.error.has_value(), g.errorLine > 0);
        if (whole.error) {
            EXPECT_EQ(whole.error->line, g.errorLine);
            EXPECT_EQ(whole.error->column, 1);
        }
        for (std::size_t chunk : {1, 2, 3, 7, 16, 61}) {
            o.chunkSize = chunk;
            const ReadResult part = readAll(g.text, o);
            ASSERT_EQ(part.rows, whole.rows) << "chunk " << chunk;
            ASSERT_EQ(part.lines, whole.lines) << "chunk " << chunk;
            ASSERT_EQ(part.indexes, whole.indexes) << "chunk " << chunk;
            ASSERT_EQ(part.warnings, whole.warnings) << "chunk " << chunk;
            ASSERT_EQ(part.bom, whole.bom) << "chunk " << chunk;
            ASSERT_EQ(part.error.has_value(), whole.error.has_value()) << "chunk " << chunk;
            if (part.error) {
                EXPECT_EQ(part.error->describe(), whole.error->describe());
            }
        }
    }
}

TEST(CsvReaderProperty, FileAndMemoryReadersAgree) {
    const std::string path = ::testing::TempDir() + "/csv_reader_property.csv";
    for (unsigned seed = 1000; seed < 1040; ++seed) {
        const Generated g = CsvGenerator(seed, Dialect{}).make();
        {
            std::FILE* f = std::fopen(path.c_str(), "wb");
            ASSERT_TRUE(f);
            std::fwrite(g.text.data(), 1, g.text.size(), f);
            std::fclose(f);
        }
        ReaderOptions o = comma();
        o.chunkSize = 5;
        auto r = Reader::open(path, o);
        ASSERT_TRUE(r.ok());
        Rows rows;
        Record rec;
        while ((*r)->next(rec)) rows.emplace_back(rec.fields.begin(), rec.fields.end());
        EXPECT_EQ(rows, g.rows) << "seed " << seed;
        EXPECT_EQ((*r)->error().has_value(), g.errorLine > 0);
        if (!(*r)->error()) {
            EXPECT_EQ((*r)->bytesConsumed(), static_cast<std::int64_t>(g.text.size()));
        }
    }
    std::remove(path.c_str());
}
