#pragma once
// The workbench's report sections, one file each; SectionRegistry::standard() adds them in this
// order.
#include <functional>
#include <memory>

#include "report/ReportSection.h"

namespace cw::report {

// The Clienting report.
std::unique_ptr<ReportSection> makeSummarySection();      // "summary"
std::unique_ptr<ReportSection> makeQualitySection();      // "quality"
std::unique_ptr<ReportSection> makeMatricesSection();     // "matrices"
std::unique_ptr<ReportSection> makeBreakdownsSection();   // "breakdowns"
std::unique_ptr<ReportSection> makeLoyaltySection();      // "loyalty"
std::unique_ptr<ReportSection> makeSegmentsSection();     // "segments"
std::unique_ptr<ReportSection> makeExitsSection();        // "exits"
std::unique_ptr<ReportSection> makeInsightsSection();     // "insights"
std::unique_ptr<ReportSection> makePlansSection();        // "plans"
std::unique_ptr<ReportSection> makeIndicatorsSection();   // "indicators"
std::unique_ptr<ReportSection> makeAppendixSection();     // "appendix"

// A manager's portfolio pack.
std::unique_ptr<ReportSection> makePortfolioSection();     // "portfolio"
std::unique_ptr<ReportSection> makeAlertsSection();        // "alerts"
std::unique_ptr<ReportSection> makePackPlansSection();     // "account-plans"
std::unique_ptr<ReportSection> makePackMatricesSection();  // "manager-matrices"

void addClientingSections(SectionRegistry& r);
void addPackSections(SectionRegistry& r);

/// A section defined by its id, title and a function: what most sections are.
template <typename Fn>
class FunctionSection : public ReportSection {
public:
    FunctionSection(std::string_view id, QString title, ReportKind kind, Fn fn)
        : m_id(id), m_title(std::move(title)), m_kind(kind), m_fn(std::move(fn)) {}
    std::string_view id() const override { return m_id; }
    QString title() const override { return m_title; }
    ReportKind kind() const override { return m_kind; }
    Status write(ReportContext& ctx, ReportDocument& doc) const override { return m_fn(*this, ctx, doc); }
    bool prepare(ReportContext& ctx) const override { return m_prepare && m_prepare(ctx); }
    /// What to start in the background before the sections are written (see ReportSection::prepare).
    void setPrepare(std::function<bool(ReportContext&)> prepare) { m_prepare = std::move(prepare); }

private:
    std::string_view m_id;
    QString m_title;
    ReportKind m_kind;
    Fn m_fn;
    std::function<bool(ReportContext&)> m_prepare;
};

template <typename Fn>
std::unique_ptr<ReportSection> makeSection(std::string_view id, QString title, ReportKind kind, Fn fn,
                                           std::function<bool(ReportContext&)> prepare = {}) {
    auto s = std::make_unique<FunctionSection<Fn>>(id, std::move(title), kind, std::move(fn));
    s->setPrepare(std::move(prepare));
    return s;
}

}  // namespace cw::report
