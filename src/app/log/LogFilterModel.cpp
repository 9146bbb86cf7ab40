#include "app/log/LogFilterModel.h"

#include "app/log/LogModel.h"

namespace cw::app {

LogFilterModel::LogFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void LogFilterModel::setMinimumLevel(log::Level level) {
    if (level == m_minimum) return;
    m_minimum = level;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(LogModel::LevelRole).toInt() >= static_cast<int>(m_minimum);
}

}  // namespace cw::app
