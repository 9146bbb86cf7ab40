#pragma once
// The import preview as a table: a status column (loaded, or the reject reason) and the file's
// columns as read, with what each column becomes in its header. Rejected rows are marked and
// carry the reason as a tooltip; loaded rows show, as a tooltip, the values the import stores.
#include <QAbstractTableModel>

#include <string>
#include <vector>

#include "store/Importer.h"

namespace cw::app {

class ImportPreviewModel : public QAbstractTableModel {
    Q_OBJECT

public:
    /// Header roles: FileColumnRole is the 0-based file column of a section (-1 for the status
    /// column); ChoiceRole is what the wizard chose for it (field, "custom", "ignore"…).
    enum Role { FileColumnRole = Qt::UserRole + 1, ChoiceRole, RejectedRole };

    explicit ImportPreviewModel(QObject* parent = nullptr);

    /// `choices` (one per file column) are the wizard's; the preview's roles say what the store
    /// made of them. An empty rowStatus means the rows could not be checked (mapping refused).
    void setPreview(const store::ImportPreview& preview, const std::vector<std::string>& choices);
    void clear();

    int rejectedRows() const;
    const store::ImportPreview& preview() const { return m_preview; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// "→ customer_id", "→ custom field", "not imported"…
    static QString roleText(const std::string& role);

private:
    bool rejected(int row) const;
    QVariant statusData(int row, int role) const;

    store::ImportPreview m_preview;
    std::vector<std::string> m_choices;
};

}  // namespace cw::app
