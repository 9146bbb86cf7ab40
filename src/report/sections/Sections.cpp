#include "report/sections/Sections.h"

namespace cw::report {

void addClientingSections(SectionRegistry& r) {
    for (auto make : {makeSummarySection, makeQualitySection, makeMatricesSection, makeBreakdownsSection,
                      makeLoyaltySection, makeSegmentsSection, makeExitsSection, makeInsightsSection,
                      makePlansSection, makeIndicatorsSection, makeAppendixSection})
        r.add(make());
}

void addPackSections(SectionRegistry& r) {
    for (auto make : {makePortfolioSection, makeAlertsSection, makePackPlansSection, makePackMatricesSection})
        r.add(make());
}

}  // namespace cw::report
