#include "app/import/ImportsModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "app/widgets/Format.h"

namespace cw::app {

ImportsModel::ImportsModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImportsModel::setImports(std::vector<store::ImportSummary> imports) {
    beginResetModel();
    m_imports = std::move(imports);
    endResetModel();
}

int ImportsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_imports.size());
}

int ImportsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImportsModel::reasonsText(const store::ImportSummary& s) {
    std::vector<std::pair<std::string, std::int64_t>> reasons(s.reasons.begin(), s.reasons.end());
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    QStringList parts;
    for (const auto& [reason, count] : reasons)
        parts << QStringLiteral("%1 %2").arg(toQString(reason), formatCount(count));
    return parts.join(QStringLiteral(", "));
}

QString ImportsModel::toolTip(const store::ImportSummary& s) const {
    QString tip = QStringLiteral("<b>%1</b><br>").arg(toQString(s.file).toHtmlEscaped());
    tip += tr("Profile: %1").arg(toQString(s.profile).toHtmlEscaped());
    const auto details = QJsonDocument::fromJson(QByteArray::fromStdString(s.detailsJson)).object();
    if (const auto dialect = details.value(QStringLiteral("dialect")).toString();
        !dialect.isEmpty())
        tip += QStringLiteral("<br>") + tr("Read as: %1").arg(dialect.toHtmlEscaped());
    tip += QStringLiteral("<br>") +
           tr("%1 records: %2 loaded, %3 rejected")
               .arg(formatCount(s.records), formatCount(s.loaded), formatCount(s.rejected));
    for (const auto& w : details.value(QStringLiteral("warnings")).toArray())
        tip += QStringLiteral("<br>⚠ ") + w.toString().toHtmlEscaped();
    return tip;
}

QVariant ImportsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& s = m_imports[static_cast<std::size_t>(index.row())];
    if (role == ImportIdRole) return static_cast<qlonglong>(s.id);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case FileColumn:
                return toQString(s.fileName.empty() ? s.file : s.fileName);
            case TableColumn:
                return tableTitle(s.table);
            case LoadedColumn:
                return formatCount(s.loaded);
            case RejectedColumn:
                return formatCount(s.rejected);
            case ReasonsColumn:
                return s.reasons.empty() ? tr("—") : reasonsText(s);
            case DateColumn:
                return formatIsoDateTime(s.startedAt);
        }
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == LoadedColumn || index.column() == RejectedColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) return toolTip(s);
    return {};
}

QVariant ImportsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case FileColumn:
            return tr("File");
        case TableColumn:
            return tr("Table");
        case LoadedColumn:
            return tr("Loaded");
        case RejectedColumn:
            return tr("Rejected");
        case ReasonsColumn:
            return tr("Reasons");
        case DateColumn:
            return tr("Imported");
    }
    return {};
}

}  // namespace cw::app
