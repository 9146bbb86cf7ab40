// The Segments dock on an analysed demo workbook with two stored segmentations: it lists them,
// activating one turns the matrices' "by segment" breakdown from "(none)" into its segment
// labels, and rename and delete are undo steps that put the workbook back exactly.
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QUndoStack>

#include <memory>
#include <set>

#include "MatrixWindowTest.h"
#include "app/analysis/SegmentsDock.h"
#include "app/workbook/WorkbookDocument.h"
#include "engine/settings/WorkbookSettings.h"
#include "engine/Segmentation.h"
#include "engine/matrix/MatrixComputation.h"
#include "engine/load/MatrixLoader.h"

using namespace cw;
using namespace cw::app;

namespace {

using engine::MatrixKind;

class SegmentsDockTest : public cw::test::MatrixWindowTest {
protected:
    void SetUp() override {
        MatrixWindowTest::SetUp();
        auto wb = store::Workbook::open(path);
        ASSERT_TRUE(wb.ok());
        ASSERT_TRUE(engine::runSegmentation(wb->db(), "value", R"({"method":"score","weights":{"margin":2,"loyalty":1}})").ok());
        ASSERT_TRUE(engine::runSegmentation(wb->db(), "grid", R"({"method":"rules"})").ok());
    }

    static QStringList names(SegmentsDock* dock) {
        QStringList out;
        for (int row = 0; row < dock->segmentationsModel()->rowCount(); ++row)
            out << dock->segmentationsModel()->item(row, SegmentsDock::NameColumn)->data(Qt::UserRole).toString();
        return out;
    }

    // Opens the workbook and counts the matrices' loads from then on.
    void open(MainWindow& w) {
        openInWindow(w);
        m_loads = std::make_unique<QSignalSpy>(w.analysis()->session(), &MatrixSession::loaded);
        m_seen = 0;
    }

    // The groups of the "by segment" breakdown; with `reloads`, once the matrices have been read
    // again since the last look (an edit that changes the segments must reload them).
    std::set<std::string> breakdown(MainWindow& w, bool reloads = true) {
        auto* session = w.analysis()->session();
        if (reloads) {
            EXPECT_TRUE(cw::test::waitFor([&] { return m_loads->count() > m_seen; })) << "the matrices reload";
        }
        EXPECT_TRUE(cw::test::waitFor([&] { return !session->isLoading(); }));
        QTest::qWait(20);  // a load that finished delivers its signal
        m_seen = int(m_loads->count());
        std::set<std::string> out;
        const auto& m = session->matrix(MatrixKind::ProfitabilityLoyalty);
        EXPECT_TRUE(m.result.has_value());
        if (m.result)
            for (const auto& g : m.result->groups) out.insert(g.name);
        return out;
    }

    // The segment labels a segmentation gives customers (segments without customers drop out of
    // a breakdown).
    static std::set<std::string> labelsOf(store::Workbook& wb, const std::string& name) {
        std::set<std::string> out;
        auto all = engine::listSegmentations(wb.db());
        EXPECT_TRUE(all.ok());
        for (const auto& s : *all)
            if (s.name == name)
                for (const auto& g : s.segments)
                    if (g.customers > 0) out.insert(g.label);
        return out;
    }

    // Every stored row of a segmentation, to compare before and after.
    static std::string fingerprint(store::Workbook& wb, const std::string& name) {
        auto s = engine::readStoredSegmentation(wb.db(), name);
        if (!s.ok()) return "missing: " + s.error().message;
        std::string out = std::to_string(s->id) + "|" + s->method + "|" + s->definitionJson + "|" + s->qualityJson +
                          "|" + s->createdAt + "|" + s->updatedAt + "|" + (s->active ? "active" : "");
        for (const auto& g : s->segments) out += "|" + std::to_string(g.id) + ":" + g.label + ":" + g.definitionJson;
        for (const auto& [c, g] : s->memberships) out += "|" + std::to_string(c) + ">" + std::to_string(g);
        return out;
    }

    static std::optional<std::string> active(store::Workbook& wb) {
        auto a = engine::activeSegmentationName(wb.db());
        EXPECT_TRUE(a.ok());
        return a.ok() ? *a : std::nullopt;
    }

    std::unique_ptr<QSignalSpy> m_loads;
    int m_seen = 0;
};

const std::set<std::string> kNone{engine::kNoGroupName};

TEST_F(SegmentsDockTest, ListsTheSegmentationsAndActivatingOneFeedsTheBreakdown) {
    MainWindow w;
    open(w);
    auto* dock = w.segmentsDock();
    ASSERT_NE(dock, nullptr);
    EXPECT_EQ(dock->objectName(), "SegmentsDock");
    EXPECT_TRUE(dock->emptyMessage().isEmpty());
    EXPECT_EQ(names(dock), (QStringList{"value", "grid"}));
    EXPECT_TRUE(dock->activeName().isEmpty());
    EXPECT_EQ(dock->segmentationsModel()->item(0, SegmentsDock::CustomersColumn)->data(Qt::UserRole).toLongLong(), 800);

    auto* wb = w.document()->workbook();
    auto* session = w.analysis()->session();
    session->setGroupBy(engine::GroupField::Segment);
    EXPECT_EQ(breakdown(w, false), kNone) << "no segment before one is active";

    // The Activate button acts on the segmentation chosen in the list.
    dock->setCurrentName("value");
    EXPECT_EQ(dock->segmentsModel()->rowCount(), 5) << "four bands and no data";
    auto* button = dock->findChild<QPushButton*>("activateButton");
    ASSERT_NE(button, nullptr);
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_EQ(dock->activeName(), "value");
    EXPECT_EQ(active(*wb), "value");
    const auto labels = labelsOf(*wb, "value");
    ASSERT_FALSE(labels.empty());
    EXPECT_EQ(breakdown(w), labels);
    const QFont font = dock->segmentationsModel()->item(0, SegmentsDock::NameColumn)->font();
    EXPECT_TRUE(font.bold()) << "the active one stands out";

    auto* undo = w.document()->undoStack();
    undo->undo();
    EXPECT_EQ(active(*wb), std::nullopt);
    EXPECT_EQ(wb->setting(engine::settings::activeSegmentation().key), std::nullopt) << "no setting left behind";
    EXPECT_TRUE(dock->activeName().isEmpty());
    EXPECT_EQ(breakdown(w), kNone);
    undo->redo();
    EXPECT_EQ(active(*wb), "value");
    EXPECT_EQ(breakdown(w), labels);

    // Another one replaces it; deactivating goes back to the imported segment.
    ASSERT_TRUE(dock->activate("grid").ok());
    EXPECT_EQ(breakdown(w), labelsOf(*wb, "grid"));
    ASSERT_TRUE(dock->activate({}).ok());
    EXPECT_EQ(breakdown(w), kNone);
    undo->undo();
    undo->undo();
    EXPECT_EQ(active(*wb), "value");
    EXPECT_EQ(breakdown(w), labels);

    auto missing = dock->activate("nothing");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().message, "no segmentation named 'nothing'");
}

TEST_F(SegmentsDockTest, RenameAndDeleteAreUndoneExactly) {
    MainWindow w;
    open(w);
    auto* dock = w.segmentsDock();
    auto* wb = w.document()->workbook();
    auto* undo = w.document()->undoStack();
    w.analysis()->session()->setGroupBy(engine::GroupField::Segment);
    ASSERT_TRUE(dock->activate("value").ok());
    const auto labels = labelsOf(*wb, "value");
    ASSERT_EQ(breakdown(w), labels);
    const auto value = fingerprint(*wb, "value");
    const auto grid = fingerprint(*wb, "grid");
    const int steps = undo->count();

    // A taken name is refused and changes nothing, not even the undo stack.
    auto taken = dock->rename("value", "grid");
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.error().message, "a segmentation named 'grid' exists already");
    EXPECT_EQ(undo->count(), steps);
    EXPECT_EQ(fingerprint(*wb, "value"), value);
    EXPECT_EQ(fingerprint(*wb, "grid"), grid);

    ASSERT_TRUE(dock->rename("value", "  best customers ").ok());
    EXPECT_EQ(names(dock), (QStringList{"best customers", "grid"}));
    EXPECT_EQ(dock->currentName(), "best customers");
    EXPECT_EQ(dock->activeName(), "best customers") << "the active one stays active";
    EXPECT_EQ(breakdown(w, false), labels);
    undo->undo();
    EXPECT_EQ(names(dock), (QStringList{"value", "grid"}));
    EXPECT_EQ(fingerprint(*wb, "value"), value);
    undo->redo();
    EXPECT_EQ(active(*wb), "best customers");
    undo->undo();

    ASSERT_TRUE(dock->remove("value").ok());
    EXPECT_EQ(names(dock), (QStringList{"grid"}));
    EXPECT_EQ(active(*wb), std::nullopt) << "a deleted segmentation is not active";
    EXPECT_EQ(breakdown(w), kNone);
    undo->undo();
    EXPECT_EQ(names(dock), (QStringList{"value", "grid"}));
    EXPECT_EQ(fingerprint(*wb, "value"), value) << "ids, dates, segments and memberships as they were";
    EXPECT_EQ(fingerprint(*wb, "grid"), grid);
    EXPECT_EQ(breakdown(w), labels);
    undo->redo();
    EXPECT_EQ(names(dock), (QStringList{"grid"}));
    EXPECT_EQ(breakdown(w), kNone);
    undo->undo();
    EXPECT_EQ(fingerprint(*wb, "value"), value);

    // Deleting the last one leaves the plain-words note.
    ASSERT_TRUE(dock->remove("value").ok());
    ASSERT_TRUE(dock->remove("grid").ok());
    EXPECT_TRUE(dock->emptyMessage().contains("No segmentation yet")) << dock->emptyMessage().toStdString();
    EXPECT_TRUE(dock->emptyMessage().contains("Save selection as segment"));
}

TEST_F(SegmentsDockTest, SaysSoWithoutAWorkbook) {
    MainWindow w;
    EXPECT_EQ(w.segmentsDock()->emptyMessage(), "No workbook open.");
    openInWindow(w);
    EXPECT_TRUE(w.segmentsDock()->emptyMessage().isEmpty());
    w.document()->close();
    EXPECT_EQ(w.segmentsDock()->emptyMessage(), "No workbook open.");
}

}  // namespace
