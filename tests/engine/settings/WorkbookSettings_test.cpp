// The typed workbook settings: each read with its default when unset, stored only after its
// check, an unreadable stored value named in the error (or logged and replaced by the default
// where a view only refines), and every key distinct.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "engine/settings/WorkbookSettings.h"
#include "store/Workbook.h"
#include "support/FreshWorkbook.h"

using namespace cw;
using namespace cw::engine;
using cw::store::Workbook;

namespace {

using TempDirEnvironment = cw::test::SuiteTempDir;
[[maybe_unused]] auto* const g_tempDir = ::testing::AddGlobalTestEnvironment(new TempDirEnvironment);

class WorkbookSettings : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE((wb = test::freshWorkbook("settings.cwb"))); }
    std::optional<Workbook> wb;
};

TEST_F(WorkbookSettings, UnsetSettingsReadAsTheirDefaults) {
    auto a = settings::read(wb->db(), settings::analysis());
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->windowMonths, 12);
    EXPECT_EQ(a->timeUnit, "weeks");
    EXPECT_EQ(settings::readOr(wb->db(), settings::activeSegmentation()), std::nullopt);
    EXPECT_EQ(settings::readOr(wb->db(), settings::importanceSource()), settings::ImportanceSource::Derived);
    auto t = settings::read(wb->db(), settings::matrixThresholds("profit-loyalty"));
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->x.mode, ThresholdMode::Median);
}

TEST_F(WorkbookSettings, ValuesRoundTripUnderTheirOneKey) {
    AnalysisSettings s;
    s.windowMonths = 6;
    s.currency = "GBP";
    ASSERT_TRUE(settings::save(wb->db(), settings::analysis(), s).ok());
    EXPECT_TRUE(wb->setting("analysis.settings").has_value());
    auto back = settings::read(wb->db(), settings::analysis());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->windowMonths, 6);
    EXPECT_EQ(back->currency, "GBP");

    ASSERT_TRUE(settings::save(wb->db(), settings::importanceSource(), settings::ImportanceSource::Stated).ok());
    EXPECT_EQ(wb->setting("matrix.importance_source"), "\"stated\"");
    EXPECT_EQ(settings::readOr(wb->db(), settings::importanceSource()), settings::ImportanceSource::Stated);

    ASSERT_TRUE(settings::save(wb->db(), settings::activeSegmentation(), std::optional<std::string>("value")).ok());
    EXPECT_EQ(wb->setting("segmentation.active"), "\"value\"");
    ASSERT_TRUE(store::inOwnTransaction(wb->db(), [](store::WriteTransaction& tx) {
                    return settings::clear(tx, settings::activeSegmentation());
                }).ok());
    EXPECT_EQ(wb->setting("segmentation.active"), std::nullopt);

    const std::vector<std::pair<std::string, double>> w = {{"Staff", 0.4}, {"Delivery", 0.1}};
    ASSERT_TRUE(settings::save(wb->db(), settings::demoAttributeWeights(), w).ok());
    EXPECT_EQ(wb->setting("demo.planted_attribute_weights"), R"({"Staff":0.4,"Delivery":0.1})") << "in the given order";
    EXPECT_EQ(settings::readOr(wb->db(), settings::demoAttributeWeights()), w);
}

TEST_F(WorkbookSettings, AValueThatFailsItsCheckIsNotStoredAndTheStoredOneStays) {
    AnalysisSettings good;
    good.windowMonths = 9;
    ASSERT_TRUE(settings::save(wb->db(), settings::analysis(), good).ok());
    AnalysisSettings bad;
    bad.windowMonths = 0;
    auto st = settings::save(wb->db(), settings::analysis(), bad);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("window_months"), std::string::npos) << st.error().message;
    EXPECT_EQ(settings::read(wb->db(), settings::analysis())->windowMonths, 9);

    MatrixThresholds t;
    t.x.mode = ThresholdMode::Custom;
    t.x.value = std::nan("");
    EXPECT_FALSE(settings::save(wb->db(), settings::matrixThresholds("m"), t).ok());
    EXPECT_EQ(wb->setting("matrix.m.thresholds"), std::nullopt);
}

TEST_F(WorkbookSettings, AnUnreadableStoredValueIsAnErrorNamingTheKeyOrTheDefaultForAView) {
    ASSERT_TRUE(wb->setSetting("matrix.importance_source", "\"sometimes\"").ok());
    auto r = settings::read(wb->db(), settings::importanceSource());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("matrix.importance_source"), std::string::npos) << r.error().message;
    EXPECT_EQ(settings::readOr(wb->db(), settings::importanceSource()), settings::ImportanceSource::Derived);

    ASSERT_TRUE(wb->setSetting("segmentation.active", "42").ok());
    EXPECT_FALSE(settings::read(wb->db(), settings::activeSegmentation()).ok());
    EXPECT_EQ(settings::readOr(wb->db(), settings::activeSegmentation()), std::nullopt);

    ASSERT_TRUE(wb->setSetting("matrix.m.thresholds", R"({"x": {"mode": "sometimes"}})").ok());
    auto t = settings::read(wb->db(), settings::matrixThresholds("m"));
    ASSERT_FALSE(t.ok());
    EXPECT_NE(t.error().message.find("matrix.m.thresholds"), std::string::npos) << t.error().message;
}

TEST(WorkbookSettingKeys, AreDistinct) {
    const std::set<std::string> keys = {settings::analysis().key, settings::activeSegmentation().key,
                                        settings::importanceSource().key, settings::demoAttributeWeights().key,
                                        settings::matrixThresholds("a").key};
    EXPECT_EQ(keys.size(), 5u);
}

}  // namespace
