#include "app/quality/CompletenessModel.h"

#include "app/widgets/Format.h"

namespace cw::app {

CompletenessModel::CompletenessModel(QObject* parent) : QAbstractTableModel(parent) {}

void CompletenessModel::setReport(std::shared_ptr<const store::AuditReport> report) {
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

int CompletenessModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_report ? 0 : static_cast<int>(m_report->completeness.size());
}

int CompletenessModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompletenessModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& c = m_report->completeness[static_cast<std::size_t>(index.row())];
    // An empty table has nothing missing, but a full bar would suggest data that is not there.
    if (role == ShareRole) return c.total > 0 ? QVariant(c.share()) : QVariant();
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case TableColumn:
                return tableTitle(c.table);
            case FieldColumn:
                return toQString(c.column);
            case FilledColumn:
                return c.total > 0 ? tr("%1 of %2").arg(formatCount(c.filled), formatCount(c.total)) : tr("no rows");
            case ShareColumn:  // "0 of 0" is not "100 %" complete: there is nothing to measure
                return c.total > 0 ? formatShare(c.share()) : QStringLiteral("—");
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == FilledColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return tr("%1.%2: %3 of %4 rows have a value")
            .arg(toQString(c.table), toQString(c.column), formatCount(c.filled),
                 formatCount(c.total));
    return {};
}

QVariant CompletenessModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case TableColumn:
            return tr("Table");
        case FieldColumn:
            return tr("Column");
        case FilledColumn:
            return tr("Filled");
        case ShareColumn:
            return tr("Completeness");
    }
    return {};
}

}  // namespace cw::app
