#include "app/analysis/DefinitionsDialog.h"

#include <tuple>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cw::app {

QDoubleSpinBox* DefinitionsDialog::real(double value, double min, double max, double step, int decimals) {
    auto* s = new QDoubleSpinBox;
    s->setRange(min, max);
    s->setSingleStep(step);
    s->setDecimals(decimals);
    s->setValue(value);
    return s;
}

QDoubleSpinBox* DefinitionsDialog::percent(double rate, double min, double max, double stepPercent, int decimals) {
    auto* s = real(rate * 100.0, min * 100.0, max * 100.0, stepPercent, decimals);
    s->setSuffix(QStringLiteral(" %"));
    return s;
}

double DefinitionsDialog::rate(const QDoubleSpinBox* box) { return box->value() / 100.0; }

QSpinBox* DefinitionsDialog::integer(int value, int min, int max) {
    auto* s = new QSpinBox;
    s->setRange(min, max);
    s->setValue(value);
    return s;
}

DefinitionsDialog::DefinitionsDialog(const engine::AnalysisSettings& s, QWidget* parent)
    : QDialog(parent), m_base(s) {
    setWindowTitle(tr("Definitions"));
    auto* money = new QGroupBox(tr("Profitability and potential"));
    auto* f1 = new QFormLayout(money);
    f1->addRow(tr("Analysis window (months)"), m_window = integer(s.windowMonths, 1, 120));
    f1->addRow(tr("Gross margin rate where cost is unknown"), m_margin = percent(s.grossMarginRate, 0, 1, 5, 1));
    m_currency = new QLineEdit(QString::fromStdString(s.currency));
    m_currency->setPlaceholderText(tr("e.g. €, GBP (a label: nothing is converted)"));
    m_currency->setMaxLength(16);
    f1->addRow(tr("Currency"), m_currency);
    m_potential = new QComboBox;
    m_potential->addItems({tr("model (BG/NBD + Gamma-Gamma)"), tr("wallet estimate − spend"), tr("peer headroom")});
    m_potential->setCurrentIndex(static_cast<int>(s.potential));
    f1->addRow(tr("Potential"), m_potential);
    f1->addRow(tr("Horizon (months)"), m_horizon = integer(s.horizonMonths, 1, 120));
    f1->addRow(tr("Annual discount rate"), m_discount = percent(s.annualDiscountRate, 0, 1, 1, 1));
    f1->addRow(tr("Top tier (share of customers)"), m_topShare = percent(s.profitableTopShare, 0.01, 0.99, 5, 0));

    auto* exits = new QGroupBox(tr("Exits and customers buying less"));
    auto* f2 = new QFormLayout(exits);
    f2->addRow(tr("Exit when the chance of still buying is below"), m_pAlive = percent(s.exitPAlive, 0, 1, 5, 0));
    f2->addRow(tr("… or silent for × own rhythm"), m_rhythm = real(s.exitRhythmMultiple, 0.1, 100, 0.5, 1));
    f2->addRow(tr("… and at least (days)"), m_exitDays = integer(s.exitMinDays, 1, 3650));
    f2->addRow(tr("Buying less: compare the last (months)"), m_anorexiaMonths = integer(s.anorexiaWindowMonths, 1, 60));
    f2->addRow(tr("Buying less: spend or frequency down by more than"), m_drop = percent(s.anorexiaDrop, 0.01, 0.99, 5, 0));
    f2->addRow(tr("Buying less: purchase days needed before"), m_anorexiaOrders = integer(s.anorexiaMinOrders, 1, 100));

    auto* loyalty = new QGroupBox(tr("Loyalty index weights"));
    auto* f3 = new QFormLayout(loyalty);
    // Keys as in the settings; labels in words for people.
    const std::tuple<const char*, const char*, double> weights[] = {
        {"tenure", QT_TR_NOOP("Years as a customer"), s.loyalty.tenure},
        {"repeat", QT_TR_NOOP("Months with a purchase"), s.loyalty.repeat},
        {"recency", QT_TR_NOOP("Recency against the customer's rhythm"), s.loyalty.recency},
        {"p_alive", QT_TR_NOOP("Probability of still being a customer"), s.loyalty.pAlive},
        {"recommend", QT_TR_NOOP("Likelihood to recommend"), s.loyalty.recommend},
        {"repurchase", QT_TR_NOOP("Intention to buy again"), s.loyalty.repurchase}};
    for (const auto& [key, label, value] : weights) {
        m_weights[key] = real(value, 0, 100, 0.5, 2);
        f3->addRow(tr(label), m_weights[key]);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(money);
    left->addWidget(exits);
    columns->addLayout(left);
    columns->addWidget(loyalty, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);
}

engine::AnalysisSettings DefinitionsDialog::settings() const {
    engine::AnalysisSettings s = m_base;
    s.windowMonths = m_window->value();
    s.grossMarginRate = rate(m_margin);
    s.currency = m_currency->text().trimmed().toStdString();
    s.potential = static_cast<engine::PotentialMethod>(m_potential->currentIndex());
    s.horizonMonths = m_horizon->value();
    s.annualDiscountRate = rate(m_discount);
    s.profitableTopShare = rate(m_topShare);
    s.exitPAlive = rate(m_pAlive);
    s.exitRhythmMultiple = m_rhythm->value();
    s.exitMinDays = m_exitDays->value();
    s.anorexiaWindowMonths = m_anorexiaMonths->value();
    s.anorexiaDrop = rate(m_drop);
    s.anorexiaMinOrders = m_anorexiaOrders->value();
    s.loyalty.tenure = m_weights.at("tenure")->value();
    s.loyalty.repeat = m_weights.at("repeat")->value();
    s.loyalty.recency = m_weights.at("recency")->value();
    s.loyalty.pAlive = m_weights.at("p_alive")->value();
    s.loyalty.recommend = m_weights.at("recommend")->value();
    s.loyalty.repurchase = m_weights.at("repurchase")->value();
    return s;
}

}  // namespace cw::app
