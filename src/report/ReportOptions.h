#pragma once
// What to put in a report and how to page it: the same options in the Report dialog and on
// `clienting report`.
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "report/PdfRenderer.h"

namespace cw::report {

enum class ReportKind { Clienting, PortfolioPack };

struct ReportOptions {
    ReportKind kind = ReportKind::Clienting;
    /// Section ids in the order given (see SectionRegistry); empty: every section of the kind.
    std::vector<std::string> sections;
    /// A manager or region code: the indicators' node (Clienting report) or the managers whose
    /// packs are written (the node and every commercial manager below). Empty: the company.
    std::string node;
    /// Packs: exactly these managers' packs, in this order (empty: the managers at and under `node`).
    std::vector<std::string> managers;
    /// The indicators' period: "2024", "2024-Q3" or "2024-09"; empty: the latest month.
    std::string period;
    Paper paper = Paper::A4;
    QString title;     ///< empty: "Clienting report" / "Portfolio pack"
    QString client;
    QString logoPath;  ///< PNG or JPEG on the cover
    /// Overdue actions and snoozes count from this day (days since 1970-01-01); none: today.
    std::optional<std::int32_t> today;
    int listRows = 40;        ///< rows printed of the long lists: customers at stake (exits, anorexia), managers by level
    int portfolioRows = 100;  ///< customers listed in a pack's portfolio table (the XLSX has all)

    /// Usage errors: an unknown section id or one of the other kind, rows < 1, a logo that
    /// cannot be read.
    Status validate() const;
};

}  // namespace cw::report
