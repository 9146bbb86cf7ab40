#include "core/OutputFile.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace cw {
namespace {

Error incomplete(const std::string& path, int err) {
    Error e = makeError(ErrorKind::Internal, std::string("the file is incomplete: ") + std::strerror(err),
                        "free some disk space or choose another place, then run the command again");
    e.file = path;
    return e;
}

}  // namespace

Result<OutputFile> OutputFile::create(const std::string& path) {
    OutputFile f;
    f.m_path = path;
    if (path == "-") {
        f.m_file = stdout;
        f.m_stdout = true;
        return f;
    }
    // A device or a pipe (/dev/stdout, /dev/full, a FIFO) is written directly: no temporary
    // file beside it, and its write errors are reported the same way.
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        f.m_file = std::fopen(path.c_str(), "wb");
        if (!f.m_file) {
            Error e = makeError(ErrorKind::Usage, std::string("cannot write the file: ") + std::strerror(errno),
                                "check that you may write to it");
            e.file = path;
            return e;
        }
        return f;
    }
    f.m_temp = path + ".partial-XXXXXX";
    const int fd = ::mkstemp(f.m_temp.data());
    if (fd < 0) {
        Error e = makeError(ErrorKind::Usage, std::string("cannot write the file: ") + std::strerror(errno),
                            "check that the folder exists and that you may write to it");
        e.file = path;
        return e;
    }
    ::fchmod(fd, 0644);
    f.m_file = ::fdopen(fd, "wb");
    return f;
}

OutputFile::OutputFile(OutputFile&& o) noexcept
    : m_path(std::move(o.m_path)), m_temp(std::move(o.m_temp)), m_file(o.m_file), m_stdout(o.m_stdout) {
    o.m_file = nullptr;
    o.m_temp.clear();
}

OutputFile::~OutputFile() {
    if (m_stdout || !m_file) return;
    std::fclose(m_file);
    if (!m_temp.empty()) ::unlink(m_temp.c_str());
}

Status OutputFile::commit() {
    if (!m_file) return incomplete(m_path, EBADF);
    if (m_stdout) {
        m_file = nullptr;
        return checkStdout();
    }
    std::FILE* f = m_file;
    m_file = nullptr;
    const bool failed = std::fflush(f) != 0 || std::ferror(f) != 0;
    int err = failed ? (errno ? errno : EIO) : 0;
    if (std::fclose(f) != 0 && !err) err = errno ? errno : EIO;
    if (!err && !m_temp.empty() && std::rename(m_temp.c_str(), m_path.c_str()) != 0) err = errno;
    if (err) {
        if (!m_temp.empty()) ::unlink(m_temp.c_str());
        return incomplete(m_path, err);
    }
    return {};
}

Status checkStdout() {
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
        Error e = incomplete("standard output", errno ? errno : EIO);
        e.hint = "the output went to a full disk or a closed pipe; free space or choose another place";
        return e;
    }
    return {};
}

}  // namespace cw
