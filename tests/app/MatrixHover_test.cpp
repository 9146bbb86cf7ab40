// Hovering a point of every kind of matrix view with real mouse moves shows its tooltip: the
// large matrix for each of the five matrices (attribute points of importance × satisfaction as
// well as customer points), every battery thumbnail and a small multiple of the breakdown. A
// label is data: a customer called "<b>x</b>&" is shown as written, never as markup.
#include <QTextDocument>
#include <QToolTip>

#include <cmath>

#include <QScrollArea>

#include "MatrixWindowTest.h"
#include "app/matrices/MatrixCanvas.h"
#include "app/workbook/WorkbookDocument.h"
#include "engine/matrix/MatrixSpec.h"

using namespace cw;
using namespace cw::app;
using cw::test::waitFor;

namespace {

using MatrixHoverTest = cw::test::MatrixWindowTest;
using engine::MatrixKind;

// A point with no other point within `clear` pixels (so hovering finds this one) where the
// canvas is visible; -1 when there is none.
int isolatedPoint(const MatrixCanvas* canvas, const engine::MatrixInput& in, double clear = 8.0) {
    const QRegion visible = canvas->visibleRegion();
    std::vector<QPointF> px(in.size(), QPointF(-1e9, -1e9));
    for (std::size_t i = 0; i < in.size(); ++i)
        if (std::isfinite(in.xs[i]) && std::isfinite(in.ys[i]))
            px[i] = canvas->toPixel(in.xs[i], in.ys[i]);
    for (std::size_t i = 0; i < in.size(); ++i) {
        const QPoint p = px[i].toPoint();
        if (!visible.contains(QRect(p - QPoint(6, 6), QSize(13, 13)))) continue;
        bool alone = true;
        for (std::size_t j = 0; j < in.size() && alone; ++j)
            if (j != i && std::hypot(px[j].x() - px[i].x(), px[j].y() - px[i].y()) < clear)
                alone = false;
        if (alone) return int(i);
    }
    return -1;
}

struct Tip {
    QString html;   ///< what the canvas gave QToolTip
    QString plain;  ///< what the user reads
};

// Moves the mouse (through the window system, as a user would) first to a corner of the canvas,
// then onto point `index`, and returns the tooltip shown then.
Tip hoverPoint(MatrixCanvas* canvas, const engine::MatrixInput& in, int index) {
    QTest::mouseMove(canvas, QPoint(1, 1));
    QToolTip::hideText();
    QTest::mouseMove(
        canvas, canvas->toPixel(in.xs[std::size_t(index)], in.ys[std::size_t(index)]).toPoint());
    Tip tip;
    if (!QToolTip::isVisible()) return tip;
    tip.html = QToolTip::text();
    QTextDocument doc;
    doc.setHtml(tip.html);
    tip.plain = doc.toPlainText();
    return tip;
}

QString label(const engine::MatrixInput& in, int index) {
    return QString::fromStdString(in.labels[std::size_t(index)]);
}

TEST_F(MatrixHoverTest, EveryLargeMatrixShowsTheTooltipOfThePointUnderTheMouse) {
    MainWindow w;
    openInWindow(w);
    auto* dock = w.analysis()->matrixDock();
    auto* session = w.analysis()->session();
    for (const auto& spec : engine::matrixSpecs()) {
        SCOPED_TRACE(spec.name);
        dock->showMatrix(spec.kind);
        QTest::qWait(20);
        const auto& m = session->matrix(spec.kind);
        ASSERT_TRUE(m.input && m.result) << "the demo workbook has every matrix";
        const int i = isolatedPoint(dock->largeCanvas(), *m.input);
        ASSERT_GE(i, 0);
        const Tip tip = hoverPoint(dock->largeCanvas(), *m.input, i);
        ASSERT_FALSE(tip.plain.isEmpty()) << "no tooltip";
        EXPECT_TRUE(tip.plain.startsWith(label(*m.input, i))) << tip.plain.toStdString();
        const auto q = m.result->assignment[std::size_t(i)];
        if (q >= 0) {
            const QString quadrant = QString::fromStdString(spec.quadrants[std::size_t(q)].name);
            EXPECT_TRUE(tip.plain.contains(QStringLiteral("quadrant: ") + quadrant))
                << tip.plain.toStdString();
        }
        if (spec.points == engine::PointKind::Attribute) {
            EXPECT_FALSE(tip.plain.contains(QStringLiteral("revenue")))
                << "attributes have no revenue";
        } else {
            EXPECT_TRUE(tip.plain.contains(QStringLiteral("revenue"))) << tip.plain.toStdString();
        }
    }
}

TEST_F(MatrixHoverTest, EveryThumbnailAndASmallMultipleShowTheTooltipOfThePoint) {
    MainWindow w;
    openInWindow(w);
    auto* dock = w.analysis()->matrixDock();
    auto* session = w.analysis()->session();
    for (const auto& spec : engine::matrixSpecs()) {
        SCOPED_TRACE(spec.name);
        const auto& m = session->matrix(spec.kind);
        ASSERT_TRUE(m.input);
        // The battery scrolls on a low screen: bring the thumbnail into view first, as a user would.
        for (QWidget* p = dock->thumbnail(spec.kind)->parentWidget(); p; p = p->parentWidget())
            if (auto* area = qobject_cast<QScrollArea*>(p)) {
                area->ensureWidgetVisible(dock->thumbnail(spec.kind));
                QTest::qWait(10);
                break;
            }
        const int i = isolatedPoint(dock->thumbnail(spec.kind), *m.input, 4.0);
        ASSERT_GE(i, 0);
        const Tip tip = hoverPoint(dock->thumbnail(spec.kind), *m.input, i);
        EXPECT_TRUE(tip.plain.startsWith(label(*m.input, i))) << tip.plain.toStdString();
    }

    // The breakdown by segment: one small multiple per segment, each a canvas of the points.
    dock->setBreakdown(engine::GroupField::Segment);
    QTest::qWait(50);
    QList<MatrixCanvas*> multiples;
    for (auto* c : dock->findChildren<MatrixCanvas*>()) {
        bool thumb = false;
        for (const auto& spec : engine::matrixSpecs())
            thumb = thumb || c == dock->thumbnail(spec.kind);
        if (!thumb && c != dock->largeCanvas() && c->isVisible()) multiples << c;
    }
    ASSERT_FALSE(multiples.isEmpty()) << "the breakdown shows small multiples";
    const auto& m = session->matrix(dock->current());
    int i = -1;
    MatrixCanvas* multiple = nullptr;
    for (auto* c : multiples)
        if ((i = isolatedPoint(c, *m.input, 4.0)) >= 0) {
            multiple = c;
            break;
        }
    ASSERT_NE(multiple, nullptr);
    const Tip tip = hoverPoint(multiple, *m.input, i);
    EXPECT_TRUE(tip.plain.startsWith(label(*m.input, i))) << tip.plain.toStdString();
}

TEST_F(MatrixHoverTest, ACustomerNameIsShownAsWrittenNotAsMarkup) {
    MainWindow w;
    openInWindow(w);
    auto* dock = w.analysis()->matrixDock();
    auto* session = w.analysis()->session();
    const auto kind = MatrixKind::ProfitabilityLoyalty;
    const int i = isolatedPoint(dock->largeCanvas(), *session->matrix(kind).input);
    ASSERT_GE(i, 0);
    const auto id = session->matrix(kind).input->ids[std::size_t(i)];
    {
        auto other = store::Workbook::open(path);
        ASSERT_TRUE(other.ok());
        auto st = other->db().prepare("UPDATE customers SET name = '<b>x</b>&' WHERE id = ?");
        ASSERT_TRUE(st.ok());
        st->bind(1, std::int64_t(id));
        auto tx = store::WriteTransaction::begin(other->db());
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(st->exec());
        ASSERT_TRUE(tx->commit().ok());
    }
    session->reloadAndWait();
    const auto& in = *session->matrix(kind).input;
    ASSERT_EQ(in.ids[std::size_t(i)], id) << "points keep their order";
    ASSERT_TRUE(label(in, i).endsWith(QStringLiteral("<b>x</b>&")));

    const Tip tip = hoverPoint(dock->largeCanvas(), in, i);
    EXPECT_TRUE(tip.html.contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;&amp;")))
        << tip.html.toStdString();
    EXPECT_TRUE(tip.plain.startsWith(label(in, i)))
        << "read as written: " << tip.plain.toStdString();
}

}  // namespace
