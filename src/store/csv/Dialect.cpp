// Dialect naming and parsing (the --delimiter option and the profiles' "delimiter" key).
#include <algorithm>
#include <cctype>

#include "store/csv/CsvReader.h"

namespace cw::store::csv {

std::string Dialect::name() const {
    if (whitespace) return "whitespace";
    switch (delimiter) {
        case ',':
            return "comma";
        case ';':
            return "semicolon";
        case '\t':
            return "tab";
        case '|':
            return "pipe";
        default:
            return std::string(1, delimiter);
    }
}

namespace {

Dialect withDelimiter(char c) {
    Dialect d;
    d.delimiter = c;
    return d;
}

Dialect whitespaceDialect() {
    Dialect d;
    d.whitespace = true;
    d.delimiter = ' ';
    return d;
}

}  // namespace

Result<std::optional<Dialect>> Dialect::parse(std::string_view spec) {
    std::string s(spec);
    // A single character is taken literally, before lower-casing and trimming can change it.
    if (s.size() == 1 && s != " ") {
        const char c = s[0];
        if (c == '\r' || c == '\n' || c == '"')
            return makeError(
                ErrorKind::Usage, "\"" + s + "\" cannot be a delimiter",
                "use auto, comma, semicolon, tab, pipe, whitespace or another single character");
        return std::optional<Dialect>(withDelimiter(c));
    }
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    if (s.empty() || s == "auto") return std::optional<Dialect>();
    if (s == "comma") return std::optional<Dialect>(withDelimiter(','));
    if (s == "semicolon") return std::optional<Dialect>(withDelimiter(';'));
    // "\t" as typed in a shell or a JSON profile arrives as backslash + t.
    if (s == "tab" || s == "\\t") return std::optional<Dialect>(withDelimiter('\t'));
    if (s == "pipe") return std::optional<Dialect>(withDelimiter('|'));
    if (s == "whitespace" || s == "space" || s == "spaces" || s == " ")
        return std::optional<Dialect>(whitespaceDialect());
    return makeError(ErrorKind::Usage, "unknown delimiter \"" + std::string(spec) + "\"",
                     "use auto, comma, semicolon, tab, pipe, whitespace or a single character");
}

}  // namespace cw::store::csv
