#include "app/portfolio/PortfolioDialogs.h"

#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

#include "app/widgets/Format.h"
#include "engine/kpi/Indicators.h"

namespace cw::app::portfolio_dialogs {

QDate toDate(std::int32_t day) {
    return QDate(1970, 1, 1).addDays(day);
}
std::int32_t toDay(const QDate& date) {
    return std::int32_t(QDate(1970, 1, 1).daysTo(date));
}

namespace {

/// A form dialog with OK/Cancel; OK is enabled while `valid()` holds.
struct Form {
    QDialog dialog;
    QFormLayout* form;
    QDialogButtonBox* buttons;
    Form(QWidget* parent, const QString& title) : dialog(parent) {
        dialog.setWindowTitle(title);
        form = new QFormLayout(&dialog);
        buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    }
    bool exec() {
        form->addRow(buttons);
        dialog.resize(std::max(dialog.sizeHint().width(), 460), dialog.sizeHint().height());
        return dialog.exec() == QDialog::Accepted;
    }
    void requireText(QLineEdit* edit) {
        auto update = [this, edit] {
            buttons->button(QDialogButtonBox::Ok)->setEnabled(!edit->text().trimmed().isEmpty());
        };
        QObject::connect(edit, &QLineEdit::textChanged, &dialog, update);
        update();
    }
};

QDateEdit* dateEdit(std::int32_t day) {
    auto* edit = new QDateEdit(toDate(day));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return edit;
}

}  // namespace

std::optional<NewPlan> askNewPlan(QWidget* parent, const QString& forWhom,
                                  const QString& defaultTitle) {
    Form f(parent, QObject::tr("New account plan"));
    auto* who = new QLabel(forWhom);
    who->setWordWrap(true);
    auto* title = new QLineEdit(defaultTitle);
    auto* notes = new QPlainTextEdit;
    notes->setPlaceholderText(QObject::tr("What the plan aims at, for whom, with whom"));
    f.form->addRow(QObject::tr("For:"), who);
    f.form->addRow(QObject::tr("&Title:"), title);
    f.form->addRow(QObject::tr("&Notes:"), notes);
    f.requireText(title);
    if (!f.exec()) return std::nullopt;
    return NewPlan{title->text().trimmed(), notes->toPlainText().trimmed(), 0};
}

std::optional<NewPlan> askTopPlan(QWidget* parent, int available, const QString& defaultTitle) {
    Form f(parent, QObject::tr("New account plan for the top customers"));
    auto* top = new QSpinBox;
    top->setRange(1, std::max(1, available));
    top->setValue(std::min(10, std::max(1, available)));
    auto* title = new QLineEdit(defaultTitle);
    auto* notes = new QPlainTextEdit;
    f.form->addRow(QObject::tr("&Customers:"), top);
    f.form->addRow(QString(),
                   new QLabel(QObject::tr("the portfolio's highest lifetime values (%n with one)",
                                          nullptr, available)));
    f.form->addRow(QObject::tr("&Title:"), title);
    f.form->addRow(QObject::tr("&Notes:"), notes);
    f.requireText(title);
    if (!f.exec()) return std::nullopt;
    return NewPlan{title->text().trimmed(), notes->toPlainText().trimmed(), top->value()};
}

std::optional<store::PlanObjective> askObjective(QWidget* parent, std::int32_t today) {
    Form f(parent, QObject::tr("Add objective"));
    auto* indicator = new QComboBox;
    for (const auto& i : engine::kpi::indicators())
        indicator->addItem(toQString(std::string(i.name)), toQString(std::string(i.key)));
    indicator->setToolTip(QObject::tr("The indicator the plan should move (docs/indicators.md)"));
    auto* target = new QDoubleSpinBox;
    target->setRange(-1e12, 1e12);
    target->setDecimals(2);
    auto* due = dateEdit(today + 90);
    f.form->addRow(QObject::tr("&Indicator:"), indicator);
    f.form->addRow(QObject::tr("&Target:"), target);
    f.form->addRow(QObject::tr("&Due:"), due);
    if (!f.exec()) return std::nullopt;
    store::PlanObjective o;
    o.indicator = toStdString(indicator->currentData().toString());
    o.target = target->value();
    o.dueDay = toDay(due->date());
    return o;
}

namespace {

/// The action form: empty (a new action, from `defaults`' owner and due day) or prefilled.
std::optional<store::PlanAction> actionForm(
    QWidget* parent, const QString& title, const store::PlanAction& defaults,
    const std::vector<std::pair<std::int64_t, QString>>& customers) {
    Form f(parent, title);
    auto* what = new QLineEdit(toQString(defaults.what));
    what->setPlaceholderText(QObject::tr("e.g. Visit to review the supply agreement"));
    auto* who = new QLineEdit(toQString(defaults.owner));
    auto* due = dateEdit(defaults.dueDay);
    auto* customer = new QComboBox;
    customer->addItem(QObject::tr("The whole plan"), qint64(0));
    for (const auto& [id, label] : customers) customer->addItem(label, qint64(id));
    if (defaults.customerId) {
        int index = customer->findData(qint64(*defaults.customerId));
        if (index < 0) {  // not (or no longer) listed: keep it choosable as it is
            customer->addItem(QStringLiteral("#%1").arg(*defaults.customerId),
                              qint64(*defaults.customerId));
            index = customer->count() - 1;
        }
        customer->setCurrentIndex(index);
    }
    f.form->addRow(QObject::tr("&What:"), what);
    f.form->addRow(QObject::tr("&Owner:"), who);
    f.form->addRow(QObject::tr("&Due:"), due);
    f.form->addRow(QObject::tr("&About:"), customer);
    f.requireText(what);
    if (!f.exec()) return std::nullopt;
    store::PlanAction a = defaults;
    a.what = toStdString(what->text().trimmed());
    a.owner = toStdString(who->text().trimmed());
    a.dueDay = toDay(due->date());
    a.customerId.reset();
    if (const qint64 id = customer->currentData().toLongLong(); id > 0) a.customerId = id;
    return a;
}

}  // namespace

std::optional<store::PlanAction> askAction(
    QWidget* parent, std::int32_t today, const QString& owner,
    const std::vector<std::pair<std::int64_t, QString>>& customers) {
    store::PlanAction defaults;
    defaults.owner = toStdString(owner);
    defaults.dueDay = today + 7;
    return actionForm(parent, QObject::tr("Add action"), defaults, customers);
}

std::optional<store::PlanAction> askEditAction(
    QWidget* parent, const store::PlanAction& action,
    const std::vector<std::pair<std::int64_t, QString>>& customers) {
    return actionForm(parent, QObject::tr("Edit action"), action, customers);
}

std::optional<std::int32_t> askSnoozeUntil(QWidget* parent, std::int32_t today) {
    Form f(parent, QObject::tr("Snooze alert"));
    auto* until = dateEdit(today + 14);
    until->setMinimumDate(toDate(today + 1));
    f.form->addRow(
        new QLabel(QObject::tr("Hide the alert until this day; it shows again after it.")));
    f.form->addRow(QObject::tr("&Until:"), until);
    if (!f.exec()) return std::nullopt;
    return toDay(until->date());
}

}  // namespace cw::app::portfolio_dialogs
