#pragma once
// Shows log entries at or above a chosen level.
#include <QSortFilterProxyModel>

#include "core/Log.h"

namespace cw::app {

class LogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit LogFilterModel(QObject* parent = nullptr);
    void setMinimumLevel(log::Level level);
    log::Level minimumLevel() const { return m_minimum; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    log::Level m_minimum = log::Level::Info;
};

}  // namespace cw::app
