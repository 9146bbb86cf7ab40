#pragma once
// The central page while the matrices are being built: what the open workbook holds (rows per
// table, date coverage, imports, data-quality headline) and where the Clienting matrices will
// appear. Shows what the document and the audit computed; computes nothing itself.
#include <QScrollArea>

#include <map>
#include <memory>
#include <string>

#include "store/Audit.h"

class QLabel;

namespace cw::app {

class StatTile;
struct WorkbookSummary;

class OverviewPage : public QScrollArea {
    Q_OBJECT

public:
    explicit OverviewPage(QWidget* parent = nullptr);

    void setSummary(const WorkbookSummary& summary);
    /// The latest audit, or nullptr while it runs.
    void setAudit(std::shared_ptr<const store::AuditReport> report);

    QString tileValue(const std::string& table) const;

private:
    QWidget* buildContents();
    QWidget* buildMatrices();

    QLabel* m_title;
    QLabel* m_subtitle;
    std::map<std::string, StatTile*> m_tiles;
    QLabel* m_coverage;
    QLabel* m_quality;
    QLabel* m_imports;
};

}  // namespace cw::app
