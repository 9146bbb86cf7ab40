#include "app/import/SurveyOptionsBox.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>

#include "app/widgets/Format.h"

namespace cw::app {
namespace {

QDoubleSpinBox* scoreSpin(double value) {
    auto* spin = new QDoubleSpinBox;
    spin->setRange(-1000, 1000);
    spin->setDecimals(1);
    spin->setValue(value);
    return spin;
}

}  // namespace

SurveyOptionsBox::SurveyOptionsBox(QWidget* parent)
    : QGroupBox(tr("Survey"), parent),
      m_columns(new QListWidget),
      m_scaleMin(scoreSpin(0)),
      m_scaleMax(scoreSpin(10)),
      m_hasNa(new QCheckBox(tr("Not applicable:"))),
      m_na(scoreSpin(0)) {
    m_columns->setSelectionMode(QAbstractItemView::NoSelection);
    m_columns->setFlow(QListView::LeftToRight);
    m_columns->setWrapping(true);
    m_columns->setResizeMode(QListView::Adjust);
    m_columns->setMaximumHeight(m_columns->fontMetrics().height() * 5);
    m_columns->setToolTip(tr("Check the columns that hold a score per service attribute"));
    connect(m_columns, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        emit attributeToggled(m_columns->row(item), item->checkState() == Qt::Checked);
    });

    m_na->setEnabled(false);
    m_na->setToolTip(tr("Attribute scores with this value are stored as “no answer”"));
    connect(m_hasNa, &QCheckBox::toggled, m_na, &QWidget::setEnabled);
    connect(m_hasNa, &QCheckBox::toggled, this, &SurveyOptionsBox::settingsChanged);
    for (auto* spin : {m_scaleMin, m_scaleMax, m_na})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &SurveyOptionsBox::settingsChanged);

    auto* scaleRow = new QHBoxLayout;
    scaleRow->addWidget(new QLabel(tr("Attribute scale from")));
    scaleRow->addWidget(m_scaleMin);
    scaleRow->addWidget(new QLabel(tr("to")));
    scaleRow->addWidget(m_scaleMax);
    scaleRow->addSpacing(16);
    scaleRow->addWidget(m_hasNa);
    scaleRow->addWidget(m_na);
    scaleRow->addStretch();

    auto* layout = new QFormLayout(this);
    layout->addRow(tr("Attribute columns:"), m_columns);
    layout->addRow(scaleRow);
}

void SurveyOptionsBox::setColumns(const std::vector<std::string>& header,
                                  const std::vector<bool>& attribute) {
    const QSignalBlocker block(m_columns);
    m_columns->clear();
    for (std::size_t i = 0; i < header.size(); ++i) {
        auto* item = new QListWidgetItem(toQString(header[i]), m_columns);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(i < attribute.size() && attribute[i] ? Qt::Checked : Qt::Unchecked);
    }
}

void SurveyOptionsBox::setScale(std::pair<double, double> scale) {
    const QSignalBlocker a(m_scaleMin), b(m_scaleMax);
    m_scaleMin->setValue(scale.first);
    m_scaleMax->setValue(scale.second);
}

void SurveyOptionsBox::setNaValue(std::optional<double> value) {
    const QSignalBlocker a(m_hasNa), b(m_na);
    m_hasNa->setChecked(value.has_value());
    m_na->setEnabled(value.has_value());
    if (value) m_na->setValue(*value);
}

std::pair<double, double> SurveyOptionsBox::scale() const {
    return {m_scaleMin->value(), m_scaleMax->value()};
}

std::optional<double> SurveyOptionsBox::naValue() const {
    return m_hasNa->isChecked() ? std::optional<double>(m_na->value()) : std::nullopt;
}

}  // namespace cw::app
