#include "app/workbook/TableCountsModel.h"

#include <algorithm>

#include "app/widgets/Format.h"
#include "store/Workbook.h"

namespace cw::app {

TableCountsModel::TableCountsModel(QObject* parent) : QAbstractTableModel(parent) {}

void TableCountsModel::setCounts(const std::map<std::string, std::int64_t>& counts) {
    beginResetModel();
    m_rows.clear();
    // The store's order first (what users think of first), then anything it adds later.
    for (const auto& t : store::userTables())
        if (auto it = counts.find(t); it != counts.end()) m_rows.emplace_back(t, it->second);
    for (const auto& [t, n] : counts)
        if (std::none_of(m_rows.begin(), m_rows.end(), [&](const auto& r) { return r.first == t; }))
            m_rows.emplace_back(t, n);
    endResetModel();
}

int TableCountsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TableCountsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableCountsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& [table, count] = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case TableNameRole:
            return toQString(table);
        case CountRole:
            return static_cast<qlonglong>(count);
        case Qt::DisplayRole:
            return index.column() == TableColumn ? tableTitle(table) : formatCount(count);
        case Qt::TextAlignmentRole:
            return index.column() == RowsColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                                : QVariant();
        case Qt::ToolTipRole:
            return toQString(table);
    }
    return {};
}

QVariant TableCountsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == TableColumn ? tr("Table") : tr("Rows");
}

}  // namespace cw::app
