// The job base every background job of the window stands on: progress reaches the GUI thread,
// cancel stops the work through its ProgressFn, a thrown exception comes back as an error, a
// failed open is an error, a new start drops the superseded result, and a job destroyed while
// its worker runs neither crashes nor signals a dead object.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "app/jobs/Job.h"
#include "AppTestSupport.h"

using namespace cw;
using namespace cw::app;

namespace {

// A job whose work is given by the test; completed() keeps every outcome.
class ProbeJob : public TypedJob<WorkerOutcome<int>> {
public:
    explicit ProbeJob(std::vector<WorkerOutcome<int>>* outcomes) : TypedJob(nullptr), m_outcomes(outcomes) {}
    template <class Work>
    void run(const std::string& path, Work work) {
        launchOnWorkbook<int>(path, store::Workbook::OpenMode::ReadOnly, std::move(work));
    }

private:
    void completed(WorkerOutcome<int> out) override { m_outcomes->push_back(std::move(out)); }
    std::vector<WorkerOutcome<int>>* m_outcomes;
};

class JobTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        path = dir.filePath(QStringLiteral("job.cwb")).toStdString();
        ASSERT_TRUE(store::Workbook::create(path).ok());
    }
    QTemporaryDir dir;
    std::string path;
    std::vector<WorkerOutcome<int>> outcomes;
};

TEST_F(JobTest, ProgressReachesTheGuiThreadAndTheReportComesBack) {
    ProbeJob job(&outcomes);
    QSignalSpy spy(&job, &Job::progress);
    const auto gui = QThread::currentThread();
    std::atomic<QThread*> worker{nullptr};
    job.run(path, [&worker](store::Workbook&, const ProgressFn& progress) -> Result<int> {
        worker = QThread::currentThread();
        for (int i = 1; i <= 3; ++i) progress({"counting", std::int64_t(i), 3});
        return 42;
    });
    EXPECT_TRUE(job.isRunning());
    ASSERT_TRUE(test::waitFor([&] { return !outcomes.empty() && spy.count() == 3; }));
    EXPECT_FALSE(job.isRunning());
    EXPECT_NE(worker.load(), gui) << "the work runs off the GUI thread";
    ASSERT_TRUE(outcomes[0].report.has_value());
    EXPECT_EQ(*outcomes[0].report, 42);
    EXPECT_EQ(spy.at(2).at(0).toString(), QStringLiteral("counting"));
    EXPECT_EQ(spy.at(2).at(1).toLongLong(), 3);
}

TEST_F(JobTest, CancelStopsTheWorkThroughItsProgressCallback) {
    ProbeJob job(&outcomes);
    std::atomic_bool started{false};
    job.run(path, [&started](store::Workbook&, const ProgressFn& progress) -> Result<int> {
        started = true;
        for (std::int64_t i = 0; i < 100000000; ++i) {
            if (!progress({"looping", i, 0})) return makeError(ErrorKind::Cancelled, "cancelled");
            QThread::msleep(1);
        }
        return 1;
    });
    ASSERT_TRUE(test::waitFor([&] { return started.load(); }));
    job.cancel();
    EXPECT_TRUE(job.cancelRequested());
    ASSERT_TRUE(test::waitFor([&] { return !outcomes.empty(); }, 10000)) << "the work did not stop";
    ASSERT_TRUE(outcomes[0].error.has_value());
    EXPECT_EQ(outcomes[0].error->kind, ErrorKind::Cancelled);
}

TEST_F(JobTest, AThrownExceptionAndAFailedOpenComeBackAsErrors) {
    ProbeJob job(&outcomes);
    job.run(path, [](store::Workbook&, const ProgressFn&) -> Result<int> { throw std::runtime_error("boom"); });
    ASSERT_TRUE(test::waitFor([&] { return outcomes.size() == 1; }));
    ASSERT_TRUE(outcomes[0].error.has_value());
    EXPECT_EQ(outcomes[0].error->kind, ErrorKind::Internal);
    EXPECT_NE(outcomes[0].error->message.find("boom"), std::string::npos);

    job.run(dir.filePath(QStringLiteral("missing.cwb")).toStdString(),
            [](store::Workbook&, const ProgressFn&) -> Result<int> { return 1; });
    ASSERT_TRUE(test::waitFor([&] { return outcomes.size() == 2; }));
    EXPECT_TRUE(outcomes[1].error.has_value()) << "a workbook that cannot be opened is an error";
}

TEST_F(JobTest, ANewStartDropsTheSupersededResult) {
    ProbeJob job(&outcomes);
    std::atomic_bool release{false};
    job.run(path, [&release](store::Workbook&, const ProgressFn&) -> Result<int> {
        while (!release) QThread::msleep(1);
        return 1;
    });
    job.run(path, [](store::Workbook&, const ProgressFn&) -> Result<int> { return 2; });
    release = true;
    ASSERT_TRUE(test::waitFor([&] { return !job.isRunning() && !outcomes.empty(); }));
    QTest::qWait(100);
    ASSERT_EQ(outcomes.size(), 1u);
    EXPECT_EQ(outcomes[0].report, 2);
}

TEST_F(JobTest, AJobDestroyedWhileItsWorkerRunsDoesNotSignalIt) {
    std::atomic_bool release{false}, finished{false};
    {
        auto job = std::make_unique<ProbeJob>(&outcomes);
        job->run(path, [&](store::Workbook&, const ProgressFn& progress) -> Result<int> {
            while (!release) QThread::msleep(1);
            progress({"late", 1, 1});  // queued to a job that no longer exists
            finished = true;
            return 3;
        });
    }
    release = true;
    ASSERT_TRUE(test::waitFor([&] { return finished.load(); }));
    QTest::qWait(100);  // the queued progress runs now: its QPointer is null
    EXPECT_TRUE(outcomes.empty());
}

}  // namespace
