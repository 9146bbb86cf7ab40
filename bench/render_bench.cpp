// Scatter rendering benchmark: median time to paint 100k and 1M points into a 1200 x 800 image
// with ScatterPainter's raster path (background + points), against the budgets of a fluid canvas
// (100k <= 16 ms: one frame at 60 Hz; 1M <= 60 ms). Also prints a full raster render (grid,
// axes, thresholds, quadrant texts) and what MatrixCanvas spends indexing a million points.
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <random>
#include <vector>

#include "BenchTiming.h"
#include "app/matrices/MatrixCanvas.h"
#include "charts/ScatterPainter.h"

using cw::charts::ScatterPainter;
using cw::bench::medianMs;

namespace {

// Matrix-like points: a few clusters with a long revenue tail, some without a value.
std::shared_ptr<cw::engine::MatrixInput> makePoints(std::size_t n) {
    auto in = std::make_shared<cw::engine::MatrixInput>();
    std::mt19937_64 rng(42);
    std::normal_distribution<double> normal;
    std::uniform_int_distribution<int> cluster(0, 4);
    std::lognormal_distribution<double> revenue(7.0, 1.2);
    in->xs.resize(n);
    in->ys.resize(n);
    in->revenue.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const int c = cluster(rng);
        in->xs[i] = 20 + 15 * c + 8 * normal(rng);
        in->ys[i] = 50 + 10 * (c - 2) + 12 * normal(rng);
        in->revenue[i] = revenue(rng);
        if (i % 97 == 0) in->ys[i] = std::numeric_limits<double>::quiet_NaN();
    }
    return in;
}

}  // namespace

int main(int argc, char** argv) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QSize size(1200, 800);
    const int repeats = 21;
    bool ok = true;

    std::printf("%-34s %10s %10s %8s\n", "case", "median ms", "budget ms", "");
    for (const auto& [n, budget] : {std::pair<std::size_t, double>{100000, 16.0},
                                    std::pair<std::size_t, double>{1000000, 60.0}}) {
        auto in = makePoints(n);
        std::vector<std::int32_t> codes(n);
        for (std::size_t i = 0; i < n; ++i) codes[i] = std::int32_t(i % 6) - 1;
        ScatterPainter p;
        cw::charts::ScatterViewport v;
        v.xMin = -20;
        v.xMax = 120;
        v.yMin = 0;
        v.yMax = 100;
        p.setViewport(v);
        auto colors = cw::charts::ScatterColors::fromPalette(app.palette());
        colors.pointOpacity = 0.45;
        p.setColors(colors);
        p.setPoints(std::span<const double>(in->xs), std::span<const double>(in->ys));
        p.setColorCodes(codes, ScatterPainter::categoryPalette(5, false));
        p.setPointRadius(n > 100000 ? 1.5f : 2.0f);
        p.setThresholds(50, 50);
        p.setQuadrantTexts({"HH", "HL", "LH", "LL"});
        p.setAxisTitles("Loyalty", "Profitability");

        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        double cpu = 0;
        const double points = medianMs(
            repeats,
            [&] {
                image.fill(colors.background);
                p.paintPoints(image);
            },
            &cpu);
        const bool pass = points <= budget;
        ok = ok && pass;
        std::printf("%-34s %10.2f %10.1f %8s  (CPU %.2f ms)\n",
                    (QString::number(n / 1000) + "k points, raster path").toUtf8().constData(),
                    points, budget, pass ? "ok" : "OVER", cpu);

        const auto radii = ScatterPainter::radiiFor(in->revenue, 1.5f, 8.0f);
        p.setRadii(radii);
        const double sized = medianMs(repeats, [&] {
            image.fill(colors.background);
            p.paintPoints(image);
        });
        p.setRadii({});
        std::printf("%-34s %10.2f\n",
                    (QString::number(n / 1000) + "k points, sized by revenue").toUtf8().constData(),
                    sized);
        const double full =
            medianMs(5, [&] { (void)p.render(size, ScatterPainter::PointPath::Raster); });
        std::printf("%-34s %10.2f\n",
                    (QString::number(n / 1000) + "k points, full render").toUtf8().constData(),
                    full);

        if (n == 1000000) {
            cw::app::MatrixCanvas canvas;
            canvas.resize(size);
            const double index = medianMs(3, [&] { canvas.setPoints(in); });
            std::printf("%-34s %10.2f\n", "1000k points, canvas setPoints", index);
            const double paint = medianMs(5, [&] {
                canvas.resetView();
                (void)canvas.grab();
            });
            std::printf("%-34s %10.2f\n", "1000k points, canvas repaint", paint);
        }
        if (n == 100000) {
            // The vector path is for exports and small counts: its limit, 20k points.
            p.setPoints(std::span<const double>(in->xs).first(ScatterPainter::kVectorLimit),
                        std::span<const double>(in->ys).first(ScatterPainter::kVectorLimit));
            const double vector = medianMs(3, [&] {
                QImage out(size, QImage::Format_ARGB32_Premultiplied);
                out.fill(colors.background);
                QPainter painter(&out);
                p.paintPoints(painter, QSizeF(size));
            });
            std::printf("%-34s %10.2f\n", "20k points, vector path", vector);
        }
    }
    std::printf("%s\n", ok ? "all within budget" : "OVER BUDGET");
    return ok ? 0 : 1;
}
