#include "app/DefinitionsDialog.h"

#include <tuple>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
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
    f1->addRow(tr("Gross margin rate where cost is unknown"), m_margin = real(s.grossMarginRate, 0, 1, 0.05, 2));
    m_potential = new QComboBox;
    m_potential->addItems({tr("model (BG/NBD + Gamma-Gamma)"), tr("wallet estimate − spend"), tr("peer headroom")});
    m_potential->setCurrentIndex(static_cast<int>(s.potential));
    f1->addRow(tr("Potential"), m_potential);
    f1->addRow(tr("Horizon (months)"), m_horizon = integer(s.horizonMonths, 1, 120));
    f1->addRow(tr("Annual discount rate"), m_discount = real(s.annualDiscountRate, 0, 1, 0.01, 3));
    f1->addRow(tr("Top tier (share of customers)"), m_topShare = real(s.profitableTopShare, 0.01, 0.99, 0.05, 2));

    auto* exits = new QGroupBox(tr("Exits and anorexia"));
    auto* f2 = new QFormLayout(exits);
    f2->addRow(tr("Exit when P(alive) below"), m_pAlive = real(s.exitPAlive, 0, 1, 0.05, 2));
    f2->addRow(tr("… or silent for × own rhythm"), m_rhythm = real(s.exitRhythmMultiple, 0.1, 100, 0.5, 1));
    f2->addRow(tr("… and at least (days)"), m_exitDays = integer(s.exitMinDays, 1, 3650));
    f2->addRow(tr("Anorexia window (months)"), m_anorexiaMonths = integer(s.anorexiaWindowMonths, 1, 60));
    f2->addRow(tr("Anorexia: drop of more than"), m_drop = real(s.anorexiaDrop, 0.01, 0.99, 0.05, 2));
    f2->addRow(tr("Anorexia: purchase days needed before"), m_anorexiaOrders = integer(s.anorexiaMinOrders, 1, 100));

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
    s.grossMarginRate = m_margin->value();
    s.potential = static_cast<engine::PotentialMethod>(m_potential->currentIndex());
    s.horizonMonths = m_horizon->value();
    s.annualDiscountRate = m_discount->value();
    s.profitableTopShare = m_topShare->value();
    s.exitPAlive = m_pAlive->value();
    s.exitRhythmMultiple = m_rhythm->value();
    s.exitMinDays = m_exitDays->value();
    s.anorexiaWindowMonths = m_anorexiaMonths->value();
    s.anorexiaDrop = m_drop->value();
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
