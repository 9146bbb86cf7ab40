#pragma once
// The fixture of the matrix tests in the main window: an analysed demo workbook opened in a
// shown MainWindow with the matrix dock on the profitability × loyalty matrix, and a drag with
// real mouse events.
#include <QMouseEvent>
#include <QSettings>

#include "AppTestSupport.h"
#include "app/analysis/AnalysisWorkspace.h"
#include "app/window/MainWindow.h"
#include "app/matrices/MatrixDock.h"
#include "app/matrices/MatrixSession.h"
#include "engine/Analysis.h"

namespace cw::test {

class MatrixWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        QSettings().clear();
        path = dir.file("demo.cwb");
        makeDemoWorkbook(path, 800);
        auto wb = store::Workbook::open(path);
        ASSERT_TRUE(wb.ok());
        auto r = engine::runAnalysis(*wb);
        ASSERT_TRUE(r.ok()) << r.error().describe();
    }
    void TearDown() override { QSettings().clear(); }

    void openInWindow(app::MainWindow& w) {
        w.resize(1600, 1000);
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        w.openWorkbook(QString::fromStdString(path));
        ASSERT_TRUE(waitFor([&] { return w.analysis()->session()->isLoaded() && !w.isBusy(); }));
        auto* dock = w.analysis()->matrixDock();
        dock->show();
        dock->raise();
        dock->showMatrix(engine::MatrixKind::ProfitabilityLoyalty);
        QTest::qWait(50);
    }

    static void drag(QWidget* w, QPointF from, QPointF to,
                     Qt::MouseButton button = Qt::LeftButton) {
        auto send = [w](QEvent::Type type, QPointF p, Qt::MouseButton b, Qt::MouseButtons buttons) {
            QMouseEvent e(type, p, w->mapToGlobal(p), b, buttons, Qt::NoModifier);
            QApplication::sendEvent(w, &e);
        };
        send(QEvent::MouseMove, from, Qt::NoButton, Qt::NoButton);
        send(QEvent::MouseButtonPress, from, button, button);
        for (int i = 1; i <= 5; ++i)
            send(QEvent::MouseMove, from + (to - from) * (i / 5.0), Qt::NoButton, button);
        send(QEvent::MouseButtonRelease, to, button, Qt::NoButton);
    }

    TempDir dir;
    std::string path;
};

}  // namespace cw::test
