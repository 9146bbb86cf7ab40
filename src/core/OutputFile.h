#pragma once
// A file written whole or not at all. Writes go to a temporary file beside the target, which
// replaces the target only when every write, the flush and the close succeeded; otherwise the
// temporary file is removed and an existing target is left as it was. "-" is standard output,
// whose errors (a full disk behind a redirection, /dev/full, a closed pipe) are reported too;
// a device or FIFO path (/dev/stdout, /dev/full) is written directly, with the same checks.
#include <cstdio>
#include <string>

#include "core/Result.h"

namespace cw {

class OutputFile {
public:
    /// Opens the temporary file (or standard output for "-"); a folder that is missing or may
    /// not be written is a usage error naming the path.
    static Result<OutputFile> create(const std::string& path);
    OutputFile(OutputFile&& o) noexcept;
    OutputFile& operator=(OutputFile&&) = delete;
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    ~OutputFile();

    std::FILE* stream() const { return m_file; }
    /// Flushes, closes and renames into place. On any failure: an Internal error "the file is
    /// incomplete: <reason>" (exit 4) and nothing of it left behind.
    Status commit();

private:
    OutputFile() = default;
    std::string m_path, m_temp;
    std::FILE* m_file = nullptr;
    bool m_stdout = false;
};

/// Flushes standard output and says whether everything written to it arrived: the CLI's last
/// check before it exits 0.
Status checkStdout();

}  // namespace cw
