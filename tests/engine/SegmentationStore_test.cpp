// Stored segmentations as the window edits them: renamed (a taken name refused with nothing
// changed), activated, deleted and put back exactly as they were; an insight put back under its id.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/settings/WorkbookSettings.h"
#include "engine/Analysis.h"
#include "engine/DemoGenerator.h"
#include "store/Insights.h"
#include "engine/Segmentation.h"
#include "engine/load/MatrixLoader.h"
#include "store/Workbook.h"
#include "support/SuiteTempDir.h"

using namespace cw;
using namespace cw::engine;
using cw::store::Workbook;
using cw::store::Insight;
using cw::store::deleteInsight;
using cw::store::listInsights;
using cw::store::pinInsight;

namespace {

using TempDirEnvironment = cw::test::SuiteTempDir;
[[maybe_unused]] auto* const g_tempDir = ::testing::AddGlobalTestEnvironment(new TempDirEnvironment);

class SegmentationStore : public ::testing::Test {
protected:
    void SetUp() override {
        const auto path = (TempDirEnvironment::dir() / "segmentation-store.cwb").string();
        std::filesystem::remove(path);
        auto created = Workbook::create(path);
        ASSERT_TRUE(created.ok());
        wb.emplace(std::move(created).value());
        DemoOptions o;
        o.customers = 300;
        o.months = 12;
        ASSERT_TRUE(generateDemo(*wb, o).ok());
        auto analysed = runAnalysis(*wb);
        ASSERT_TRUE(analysed.ok()) << analysed.error().describe();
        ASSERT_TRUE(runSegmentation(wb->db(), "value", R"({"method":"score","weights":{"margin":2,"loyalty":1}})").ok());
        ASSERT_TRUE(runSegmentation(wb->db(), "grid", R"({"method":"rules"})").ok());
    }

    // What a segmentation's rows say, to compare before and after an edit.
    std::string fingerprint(const std::string& name) {
        auto s = readStoredSegmentation(wb->db(), name);
        EXPECT_TRUE(s.ok()) << name;
        if (!s.ok()) return {};
        std::string out = std::to_string(s->id) + "|" + s->name + "|" + s->method + "|" + s->definitionJson + "|" +
                          s->qualityJson + "|" + s->createdAt + "|" + s->updatedAt + "|" + (s->active ? "active" : "");
        for (const auto& g : s->segments)
            out += "|" + std::to_string(g.id) + ":" + std::to_string(g.ordinal) + ":" + g.label + ":" + g.definitionJson;
        for (const auto& [c, g] : s->memberships) out += "|" + std::to_string(c) + ">" + std::to_string(g);
        return out;
    }

    std::vector<std::string> names() {
        std::vector<std::string> out;
        auto all = listSegmentations(wb->db());
        EXPECT_TRUE(all.ok());
        if (all.ok())
            for (const auto& s : *all) out.push_back(s.name);
        return out;
    }

    std::optional<std::string> active() {
        auto a = activeSegmentationName(wb->db());
        EXPECT_TRUE(a.ok());
        return a.ok() ? *a : std::nullopt;
    }

    std::optional<Workbook> wb;
};

TEST_F(SegmentationStore, ListsCountsAndDates) {
    auto all = listSegmentations(wb->db());
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2u);
    for (const auto& s : *all) {
        std::int64_t customers = 0;
        for (const auto& g : s.segments) customers += g.customers;
        EXPECT_EQ(customers, 300) << s.name << ": every customer is in one segment";
        EXPECT_FALSE(s.createdAt.empty());
        EXPECT_FALSE(s.updatedAt.empty());
    }
}

TEST_F(SegmentationStore, RenameToATakenNameIsRefusedAndChangesNothing) {
    ASSERT_TRUE(setActiveSegmentation(wb->db(), "value").ok());
    const auto before = fingerprint("value");
    const auto other = fingerprint("grid");
    auto st = renameSegmentation(wb->db(), "value", "grid");
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, ErrorKind::Usage);
    EXPECT_EQ(st.error().message, "a segmentation named 'grid' exists already");
    EXPECT_FALSE(st.error().hint.empty());
    EXPECT_EQ(fingerprint("value"), before);
    EXPECT_EQ(fingerprint("grid"), other);
    EXPECT_EQ(active(), "value");

    auto empty = renameSegmentation(wb->db(), "value", "");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().kind, ErrorKind::Usage);
    auto missing = renameSegmentation(wb->db(), "nothing", "else");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().message, "no segmentation named 'nothing'");
    EXPECT_EQ(names(), (std::vector<std::string>{"value", "grid"}));
}

TEST_F(SegmentationStore, RenameKeepsEverythingElseAndTheActiveSettingFollows) {
    ASSERT_TRUE(setActiveSegmentation(wb->db(), "value").ok());
    auto before = readStoredSegmentation(wb->db(), "value");
    ASSERT_TRUE(before.ok());
    ASSERT_TRUE(renameSegmentation(wb->db(), "value", "best customers").ok());
    EXPECT_EQ(names(), (std::vector<std::string>{"best customers", "grid"}));
    EXPECT_EQ(active(), "best customers");
    auto id = activeSegmentation(*wb);  // what the matrices read
    ASSERT_TRUE(id.ok()) << id.error().describe();
    EXPECT_EQ(*id, before->id);
    auto after = readStoredSegmentation(wb->db(), "best customers");
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->memberships, before->memberships);
    EXPECT_EQ(after->updatedAt, before->updatedAt);

    // Renaming a segmentation that is not active leaves the setting alone.
    ASSERT_TRUE(renameSegmentation(wb->db(), "grid", "profit grid").ok());
    EXPECT_EQ(active(), "best customers");
}

TEST_F(SegmentationStore, ActivateRefusesAnUnknownNameAndClearsWithNone) {
    EXPECT_EQ(active(), std::nullopt);
    auto st = setActiveSegmentation(wb->db(), std::string("nothing"));
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, ErrorKind::Usage);
    EXPECT_EQ(active(), std::nullopt);
    ASSERT_TRUE(setActiveSegmentation(wb->db(), "grid").ok());
    EXPECT_EQ(active(), "grid");
    EXPECT_EQ(wb->setting(settings::activeSegmentation().key), "\"grid\"");
    ASSERT_TRUE(setActiveSegmentation(wb->db(), std::nullopt).ok());
    EXPECT_EQ(active(), std::nullopt);
    EXPECT_EQ(wb->setting(settings::activeSegmentation().key), std::nullopt) << "no setting left behind";
}

TEST_F(SegmentationStore, DeletingTheActiveOneClearsTheSettingAndRestorePutsItAllBack) {
    ASSERT_TRUE(setActiveSegmentation(wb->db(), "value").ok());
    const auto before = fingerprint("value");
    auto stored = readStoredSegmentation(wb->db(), "value");
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored->active);
    EXPECT_EQ(stored->memberships.size(), 300u);

    ASSERT_TRUE(deleteSegmentation(wb->db(), "value").ok());
    EXPECT_EQ(names(), (std::vector<std::string>{"grid"}));
    EXPECT_EQ(active(), std::nullopt);
    auto none = activeSegmentation(*wb);
    ASSERT_TRUE(none.ok()) << "the matrices still load: " << none.error().describe();
    EXPECT_FALSE(none->has_value());

    ASSERT_TRUE(restoreSegmentation(wb->db(), *stored).ok());
    EXPECT_EQ(fingerprint("value"), before);
    EXPECT_EQ(active(), "value");
    EXPECT_EQ(names(), (std::vector<std::string>{"value", "grid"}));

    // Restoring over a segmentation of that name is refused.
    auto again = restoreSegmentation(wb->db(), *stored);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::Usage);
    EXPECT_EQ(fingerprint("value"), before);
}

TEST_F(SegmentationStore, ADeletedInsightComesBackUnderItsId) {
    Insight i;
    i.title = "Loyal but unprofitable";
    i.note = "talk to them";
    i.sourceJson = R"({"matrix":"profitability_loyalty"})";
    i.customerIds = {3, 5, 8};
    auto id = pinInsight(wb->db(), i);
    ASSERT_TRUE(id.ok());
    auto listed = listInsights(wb->db());
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    const Insight kept = listed->front();
    ASSERT_TRUE(deleteInsight(wb->db(), *id).ok());
    auto back = pinInsight(wb->db(), kept);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, *id);
    listed = listInsights(wb->db());
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().createdAt, kept.createdAt);
    EXPECT_EQ(listed->front().customerIds, kept.customerIds);
    EXPECT_FALSE(pinInsight(wb->db(), kept).ok()) << "the id is taken";
}

}  // namespace
