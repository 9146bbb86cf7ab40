#include "core/Error.h"

namespace cw {

std::string Error::describe() const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) out += ":" + std::to_string(line);
        if (column > 0) out += ":" + std::to_string(column);
        out += ": ";
    }
    out += message;
    if (!hint.empty()) out += "\n  hint: " + hint;
    return out;
}

int Error::exitCode() const {
    switch (kind) {
        case ErrorKind::Usage: return 1;
        case ErrorKind::Input: return 2;
        case ErrorKind::Workbook: return 3;
        case ErrorKind::Internal: return 4;
        case ErrorKind::Cancelled: return 130;
    }
    return 4;
}

Error makeError(ErrorKind kind, std::string message, std::string hint) {
    Error e;
    e.kind = kind;
    e.message = std::move(message);
    e.hint = std::move(hint);
    return e;
}

}  // namespace cw
