#pragma once
// Completeness per column from the audit: how many rows of each table have the column filled.
#include <QAbstractTableModel>

#include <memory>

#include "store/Audit.h"

namespace cw::app {

class CompletenessModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TableColumn, FieldColumn, FilledColumn, ShareColumn, ColumnCount };
    /// The filled share 0..1 as a double (for the bar delegate and sorting).
    enum Role { ShareRole = Qt::UserRole + 1 };

    explicit CompletenessModel(QObject* parent = nullptr);

    void setReport(std::shared_ptr<const store::AuditReport> report);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const store::AuditReport> m_report;
};

}  // namespace cw::app
