#pragma once
// Runs the real `clienting` binary and captures its exit code and output.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace cw::test {

struct CliResult {
    int code = -1;
    std::string out;  ///< stdout
    std::string err;  ///< stderr
};

inline std::string shellQuote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

/// Runs `clienting ARGS` (ARGS already shell-quoted where needed). `env` (e.g. "NAME=value")
/// is set for the command; `prefix` runs it through another command (e.g. setpriv).
inline CliResult runCli(const std::string& args, const std::string& errFile, const std::string& env = "",
                        const std::string& prefix = "") {
    CliResult r;
    std::string cmd = (env.empty() ? "" : "env " + env + " ") + prefix + shellQuote(CLIENTING_BIN) + " " + args +
                      " 2>" + shellQuote(errFile);
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (FILE* f = fopen(errFile.c_str(), "rb")) {
        while ((n = fread(buf.data(), 1, buf.size(), f)) > 0) r.err.append(buf.data(), n);
        fclose(f);
    }
    return r;
}

/// Deletes every account plan of a workbook with `clienting accounts delete` (a demo workbook
/// plants some, docs/demo.md): for tests that count the plans they make. Returns how many.
inline int deleteAccountPlans(const std::string& workbook, const std::string& errFile) {
    const auto list = runCli("accounts list -w " + shellQuote(workbook) + " --format csv", errFile);
    int deleted = 0;
    std::size_t at = list.out.find('\n');  // after the header; the id is the first column
    while (at != std::string::npos && at + 1 < list.out.size()) {
        const auto end = list.out.find('\n', at + 1);
        const auto id = list.out.substr(at + 1, list.out.find(',', at + 1) - at - 1);
        if (runCli("accounts delete -w " + shellQuote(workbook) + " --plan " + id, errFile).code == 0) ++deleted;
        at = end;
    }
    return deleted;
}

}  // namespace cw::test
