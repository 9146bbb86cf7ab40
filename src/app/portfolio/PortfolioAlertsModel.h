#pragma once
// The portfolio's alerts as a table: rank, value at risk, alert, customer, evidence,
// recommendation and, for the hidden ones (shown on request), their state. The full evidence
// and recommendation are in the tooltip.
#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "engine/load/Portfolio.h"

namespace cw::app {

struct PortfolioData;

class PortfolioAlertsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Rank,
        ValueAtRisk,
        Title,
        Customer,
        Evidence,
        Recommendation,
        State,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;
    void setPortfolio(std::shared_ptr<const PortfolioData> data, bool showHidden);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The alert of a row (nullptr out of range) and whether it is a hidden one.
    const engine::PortfolioAlert* alert(int row) const;
    bool isHidden(int row) const;

private:
    struct Row {
        const engine::PortfolioAlert* alert;
        int rank;  ///< in its list, from 1
        bool hidden;
    };
    std::shared_ptr<const PortfolioData> m_data;
    std::vector<Row> m_rows;
};

}  // namespace cw::app
