// The wizard's mapping rules, without widgets: a field belongs to one column, unmapped columns
// are all custom or all ignored, and an edited mapping becomes a profile the store accepts.
#include <QDir>
#include <QTemporaryDir>

#include "AppTestSupport.h"
#include "app/import/ImportDraft.h"
#include "store/MappingProfile.h"

using namespace cw;
using namespace cw::app;
using cw::test::TempDir;

namespace {

TEST(ImportDraft, AFieldMovesToTheColumnThatIsGivenIt) {
    ImportDraft d;
    d.initColumns({"id", "when", "amount", "other"}, {"customer_id", "date", "revenue", "ignored"});
    EXPECT_FALSE(d.fieldsEdited());
    d.choose(3, "revenue");
    EXPECT_EQ(d.choices()[3], "revenue");
    EXPECT_EQ(d.choices()[2], ImportDraft::kIgnore);
    EXPECT_TRUE(d.fieldsEdited());
}

TEST(ImportDraft, UnmappedColumnsAreAllCustomOrAllIgnored) {
    ImportDraft d;
    d.table = store::TargetTable::Customers;
    d.initColumns({"id", "size", "industry"}, {"customer_id", "custom (number)", "custom"});
    EXPECT_EQ(d.choices()[1], ImportDraft::kCustom);
    d.choose(2, ImportDraft::kIgnore);
    EXPECT_EQ(d.choices()[1], ImportDraft::kIgnore);
    EXPECT_EQ(d.choices()[2], ImportDraft::kIgnore);
    EXPECT_FALSE(d.fieldsEdited());  // fields untouched: the profile is used as it is
    TempDir dir;
    auto o = d.toOptions(dir.path().string());
    ASSERT_TRUE(o.ok());
    EXPECT_FALSE(o->keepUnmapped);
    EXPECT_EQ(o->profile, "generic-customers");
}

TEST(ImportDraft, AnEditedMappingBecomesAProfileWithColumnPositions) {
    TempDir dir;
    const auto csv = dir.write("k.csv", "kunde;tag;betrag\nK1;2024-03-01;12,50\n");
    ImportDraft d;
    d.file = csv;
    d.initColumnsFromProfile({"kunde", "tag", "betrag"});
    d.choose(0, "customer_id");
    d.choose(1, "date");
    d.choose(2, "revenue");
    auto o = d.toOptions(dir.path().string());
    ASSERT_TRUE(o.ok()) << o.error().describe();
    auto p = store::findProfile(o->profile);
    ASSERT_TRUE(p.ok()) << p.error().describe();
    EXPECT_EQ(p->table, "transactions");
    EXPECT_EQ(p->columns.at("customer_id"), "#1");
    EXPECT_EQ(p->columns.at("date"), "#2");
    EXPECT_EQ(p->columns.at("revenue"), "#3");
    EXPECT_EQ(p->columns.size(), 3u);
    auto preview = store::previewImport(*o);
    ASSERT_TRUE(preview.ok()) << preview.error().describe();
    EXPECT_EQ(preview->rowStatus.at(0), "ok");
}

TEST(ImportDraft, SurveyAttributesAndScaleReachTheOptions) {
    ImportDraft d;
    d.table = store::TargetTable::Survey;
    d.initColumns({"id", "wifi", "food", "overall"},
                  {"customer_id", "custom", "custom", "overall"});
    d.choose(1, ImportDraft::kAttribute);
    d.choose(2, ImportDraft::kAttribute);
    d.scale = {1, 5};
    d.naValue = 0;
    TempDir dir;
    auto o = d.toOptions(dir.path().string());
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(o->attributes, (std::vector<std::string>{"wifi", "food"}));
    ASSERT_TRUE(o->scale.has_value());
    EXPECT_EQ(o->scale->second, 5);
    EXPECT_EQ(o->naValue.value_or(-1), 0);
    d.clearColumn(2);
    EXPECT_EQ(d.attributes(), (std::vector<std::string>{"wifi"}));
    EXPECT_EQ(d.choices()[2], ImportDraft::kCustom);
}

}  // namespace
