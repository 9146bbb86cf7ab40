#include "report/ReportContext.h"

#include "engine/load/KpiValues.h"
#include "engine/load/MatrixLoader.h"
#include "engine/load/Portfolio.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/AnalysisResults.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::report {

ReportContext::ReportContext(store::Workbook& wb, ReportOptions options, ProgressFn progress)
    : m_wb(wb), m_options(std::move(options)), m_progress(std::move(progress)) {}

ReportContext::~ReportContext() {
    if (m_audit.valid()) {
        m_stopAudit = true;
        m_audit.wait();
    }
}

void ReportContext::startAudit() {
    if (m_audit.valid()) return;
    m_audit = std::async(std::launch::async, [path = m_wb.path(), stop = &m_stopAudit]() -> Result<store::AuditReport> {
        // A second connection: SQLite connections are not shared between threads.
        auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly, store::Workbook::Integrity::Trust);
        if (!wb) return wb.takeError();
        return store::runAudit(*wb, [stop](const ProgressInfo&) { return !stop->load(); });
    });
}

Result<store::AuditReport> ReportContext::audit() {
    if (!m_auditResult) {
        startAudit();
        m_auditResult = m_audit.get();
    }
    return *m_auditResult;
}

Result<const nlohmann::json*> ReportContext::analysis() {
    if (!m_analysisRead) {
        auto text = engine::lastAnalysisSummary(m_wb);
        if (!text) return text.takeError();
        if (*text) {
            auto parsed = nlohmann::json::parse(**text, nullptr, false);
            if (parsed.is_discarded())
                return makeError(ErrorKind::Workbook, "the stored analysis summary cannot be read",
                                 "run clienting analyze again");
            m_analysis = std::move(parsed);
        }
        m_analysisRead = true;
    }
    return m_analysis ? &*m_analysis : nullptr;
}

bool ReportContext::customersAnalysed() {
    if (!m_customersAnalysed) {
        try {
            m_customersAnalysed = store::hasResults(m_wb.db(), store::ResultTable::CustomerMetrics);
        } catch (const store::SqlError&) {
            m_customersAnalysed = false;
        }
    }
    return *m_customersAnalysed;
}

const std::string& ReportContext::currency() {
    if (!m_currency) {
        const auto s = engine::settings::read(m_wb.db(), engine::settings::analysis());
        m_currency = s ? s->currencyLabel() : std::string("currency");
    }
    return *m_currency;
}

Result<const MatrixView*> ReportContext::matrix(engine::MatrixKind kind) {
    const auto index = static_cast<std::size_t>(kind);
    auto load = [&](engine::MatrixKind k, Result<engine::MatrixInput> input) {
        const auto i = static_cast<std::size_t>(k);
        if (!input) {
            m_matrixErrors[i] = input.error();
            return;
        }
        auto view = std::make_unique<MatrixView>();
        view->spec = &engine::matrixSpec(k);
        auto thresholds = engine::loadMatrixThresholds(m_wb, *view->spec);
        if (!thresholds) {
            m_matrixErrors[i] = thresholds.error();
            return;
        }
        view->options.thresholds = *thresholds;
        view->input = std::move(*input);
        auto result = engine::computeMatrix(*view->spec, view->input, view->options);
        if (!result) {
            m_matrixErrors[i] = result.error();
            return;
        }
        view->result = std::move(*result);
        m_matrices[i] = std::move(view);
    };
    if (kind == engine::MatrixKind::ImportanceSatisfaction) {
        if (!m_matrices[index] && !m_matrixErrors[index]) load(kind, engine::loadMatrixInput(m_wb, kind));
    } else if (!m_customerMatricesRead) {
        m_customerMatricesRead = true;
        // One read of the customers for the four matrices, with every breakdown field.
        const std::vector<engine::MatrixKind> kinds(engine::kCustomerMatrices.begin(), engine::kCustomerMatrices.end());
        std::vector<engine::MatrixFilter> fields;
        for (int f = 0; f < engine::kGroupFieldCount; ++f) fields.push_back({static_cast<engine::GroupField>(f), {}});
        auto inputs = engine::loadMatrixInputs(m_wb, kinds, fields);
        for (std::size_t i = 0; i < kinds.size(); ++i) load(kinds[i], std::move(inputs[i]));
    }
    if (m_matrixErrors[index]) return *m_matrixErrors[index];
    return m_matrices[index].get();
}

Result<const engine::CustomerList*> ReportContext::customers(engine::CustomerFlag flag) {
    auto it = m_lists.find(flag);
    if (it == m_lists.end()) {
        engine::CustomerListQuery q;
        q.flag = flag;
        q.sort = "margin:desc";
        auto list = engine::listCustomers(m_wb, q);
        if (!list) return list.takeError();
        it = m_lists.emplace(flag, std::move(*list)).first;
    }
    return &it->second;
}

Result<const engine::ManagerTree*> ReportContext::managers() {
    if (!m_managers) {
        auto tree = engine::loadManagerTree(m_wb.db(), engine::CustomerCounts::Yes);
        if (!tree) return tree.takeError();
        m_managers = std::make_unique<engine::ManagerTree>(std::move(*tree));
    }
    return m_managers.get();
}

std::int32_t ReportContext::today() const { return m_options.today ? *m_options.today : engine::todayDay(); }

void ReportContext::define(const QString& term, const QString& text) { m_definitions.emplace(term, text); }

bool ReportContext::cancelled(std::string_view phase, std::int64_t done, std::int64_t total) {
    if (!m_cancelled && m_progress && !m_progress({phase, done, total})) m_cancelled = true;
    return m_cancelled;
}

}  // namespace cw::report
