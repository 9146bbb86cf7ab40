#pragma once
// Rows per workbook table, in the store's display order.
#include <QAbstractTableModel>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cw::app {

class TableCountsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TableColumn, RowsColumn, ColumnCount };
    /// The store's table name (std::string as QString), for lookups in tests and actions.
    enum Role { TableNameRole = Qt::UserRole + 1, CountRole };

    explicit TableCountsModel(QObject* parent = nullptr);

    void setCounts(const std::map<std::string, std::int64_t>& counts);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<std::pair<std::string, std::int64_t>> m_rows;
};

}  // namespace cw::app
