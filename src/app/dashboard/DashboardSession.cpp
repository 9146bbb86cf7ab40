#include "app/dashboard/DashboardSession.h"

#include <algorithm>

#include "app/commands/SetKpiTargetCommand.h"
#include "app/dashboard/DashboardJobs.h"
#include "app/widgets/Format.h"
#include "app/workbook/WorkbookDocument.h"
#include "engine/load/KpiValues.h"
#include "store/Database.h"
#include "store/Kpi.h"
#include "store/Workbook.h"

namespace cw::app {

namespace kpi = engine::kpi;

namespace {

const engine::ManagerTree& emptyTree() {
    static const engine::ManagerTree tree;
    return tree;
}

const std::vector<kpi::Period>& noPeriods() {
    static const std::vector<kpi::Period> none;
    return none;
}

}  // namespace

DashboardSession::DashboardSession(WorkbookDocument* document, QObject* parent)
    : QObject(parent), m_document(document), m_job(new DashboardLoadJob(this)) {
    connect(m_job, &DashboardLoadJob::loaded, this, &DashboardSession::adopt);
    connect(m_job, &DashboardLoadJob::failed, this, [this](const QString& message) {
        clear(tr("The indicators cannot be read: %1").arg(message));
    });
    connect(m_document, &WorkbookDocument::workbookOpened, this, &DashboardSession::reload);
    // Imports and the window's own analysis end in notifyDataChanged().
    connect(m_document, &WorkbookDocument::dataChanged, this, &DashboardSession::reload);
    connect(m_document, &WorkbookDocument::workbookClosed, this, [this] {
        m_job->cancel();
        clear(tr("No workbook open."));
    });
    m_reason = tr("No workbook open.");
}

DashboardSession::~DashboardSession() = default;

void DashboardSession::reload() {
    if (!m_document->isOpen()) return clear(tr("No workbook open."));
    m_job->start(m_document->path());
}

bool DashboardSession::isLoading() const { return m_job->isRunning(); }

void DashboardSession::clear(const QString& reason) {
    m_base.reset();
    m_reason = reason;
    m_series = {};
    m_children.clear();
    m_period = -1;
    m_range = {0, -1};
    emit reloaded();
}

void DashboardSession::adopt(std::shared_ptr<const DashboardBase> base) {
    if (!base->unavailable.empty()) return clear(toQString(base->unavailable));
    const bool sameWorkbook = m_base != nullptr;
    m_base = std::move(base);
    m_reason.clear();
    if (m_node != 0 && !m_base->tree.hierarchy.node(m_node)) m_node = 0;
    const auto& ps = periods();
    m_period = ps.empty() ? -1 : static_cast<int>(ps.size()) - 1;
    if (!sameWorkbook || m_range.second >= static_cast<int>(ps.size()) || m_range.second < 0)
        m_range = {0, m_period};
    else
        m_range = {std::min(m_range.first, m_period), m_period};
    readNode();
    emit reloaded();
}

const engine::ManagerTree& DashboardSession::tree() const { return m_base ? m_base->tree : emptyTree(); }

std::int64_t DashboardSession::customersOf(std::int64_t nodeId) const {
    if (!m_base) return 0;
    if (nodeId == 0) return m_base->companyCustomers;
    auto n = m_base->tree.hierarchy.node(nodeId);
    return n ? m_base->subtreeCustomers[*n] : 0;
}

QString DashboardSession::nodeLabel(std::int64_t nodeId) const {
    if (nodeId == 0 || !m_base) return tr("Company");
    return toQString(engine::nodeLabel(m_base->tree, nodeId));
}

QString DashboardSession::shortLabel(std::int64_t nodeId) const {
    if (nodeId == 0 || !m_base) return tr("Company");
    const auto n = m_base->tree.hierarchy.node(nodeId);
    if (!n) return nodeLabel(nodeId);
    const auto& m = m_base->tree.managers[*n];
    return m.name.empty() ? toQString(m.code) : tr("%1 (%2)").arg(toQString(m.name), toQString(m.code));
}

std::optional<std::int64_t> DashboardSession::findNode(const QString& codeOrCompany) const {
    if (codeOrCompany.compare(QStringLiteral("company"), Qt::CaseInsensitive) == 0) return 0;
    if (!m_base) return std::nullopt;
    if (auto n = m_base->tree.findCode(toStdString(codeOrCompany))) return m_base->tree.managers[*n].id;
    return std::nullopt;
}

std::vector<std::int64_t> DashboardSession::childNodes(std::int64_t nodeId) const {
    std::vector<std::int64_t> out;
    if (!m_base) return out;
    const auto& h = m_base->tree.hierarchy;
    if (nodeId == 0) {
        for (auto n : h.roots()) out.push_back(h.id(n));
    } else if (auto n = h.node(nodeId)) {
        for (auto c : h.children(*n)) out.push_back(h.id(c));
    }
    return out;
}

std::vector<std::int64_t> DashboardSession::subtree(std::int64_t nodeId) const {
    std::vector<std::int64_t> out;
    if (!m_base || nodeId == 0) return out;
    const auto& h = m_base->tree.hierarchy;
    if (auto n = h.node(nodeId))
        for (auto v : h.subtree(*n)) out.push_back(h.id(v));
    return out;
}

bool DashboardSession::selectNode(std::int64_t nodeId) {
    if (!isReady()) return false;
    if (nodeId != 0 && !m_base->tree.hierarchy.node(nodeId)) return false;
    if (nodeId == m_node && !m_series.periods.empty()) return true;
    m_node = nodeId;
    readNode();
    emit figuresChanged();
    return true;
}

void DashboardSession::setPeriodKind(kpi::PeriodKind kind) {
    if (kind == m_kind) return;
    m_kind = kind;
    const auto& ps = periods();
    m_period = ps.empty() ? -1 : static_cast<int>(ps.size()) - 1;
    m_range = {0, m_period};
    if (!isReady()) return;
    readNode();
    emit figuresChanged();
}

const std::vector<kpi::Period>& DashboardSession::periods() const {
    return m_base ? m_base->periods[static_cast<std::size_t>(m_kind)] : noPeriods();
}

void DashboardSession::setPeriodIndex(int index) {
    if (index < 0 || index >= static_cast<int>(periods().size()) || index == m_period) return;
    m_period = index;
    readChildren();
    emit figuresChanged();
}

std::optional<kpi::Period> DashboardSession::period() const {
    if (m_period < 0 || m_period >= static_cast<int>(periods().size())) return std::nullopt;
    return periods()[static_cast<std::size_t>(m_period)];
}

bool DashboardSession::isLatestPeriod() const {
    return m_period >= 0 && m_period + 1 == static_cast<int>(periods().size());
}

void DashboardSession::setRange(int from, int to) {
    const int last = static_cast<int>(periods().size()) - 1;
    from = std::clamp(from, 0, std::max(last, 0));
    to = std::clamp(to, from, std::max(last, 0));
    if (std::pair(from, to) == m_range) return;
    m_range = {from, to};
    emit rangeChanged();
}

void DashboardSession::setIndicator(kpi::IndicatorId id) {
    if (id == m_indicator) return;
    m_indicator = id;
    readChildren();
    emit indicatorChanged();
}

kpi::IndicatorFigure DashboardSession::figure(kpi::IndicatorId id) const {
    const auto p = period();
    if (!p) return {id};
    auto k = m_series.indexOf(p->start);
    if (!k) {
        kpi::IndicatorFigure f{id};
        if (auto t = m_series.targets.find({id, p->start}); t != m_series.targets.end()) {
            f.target = t->second;
            f.status = kpi::TargetStatus::NoValue;
        }
        return f;
    }
    return m_series.figure(id, *k);
}

std::vector<std::optional<double>> DashboardSession::recentValues(kpi::IndicatorId id, int count) const {
    std::vector<std::optional<double>> out;
    const auto& ps = periods();
    for (int j = std::max(0, m_period - count + 1); j <= m_period && j < static_cast<int>(ps.size()); ++j) {
        const auto k = m_series.indexOf(ps[static_cast<std::size_t>(j)].start);
        out.push_back(k ? m_series.figure(id, *k).value : std::nullopt);
    }
    return out;
}

std::vector<DashboardSession::TrendPoint> DashboardSession::trend() const {
    std::vector<TrendPoint> out;
    const auto& ps = periods();
    for (int j = m_range.first; j <= m_range.second && j < static_cast<int>(ps.size()); ++j) {
        TrendPoint t;
        t.period = ps[static_cast<std::size_t>(j)];
        if (auto k = m_series.indexOf(t.period.start)) t.value = m_series.figure(m_indicator, *k).value;
        if (auto it = m_series.targets.find({m_indicator, t.period.start}); it != m_series.targets.end())
            t.target = it->second;
        out.push_back(t);
    }
    return out;
}

QString DashboardSession::currency() const { return m_base ? toQString(m_base->currency) : QString(); }

QString DashboardSession::formatValue(kpi::IndicatorId id, const std::optional<double>& v) const {
    return toQString(kpi::formatValue(id, v, m_base ? m_base->currency : std::string()));
}

QString DashboardSession::formatChange(kpi::IndicatorId id, const std::optional<double>& d) const {
    return toQString(kpi::formatChange(id, d, m_base ? m_base->currency : std::string()));
}

void DashboardSession::readNode() {
    m_series = {};
    m_children.clear();
    auto* wb = m_document->workbook();
    if (!wb || !isReady()) return;
    auto series = engine::loadKpiSeries(wb->db(), m_node, 0, m_kind);
    if (!series) {
        emit readFailed(toQString(series.error().describe()));
        return;
    }
    m_series = std::move(*series);
    if (auto st = engine::addPlanIndicators(wb->db(), m_base->tree, m_node, engine::todayDay(), m_series); !st)
        emit readFailed(toQString(st.error().describe()));
    readChildren();
}

void DashboardSession::readChildren() {
    m_children.clear();
    auto* wb = m_document->workbook();
    const auto p = period();
    if (!wb || !isReady() || !p) return;
    auto& db = wb->db();
    const auto kindName = std::string(kpi::toString(m_kind));
    store::KpiQuery q;
    q.segmentId = 0;
    q.period = kindName;
    q.from = m_period > 0 ? periods()[static_cast<std::size_t>(m_period - 1)].start : p->start;
    q.to = p->end;
    std::vector<store::KpiTarget> targets;
    try {
        for (auto& t : store::readTargets(db))
            if (t.period == kindName && t.indicator == kpi::indicator(m_indicator).key) targets.push_back(std::move(t));
    } catch (const store::SqlError& e) {
        emit readFailed(toQString(store::sqliteError(db, e).describe()));
        return;
    }
    const bool live = m_indicator == kpi::IndicatorId::UnderAccountPlan || m_indicator == kpi::IndicatorId::OverdueActions;
    std::vector<kpi::KpiBlock> blocks;
    std::vector<Child> children;
    for (auto id : childNodes(m_node)) {
        q.nodeId = id;
        auto points = engine::readKpiPoints(db, q);
        if (!points) {
            emit readFailed(toQString(points.error().describe()));
            return;
        }
        kpi::KpiSeries s;
        for (const auto& pt : *points) {
            s.periods.push_back(pt.period);
            s.parts.push_back(pt.parts);
        }
        for (const auto& t : targets)
            if (t.nodeId == id) s.targets[{m_indicator, t.startDay}] = t.target;
        Child c{id, shortLabel(id), {m_indicator}};
        if (live && isLatestPeriod() && !s.periods.empty())
            if (auto st = engine::addPlanIndicators(db, m_base->tree, id, engine::todayDay(), s); !st) {
                emit readFailed(toQString(st.error().describe()));
                return;
            }
        if (auto k = s.indexOf(p->start)) c.figure = s.figure(m_indicator, *k);
        else if (auto t = s.targets.find({m_indicator, p->start}); t != s.targets.end()) {
            c.figure.target = t->second;
            c.figure.status = kpi::TargetStatus::NoValue;
        }
        // Ranked by the one definition of "better first" (rankBlocks); the block's code finds the child again.
        blocks.push_back({toStdString(c.label), std::to_string(children.size()), "", *p, {c.figure}});
        children.push_back(std::move(c));
    }
    kpi::rankBlocks(blocks, m_indicator);
    for (const auto& b : blocks) m_children.push_back(children[std::stoul(b.nodeCode)]);
}

Status DashboardSession::setTarget(kpi::IndicatorId id, std::optional<double> value, QWidget* messageParent) {
    const auto p = period();
    if (!isReady() || !p) return makeError(ErrorKind::Usage, "no period is selected");
    std::optional<double> before;
    if (auto t = m_series.targets.find({id, p->start}); t != m_series.targets.end()) before = t->second;
    if (before == value) return {};
    store::KpiTarget target;
    target.indicator = std::string(kpi::indicator(id).key);
    target.nodeId = m_node;
    target.period = std::string(kpi::toString(m_kind));
    target.startDay = p->start;
    const QString what = toQString(std::string(kpi::indicator(id).name));
    const QString where = tr("%1, %2").arg(nodeLabel(m_node), toQString(kpi::periodLabel(*p)));
    const QString text = value ? tr("Set the target of %1 to %2 (%3)").arg(what, formatValue(id, value), where)
                               : tr("Remove the target of %1 (%2)").arg(what, where);
    return WorkbookEditCommand::push(
        std::make_unique<SetKpiTargetCommand>(m_document, this, std::move(target), before, value, text), messageParent);
}

void DashboardSession::reloadTargets() {
    if (!isReady()) return;
    readNode();
    emit figuresChanged();
}

}  // namespace cw::app
