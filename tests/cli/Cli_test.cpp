// The CLI contract scripts rely on (docs/cli.md): exit codes, JSON shapes,
// --map, surveys, external data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "support/TempDir.h"

using cw::test::runCli;
using cw::test::shellQuote;
using cw::test::TempDir;
using nlohmann::json;

namespace {

struct Cli : ::testing::Test {
    TempDir dir;
    std::string wb = dir.file("w.cwb");
    cw::test::CliResult run(const std::string& args) { return runCli(args, dir.file("stderr.txt")); }
    std::string q(const std::string& s) { return shellQuote(s); }
};

TEST_F(Cli, UsageErrorsExitOne) {
    EXPECT_EQ(run("").code, 1);
    EXPECT_EQ(run("frobnicate").code, 1);
    EXPECT_EQ(run("info").code, 1);  // -w is required
    ASSERT_EQ(run("new -w " + q(wb)).code, 0);
    auto r = run("import -w " + q(wb) + " --table nosuch " + q(cw::test::testData("online_retail_slice.csv")));
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("unknown table"), std::string::npos);
}

TEST_F(Cli, WorkbookErrorsExitThree) {
    auto text = dir.write("x.cwb", "hello, not a workbook\n");
    auto r = run("info -w " + q(text));
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("not a Clienting workbook"), std::string::npos);
    EXPECT_EQ(cw::test::readFile(text), "hello, not a workbook\n");
    ASSERT_EQ(run("new -w " + q(wb)).code, 0);
    EXPECT_EQ(run("new -w " + q(wb)).code, 3);  // exists already
}

TEST_F(Cli, InfoJsonContract) {
    ASSERT_EQ(run("new -w " + q(wb)).code, 0);
    auto imp = run("import -q -w " + q(wb) + " --profile online-retail " + q(cw::test::testData("online_retail_slice.csv")));
    ASSERT_EQ(imp.code, 0) << imp.err;
    auto r = run("info --json -w " + q(wb));
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = json::parse(r.out);
    EXPECT_GE(j["schema_version"].get<int>(), 1);
    for (const char* t : {"customers", "managers", "transactions", "survey_responses"}) EXPECT_TRUE(j["tables"].contains(t));
    ASSERT_EQ(j["imports"].size(), 1u);
    const auto& i = j["imports"][0];
    EXPECT_EQ(i["table"], "transactions");
    EXPECT_EQ(i["loaded"].get<long>() + i["rejected"].get<long>(), i["records"].get<long>());
    EXPECT_EQ(i["loaded"].get<long>(), j["tables"]["transactions"].get<long>());
    EXPECT_TRUE(i["reasons"].is_object());
    EXPECT_TRUE(i["file"].get<std::string>().ends_with("online_retail_slice.csv"));
}

TEST_F(Cli, ReimportIsAnInputErrorAndChangesNothing) {
    ASSERT_EQ(run("new -w " + q(wb)).code, 0);
    const auto file = q(cw::test::testData("online_retail_slice.csv"));
    ASSERT_EQ(run("import -q -w " + q(wb) + " --profile online-retail " + file).code, 0);
    auto before = run("info --json -w " + q(wb)).out;
    auto again = run("import -q -w " + q(wb) + " --profile online-retail " + file);
    EXPECT_EQ(again.code, 2);
    EXPECT_NE(again.err.find("--replace"), std::string::npos);
    EXPECT_EQ(run("info --json -w " + q(wb)).out, before);
}

TEST_F(Cli, MapOptionOverridesProfile) {
    ASSERT_EQ(run("new -w " + q(wb)).code, 0);
    auto csv = dir.write("t.csv", "client;when;amount\nX1;2024-05-01;10,5\nX2;2024-05-02;1.234,50\n");
    auto r = run("import -q --json -w " + q(wb) + " --map customer_id=client --map date=when --map revenue=amount " + q(csv));
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = json::parse(r.out);
    EXPECT_EQ(j["loaded"], 2);
    EXPECT_EQ(j["mapping"]["customer_id"], "client");
    auto info = run("info --json -w " + q(wb));
    EXPECT_EQ(json::parse(info.out)["tables"]["customers"], 2);
}

TEST_F(Cli, PreviewShowsTheValuesAsTheImportWouldReadThem) {
    ASSERT_EQ(run("new -w " + q(wb)).code, 0);
    auto csv = dir.write("t.csv", "client;when;amount\nX1;2024-05-01;10,5\nX2;31/12/2024;1.234,50\nX3;2024-05-02;abc\n");
    auto r = run("import --preview -w " + q(wb) + " --map customer_id=client --map date=when --map revenue=amount " + q(csv));
    ASSERT_EQ(r.code, 0) << r.err;
    // Decimal commas and thousands read as numbers, the date as a date, the bad row with its reason.
    EXPECT_NE(r.out.find("X1"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2024-05-01"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("10.5"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1234.5"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("invalid_number"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("row 1: ok"), std::string::npos);
    EXPECT_EQ(json::parse(run("info --json -w " + q(wb)).out)["tables"]["transactions"], 0);  // nothing stored
}

TEST_F(Cli, AirlineSurveyImportsWithAttributesScaleAndValueMap) {
    ASSERT_EQ(run("new -w " + q(wb)).code, 0);
    const std::string attrs =
        "Departure and Arrival Time Convenience,Ease of Online Booking,Check-in Service,Online Boarding,"
        "Gate Location,On-board Service,Seat Comfort,Leg Room Service,Cleanliness,Food and Drink,"
        "In-flight Service,In-flight Wifi Service,In-flight Entertainment,Baggage Handling";
    auto r = run("import -q --json -w " + q(wb) + " --table survey --map respondent_id=ID --map overall=Satisfaction " +
                 "--attributes " + q(attrs) + " --scale 0-5 --na-value 0 --value-map " +
                 q("overall:Satisfied=1,\"Neutral or Dissatisfied\"=0") + " " +
                 q(cw::test::testData("airline_survey_slice.csv")));
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = json::parse(r.out);
    EXPECT_EQ(j["records"], 1200);
    EXPECT_EQ(j["loaded"], 1200);
    EXPECT_EQ(j["custom_fields"], 8);  // Gender, Age, Customer Type, … kept as respondent data
    auto info = json::parse(run("info --json -w " + q(wb)).out);
    EXPECT_EQ(info["tables"]["survey_responses"], 1200);
    EXPECT_EQ(info["tables"]["service_attributes"], 14);
    EXPECT_EQ(info["tables"]["survey_scores"], 1200 * 14);
}

TEST_F(Cli, TelcoExternalDataBecomesTypedCustomFields) {
    ASSERT_EQ(run("new -w " + q(wb)).code, 0);
    auto r = run("import -q --json -w " + q(wb) + " --table customers --profile telco-churn " +
                 q(cw::test::testData("telco_churn_slice.csv")));
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = json::parse(r.out);
    EXPECT_EQ(j["records"], 404);
    EXPECT_EQ(j["loaded"], 404);
    EXPECT_EQ(j["custom_fields"], 20);
}

}  // namespace
