// A matrix shown large spans its own points and thresholds, whatever was shown before it: the
// attribute matrix (shares of about 0.1) after the profitability matrix (margins in thousands)
// once had an axis of 0–300 with every attribute in the first pixel column.
#include "MatrixWindowTest.h"
#include "app/AnalysisWorkspace.h"
#include "app/MainWindow.h"
#include "app/MatrixCanvas.h"
#include "app/MatrixDock.h"
#include "app/MatrixSession.h"

#include <algorithm>
#include <cmath>

using namespace cw;
using namespace cw::app;

namespace {

using MatrixAxesTest = cw::test::MatrixWindowTest;

TEST_F(MatrixAxesTest, EveryMatrixShownLargeSpansItsOwnPoints) {
    MainWindow w;
    openInWindow(w);  // shows profitability-loyalty large
    auto* dock = w.analysis()->matrixDock();
    auto* canvas = dock->largeCanvas();
    for (const auto& spec : engine::matrixSpecs()) {
        SCOPED_TRACE(spec.name);
        dock->showMatrix(spec.kind);
        QTest::qWait(20);
        const auto& m = w.analysis()->session()->matrix(spec.kind);
        ASSERT_TRUE(m.input && m.result);
        double lo = INFINITY, hi = -INFINITY;
        for (std::size_t i = 0; i < m.input->size(); ++i)
            if (std::isfinite(m.input->xs[i]) && std::isfinite(m.input->ys[i])) {
                lo = std::min(lo, m.input->xs[i]);
                hi = std::max(hi, m.input->xs[i]);
            }
        ASSERT_LT(lo, hi);
        // The points' x extent covers most of the plot's width.
        const double left = canvas->toPixel(lo, 0).x(), right = canvas->toPixel(hi, 0).x();
        EXPECT_GT(right - left, canvas->width() * 0.5) << "x from " << lo << " to " << hi << " drawn over "
                                                       << right - left << " of " << canvas->width() << " px";
    }
}

}  // namespace
