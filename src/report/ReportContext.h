#pragma once
// What the sections of one report share: the workbook, the options, and the data several
// sections read (the analysis summary, the five matrices, the managers), loaded at first use and
// kept; the definitions and settings the figures rest on, gathered for the appendix; progress
// and cancel.
#include <QString>

#include <array>
#include <atomic>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/Progress.h"
#include "core/Result.h"
#include "engine/load/CustomerList.h"
#include "engine/matrix/MatrixComputation.h"
#include "engine/matrix/MatrixInput.h"
#include "engine/matrix/MatrixSpec.h"
#include "report/ReportOptions.h"
#include "store/Audit.h"

namespace cw::store {
class Workbook;
}
namespace cw::engine {
struct ManagerTree;
struct Portfolio;
}  // namespace cw::engine

namespace cw::report {

/// One matrix as the window draws it: its points, the saved thresholds, the result.
struct MatrixView {
    const engine::MatrixSpec* spec = nullptr;
    engine::MatrixInput input;
    engine::MatrixOptions options;
    engine::MatrixResult result;
};

class ReportContext {
public:
    ReportContext(store::Workbook& wb, ReportOptions options, ProgressFn progress = {});
    ~ReportContext();
    ReportContext(const ReportContext&) = delete;
    ReportContext& operator=(const ReportContext&) = delete;

    store::Workbook& workbook() { return m_wb; }
    const ReportOptions& options() const { return m_options; }

    /// The last analysis's summary (AnalysisSummary::toJson), or nullptr before any analysis.
    Result<const nlohmann::json*> analysis();
    /// Whether customer metrics exist (a survey-only workbook has none).
    bool customersAnalysed();
    /// The workbook's currency label ("EUR"; "currency" when unset).
    const std::string& currency();
    /// One of the five matrices with its saved thresholds, its points carrying the four
    /// breakdown fields. The four customer matrices are read together at the first call.
    Result<const MatrixView*> matrix(engine::MatrixKind kind);
    /// Every customer of a flag (exits, profitable exits, anorexic), highest margin first.
    Result<const engine::CustomerList*> customers(engine::CustomerFlag flag);
    /// The managers' hierarchy.
    Result<const engine::ManagerTree*> managers();
    /// Starts the data-quality audit on its own connection in the background (it reads every
    /// transaction: seconds on a large workbook, while the other sections are written).
    void startAudit();
    /// The audit's report (started now when startAudit was not called); waits for it.
    Result<store::AuditReport> audit();

    /// Today for overdue actions: the option, or the system's day.
    std::int32_t today() const;

    /// The manager whose pack is being written (portfolio packs), and their portfolio.
    void setPortfolio(std::shared_ptr<const engine::Portfolio> portfolio) { m_portfolio = std::move(portfolio); }
    const engine::Portfolio* portfolio() const { return m_portfolio.get(); }

    /// A definition or setting a figure rests on, for the appendix (term → text; the first
    /// text given for a term is kept).
    void define(const QString& term, const QString& text);
    const std::map<QString, QString>& definitions() const { return m_definitions; }

    /// Reports progress (phase = the section's title); true when the user cancelled.
    bool cancelled(std::string_view phase, std::int64_t done = 0, std::int64_t total = 0);

private:
    store::Workbook& m_wb;
    ReportOptions m_options;
    ProgressFn m_progress;
    bool m_cancelled = false;

    bool m_analysisRead = false;
    std::optional<nlohmann::json> m_analysis;
    std::optional<bool> m_customersAnalysed;
    std::optional<std::string> m_currency;
    std::array<std::unique_ptr<MatrixView>, 5> m_matrices;
    std::array<std::optional<Error>, 5> m_matrixErrors;
    bool m_customerMatricesRead = false;
    std::map<engine::CustomerFlag, engine::CustomerList> m_lists;
    std::unique_ptr<engine::ManagerTree> m_managers;
    std::shared_ptr<const engine::Portfolio> m_portfolio;
    std::map<QString, QString> m_definitions;
    std::future<Result<store::AuditReport>> m_audit;
    std::optional<Result<store::AuditReport>> m_auditResult;
    std::atomic<bool> m_stopAudit{false};
};

}  // namespace cw::report
