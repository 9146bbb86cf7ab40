#include "app/dashboard/ChildrenModel.h"

#include <QPalette>

#include "app/dashboard/KpiTile.h"
#include "app/widgets/Format.h"

namespace cw::app {

namespace kpi = engine::kpi;

ChildrenModel::ChildrenModel(const DashboardSession* session, QObject* parent)
    : QAbstractTableModel(parent), m_session(session) {}

void ChildrenModel::refresh() {
    beginResetModel();
    m_rows = m_session->children();
    endResetModel();
}

std::int64_t ChildrenModel::nodeIdAt(int row) const {
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].nodeId : 0;
}

int ChildrenModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ChildrenModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ChildrenModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& c = m_rows[static_cast<std::size_t>(index.row())];
    const auto& f = c.figure;
    if (role == NodeIdRole) return QVariant::fromValue<qint64>(c.nodeId);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RankColumn: return f.value ? QVariant(index.row() + 1) : QVariant();
        case NodeColumn: return c.label;
        case ValueColumn: return m_session->formatValue(f.id, f.value);
        case ChangeColumn: return m_session->formatChange(f.id, f.change());
        case StatusColumn:
            switch (f.status) {
            case kpi::TargetStatus::NoTarget: return QString();
            case kpi::TargetStatus::Met: return tr("met (%1)").arg(m_session->formatValue(f.id, f.target));
            case kpi::TargetStatus::Missed: return tr("missed (%1)").arg(m_session->formatValue(f.id, f.target));
            case kpi::TargetStatus::NoValue: return tr("no value");
            }
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != NodeColumn && index.column() != StatusColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole) {
        const QPalette pal;
        if (index.column() == ChangeColumn && !m_session->formatChange(f.id, f.change()).startsWith(QStringLiteral("±")))
            if (auto b = f.improved()) return *b ? goodColor(pal) : badColor(pal);
        if (index.column() == StatusColumn) {
            if (f.status == kpi::TargetStatus::Met) return goodColor(pal);
            if (f.status == kpi::TargetStatus::Missed) return badColor(pal);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == NodeColumn) return tr("Double-click to open %1").arg(c.label);
    return {};
}

QVariant ChildrenModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case RankColumn: return tr("#");
    case NodeColumn: return tr("Below this node");
    case ValueColumn: return toQString(std::string(kpi::indicator(m_session->indicator()).name));
    case ChangeColumn: return tr("vs previous");
    case StatusColumn: return tr("Target");
    }
    return {};
}

}  // namespace cw::app
