#include "app/dashboard/TargetDialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/widgets/Format.h"

namespace cw::app {

namespace kpi = engine::kpi;

TargetDialog::TargetDialog(kpi::IndicatorId id, const QString& context, const QString& valueNow,
                           std::optional<double> current, QWidget* parent)
    : QDialog(parent), m_value(new QDoubleSpinBox) {
    setObjectName(QStringLiteral("TargetDialog"));
    const auto& ind = kpi::indicator(id);
    setWindowTitle(tr("Set target"));
    auto* intro = new QLabel(tr("<b>%1</b> for %2.<br>A target is met when the value is %3 it.")
                                 .arg(toQString(std::string(ind.name)).toHtmlEscaped(), context.toHtmlEscaped(),
                                      ind.good == kpi::Direction::Up ? tr("at least") : tr("at most")));
    intro->setWordWrap(true);
    const bool whole = ind.unit == kpi::Unit::Count;
    m_value->setObjectName(QStringLiteral("targetValue"));
    m_value->setDecimals(whole ? 0 : 2);
    m_value->setRange(ind.unit == kpi::Unit::NpsScore || ind.unit == kpi::Unit::Currency ? -1e12 : 0,
                      ind.unit == kpi::Unit::Percent || ind.unit == kpi::Unit::Score ? 1000 : 1e12);
    if (ind.unit == kpi::Unit::NpsScore) m_value->setRange(-100, 100);
    m_value->setGroupSeparatorShown(true);
    m_value->setValue(current.value_or(0));
    m_value->selectAll();
    auto* form = new QFormLayout;
    form->addRow(tr("Value now:"), new QLabel(valueNow));
    form->addRow(tr("&Target:"), m_value);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    if (current) {
        auto* remove = buttons->addButton(tr("&Remove target"), QDialogButtonBox::DestructiveRole);
        remove->setObjectName(QStringLiteral("removeTarget"));
        connect(remove, &QPushButton::clicked, this, &TargetDialog::removeTarget);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

std::optional<double> TargetDialog::target() const {
    if (m_remove) return std::nullopt;
    return m_value->value();
}

void TargetDialog::setTargetValue(double v) { m_value->setValue(v); }

void TargetDialog::removeTarget() {
    m_remove = true;
    accept();
}

}  // namespace cw::app
