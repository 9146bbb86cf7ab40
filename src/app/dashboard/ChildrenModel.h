#pragma once
// The selected node's children side by side, ranked by the selected indicator (the session's
// order): rank, node, value, change against the previous period, target status.
#include <QAbstractTableModel>

#include <vector>

#include "app/dashboard/DashboardSession.h"

namespace cw::app {

class ChildrenModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { RankColumn, NodeColumn, ValueColumn, ChangeColumn, StatusColumn, ColumnCount };
    static constexpr int NodeIdRole = Qt::UserRole + 1;

    explicit ChildrenModel(const DashboardSession* session, QObject* parent = nullptr);
    /// Takes the session's children again.
    void refresh();
    std::int64_t nodeIdAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const DashboardSession* m_session;
    std::vector<DashboardSession::Child> m_rows;
};

}  // namespace cw::app
