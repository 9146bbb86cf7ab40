#pragma once
// The audit's findings (duplicates, orphans, gaps, outliers…), worst first as the audit
// reports them, with a severity icon and a few example values in the tooltip.
#include <QAbstractTableModel>

#include <memory>

#include "store/Audit.h"

namespace cw::app {

class FindingsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { SeverityColumn, TableColumn, CountColumn, MessageColumn, ColumnCount };
    enum Role { SeverityRole = Qt::UserRole + 1 };

    explicit FindingsModel(QObject* parent = nullptr);
    /// A finding's message with the command-line commands it names replaced by the window's
    /// actions ("Save rejected records…", "File › Import data…").
    static QString windowText(const std::string& message);

    void setReport(std::shared_ptr<const store::AuditReport> report);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString severityTitle(store::Severity s);

private:
    std::shared_ptr<const store::AuditReport> m_report;
};

}  // namespace cw::app
