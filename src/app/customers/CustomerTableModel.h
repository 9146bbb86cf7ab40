#pragma once
// The customer table: one row per customer with its fields and the metrics of the latest
// analysis. Numbers are formatted in the locale and right-aligned; a missing value shows as an em
// dash and sorts last in both directions (lessThan(), used by the dock's proxy); flags show as ✓
// (empty when not set, an em dash without a metrics row).
#include <QAbstractTableModel>
#include <QList>

#include <memory>

#include "app/customers/CustomerData.h"

namespace cw::app {

class CustomerTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        CodeColumn,
        NameColumn,
        RegionColumn,
        ChannelColumn,
        ManagerColumn,
        SegmentColumn,
        FirstMetricColumn,  ///< then one column per CustomerMetric, then one per CustomerFlag
        FirstFlagColumn = FirstMetricColumn + kCustomerMetricCount,
        ColumnCount = FirstFlagColumn + kCustomerFlagCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,  ///< the customer id (qint64)
        SortRole,                   ///< raw value; invalid QVariant when there is no data
    };

    explicit CustomerTableModel(QObject* parent = nullptr);

    void setData(std::shared_ptr<const CustomerTableData> data);
    std::shared_ptr<const CustomerTableData> tableData() const { return m_data; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static int metricColumn(CustomerMetric m) { return FirstMetricColumn + static_cast<int>(m); }
    static int flagColumn(CustomerFlag f) { return FirstFlagColumn + static_cast<int>(f); }

    qint64 idAt(int row) const;
    /// The row of a customer, or -1.
    int rowOf(qint64 id) const;
    /// Whether row `left` sorts before row `right` by `column` in `order`, rows without a value
    /// last whichever the order (a proxy reverses the comparison for descending order itself,
    /// hence the order is needed here).
    bool lessThan(int left, int right, int column, Qt::SortOrder order) const;
    /// Whether `text` occurs (case-insensitively) in the row's code, name, region, channel,
    /// manager or segment.
    bool matches(int row, const QString& text) const;
    /// The rows as CSV (header line first; numbers unformatted, "no data" empty, flags 1/0).
    QString toCsv(const QList<int>& rows) const;

private:
    QString displayText(const CustomerRecord& r, int column) const;

    std::shared_ptr<const CustomerTableData> m_data;
};

}  // namespace cw::app
