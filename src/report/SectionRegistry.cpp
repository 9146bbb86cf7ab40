#include "report/ReportSection.h"

#include "report/sections/Sections.h"

namespace cw::report {

const SectionRegistry& SectionRegistry::standard() {
    static const SectionRegistry registry = [] {
        SectionRegistry r;
        addClientingSections(r);
        addPackSections(r);
        return r;
    }();
    return registry;
}

void SectionRegistry::add(std::unique_ptr<ReportSection> section) { m_sections.push_back(std::move(section)); }

std::vector<const ReportSection*> SectionRegistry::sections(ReportKind kind) const {
    std::vector<const ReportSection*> out;
    for (const auto& s : m_sections)
        if (s->kind() == kind) out.push_back(s.get());
    return out;
}

const ReportSection* SectionRegistry::find(std::string_view id) const {
    for (const auto& s : m_sections)
        if (s->id() == id) return s.get();
    return nullptr;
}

}  // namespace cw::report
