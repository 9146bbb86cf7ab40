#include "app/import/MappingHeaderView.h"

#include <QComboBox>

namespace cw::app {
namespace {

constexpr int kMargin = 3;
constexpr int kMinimumComboWidth = 128;

}  // namespace

MappingHeaderView::MappingHeaderView(int fileColumnRole, int choiceRole, QWidget* parent)
    : QHeaderView(Qt::Horizontal, parent),
      m_fileColumnRole(fileColumnRole),
      m_choiceRole(choiceRole) {
    // Titles at the top of each section; the combo covers the bottom strip.
    setDefaultAlignment(Qt::AlignLeft | Qt::AlignTop);
    setSectionsClickable(false);
    setHighlightSections(false);
    connect(this, &QHeaderView::sectionResized, this, &MappingHeaderView::placeCombos);
    connect(this, &QHeaderView::sectionMoved, this, &MappingHeaderView::placeCombos);
}

void MappingHeaderView::setModel(QAbstractItemModel* model) {
    if (this->model()) disconnect(this->model(), nullptr, this, nullptr);
    QHeaderView::setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &MappingHeaderView::rebuildCombos);
        connect(model, &QAbstractItemModel::headerDataChanged, this,
                &MappingHeaderView::rebuildCombos);
    }
    rebuildCombos();
}

void MappingHeaderView::setChoices(const QList<Choice>& choices) {
    m_choices = choices;
    for (auto& [logical, combo] : m_combos) fillCombo(combo, logical);
}

QComboBox* MappingHeaderView::comboForColumn(int fileColumn) const {
    for (const auto& [logical, combo] : m_combos)
        if (model()->headerData(logical, Qt::Horizontal, m_fileColumnRole).toInt() == fileColumn)
            return combo;
    return nullptr;
}

void MappingHeaderView::fillCombo(QComboBox* combo, int logicalIndex) const {
    const QSignalBlocker block(combo);
    combo->clear();
    for (const auto& c : m_choices) {
        combo->addItem(c.label, c.value);
        combo->setItemData(combo->count() - 1, c.toolTip, Qt::ToolTipRole);
    }
    const QString current =
        model()->headerData(logicalIndex, Qt::Horizontal, m_choiceRole).toString();
    combo->setCurrentIndex(combo->findData(current));
    combo->setToolTip(
        model()->headerData(logicalIndex, Qt::Horizontal, Qt::ToolTipRole).toString());
}

void MappingHeaderView::rebuildCombos() {
    for (auto& [logical, combo] : m_combos) combo->deleteLater();
    m_combos.clear();
    if (!model()) return;
    for (int logical = 0; logical < model()->columnCount(); ++logical) {
        const QVariant fileColumn = model()->headerData(logical, Qt::Horizontal, m_fileColumnRole);
        if (!fileColumn.isValid() || fileColumn.toInt() < 0) continue;
        // Children of the viewport move with it when the table scrolls sideways.
        auto* combo = new QComboBox(viewport());
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
        fillCombo(combo, logical);
        connect(combo, &QComboBox::activated, this, [this, combo, column = fileColumn.toInt()] {
            emit choiceChanged(column, combo->currentData().toString());
        });
        m_combos[logical] = combo;
        combo->show();
    }
    placeCombos();
}

int MappingHeaderView::comboHeight() const {
    static const int height = QComboBox().sizeHint().height();
    return height;
}

void MappingHeaderView::placeCombos() {
    const int h = comboHeight();
    const int y = viewport()->height() - h - kMargin;
    for (auto& [logical, combo] : m_combos) {
        if (isSectionHidden(logical)) {
            combo->hide();
            continue;
        }
        combo->setGeometry(sectionViewportPosition(logical) + kMargin, y,
                           sectionSize(logical) - 2 * kMargin, h);
        combo->show();
    }
}

QSize MappingHeaderView::sectionSizeFromContents(int logicalIndex) const {
    QSize size = QHeaderView::sectionSizeFromContents(logicalIndex);
    size.setHeight(size.height() + comboHeight() + 2 * kMargin);
    if (model() && model()->headerData(logicalIndex, Qt::Horizontal, m_fileColumnRole).toInt() >= 0)
        size.setWidth(qMax(size.width(), kMinimumComboWidth));
    return size;
}

void MappingHeaderView::updateGeometries() {
    QHeaderView::updateGeometries();
    placeCombos();
}

}  // namespace cw::app
