#include "app/quality/FindingsModel.h"

#include <QRegularExpression>

#include <QApplication>
#include <QStyle>

#include "app/widgets/Format.h"

namespace cw::app {

FindingsModel::FindingsModel(QObject* parent) : QAbstractTableModel(parent) {}

void FindingsModel::setReport(std::shared_ptr<const store::AuditReport> report) {
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_report ? 0 : static_cast<int>(m_report->findings.size());
}

int FindingsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString FindingsModel::severityTitle(store::Severity s) {
    switch (s) {
        case store::Severity::Info:
            return tr("Note");
        case store::Severity::Warning:
            return tr("Warning");
        case store::Severity::Error:
            return tr("Error");
    }
    return {};
}

static QIcon severityIcon(store::Severity s) {
    const auto pixmap = s == store::Severity::Error     ? QStyle::SP_MessageBoxCritical
                        : s == store::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                        : QStyle::SP_MessageBoxInformation;
    return QApplication::style()->standardIcon(pixmap);
}

// A finding's words for the window: the audit names command-line commands (it serves both);
// here they become the window's own actions.
QString FindingsModel::windowText(const std::string& message) {
    QString text = toQString(message);
    static const QRegularExpression rejects(
        QStringLiteral("list them with 'clienting rejects --import (\\d+)', fix the file and re-import it with --replace\\."));
    text.replace(rejects, tr("save them with Save rejected records… (right-click import #\\1 in Data sources), fix the "
                             "file and import it again, replacing import #\\1."));
    static const QRegularExpression importTransactions(
        QStringLiteral("\\(clienting import --table transactions\\s+FILE\\)"));
    text.replace(importTransactions, tr("(File › Import data…)"));
    return text;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& f = m_report->findings[static_cast<std::size_t>(index.row())];
    if (role == SeverityRole) return static_cast<int>(f.severity);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case SeverityColumn:
                return severityTitle(f.severity);
            case TableColumn:
                return tableTitle(f.table);
            case CountColumn:
                return formatCount(f.count);
            case MessageColumn:
                return windowText(f.message);
        }
    }
    if (role == Qt::DecorationRole && index.column() == SeverityColumn)
        return severityIcon(f.severity);
    if (role == Qt::TextAlignmentRole && index.column() == CountColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        QString tip =
            QStringLiteral("<p>%1</p><p><i>%2</i>%3</p>")
                .arg(windowText(f.message).toHtmlEscaped(), toQString(f.check),
                     f.field.empty() ? QString() : QStringLiteral(" · ") + toQString(f.field));
        if (!f.examples.empty()) {
            QStringList examples;
            for (const auto& e : f.examples) examples << toQString(e).toHtmlEscaped();
            tip += tr("<p>Examples: %1</p>").arg(examples.join(QStringLiteral(", ")));
        }
        return tip;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case SeverityColumn:
            return tr("Severity");
        case TableColumn:
            return tr("Table");
        case CountColumn:
            return tr("Count");
        case MessageColumn:
            return tr("Finding");
    }
    return {};
}

}  // namespace cw::app
