#include "app/customers/CustomerTableModel.h"

#include <QLocale>

#include <cmath>

namespace cw::app {
namespace {

const QString kNoData = QStringLiteral("\u2014");
const QString kCheck = QStringLiteral("\u2713");

struct MetricFormat {
    const char* title;
    int decimals;
};

// In CustomerMetric order. Money has no cents: the table is for comparing, the detail for reading.
constexpr MetricFormat kMetricFormats[kCustomerMetricCount] = {
    {QT_TRANSLATE_NOOP("CustomerTableModel", "Revenue"), 0},
    {QT_TRANSLATE_NOOP("CustomerTableModel", "Margin"), 0},
    {QT_TRANSLATE_NOOP("CustomerTableModel", "Potential"), 0},
    {QT_TRANSLATE_NOOP("CustomerTableModel", "Loyalty"), 1},
    {QT_TRANSLATE_NOOP("CustomerTableModel", "Satisfaction"), 1},
    {QT_TRANSLATE_NOOP("CustomerTableModel", "Recommend"), 1},
    {QT_TRANSLATE_NOOP("CustomerTableModel", "Orders"), 0},
    {QT_TRANSLATE_NOOP("CustomerTableModel", "Recency (days)"), 0},
    {QT_TRANSLATE_NOOP("CustomerTableModel", "Still buying (%)"), 0},
    {QT_TRANSLATE_NOOP("CustomerTableModel", "CLV"), 0},
};

constexpr const char* kFlagTitles[kCustomerFlagCount] = {
    QT_TRANSLATE_NOOP("CustomerTableModel", "Exited"),
    QT_TRANSLATE_NOOP("CustomerTableModel", "Profitable exit"),
    QT_TRANSLATE_NOOP("CustomerTableModel", "Buying less"),
};

const QString& textOf(const CustomerRecord& r, int column) {
    switch (column) {
        case CustomerTableModel::CodeColumn:
            return r.code;
        case CustomerTableModel::NameColumn:
            return r.name;
        case CustomerTableModel::RegionColumn:
            return r.region;
        case CustomerTableModel::ChannelColumn:
            return r.channel;
        case CustomerTableModel::ManagerColumn:
            return r.manager;
        default:
            return r.segment;
    }
}

bool isMetric(int column) {
    return column >= CustomerTableModel::FirstMetricColumn &&
           column < CustomerTableModel::FirstFlagColumn;
}

double metricAt(const CustomerRecord& r, int column) {
    return r.metrics[std::size_t(column - CustomerTableModel::FirstMetricColumn)];
}

signed char flagAt(const CustomerRecord& r, int column) {
    return r.flags[std::size_t(column - CustomerTableModel::FirstFlagColumn)];
}

QString csvField(const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

}  // namespace

CustomerTableModel::CustomerTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void CustomerTableModel::setData(std::shared_ptr<const CustomerTableData> data) {
    beginResetModel();
    m_data = std::move(data);
    endResetModel();
}

int CustomerTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_data ? 0 : int(m_data->rows.size());
}

int CustomerTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 CustomerTableModel::idAt(int row) const {
    return m_data ? m_data->rows[std::size_t(row)].id : 0;
}

int CustomerTableModel::rowOf(qint64 id) const {
    return m_data ? m_data->rowOf(id) : -1;
}

QString CustomerTableModel::displayText(const CustomerRecord& r, int column) const {
    if (column < FirstMetricColumn) return textOf(r, column);
    if (isMetric(column)) {
        const double v = metricAt(r, column);
        if (std::isnan(v)) return kNoData;
        // The probability of still buying reads as a percentage, as every rate in the window.
        const bool probability = column - FirstMetricColumn == static_cast<int>(CustomerMetric::PAlive);
        return QLocale().toString(probability ? 100.0 * v : v, 'f', kMetricFormats[column - FirstMetricColumn].decimals);
    }
    const auto f = flagAt(r, column);
    return f < 0 ? kNoData : f ? kCheck : QString();
}

QVariant CustomerTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& r = m_data->rows[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            return displayText(r, column);
        case IdRole:
            return r.id;
        case SortRole:
            if (column < FirstMetricColumn) {
                const QString& s = textOf(r, column);
                return s.isEmpty() ? QVariant() : QVariant(s);
            }
            if (isMetric(column)) {
                const double v = metricAt(r, column);
                return std::isnan(v) ? QVariant() : QVariant(v);
            }
            return flagAt(r, column) < 0 ? QVariant() : QVariant(int(flagAt(r, column)));
        case Qt::TextAlignmentRole:
            if (isMetric(column)) return int(Qt::AlignRight | Qt::AlignVCenter);
            if (column >= FirstFlagColumn) return int(Qt::AlignCenter);
            return {};
        case Qt::ToolTipRole:
            if (column >= FirstMetricColumn && displayText(r, column) == kNoData)
                return r.hasMetrics ? tr("No data for this customer")
                                    : tr("Not analysed: run the analysis");
            return {};
    }
    return {};
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::TextAlignmentRole && section >= FirstMetricColumn)
        return int((isMetric(section) ? Qt::AlignRight : Qt::AlignHCenter) | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (section) {
        case CodeColumn:
            return tr("Code");
        case NameColumn:
            return tr("Name");
        case RegionColumn:
            return tr("Region");
        case ChannelColumn:
            return tr("Channel");
        case ManagerColumn:
            return tr("Manager");
        case SegmentColumn:
            return tr("Segment");
    }
    if (isMetric(section)) return tr(kMetricFormats[section - FirstMetricColumn].title);
    if (section >= FirstFlagColumn && section < ColumnCount)
        return tr(kFlagTitles[section - FirstFlagColumn]);
    return {};
}

bool CustomerTableModel::lessThan(int left, int right, int column, Qt::SortOrder order) const {
    const auto& a = m_data->rows[std::size_t(left)];
    const auto& b = m_data->rows[std::size_t(right)];
    // A proxy sorting descending asks lessThan(right, left): a missing value must then compare
    // smaller to end up last, and larger when ascending.
    auto missingLast = [order](bool aMissing, bool bMissing) {
        return order == Qt::AscendingOrder ? bMissing && !aMissing : aMissing && !bMissing;
    };
    if (column < FirstMetricColumn) {
        const QString& x = textOf(a, column);
        const QString& y = textOf(b, column);
        if (x.isEmpty() || y.isEmpty()) return missingLast(x.isEmpty(), y.isEmpty());
        return QString::compare(x, y, Qt::CaseInsensitive) < 0;
    }
    if (isMetric(column)) {
        const double x = metricAt(a, column), y = metricAt(b, column);
        if (std::isnan(x) || std::isnan(y)) return missingLast(std::isnan(x), std::isnan(y));
        return x < y;
    }
    const auto x = flagAt(a, column), y = flagAt(b, column);
    if (x < 0 || y < 0) return missingLast(x < 0, y < 0);
    return x < y;
}

bool CustomerTableModel::matches(int row, const QString& text) const {
    const auto& r = m_data->rows[std::size_t(row)];
    for (const QString* s : {&r.code, &r.name, &r.region, &r.channel, &r.manager, &r.segment})
        if (s->contains(text, Qt::CaseInsensitive)) return true;
    return false;
}

QString CustomerTableModel::toCsv(const QList<int>& rows) const {
    QStringList fields;
    for (int c = 0; c < ColumnCount; ++c)
        fields << csvField(headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    QString out = fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int row : rows) {
        const auto& r = m_data->rows[std::size_t(row)];
        fields.clear();
        for (int c = 0; c < FirstMetricColumn; ++c) fields << csvField(textOf(r, c));
        // Unformatted numbers ('g', full precision, no group separators) so spreadsheets read
        // them back whatever the locale.
        for (int c = FirstMetricColumn; c < FirstFlagColumn; ++c) {
            const double v = metricAt(r, c);
            fields << (std::isnan(v) ? QString() : QString::number(v, 'g', 15));
        }
        for (int c = FirstFlagColumn; c < ColumnCount; ++c) {
            const auto f = flagAt(r, c);
            fields << (f < 0 ? QString() : QString::number(int(f)));
        }
        out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

}  // namespace cw::app
