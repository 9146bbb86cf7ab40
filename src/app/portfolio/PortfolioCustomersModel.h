#pragma once
// The customers of a portfolio as a table: code, name, segment, revenue, margin, trend,
// potential, satisfaction, loyalty, P(alive), the quadrant in each customer matrix, account
// plans and last contact. SortRole holds the raw value (invalid when unknown, so a proxy can keep
// the unknown last); IdRole the customer id.
#include <QAbstractTableModel>

#include <memory>

namespace cw::app {

struct PortfolioData;

class PortfolioCustomersModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Code,
        Name,
        Segment,
        Revenue,
        Margin,
        Trend,
        Potential,
        Satisfaction,
        Loyalty,
        PAlive,
        Quadrant0,
        Quadrant1,
        Quadrant2,
        Quadrant3,
        Plans,
        LastContact,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    using QAbstractTableModel::QAbstractTableModel;
    void setPortfolio(std::shared_ptr<const PortfolioData> data);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const PortfolioData> m_data;
};

}  // namespace cw::app
