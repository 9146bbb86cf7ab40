// Stress: the workbook shared the way the window shares it. One connection stays open for the
// whole test (the window's document); threads of this process keep opening further connections
// (read-only and read-write, checked and trusted: the window's workers) to read tables, load
// matrices, analyse and import; child processes (`clienting`) import, analyse and read at the
// same time. Whatever the interleaving, no open or read may report the workbook corrupt or an
// I/O error: contention may only show as a clear "busy"/"locked" error. At the end the file
// passes integrity_check and holds every import that reported success.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/Analysis.h"
#include "engine/DemoGenerator.h"
#include "engine/load/CustomerList.h"
#include "engine/load/MatrixLoader.h"
#include "engine/matrix/MatrixSpec.h"
#include "store/Importer.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

extern char** environ;

using namespace cw;
using store::Workbook;

namespace {

constexpr int kRounds = 40;                         // per lane
constexpr auto kBudget = std::chrono::seconds(40);  // a slow build (TSan) stops early, not late

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// Lock contention is allowed to surface, clearly named; anything else is a failure.
bool isContention(const std::string& message) {
    const auto m = lower(message);
    return m.find("busy") != std::string::npos || m.find("locked") != std::string::npos;
}

class Findings {
public:
    void add(const std::string& who, const std::string& message) {
        std::lock_guard lock(m_mutex);
        if (isContention(message)) {
            if (m_contention++ < 3) m_busy.push_back(who + ": " + message);
        } else
            m_problems.push_back(who + ": " + message);
    }
    void ok() { ++m_ok; }
    std::vector<std::string> problems() const {
        std::lock_guard lock(m_mutex);
        return m_problems;
    }
    int contention() const { return m_contention; }
    /// The first few busy/locked reports, to show what contention looked like.
    std::vector<std::string> busyExamples() const {
        std::lock_guard lock(m_mutex);
        return m_busy;
    }
    int successes() const { return m_ok; }

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_problems, m_busy;
    std::atomic_int m_contention{0}, m_ok{0};
};

// A transactions file no earlier import had (the store refuses the same bytes twice).
std::string writeTransactions(const test::TempDir& dir, const std::string& tag, int rows) {
    std::string csv = "customer_id,date,revenue\n";
    for (int i = 0; i < rows; ++i)
        csv += "S" + tag + "-" + std::to_string(i % 7) + ",2025-" + std::to_string(1 + i % 12) +
               "-" + std::to_string(1 + i % 28) + "," + std::to_string(10 + i) + ".5\n";
    return dir.write("t-" + tag + ".csv", csv);
}

struct Deadline {
    std::chrono::steady_clock::time_point end = std::chrono::steady_clock::now() + kBudget;
    bool passed() const { return std::chrono::steady_clock::now() > end; }
};

// Steps through every row; the SQLite error, if a step fails.
std::optional<std::string> scanAll(store::Database& db, const char* sql) {
    auto st = db.prepare(sql);
    if (!st) return st.error().message;
    int rc;
    while ((rc = sqlite3_step(st->handle())) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE)
        return std::string(sqlite3_errmsg(db.handle())) + " (" + std::to_string(rc) + ")";
    return std::nullopt;
}

// --- lanes in this process ---------------------------------------------------------------------

void readerLane(const std::string& path, int lane, Findings& f, const Deadline& deadline) {
    static const Workbook::OpenMode modes[] = {
        Workbook::OpenMode::ReadOnly, Workbook::OpenMode::ReadOnly, Workbook::OpenMode::ReadWrite};
    static const Workbook::Integrity checks[] = {
        Workbook::Integrity::Trust, Workbook::Integrity::Check, Workbook::Integrity::Check};
    const std::string who = "reader " + std::to_string(lane);
    for (int round = 0; round < 3 * kRounds && !deadline.passed(); ++round) {
        const int m = (round + lane) % 3;
        auto wb = Workbook::open(path, modes[m], checks[m]);
        if (!wb) {
            f.add(who + " open", wb.error().describe());
            continue;
        }
        try {
            auto counts = wb->tableCounts();
            if (counts["customers"] <= 0) f.add(who, "read no customers");
            (void)wb->imports();
            const auto kind =
                engine::matrixSpecs()[std::size_t(round) % engine::matrixSpecs().size()].kind;
            if (auto in = engine::loadMatrixInput(*wb, kind); !in)
                f.add(who + " matrix", in.error().describe());
            engine::CustomerListQuery q;
            q.limit = 20;
            if (auto list = engine::listCustomers(*wb, q); !list)
                f.add(who + " customers", list.error().describe());
            // Whole-table reads with every step checked (the store's read helpers end quietly).
            for (const char* sql : {"SELECT count(*), total(revenue) FROM transactions",
                                    "SELECT * FROM customers", "SELECT * FROM customer_metrics"})
                if (auto err = scanAll(wb->db(), sql)) f.add(who + " " + sql, *err);
            f.ok();
        } catch (const store::SqlError& e) {
            f.add(who + " SqlError", e.message);
        }
    }
}

void analyseLane(const std::string& path, Findings& f, const Deadline& deadline) {
    for (int round = 0; round < kRounds / 2 && !deadline.passed(); ++round) {
        auto wb = Workbook::open(path, Workbook::OpenMode::ReadWrite);
        if (!wb) {
            f.add("analyse open", wb.error().describe());
            continue;
        }
        auto r = engine::runAnalysis(*wb);
        if (!r)
            f.add("analyse", r.error().describe());
        else
            f.ok();
    }
}

void importLane(const std::string& path, const test::TempDir& dir, Findings& f,
                const Deadline& deadline, std::atomic_int& imported) {
    for (int round = 0; round < kRounds && !deadline.passed(); ++round) {
        auto wb = Workbook::open(path, Workbook::OpenMode::ReadWrite);
        if (!wb) {
            f.add("import open", wb.error().describe());
            continue;
        }
        store::ImportOptions o;
        o.file = writeTransactions(dir, "in" + std::to_string(round), 40);
        o.header = true;
        auto r = store::importFile(*wb, o);
        if (!r) {
            f.add("import", r.error().describe());
        } else {
            ++imported;
            f.ok();
        }
    }
}

// --- lanes of child processes -------------------------------------------------------------------

struct Child {
    int code = -1;
    std::string err;
};

// The binary built with the tests; CLIENTING_BIN in the environment wins (another build).
const char* clientingBin() {
    const char* env = std::getenv("CLIENTING_BIN");
    return env && *env ? env : CLIENTING_BIN;
}

// posix_spawn rather than fork(): the parent has threads (and may run under TSan).
Child runClienting(const std::vector<std::string>& args, const std::string& errFile) {
    const char* bin = clientingBin();
    Child c;
    std::vector<std::string> all{bin};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, bin, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        c.err = "cannot start clienting";
        return c;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    c.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(errFile);
    c.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return c;
}

void processLane(const std::string& path, const test::TempDir& dir, int lane, Findings& f,
                 const Deadline& deadline, std::atomic_int& imported) {
    const std::string errFile = dir.file("err-" + std::to_string(lane) + ".txt");
    for (int round = 0; round < kRounds && !deadline.passed(); ++round) {
        std::vector<std::string> args;
        const std::string who =
            "process " + std::to_string(lane) + " round " + std::to_string(round);
        const bool import = (round + lane) % 3 == 0;
        switch ((round + lane) % 3) {
            case 0:
                args = {"import", "-q", "-w", path,
                        writeTransactions(
                            dir, "p" + std::to_string(lane) + "-" + std::to_string(round), 40)};
                break;
            case 1:
                args = {"analyze", "-q", "-w", path};
                break;
            default:
                args = {"customers", "-w", path, "--limit", "5"};
                break;
        }
        auto c = runClienting(args, errFile);
        if (c.code == 0) {
            if (import) ++imported;
            f.ok();
        } else {
            f.add(who + " (" + args[0] + ", exit " + std::to_string(c.code) + ")", c.err);
        }
    }
}

TEST(WorkbookConcurrency, ConnectionsWorkersAndProcessesNeverSeeACorruptWorkbook) {
    ASSERT_EQ(::access(clientingBin(), X_OK), 0) << clientingBin() << " is not there";
    test::TempDir dir;
    const std::string path = dir.file("shared.cwb");
    {
        auto wb = Workbook::create(path);
        ASSERT_TRUE(wb.ok()) << wb.error().describe();
        engine::DemoOptions o;
        o.customers = 400;
        o.months = 12;
        ASSERT_TRUE(engine::generateDemo(*wb, o).ok());
        auto r = engine::runAnalysis(*wb);
        ASSERT_TRUE(r.ok()) << r.error().describe();
    }
    std::int64_t importsBefore = 0;

    // The window's document: one read-write connection open throughout, used by this thread only.
    auto document = Workbook::open(path);
    ASSERT_TRUE(document.ok()) << document.error().describe();
    importsBefore = static_cast<std::int64_t>(document->imports().size());

    Findings findings;
    std::atomic_int imported{0};
    const Deadline deadline;
    std::atomic_bool stop{false};
    {
        std::vector<std::thread> lanes;
        for (int i = 0; i < 2; ++i)
            lanes.emplace_back(readerLane, std::cref(path), i, std::ref(findings),
                               std::cref(deadline));
        lanes.emplace_back(analyseLane, std::cref(path), std::ref(findings), std::cref(deadline));
        lanes.emplace_back(importLane, std::cref(path), std::cref(dir), std::ref(findings),
                           std::cref(deadline), std::ref(imported));
        for (int i = 0; i < 2; ++i)
            lanes.emplace_back(processLane, std::cref(path), std::cref(dir), i, std::ref(findings),
                               std::cref(deadline), std::ref(imported));
        // Meanwhile the document reads, as the window does between jobs.
        std::thread documentLane([&] {
            while (!stop) {
                try {
                    (void)document->tableCounts();
                    (void)document->imports();
                } catch (const store::SqlError& e) {
                    findings.add("document", e.message);
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
        for (auto& t : lanes) t.join();
        stop = true;
        documentLane.join();
    }

    const auto problems = findings.problems();
    std::string all;
    for (const auto& p : problems) all += "  " + p + "\n";
    EXPECT_TRUE(problems.empty()) << problems.size() << " failures besides "
                                  << findings.contention() << " busy/locked reports and "
                                  << findings.successes() << " successes:\n"
                                  << all;
    EXPECT_GT(findings.successes(), 0);
    std::printf("%d operations succeeded, %d reported busy/locked, %d imports\n",
                findings.successes(), findings.contention(), imported.load());
    for (const auto& b : findings.busyExamples()) std::printf("  e.g. %s\n", b.c_str());

    // The document still reads the current state, and a fresh full check finds nothing wrong.
    EXPECT_EQ(static_cast<std::int64_t>(document->imports().size()),
              importsBefore + imported.load());
    *document = Workbook();
    auto check = Workbook::open(path);
    ASSERT_TRUE(check.ok()) << check.error().describe();
    EXPECT_EQ(check->db().queryText("PRAGMA integrity_check").value_or("?"), "ok");
    EXPECT_EQ(static_cast<std::int64_t>(check->imports().size()), importsBefore + imported.load());
}

}  // namespace
