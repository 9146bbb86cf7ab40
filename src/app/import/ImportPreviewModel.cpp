#include "app/import/ImportPreviewModel.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyle>

#include "app/widgets/Format.h"

namespace cw::app {

ImportPreviewModel::ImportPreviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImportPreviewModel::setPreview(const store::ImportPreview& preview,
                                    const std::vector<std::string>& choices) {
    beginResetModel();
    m_preview = preview;
    m_choices = choices;
    endResetModel();
}

void ImportPreviewModel::clear() {
    setPreview({}, {});
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_preview.rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || m_preview.header.empty()
               ? 0
               : static_cast<int>(m_preview.header.size()) + 1;
}

bool ImportPreviewModel::rejected(int row) const {
    return row < static_cast<int>(m_preview.rowStatus.size()) &&
           m_preview.rowStatus[static_cast<std::size_t>(row)] != "ok";
}

int ImportPreviewModel::rejectedRows() const {
    int n = 0;
    for (int r = 0; r < rowCount(); ++r) n += rejected(r);
    return n;
}

QString ImportPreviewModel::roleText(const std::string& role) {
    if (role.empty()) return tr("not checked");
    if (role == "ignored") return tr("not imported");
    if (role == "attribute") return tr("→ service attribute");
    if (role == "custom" || role.rfind("custom (", 0) == 0)  // also "custom (number)"
        return tr("→ custom field%1").arg(toQString(role.substr(6)));
    return QStringLiteral("→ ") + toQString(role);
}

QVariant ImportPreviewModel::statusData(int row, int role) const {
    const bool checked = row < static_cast<int>(m_preview.rowStatus.size());
    const std::string status = checked ? m_preview.rowStatus[static_cast<std::size_t>(row)] : "";
    const bool bad = rejected(row);
    switch (role) {
        case Qt::DisplayRole:
            if (!checked) return tr("?");
            // The status is "reason: message"; the reason code is short enough for the cell.
            return bad ? toQString(status.substr(0, status.find(':'))) : tr("loaded");
        case Qt::DecorationRole:
            if (!checked) return {};
            return QApplication::style()->standardIcon(bad ? QStyle::SP_MessageBoxWarning
                                                           : QStyle::SP_DialogApplyButton);
        case Qt::ToolTipRole: {
            if (!checked) return tr("Not checked: complete the mapping first.");
            if (bad) return tr("Would be rejected: %1").arg(toQString(status));
            if (row >= static_cast<int>(m_preview.parsed.size())) return {};
            QStringList values;
            for (const auto& v : m_preview.parsed[static_cast<std::size_t>(row)])
                values << (v.empty() ? QStringLiteral("–") : toQString(v));
            return tr("Stored as: %1").arg(values.join(QStringLiteral(" · ")));
        }
    }
    return {};
}

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const int row = index.row();
    if (role == RejectedRole) return rejected(row);
    if (role == Qt::FontRole && rejected(row)) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    if (role == Qt::ForegroundRole && rejected(row) && index.column() > 0)
        return QApplication::palette().brush(QPalette::PlaceholderText);
    if (index.column() == 0) return statusData(row, role);
    const auto& fields = m_preview.rows[static_cast<std::size_t>(row)];
    const auto c = static_cast<std::size_t>(index.column() - 1);
    if (role == Qt::DisplayRole) return c < fields.size() ? toQString(fields[c]) : QString();
    if (role == Qt::ToolTipRole) return statusData(row, role);
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (role != Qt::DisplayRole) return {};
        return section + 1;
    }
    const int c = section - 1;
    if (role == FileColumnRole) return c;
    const bool fileColumn = c >= 0 && c < static_cast<int>(m_preview.header.size());
    if (role == ChoiceRole)
        return fileColumn && c < static_cast<int>(m_choices.size())
                   ? toQString(m_choices[static_cast<std::size_t>(c)])
                   : QString();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    if (section == 0)
        return role == Qt::DisplayRole ? tr("Status\n") : tr("What the import does with the row");
    if (!fileColumn) return {};
    const std::string roleName = c < static_cast<int>(m_preview.columnRoles.size())
                                     ? m_preview.columnRoles[static_cast<std::size_t>(c)]
                                     : std::string();
    if (role == Qt::ToolTipRole)
        return tr("Column %1 “%2”: %3")
            .arg(c + 1)
            .arg(toQString(m_preview.header[static_cast<std::size_t>(c)]), roleText(roleName));
    return toQString(m_preview.header[static_cast<std::size_t>(c)]) + QLatin1Char('\n') +
           roleText(roleName);
}

}  // namespace cw::app
