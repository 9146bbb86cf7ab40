#pragma once
// The Data sources dock: what was imported into the workbook (file, table, loaded, rejected
// and why, when) and how many rows each table holds.
#include <QDockWidget>

class QLabel;
class QSplitter;
class QTableView;

namespace cw::app {

class ImportsModel;
class TableCountsModel;
class WorkbookDocument;

class DataSourcesDock : public QDockWidget {
    Q_OBJECT

public:
    explicit DataSourcesDock(WorkbookDocument* document, QWidget* parent = nullptr);

    /// Writes the rejected records of an import as CSV (as `clienting rejects`); the error, or
    /// empty.
    QString saveRejects(qint64 importId, const QString& path);
    ImportsModel* importsModel() const { return m_imports; }
    TableCountsModel* countsModel() const { return m_counts; }
    QTableView* importsView() const { return m_importsView; }

private:
    void reload();

    WorkbookDocument* m_document;
    ImportsModel* m_imports;
    TableCountsModel* m_counts;
    QTableView* m_importsView;
    QLabel* m_caption;
    QSplitter* m_splitter;
};

}  // namespace cw::app
