#pragma once
// Streaming CSV reader (RFC 4180 plus what real exports do): quoted fields
// with embedded delimiters, quotes and newlines; CRLF/LF/CR; UTF-8 BOM;
// delimiter sniffing (, ; tab | and whitespace-aligned columns); UTF-8 with a
// Windows-1252 fallback (with a warning). Reads the file in chunks: memory
// stays bounded whatever the file size. No Qt.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"

namespace cw::store::csv {

enum class Encoding { Utf8, Windows1252 };

struct Dialect {
    char delimiter = ',';     ///< ignored when `whitespace`
    bool whitespace = false;  ///< fields separated by runs of blanks; leading blanks ignored (CDNOW)
    char quote = '"';
    /// "comma", "semicolon", "tab", "pipe", "whitespace" or the character itself.
    std::string name() const;
    /// Parses "auto" (returns nullopt), ",", ";", "\t", "tab", "|", "whitespace", "comma"…
    static Result<std::optional<Dialect>> parse(std::string_view spec);
};

struct ReaderOptions {
    std::optional<Dialect> dialect;    ///< sniffed when empty
    std::optional<Encoding> encoding;  ///< UTF-8 with per-record fallback when empty
    std::size_t chunkSize = 1 << 20;   ///< bytes read at a time
};

/// One record. The views stay valid until the next call of Reader::next().
struct Record {
    std::vector<std::string_view> fields;
    std::int64_t line = 0;   ///< 1-based physical line where the record starts
    std::int64_t index = 0;  ///< 0-based record number (the header, if any, is record 0)
};

/// What sniffing the start of a file found.
struct Sniff {
    Dialect dialect;
    bool bom = false;
    bool utf8 = true;             ///< the sniffed bytes are valid UTF-8
    bool headerLikely = false;    ///< first row looks like column names
    std::vector<std::string> firstRow;
    int fieldCount = 0;           ///< fields per record in the sniffed rows (most common)
};

class Reader {
public:
    /// Opens a file; sniffs the dialect unless options.dialect is set.
    static Result<std::unique_ptr<Reader>> open(const std::string& path, const ReaderOptions& options = {});
    /// Reads from memory (tests, fuzzing); `name` is used in messages.
    static std::unique_ptr<Reader> fromString(std::string data, const ReaderOptions& options = {},
                                              std::string name = "<memory>");
    /// Sniffs the first `bytes` of a file (or of `data`).
    static Result<Sniff> sniffFile(const std::string& path, std::size_t bytes = 1 << 16);
    static Sniff sniffText(std::string_view data);

    virtual ~Reader();

    const Dialect& dialect() const;
    bool hadBom() const;
    /// Next record; false at the end of the input or on an error (then error() is set).
    bool next(Record& record);
    /// An I/O error or a quoted field left open at the end of the file (with its line).
    const std::optional<Error>& error() const;
    /// Warnings worth showing the user (encoding fallback…), each once.
    const std::vector<std::string>& warnings() const;
    std::int64_t bytesConsumed() const;
    std::int64_t totalBytes() const;  ///< file size, or -1 if unknown

private:
    Reader();
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace cw::store::csv
