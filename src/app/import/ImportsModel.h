#pragma once
// The workbook's imports as a table: file, table, loaded, rejected, reasons, date.
#include <QAbstractTableModel>

#include <vector>

#include "store/Workbook.h"

namespace cw::app {

class ImportsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        FileColumn,
        TableColumn,
        LoadedColumn,
        RejectedColumn,
        ReasonsColumn,
        DateColumn,
        ColumnCount
    };
    /// The import id (qint64), for actions on an import.
    enum Role { ImportIdRole = Qt::UserRole + 1 };

    explicit ImportsModel(QObject* parent = nullptr);

    void setImports(std::vector<store::ImportSummary> imports);
    const std::vector<store::ImportSummary>& imports() const { return m_imports; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// "invalid_date 12, missing_id 3", largest first.
    static QString reasonsText(const store::ImportSummary& s);

private:
    QString toolTip(const store::ImportSummary& s) const;

    std::vector<store::ImportSummary> m_imports;
};

}  // namespace cw::app
