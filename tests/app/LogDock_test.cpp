// The Log dock receives what any layer logs, from any thread, and Qt's own warnings.
#include <thread>

#include <spdlog/spdlog.h>

#include "AppTestSupport.h"
#include "app/log/LogDock.h"
#include "app/log/LogFilterModel.h"
#include "app/log/LogModel.h"
#include "core/Log.h"

using namespace cw;
using namespace cw::app;
using cw::test::waitFor;

namespace {

int findRow(const LogModel* m, const QString& text) {
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, LogModel::MessageColumn).data().toString() == text) return r;
    return -1;
}

TEST(LogDock, ShowsMessagesLoggedOnWorkerThreads) {
    LogDock dock;
    std::thread worker([] { log::get("engine")->warn("fit did not converge after {} steps", 50); });
    worker.join();
    const QString text = QStringLiteral("fit did not converge after 50 steps");
    ASSERT_TRUE(waitFor([&] { return findRow(dock.model(), text) >= 0; }, 5000));
    const int row = findRow(dock.model(), text);
    EXPECT_EQ(dock.model()->index(row, LogModel::SourceColumn).data().toString(), "engine");
    EXPECT_EQ(dock.model()->index(row, LogModel::LevelColumn).data().toString(), "Warning");
}

TEST(LogDock, ShowsQtWarningsAsTheAppLogger) {
    LogDock dock;
    qWarning("a Qt warning for the log dock");
    const QString text = QStringLiteral("a Qt warning for the log dock");
    ASSERT_TRUE(waitFor([&] { return findRow(dock.model(), text) >= 0; }, 5000));
    EXPECT_EQ(
        dock.model()->index(findRow(dock.model(), text), LogModel::SourceColumn).data().toString(),
        "app");
}

TEST(LogDock, FiltersByLevel) {
    LogDock dock;
    log::get("store")->debug("a debug line");
    log::get("store")->error("an error line");
    ASSERT_TRUE(waitFor([&] { return findRow(dock.model(), "an error line") >= 0; }, 5000));
    ASSERT_GE(findRow(dock.model(), "a debug line"), 0);  // kept, but not shown by default

    auto shown = [&](const QString& text) {
        const LogFilterModel* f = dock.filterModel();
        for (int r = 0; r < f->rowCount(); ++r)
            if (f->index(r, LogModel::MessageColumn).data().toString() == text) return true;
        return false;
    };
    EXPECT_FALSE(shown("a debug line"));
    EXPECT_TRUE(shown("an error line"));
    dock.filterModel()->setMinimumLevel(log::Level::Debug);
    EXPECT_TRUE(shown("a debug line"));
}

TEST(LogModel, KeepsOnlyTheNewestEntries) {
    LogModel model(nullptr, 100);
    for (int i = 0; i < 250; ++i) model.append(log::Level::Info, "app", QString::number(i));
    EXPECT_LE(model.rowCount(), 100);
    EXPECT_EQ(model.index(model.rowCount() - 1, LogModel::MessageColumn).data().toString(), "249");
}

}  // namespace
