#pragma once
// Errors as values: every fallible operation in core/store/engine returns a
// Result<T>; exceptions are caught at the boundaries (CLI main, GUI jobs).
#include <cstdint>
#include <string>

namespace cw {

/// What kind of failure, which also decides the CLI exit code (docs/cli.md).
enum class ErrorKind {
    Usage = 1,     ///< the caller asked for something impossible (bad option, unknown field)
    Input = 2,     ///< the input data cannot be used; nothing was stored
    Workbook = 3,  ///< the workbook is newer, corrupt, locked or not a workbook
    Internal = 4,  ///< a bug or an environment failure (disk full, out of memory)
    Cancelled = 5  ///< the user cancelled; nothing was stored
};

/// A user-facing error: what went wrong, where, and what to do about it.
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string message;  ///< what went wrong, one sentence
    std::string file;     ///< file concerned, if any
    std::int64_t line = 0;  ///< 1-based physical line in `file`, 0 if not applicable
    int column = 0;         ///< 1-based column (field) number, 0 if not applicable
    std::string hint;     ///< what the user can do about it

    /// "file:line:col: message (hint)" in the style of compilers, for logs and stderr.
    std::string describe() const;
    /// Exit code for the CLI contract: 1 usage, 2 input, 3 workbook, 4 internal, 130 cancelled.
    int exitCode() const;
};

Error makeError(ErrorKind kind, std::string message, std::string hint = {});

}  // namespace cw
