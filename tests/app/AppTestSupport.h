#pragma once
// Helpers of the GUI tests: waiting for background work, answering message boxes, and making
// workbooks with known content.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDeadlineTimer>
#include <QMessageBox>
#include <QPointer>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>
#include <string>

#include "core/Error.h"
#include "engine/DemoGenerator.h"
#include "store/Importer.h"
#include "store/Workbook.h"
#include "support/TempDir.h"

namespace cw::test {

/// Processes events until `done()` holds or the time is up; returns `done()`.
inline bool waitFor(const std::function<bool()>& done, int timeoutMs = 30000) {
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) return done();
        QTest::qWait(10);
    }
    return true;
}

/// What a message box said, captured as it was dismissed.
struct MessageBoxText {
    bool shown = false;
    QString text;
    QString informativeText;
};

/// Arranges for the next modal message box to be recorded and closed (with its default or
/// escape button), so code that calls QMessageBox::exec() can run in a test.
inline std::shared_ptr<MessageBoxText> answerNextMessageBox() {
    auto seen = std::make_shared<MessageBoxText>();
    auto* timer = new QTimer(qApp);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, seen] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) return;
        seen->shown = true;
        seen->text = box->text();
        seen->informativeText = box->informativeText();
        box->done(QMessageBox::Ok);
        timer->deleteLater();
    });
    timer->start(20);
    return seen;
}

/// A new workbook filled by the demo generator.
inline engine::DemoSummary makeDemoWorkbook(const std::string& path, int customers) {
    auto wb = store::Workbook::create(path);
    EXPECT_TRUE(wb.ok()) << wb.error().describe();
    engine::DemoOptions o;
    o.customers = customers;
    o.months = 12;
    auto summary = engine::generateDemo(*wb, o);
    EXPECT_TRUE(summary.ok()) << summary.error().describe();
    return summary.ok() ? *summary : engine::DemoSummary{};
}

/// Imports `csv` (written to `dir`/`name`) into the workbook with the store, as the CLI would.
inline store::ImportReport importCsv(const std::string& workbook, const TempDir& dir,
                                     const std::string& name, const std::string& csv,
                                     store::TargetTable table = store::TargetTable::Transactions) {
    auto wb = store::Workbook::open(workbook);
    EXPECT_TRUE(wb.ok()) << wb.error().describe();
    store::ImportOptions o;
    o.file = dir.write(name, csv);
    o.table = table;
    o.header = true;  // all-text test files would otherwise look headerless to the sniffer
    auto report = store::importFile(*wb, o);
    EXPECT_TRUE(report.ok()) << report.error().describe();
    return report.ok() ? *report : store::ImportReport{};
}

}  // namespace cw::test
