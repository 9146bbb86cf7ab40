// The key management indicators are defined once: every id has exactly one definition, keys are
// unique identifiers, a ratio names its two additive parts and a sum or distribution none, and
// docs/indicators.md has one row per indicator saying the same (key, name, unit, direction,
// aggregation, definition).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "engine/kpi/Indicators.h"

using namespace cw::engine::kpi;

namespace {

std::string docsText() {
    std::ifstream in(std::string(CW_TEST_DATA_DIR) + "/../../docs/indicators.md");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The row docs/indicators.md must have for `i`.
std::string expectedRow(const Indicator& i) {
    std::string definition(i.definition);
    if (i.aggregation == Aggregation::Ratio) {
        definition += ": (" + std::string(i.numerator) + ") ÷ (" + std::string(i.denominator) + ")";
        if (i.scale != 1) definition += " × " + std::to_string(static_cast<int>(i.scale));
    }
    return "| `" + std::string(i.key) + "` | " + std::string(i.name) + " | " + std::string(toString(i.unit)) + " | " +
           std::string(toString(i.good)) + " | " + std::string(toString(i.aggregation)) + " | " + definition + " |";
}

TEST(KpiDefinitions, EveryIndicatorIsDefinedOnceInIdOrder) {
    const auto& all = indicators();
    ASSERT_EQ(int(all.size()), kIndicatorCount);
    std::set<std::string_view> keys;
    const std::regex identifier("[a-z][a-z0-9_]*");
    for (int n = 0; n < kIndicatorCount; ++n) {
        const auto& i = all[std::size_t(n)];
        EXPECT_EQ(int(i.id), n) << i.key;
        EXPECT_EQ(&indicator(i.id), &i);
        EXPECT_TRUE(keys.insert(i.key).second) << "duplicate key " << i.key;
        EXPECT_TRUE(std::regex_match(std::string(i.key), identifier)) << i.key;
        EXPECT_EQ(findIndicator(i.key), i.id);
        EXPECT_FALSE(i.name.empty());
        EXPECT_FALSE(i.definition.empty());
        const bool ratio = i.aggregation == Aggregation::Ratio;
        EXPECT_EQ(!i.numerator.empty(), ratio) << i.key;
        EXPECT_EQ(!i.denominator.empty(), ratio) << i.key;
        if (!ratio) {
            EXPECT_EQ(i.scale, 1) << i.key;
        }
        // A percentage or score is never summed over the children.
        if (i.unit == Unit::Percent || i.unit == Unit::Score || i.unit == Unit::NpsScore) {
            EXPECT_NE(i.aggregation, Aggregation::Sum) << i.key;
        }
    }
    EXPECT_FALSE(findIndicator("no_such_indicator").has_value());
}

TEST(KpiDefinitions, RatiosOfTheIssueAreRecomputedFromTheirParts) {
    for (auto id : {IndicatorId::RetentionRate, IndicatorId::Nps, IndicatorId::Satisfaction,
                    IndicatorId::MarginPerCustomer})
        EXPECT_EQ(indicator(id).aggregation, Aggregation::Ratio) << indicator(id).key;
    for (auto id : {IndicatorId::Customers, IndicatorId::Revenue, IndicatorId::Margin, IndicatorId::Exits,
                    IndicatorId::OverdueActions})
        EXPECT_EQ(indicator(id).aggregation, Aggregation::Sum) << indicator(id).key;
    EXPECT_EQ(indicator(IndicatorId::Nps).scale, 100);
    EXPECT_EQ(indicator(IndicatorId::RetentionRate).unit, Unit::Percent);
}

TEST(KpiDefinitions, DocsListEveryIndicatorAsDefined) {
    const std::string docs = docsText();
    ASSERT_FALSE(docs.empty()) << "docs/indicators.md not found";
    int rows = 0;
    std::istringstream lines(docs);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("| `", 0) == 0) ++rows;
    EXPECT_EQ(rows, kIndicatorCount) << "one row per indicator";
    for (const auto& i : indicators()) EXPECT_NE(docs.find(expectedRow(i)), std::string::npos) << expectedRow(i);
}

}  // namespace
