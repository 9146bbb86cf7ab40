#pragma once
// A report section: a small unit that writes its part of the report (a heading and what follows)
// from the workbook. The report runs the sections of its kind in order; a new part of the
// workbench (the service-mix planner, the implementation tracker) adds its own by registering one
// class in SectionRegistry — nothing else changes.
#include <QString>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"
#include "report/ReportDocument.h"
#include "report/ReportOptions.h"

namespace cw::report {

class ReportContext;

class ReportSection {
public:
    virtual ~ReportSection() = default;
    /// Stable id for --sections ("summary", "matrices"...).
    virtual std::string_view id() const = 0;
    /// The heading, as the contents list it.
    virtual QString title() const = 0;
    virtual ReportKind kind() const = 0;
    /// Appends the section to `doc`. When the workbook lacks what the section needs, the section
    /// says what is missing in the document and succeeds; an Input error does the same through
    /// the report (its message printed under the section's title). Other errors end the report.
    virtual Status write(ReportContext& ctx, ReportDocument& doc) const = 0;
    /// Called for every chosen section before any is written. A section whose data takes long
    /// starts it here in the background (e.g. ReportContext::startAudit) and returns true: it is
    /// then written after the others, still printed in its place.
    virtual bool prepare(ReportContext& /*ctx*/) const { return false; }
};

class SectionRegistry {
public:
    /// The workbench's sections, in report order.
    static const SectionRegistry& standard();

    void add(std::unique_ptr<ReportSection> section);
    std::vector<const ReportSection*> sections(ReportKind kind) const;
    const ReportSection* find(std::string_view id) const;

private:
    std::vector<std::unique_ptr<ReportSection>> m_sections;
};

}  // namespace cw::report
