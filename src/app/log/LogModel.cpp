#include "app/log/LogModel.h"

#include <QApplication>
#include <QStyle>

namespace cw::app {

LogModel::LogModel(QObject* parent, int capacity)
    : QAbstractTableModel(parent), m_capacity(capacity) {}

int LogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int LogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::levelName(log::Level level) {
    switch (level) {
        case log::Level::Trace:
            return tr("Trace");
        case log::Level::Debug:
            return tr("Debug");
        case log::Level::Info:
            return tr("Info");
        case log::Level::Warn:
            return tr("Warning");
        case log::Level::Error:
            return tr("Error");
    }
    return {};
}

QVariant LogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Entry& e = m_entries[static_cast<std::size_t>(index.row())];
    if (role == LevelRole) return static_cast<int>(e.level);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case TimeColumn:
                return e.time.toString(QStringLiteral("HH:mm:ss"));
            case LevelColumn:
                return levelName(e.level);
            case SourceColumn:
                return e.source;
            case MessageColumn:
                return e.message;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == MessageColumn) return e.message;
    if (role == Qt::DecorationRole && index.column() == LevelColumn) {
        if (e.level == log::Level::Error)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        if (e.level == log::Level::Warn)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case TimeColumn:
            return tr("Time");
        case LevelColumn:
            return tr("Level");
        case SourceColumn:
            return tr("Source");
        case MessageColumn:
            return tr("Message");
    }
    return {};
}

void LogModel::append(log::Level level, const QString& source, const QString& message) {
    if (static_cast<int>(m_entries.size()) >= m_capacity) {
        // Drop a tenth at once: one removal per message would make every append O(rows).
        const int drop = std::max(1, m_capacity / 10);
        beginRemoveRows({}, 0, drop - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
        endRemoveRows();
    }
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_entries.push_back({QDateTime::currentDateTime(), level, source, message.trimmed()});
    endInsertRows();
}

void LogModel::clear() {
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

}  // namespace cw::app
