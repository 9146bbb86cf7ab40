#pragma once
// The hierarchy dashboard's state for the open workbook: what is read once per workbook (the
// managers' tree with customer counts and the periods, on a worker: DashboardLoadJob), and what
// the user chose (node, period kind, period, trend range, indicator) with what that needs: the
// node's stored series of the kind and its children's figures for the period. A switch reads on
// the document's connection only one node's series (one range of kpi_values' key) and each
// child's two periods, a few milliseconds even with 2,000 managers. The dock's widgets only show
// what it holds; targets are set through it as undoable commands.
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "app/dashboard/DashboardBase.h"
#include "core/Result.h"
#include "engine/kpi/KpiReport.h"

class QWidget;

namespace cw::app {

class DashboardLoadJob;
class WorkbookDocument;

class DashboardSession : public QObject {
    Q_OBJECT

public:
    /// A node just below the selected one, with the selected indicator's figure for the period.
    struct Child {
        std::int64_t nodeId = 0;
        QString label;
        engine::kpi::IndicatorFigure figure;
    };
    struct TrendPoint {
        engine::kpi::Period period;
        std::optional<double> value, target;
    };

    explicit DashboardSession(WorkbookDocument* document, QObject* parent = nullptr);
    ~DashboardSession() override;

    /// Reads the tree and periods again on a worker (a workbook opened or analysed); keeps the
    /// node, kind and indicator when they still exist.
    void reload();
    bool isLoading() const;
    /// Loaded, with stored indicators.
    bool isReady() const { return m_base && m_base->unavailable.empty(); }
    /// Why nothing can be shown (no workbook, not analysed, an error); empty when ready.
    QString unavailableReason() const { return m_reason; }

    const engine::ManagerTree& tree() const;
    /// Customers of a node (0: the company) with everyone below it.
    std::int64_t customersOf(std::int64_t nodeId) const;
    /// "Company", or "CODE (name)" as the command line writes it.
    QString nodeLabel(std::int64_t nodeId) const;
    /// "Company", or "name (CODE)": where the text may be cut, the name first.
    QString shortLabel(std::int64_t nodeId) const;
    /// "company" (any case) or a manager's code; none when no manager has it.
    std::optional<std::int64_t> findNode(const QString& codeOrCompany) const;
    /// The nodes just below a node (the top managers for the company), as manager ids.
    std::vector<std::int64_t> childNodes(std::int64_t nodeId) const;
    /// Manager ids of the node and every node below it (none for the company).
    std::vector<std::int64_t> subtree(std::int64_t nodeId) const;

    std::int64_t node() const { return m_node; }
    /// Selects a node (0: the company) and reads its figures; false for an unknown node.
    bool selectNode(std::int64_t nodeId);

    engine::kpi::PeriodKind periodKind() const { return m_kind; }
    void setPeriodKind(engine::kpi::PeriodKind kind);
    /// The periods of the kind (the company's, which every node's series lies on).
    const std::vector<engine::kpi::Period>& periods() const;
    int periodIndex() const { return m_period; }
    void setPeriodIndex(int index);
    std::optional<engine::kpi::Period> period() const;
    bool isLatestPeriod() const;
    /// The trend chart's range, as indexes of periods() (inclusive).
    std::pair<int, int> range() const { return m_range; }
    void setRange(int from, int to);

    engine::kpi::IndicatorId indicator() const { return m_indicator; }
    void setIndicator(engine::kpi::IndicatorId id);

    const engine::kpi::KpiSeries& series() const { return m_series; }
    /// The node's figure of `id` for the selected period.
    engine::kpi::IndicatorFigure figure(engine::kpi::IndicatorId id) const;
    /// The node's values of `id` for the `count` periods up to the selected one (a sparkline).
    std::vector<std::optional<double>> recentValues(engine::kpi::IndicatorId id, int count) const;
    /// The node's values and targets of the selected indicator over the range.
    std::vector<TrendPoint> trend() const;
    /// The children, ranked by the selected indicator in its good direction (no value last).
    const std::vector<Child>& children() const { return m_children; }
    QString currency() const;
    /// formatValue / formatChange in the workbook's currency.
    QString formatValue(engine::kpi::IndicatorId id, const std::optional<double>& v) const;
    QString formatChange(engine::kpi::IndicatorId id, const std::optional<double>& d) const;

    /// Sets (a value) or removes (none) the target of `id` for the node and the selected period:
    /// an undoable command on the document's stack. Errors: nothing selected, the write's own.
    Status setTarget(engine::kpi::IndicatorId id, std::optional<double> value, QWidget* messageParent);
    /// Re-reads the node's targets and children (after a target was set or undone).
    void reloadTargets();

signals:
    /// The tree and periods were read again (or the workbook went): everything changes.
    void reloaded();
    /// The node, period kind or period changed: the figures, trend and children.
    void figuresChanged();
    /// Another indicator was chosen: the trend and the children's ranking.
    void indicatorChanged();
    void rangeChanged();
    /// A read failed; the dashboard keeps what it showed.
    void readFailed(const QString& message);

private:
    void adopt(std::shared_ptr<const DashboardBase> base);
    void clear(const QString& reason);
    /// Reads the node's series and its children's figures.
    void readNode();
    void readChildren();

    WorkbookDocument* m_document;
    DashboardLoadJob* m_job;
    std::shared_ptr<const DashboardBase> m_base;
    QString m_reason;
    std::int64_t m_node = 0;
    engine::kpi::PeriodKind m_kind = engine::kpi::PeriodKind::Month;
    int m_period = -1;
    std::pair<int, int> m_range{0, -1};
    engine::kpi::IndicatorId m_indicator = engine::kpi::IndicatorId::Customers;
    engine::kpi::KpiSeries m_series;
    std::vector<Child> m_children;
};

}  // namespace cw::app
