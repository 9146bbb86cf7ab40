#pragma once
// The log as a table (time, level, source, message). Bounded: the oldest entries go first,
// so a long session or a chatty import cannot grow memory without limit.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QString>

#include <deque>

#include "core/Log.h"

namespace cw::app {

class LogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TimeColumn, LevelColumn, SourceColumn, MessageColumn, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1 };

    explicit LogModel(QObject* parent = nullptr, int capacity = 5000);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void append(log::Level level, const QString& source, const QString& message);
    void clear();

    static QString levelName(log::Level level);

private:
    struct Entry {
        QDateTime time;
        log::Level level;
        QString source;
        QString message;
    };
    std::deque<Entry> m_entries;
    int m_capacity;
};

}  // namespace cw::app
