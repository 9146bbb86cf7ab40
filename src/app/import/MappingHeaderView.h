#pragma once
// A table header with a combo box under each file column's title, to choose what the column
// becomes (a target field, a custom field, nothing). Sections whose FileColumnRole is negative
// (the status column) get no combo. The combos' current values come from the model's
// ChoiceRole, so a model reset is enough to show a new mapping.
#include <QHeaderView>
#include <QList>

#include <map>

class QComboBox;

namespace cw::app {

class MappingHeaderView : public QHeaderView {
    Q_OBJECT

public:
    struct Choice {
        QString label;
        QString value;
        QString toolTip;
    };

    MappingHeaderView(int fileColumnRole, int choiceRole, QWidget* parent = nullptr);

    /// The entries of every combo (the same for all columns).
    void setChoices(const QList<Choice>& choices);
    QComboBox* comboForColumn(int fileColumn) const;
    void setModel(QAbstractItemModel* model) override;

signals:
    /// The user picked `value` for the 0-based file column.
    void choiceChanged(int fileColumn, const QString& value);

protected:
    QSize sectionSizeFromContents(int logicalIndex) const override;
    void updateGeometries() override;

private:
    void rebuildCombos();
    void placeCombos();
    void fillCombo(QComboBox* combo, int logicalIndex) const;
    int comboHeight() const;

    int m_fileColumnRole;
    int m_choiceRole;
    QList<Choice> m_choices;
    std::map<int, QComboBox*> m_combos;  ///< logical section -> combo
};

}  // namespace cw::app
